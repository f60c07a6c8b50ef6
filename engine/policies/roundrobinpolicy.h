#pragma once

#include "engine/policies/routingpolicy.h"

#include <vector>

namespace longitude::engine {

/// Cycles through the candidates of each group in order: the blind baseline every routing
/// comparison starts from (it spreads load evenly and destroys prefix-cache locality).
class RoundRobinPolicy : public RoutingPolicy
{
public:
    void attach(const ClusterView &view, Rng &rng) override
    {
        RoutingPolicy::attach(view, rng);
        m_next.assign(static_cast<std::size_t>(view.groupCount()), 0);
    }
    int route(const RouteQuery &query) override
    {
        std::size_t &next = m_next[static_cast<std::size_t>(query.group)];
        if (next >= query.candidates.size())
            next = 0;
        return query.candidates[next++];
    }

private:
    std::vector<std::size_t> m_next;
};

} // namespace longitude::engine
