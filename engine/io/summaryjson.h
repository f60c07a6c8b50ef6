#pragma once

#include "engine/stats/simulationresult.h"

#include <string>

namespace longitude::engine {

/// Writes a SimulationResult as the stable `longitude.summary/1` JSON document
/// (docs/summary-format.md): fixed key order, fixed number formats, two-space indentation and a
/// trailing newline, so that the same scenario and seed give byte-identical files. Wall-clock
/// time is the one non-reproducible figure: `wall_seconds` is null unless `includeWallTime`.
class SummaryJson
{
public:
    static constexpr const char *kSchema = "longitude.summary/1";
    static std::string write(const SimulationResult &result, bool includeWallTime);
};

} // namespace longitude::engine
