#include "simulationsetup.h"

#include "engine/network/regiongraph.h"
#include "engine/workload/trafficpresets.h"

#include <algorithm>
#include <cmath>

namespace longitude::engine {

std::expected<SimulationSetup, std::string> SimulationSetup::resolve(const Scenario &scenario)
{
    SimulationSetup setup;
    setup.scenario = scenario;
    if (scenario.regions.empty())
        return std::unexpected("the scenario has no region");
    std::vector<std::string> zoneIds;
    for (const Region &region : scenario.regions) {
        setup.regionIds.push_back(region.id);
        auto it = std::find(zoneIds.begin(), zoneIds.end(), region.zone);
        if (it == zoneIds.end()) {
            zoneIds.push_back(region.zone);
            it = zoneIds.end() - 1;
        }
        setup.regionZone.push_back(static_cast<int>(it - zoneIds.begin()));
        setup.gatewayUs.push_back(region.gatewayLatencyMs * 1e3);
        setup.utcOffsetHours.push_back(region.utcOffsetHours);
    }
    for (const Model &model : scenario.models)
        setup.modelIds.push_back(model.id);
    // Direct links win, else the shortest path (network/RegionGraph); +infinity when unreachable.
    const RegionGraph graph(scenario);
    for (const auto &row : graph.rttMatrixMs())
        setup.rttMs.insert(setup.rttMs.end(), row.begin(), row.end());

    setup.requestRate.assign(setup.regionIds.size(), std::array<double, 24>{});
    for (std::size_t t = 0; t < scenario.traffic.size(); ++t) {
        const RegionTraffic &traffic = scenario.traffic[t];
        const auto it = std::find(setup.regionIds.begin(), setup.regionIds.end(), traffic.region);
        const std::string where = "traffic/" + std::to_string(t) + ": ";
        if (it == setup.regionIds.end())
            return std::unexpected(where + "unknown region '" + traffic.region + "'");
        std::array<double, 24> curve{};
        if (!traffic.hourly.empty()) {
            if (traffic.hourly.size() != 24)
                return std::unexpected(where + "hourly needs exactly 24 values");
            std::copy(traffic.hourly.begin(), traffic.hourly.end(), curve.begin());
        } else {
            const auto preset = TrafficPresets::curve(traffic.preset);
            if (!preset)
                return std::unexpected(where + "unknown preset '" + traffic.preset + "'");
            curve = *preset;
        }
        auto &rate = setup.requestRate[static_cast<std::size_t>(it - setup.regionIds.begin())];
        for (std::size_t h = 0; h < 24; ++h) {
            if (!(curve[h] >= 0.0) || !std::isfinite(curve[h]))
                return std::unexpected(where + "multipliers must be finite and >= 0");
            rate[h] += traffic.peakRps * curve[h];
        }
    }
    auto factory = RequestFactory::create(scenario, setup.modelIds);
    if (!factory)
        return std::unexpected(factory.error());
    setup.factory = std::move(*factory);
    setup.cost = CostModel(scenario, setup.regionIds);
    setup.policy = scenario.routing.policy;
    setup.policyParams = scenario.routing.params;
    setup.seed = scenario.simulation.seed;
    setup.durationS = scenario.simulation.durationS;
    return setup;
}

} // namespace longitude::engine
