#pragma once

#include "engine/scenario/scenario.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace longitude::models {

/// The named daily traffic shapes a region's curve may use instead of 24 explicit values
/// (docs/scenario-format.md, traffic[].preset), so that the traffic editor can draw a preset
/// curve and turn it into explicit points when the planner drags one.
///
/// The curves are the engine's (engine/workload/trafficpresets.h) whenever it is in the source
/// tree, so that the curve drawn is the curve simulated. Until then a fallback table of
/// Longitude's own illustrative assumptions (2026-11-26) is used: office hours for
/// "business-day", an evening peak for "consumer-evening", overnight work for "night-batch".
/// A planner with data replaces them with a curve taken from a trace.
class TrafficPresets
{
public:
    /// Preset ids in the order the editor offers them.
    static QStringList names();
    /// A human label for the preset id ("Business day").
    static QString displayName(const QString &preset);
    /// 24 multipliers (local hours 0..23) of the preset, or nothing for an unknown id.
    static std::optional<std::vector<double>> curve(const QString &preset);
    /// The 24 multipliers a traffic entry stands for: its explicit values, else its preset's,
    /// else 24 zeros (an invalid entry, which the engine's diagnostics report).
    static std::vector<double> effectiveCurve(const engine::RegionTraffic &traffic);
};

} // namespace longitude::models
