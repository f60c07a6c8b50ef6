#pragma once

#include "engine/policies/routingpolicy.h"
#include "engine/serving/servingcluster.h"
#include "engine/sim/simulationsetup.h"

#include <vector>

namespace longitude::engine {

/// Decides where a request is served, in the order the product promises: residency first (a
/// tagged request only considers regions of its origin's zone), then the serving region (the
/// origin if it runs the request's model, else the nearest region by RTT that does), then the
/// routing policy among that region's replicas, then a last residency check at serve time is
/// left to the caller (Episode::deliver) so that a policy bug cannot leak data unnoticed.
class Router
{
public:
    struct Decision
    {
        int replica = -1;
        const char *shedReason = nullptr; ///< set when replica < 0
    };

    Router(const ServingCluster &cluster, const SimulationSetup &setup, RoutingPolicy &policy);

    Decision route(const Request &request, SimTime now);
    /// The candidate group a request from `origin` for `model` goes to, or -1.
    int targetGroup(int origin, int model, bool tagged) const
    {
        return m_target[static_cast<std::size_t>(((origin * m_models) + model) * 2 + (tagged ? 1 : 0))];
    }

private:
    const ServingCluster &m_cluster;
    RoutingPolicy &m_policy;
    const SimulationSetup &m_setup;
    int m_models = 0;
    std::vector<int> m_target;        ///< group, or -1 (no replica) / -2 (none in zone)
    std::vector<int> m_workloadModel; ///< model index of each workload class
};

} // namespace longitude::engine
