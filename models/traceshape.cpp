#include "models/traceshape.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <map>

namespace longitude::models {

namespace {

constexpr double kSecondsPerHour = 3600.0;

QString lineError(const QString &path, long long line, const QString &message)
{
    return QStringLiteral("%1:%2: %3").arg(QFileInfo(path).fileName()).arg(line).arg(message);
}

/// Seconds of [begin, end) (seconds of a continuous clock) falling in each hour of the day.
std::vector<double> coverage(double begin, double end)
{
    std::vector<double> seconds(24, 0.0);
    // A trace longer than a day covers every hour fully; only the shape per hour matters.
    for (double t = begin; t < end;) {
        const double hourStart = std::floor(t / kSecondsPerHour) * kSecondsPerHour;
        const double next = std::min(end, hourStart + kSecondsPerHour);
        const int hour = static_cast<int>(std::fmod(hourStart / kSecondsPerHour, 24.0) + 24.0) % 24;
        seconds[static_cast<std::size_t>(hour)] += next - t;
        t = next;
    }
    return seconds;
}

} // namespace

int TraceShape::coveredHours() const
{
    return static_cast<int>(std::count(m_covered.begin(), m_covered.end(), true));
}

std::expected<TraceShape, QString> TraceShape::fromFile(const QString &path, double startHour)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return std::unexpected(QStringLiteral("%1: cannot open the file: %2").arg(path, file.errorString()));

    TraceShape shape;
    std::vector<double> requestsPerHour(24, 0.0);
    std::vector<double> secondsPerHour(24, 0.0);
    QTextStream in(&file);
    const QString header = in.readLine();
    long long lineNumber = 1;

    if (header.trimmed().startsWith(QLatin1Char('{'))) {
        shape.m_format = Format::Mooncake;
        double first = 0, last = 0;
        bool any = false;
        for (QString line = header; !line.isNull(); line = in.readLine(), ++lineNumber) {
            if (line.trimmed().isEmpty())
                continue;
            QJsonParseError parseError;
            const QJsonObject record = QJsonDocument::fromJson(line.toUtf8(), &parseError).object();
            if (parseError.error != QJsonParseError::NoError)
                return std::unexpected(lineError(path, lineNumber, parseError.errorString()));
            const QJsonValue timestamp = record.value(QStringLiteral("timestamp"));
            if (!timestamp.isDouble())
                return std::unexpected(lineError(path, lineNumber, QStringLiteral("\"timestamp\" (ms) is missing or not a number")));
            const double seconds = startHour * kSecondsPerHour + timestamp.toDouble() / 1000.0;
            first = any ? std::min(first, seconds) : seconds;
            last = any ? std::max(last, seconds) : seconds;
            any = true;
            const int hour = static_cast<int>(std::fmod(std::floor(seconds / kSecondsPerHour), 24.0) + 24) % 24;
            requestsPerHour[static_cast<std::size_t>(hour)] += 1;
            ++shape.m_records;
        }
        if (!any)
            return std::unexpected(QStringLiteral("%1: no requests in the trace").arg(path));
        secondsPerHour = coverage(first, std::max(last, first + 1.0));
    } else {
        const QStringList columns = header.trimmed().split(QLatin1Char(','));
        const int timestampColumn = static_cast<int>(columns.indexOf(QStringLiteral("TIMESTAMP")));
        const int hourColumn = static_cast<int>(columns.indexOf(QStringLiteral("hour_of_day")));
        const int rateColumn = static_cast<int>(columns.indexOf(QStringLiteral("total_rate_rps")));
        const int dayColumn = static_cast<int>(columns.indexOf(QStringLiteral("day")));
        const int windowColumn = static_cast<int>(columns.indexOf(QStringLiteral("window_start_s")));
        if (timestampColumn >= 0) {
            shape.m_format = Format::AzureCsv;
            double first = 0, last = 0;
            bool any = false;
            for (QString line = in.readLine(); !line.isNull(); line = in.readLine()) {
                ++lineNumber;
                if (line.trimmed().isEmpty())
                    continue;
                const QString stamp = line.section(QLatin1Char(','), timestampColumn, timestampColumn).left(19);
                const QDateTime time = QDateTime::fromString(stamp, QStringLiteral("yyyy-MM-dd HH:mm:ss"));
                if (!time.isValid())
                    return std::unexpected(lineError(path, lineNumber, QStringLiteral("TIMESTAMP \"%1\" is not yyyy-MM-dd HH:mm:ss").arg(stamp)));
                const QTime clock = time.time();
                // A continuous clock: days since the epoch plus the time of day.
                const double seconds = static_cast<double>(time.date().toJulianDay()) * 24 * kSecondsPerHour
                                     + clock.msecsSinceStartOfDay() / 1000.0;
                first = any ? std::min(first, seconds) : seconds;
                last = any ? std::max(last, seconds) : seconds;
                any = true;
                requestsPerHour[static_cast<std::size_t>(clock.hour())] += 1;
                ++shape.m_records;
            }
            if (!any)
                return std::unexpected(QStringLiteral("%1: no requests in the trace").arg(path));
            secondsPerHour = coverage(first, std::max(last, first + 1.0));
        } else if (hourColumn >= 0 && rateColumn >= 0) {
            shape.m_format = Format::ServeGenAggregate;
            // Rates of several categories and models share a window: add them up per window first.
            std::map<std::pair<QString, QString>, std::pair<int, double>> windows;
            for (QString line = in.readLine(); !line.isNull(); line = in.readLine()) {
                ++lineNumber;
                if (line.trimmed().isEmpty())
                    continue;
                const QStringList fields = line.split(QLatin1Char(','));
                bool hourOk = false, rateOk = false;
                const double hourOfDay = fields.value(hourColumn).toDouble(&hourOk);
                const double rate = fields.value(rateColumn).toDouble(&rateOk);
                if (!hourOk || !rateOk || hourOfDay < 0 || hourOfDay >= 24 || rate < 0)
                    return std::unexpected(lineError(path, lineNumber, QStringLiteral("hour_of_day in [0, 24) and total_rate_rps ≥ 0 expected")));
                auto &window = windows[{fields.value(dayColumn), fields.value(windowColumn)}];
                window.first = static_cast<int>(hourOfDay);
                window.second += rate;
                ++shape.m_records;
            }
            // Mean rate per hour = mean over the hour's windows; "seconds" count windows here.
            for (const auto &[key, window] : windows) {
                requestsPerHour[static_cast<std::size_t>(window.first)] += window.second;
                secondsPerHour[static_cast<std::size_t>(window.first)] += 1.0;
            }
            if (windows.empty())
                return std::unexpected(QStringLiteral("%1: no rate windows in the file").arg(path));
        } else {
            return std::unexpected(QStringLiteral("%1: not a Mooncake JSONL, Azure CSV (TIMESTAMP column) or "
                                                  "ServeGen aggregate CSV (hour_of_day, total_rate_rps columns)").arg(path));
        }
    }

    std::vector<double> rate(24, 0.0);
    for (std::size_t hour = 0; hour < 24; ++hour) {
        shape.m_covered[hour] = secondsPerHour[hour] > 0;
        rate[hour] = shape.m_covered[hour] ? requestsPerHour[hour] / secondsPerHour[hour] : 0.0;
    }
    shape.m_peakRps = *std::max_element(rate.begin(), rate.end());
    for (std::size_t hour = 0; hour < 24; ++hour)
        shape.m_hourly[hour] = shape.m_peakRps > 0 ? rate[hour] / shape.m_peakRps : 0.0;
    return shape;
}

} // namespace longitude::models
