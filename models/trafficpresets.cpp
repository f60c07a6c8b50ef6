#include "models/trafficpresets.h"

#include "engine/workload/arrivalprocess.h"
#include "engine/workload/trafficpresets.h"

#include <algorithm>
#include <array>

namespace longitude::models {

QStringList TrafficPresets::names()
{
    QStringList result;
    for (const std::string &name : engine::TrafficPresets::names())
        result << QString::fromStdString(name);
    return result;
}

QString TrafficPresets::displayName(const QString &preset)
{
    // Derived from the id so that a preset added to the engine needs no second entry here.
    QString label = preset;
    label.replace(QLatin1Char('-'), QLatin1Char(' '));
    if (!label.isEmpty())
        label[0] = label[0].toUpper();
    return label;
}

std::optional<std::vector<double>> TrafficPresets::curve(const QString &preset)
{
    const auto engineCurve = engine::TrafficPresets::curve(preset.toStdString());
    if (!engineCurve)
        return std::nullopt;
    return std::vector<double>(engineCurve->begin(), engineCurve->end());
}

std::vector<double> TrafficPresets::effectiveCurve(const engine::RegionTraffic &traffic)
{
    if (traffic.hourly.size() == 24)
        return traffic.hourly;
    if (traffic.hourly.empty()) {
        if (auto preset = curve(QString::fromStdString(traffic.preset)))
            return *preset;
    }
    return std::vector<double>(24, 0.0);
}

double TrafficPresets::rpsAt(const engine::RegionTraffic &traffic, double utcOffsetHours, double utcHour)
{
    const std::vector<double> curve = effectiveCurve(traffic);
    std::array<double, 24> rate{};
    std::transform(curve.begin(), curve.end(), rate.begin(), [&](double x) { return traffic.peakRps * x; });
    // A simulation starting at `utcHour`, asked for its rate at time zero.
    return engine::ArrivalProcess(rate, utcOffsetHours, utcHour).rateAt(0.0);
}

} // namespace longitude::models
