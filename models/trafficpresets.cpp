#include "models/trafficpresets.h"

#include <QCoreApplication>

#include <array>

// The engine's table is the one the simulation uses; it replaces the fallback below as soon as
// it is part of the source tree (branch engine), so that the curve drawn is the curve simulated.
#if __has_include("engine/workload/trafficpresets.h")
#include "engine/workload/trafficpresets.h"
#define LONGITUDE_ENGINE_PRESETS 1
#else
#define LONGITUDE_ENGINE_PRESETS 0
#endif

namespace longitude::models {

namespace {

struct Preset
{
    const char *id;
    const char *label;
    std::array<double, 24> hourly;
};

// Illustrative shapes, Longitude assumption of 2026-11-26 (see the class comment): no public
// trace gives per-region diurnal curves of LLM traffic.
constexpr std::array<Preset, 4> kPresets{{
    {"business-day", QT_TRANSLATE_NOOP("TrafficPresets", "Business day"),
     {0.10, 0.08, 0.07, 0.07, 0.08, 0.12, 0.25, 0.50, 0.80, 0.95, 1.00, 1.00,
      0.90, 0.95, 1.00, 0.98, 0.90, 0.75, 0.50, 0.35, 0.28, 0.22, 0.17, 0.13}},
    {"consumer-evening", QT_TRANSLATE_NOOP("TrafficPresets", "Consumer evening"),
     {0.35, 0.25, 0.18, 0.14, 0.12, 0.12, 0.15, 0.25, 0.38, 0.45, 0.50, 0.55,
      0.60, 0.58, 0.55, 0.55, 0.60, 0.68, 0.80, 0.92, 1.00, 0.98, 0.85, 0.60}},
    {"flat", QT_TRANSLATE_NOOP("TrafficPresets", "Flat"),
     {1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0,
      1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0}},
    {"night-batch", QT_TRANSLATE_NOOP("TrafficPresets", "Night batch"),
     {1.00, 1.00, 1.00, 0.95, 0.90, 0.80, 0.50, 0.25, 0.15, 0.10, 0.10, 0.10,
      0.10, 0.10, 0.10, 0.10, 0.10, 0.10, 0.12, 0.20, 0.35, 0.60, 0.85, 0.95}},
}};

const Preset *findPreset(const QString &id)
{
    for (const Preset &preset : kPresets) {
        if (id == QLatin1String(preset.id))
            return &preset;
    }
    return nullptr;
}

} // namespace

QStringList TrafficPresets::names()
{
    // The names the validator accepts (engine/scenario/scenario.h), in its order.
    QStringList result;
    for (std::string_view name : engine::kTrafficPresets)
        result << QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size()));
    return result;
}

QString TrafficPresets::displayName(const QString &preset)
{
    if (const Preset *found = findPreset(preset))
        return QCoreApplication::translate("TrafficPresets", found->label);
    return preset;
}

std::optional<std::vector<double>> TrafficPresets::curve(const QString &preset)
{
#if LONGITUDE_ENGINE_PRESETS
    if (const auto engineCurve = engine::TrafficPresets::curve(preset.toStdString()))
        return std::vector<double>(engineCurve->begin(), engineCurve->end());
    return std::nullopt;
#endif
    const Preset *found = findPreset(preset);
    if (found == nullptr)
        return std::nullopt;
    return std::vector<double>(found->hourly.begin(), found->hourly.end());
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

} // namespace longitude::models
