#pragma once

#include "engine/policies/routingpolicy.h"

#include <vector>

namespace longitude::engine {

/// Cycles through the candidates in order: the blind baseline every routing comparison starts
/// from (it spreads load evenly and destroys prefix-cache locality). By default it cycles over
/// the serving region's replicas; with `global` it cycles over every replica the request may use,
/// like the single round-robin load balancer in front of all regions of seed 000.
class RoundRobinPolicy : public RoutingPolicy
{
public:
    explicit RoundRobinPolicy(bool global = false) : m_global(global) {}

    void attach(const ClusterView &view, Rng &rng) override
    {
        RoutingPolicy::attach(view, rng);
        m_next.assign(static_cast<std::size_t>(view.groupCount()) * (m_global ? 2 : 1), 0);
    }
    RouteScope scope() const override { return m_global ? RouteScope::Zone : RouteScope::LocalGroup; }
    RouteChoice route(const RouteQuery &query) override
    {
        // One cursor per candidate list: per group, or globally per (nearest group, tagged).
        const std::size_t key = m_global ? static_cast<std::size_t>(query.group) * 2 + (query.request->tagged ? 1 : 0)
                                         : static_cast<std::size_t>(query.group);
        std::size_t &next = m_next[key];
        if (next >= query.candidates.size())
            next = 0;
        return RouteChoice::serve(query.candidates[next++]);
    }

private:
    bool m_global = false;
    std::vector<std::size_t> m_next;
};

} // namespace longitude::engine
