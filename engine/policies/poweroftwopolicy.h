#pragma once

#include "engine/policies/routingpolicy.h"

namespace longitude::engine {

/// Power of two choices (Mitzenmacher 2001; seed 004): sample two distinct candidates uniformly
/// and send the request to the one with fewer outstanding requests (the first sample on a tie,
/// itself a uniform pick). Nearly JSQ's balance with two probes instead of a full view.
class PowerOfTwoPolicy : public RoutingPolicy
{
public:
    RouteChoice route(const RouteQuery &query) override
    {
        const auto &c = query.candidates;
        if (c.size() == 1)
            return RouteChoice::serve(c.front());
        const std::size_t i = static_cast<std::size_t>(m_rng->uniformInt(c.size()));
        std::size_t j = static_cast<std::size_t>(m_rng->uniformInt(c.size() - 1));
        if (j >= i)
            ++j;
        const int a = c[i];
        const int b = c[j];
        return RouteChoice::serve(m_view->load(b).outstanding < m_view->load(a).outstanding ? b : a);
    }
};

} // namespace longitude::engine
