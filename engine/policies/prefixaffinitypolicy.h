#pragma once

#include "engine/policies/consistenthashring.h"
#include "engine/policies/leastloadpolicy.h"

#include <vector>

namespace longitude::engine {

/// Prefix affinity (DOMAIN.md section 5.3; seed 004 policy 5, "prefix-key affinity"): the hash of
/// the request's system prompt picks its replica on a consistent-hash ring of the group, so every
/// user of one prompt shares one KV cache; when that replica's wait queue holds `tau` or more
/// requests (default 10) the request joins the shortest queue instead. Requests without a shared
/// system prompt go to the shortest queue.
class PrefixAffinityPolicy : public RoutingPolicy
{
public:
    explicit PrefixAffinityPolicy(int tau) : m_tau(tau) {}

    void attach(const ClusterView &view, Rng &rng) override;
    RouteChoice route(const RouteQuery &query) override;
    void loadChanged(int replica) override { m_leastLoad.loadChanged(replica); }
    void viewRefreshed() override { m_leastLoad.viewRefreshed(); }
    void routableChanged() override { m_leastLoad.routableChanged(); }

private:
    int m_tau;
    std::vector<ConsistentHashRing> m_rings; ///< one per group
    LeastLoadPolicy m_leastLoad;
};

} // namespace longitude::engine
