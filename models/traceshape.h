#pragma once

#include <QString>

#include <expected>
#include <vector>

namespace longitude::models {

/// A daily traffic shape measured from a trace file, for the traffic editor's "from a trace"
/// preset: the mean request rate in each hour of the day, normalised so the busiest hour is 1.
///
/// Formats (DOMAIN.md §8): Mooncake JSONL (`timestamp` in ms from the trace start), the Azure
/// LLM inference 2023 CSV (`TIMESTAMP` column, wall-clock date and time) and the ServeGen
/// aggregate CSV (`hour_of_day`, `total_rate_rps` per 10-minute window). A rate is only known
/// for the hours the trace covers; the others are reported as uncovered and set to 0, so the
/// planner sees how much of the day the trace really says something about.
/// @todo Read requests through the engine's trace readers once they land (engine/workload).
class TraceShape
{
public:
    enum class Format { Mooncake, AzureCsv, ServeGenAggregate };

    /// Reads `path`. `startHour` places a trace whose timestamps are relative (Mooncake) in the
    /// day: the local hour its first request arrives in. Errors name the file and the line.
    static std::expected<TraceShape, QString> fromFile(const QString &path, double startHour = 0.0);

    Format format() const { return m_format; }
    /// 24 multipliers (hours 0..23 of the trace's clock), the busiest hour = 1.
    const std::vector<double> &hourly() const { return m_hourly; }
    /// Whether the trace has any time inside each hour.
    const std::vector<bool> &covered() const { return m_covered; }
    int coveredHours() const;
    /// Mean requests per second in the busiest hour.
    double peakRps() const { return m_peakRps; }
    /// Requests read (rate windows for the ServeGen aggregate).
    long long records() const { return m_records; }

private:
    Format m_format = Format::Mooncake;
    std::vector<double> m_hourly = std::vector<double>(24, 0.0);
    std::vector<bool> m_covered = std::vector<bool>(24, false);
    double m_peakRps = 0.0;
    long long m_records = 0;
};

} // namespace longitude::models
