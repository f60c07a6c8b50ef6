#pragma once

#include "engine/scenario/scenario.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace longitude::models {

/// The named daily traffic shapes a region's curve may use instead of 24 explicit values
/// (docs/scenario-format.md, traffic[].preset), as the editors and the map need them: Qt strings,
/// a label per preset, and the curve a traffic entry stands for.
///
/// The names and curves are the engine's (engine/workload/trafficpresets.h), so the curve drawn
/// is the curve simulated; nothing here holds a second table.
class TrafficPresets
{
public:
    /// Preset ids in the engine's order.
    static QStringList names();
    /// A human label for the preset id: "business-day" reads "Business day".
    static QString displayName(const QString &preset);
    /// 24 multipliers (local hours 0..23) of the preset, or nothing for an unknown id.
    static std::optional<std::vector<double>> curve(const QString &preset);
    /// The 24 multipliers a traffic entry stands for: its explicit values, else its preset's,
    /// else 24 zeros (an invalid entry, which the engine's diagnostics report).
    static std::vector<double> effectiveCurve(const engine::RegionTraffic &traffic);
    /// Requests per second the entry sends at `utcHour` (any real hour; wrapped to the day) from a
    /// region `utcOffsetHours` ahead of UTC: the rate the engine's arrival process uses at that
    /// moment (engine::ArrivalProcess), so the map, the traffic charts and a run agree.
    static double rpsAt(const engine::RegionTraffic &traffic, double utcOffsetHours, double utcHour);
};

} // namespace longitude::models
