#include "router.h"

#include <cmath>
#include <limits>

namespace longitude::engine {

Router::Router(const ServingCluster &cluster, const SimulationSetup &setup, RoutingPolicy &policy)
    : m_cluster(cluster)
    , m_policy(policy)
    , m_setup(setup)
    , m_models(cluster.modelCount())
{
    const int regions = cluster.regionCount();
    m_target.assign(static_cast<std::size_t>(regions * m_models * 2), -1);
    for (int origin = 0; origin < regions; ++origin)
        for (int model = 0; model < m_models; ++model)
            for (int tagged = 0; tagged < 2; ++tagged) {
                int best = -1;
                double bestRtt = std::numeric_limits<double>::infinity();
                bool anyOutsideZone = false;
                for (int r = 0; r < regions; ++r) {
                    const int g = cluster.group(r, model);
                    if (g < 0)
                        continue;
                    if (tagged && setup.regionZone[static_cast<std::size_t>(r)]
                                      != setup.regionZone[static_cast<std::size_t>(origin)]) {
                        anyOutsideZone = true;
                        continue;
                    }
                    // The origin itself always wins (RTT 0); otherwise the nearest, lowest index on ties.
                    const double rtt = r == origin ? -1.0 : setup.rttMs[static_cast<std::size_t>(origin * regions + r)];
                    if (rtt < bestRtt) {
                        bestRtt = rtt;
                        best = g;
                    }
                }
                if (best < 0 && !std::isfinite(bestRtt) && anyOutsideZone)
                    best = -2;
                m_target[static_cast<std::size_t>(((origin * m_models) + model) * 2 + tagged)] = best;
            }
    for (const auto &c : setup.factory.classes())
        m_workloadModel.push_back(c.model);
}

Router::Decision Router::route(const Request &request, SimTime now)
{
    const int model = m_workloadModel[static_cast<std::size_t>(request.workload)];
    const int group = targetGroup(request.originRegion, model, request.tagged != 0);
    if (group < 0)
        return {-1, group == -2 ? "no-replica-in-zone" : "no-replica"};
    RouteQuery query;
    query.request = &request;
    query.originRegion = request.originRegion;
    query.group = group;
    query.candidates = m_cluster.groupReplicas(group);
    query.now = now;
    const int replica = m_policy.route(query);
    if (replica < 0)
        return {-1, "policy"};
    const Replica &chosen = m_cluster.replica(replica);
    if (chosen.blocksNeeded(request) > chosen.kvCapacityBlocks())
        return {-1, "exceeds-kv-capacity"};
    return {replica, nullptr};
}

} // namespace longitude::engine
