#pragma once

#include "engine/planning/costmodel.h"
#include "engine/scenario/scenario.h"
#include "engine/workload/requestfactory.h"

#include <array>
#include <expected>
#include <string>
#include <vector>

namespace longitude::engine {

/// A scenario resolved once into indices and numbers for the simulation: ids become positions,
/// presets become curves, links become an RTT matrix. Shared read-only by every episode of a run.
struct SimulationSetup
{
    Scenario scenario;
    std::vector<std::string> regionIds;
    std::vector<std::string> modelIds;
    std::vector<int> regionZone;          ///< zone index of each region
    std::vector<double> gatewayUs;        ///< client <-> gateway latency per region
    std::vector<double> rttMs;            ///< regions x regions
    std::vector<std::array<double, 24>> requestRate; ///< requests/s by local hour, per region (0 if no traffic)
    std::vector<double> utcOffsetHours;
    RequestFactory factory;               ///< template, copied into each episode
    CostModel cost;
    std::string policy;
    ParamMap policyParams;
    std::uint64_t seed = 1;
    double durationS = 0.0;

    /// Checks what the engine needs (references, curves, profiles) and resolves it.
    static std::expected<SimulationSetup, std::string> resolve(const Scenario &scenario);
};

} // namespace longitude::engine
