#pragma once

#include "engine/policies/consistenthashring.h"
#include "engine/policies/leastloadpolicy.h"

#include <vector>

namespace longitude::engine {

/// Session affinity (DOMAIN.md section 5.2; seed 004 policy 4): every turn of a conversation goes
/// to the replica owning the session on a consistent-hash ring of the group's replicas, so its
/// growing history stays in one KV cache. Requests without a session go to the least-loaded
/// replica. Soft affinity (seed 002): with `softQueueLimit` > 0, a sticky replica holding more than
/// that many waiting requests is passed over for the least-loaded one; 0 keeps affinity hard.
class SessionAffinityPolicy : public RoutingPolicy
{
public:
    SessionAffinityPolicy(int pointsPerReplica, int softQueueLimit)
        : m_points(pointsPerReplica), m_softQueueLimit(softQueueLimit)
    {
    }

    void attach(const ClusterView &view, Rng &rng) override;
    RouteChoice route(const RouteQuery &query) override;
    void loadChanged(int replica) override { m_leastLoad.loadChanged(replica); }
    void viewRefreshed() override { m_leastLoad.viewRefreshed(); }
    void routableChanged() override { m_leastLoad.routableChanged(); }

private:
    int m_points;
    int m_softQueueLimit;
    std::vector<ConsistentHashRing> m_rings; ///< one per group
    LeastLoadPolicy m_leastLoad;
};

} // namespace longitude::engine
