#pragma once

#include "engine/policies/routingpolicy.h"

namespace longitude::engine {

/// Load + cache-aware scoring, "LCA" (DOMAIN.md section 5.4; seed 004 policy 6): each candidate
/// scores s_i = alpha * affinity_i - beta * load_i / max_j load_j, with affinity 1.0 when its
/// cache holds (the start of) the request's system prompt (a prefix hit), else 0.5 when it holds
/// the request's session history (a session hit), else 0; load = outstanding requests. The highest score
/// wins, ties at random. Known result: with cache-heavy weights (the defaults 0.7 / 0.3 are such)
/// a workload sharing one prompt piles onto one replica, because a hit outweighs any load.
class LcaPolicy : public RoutingPolicy
{
public:
    LcaPolicy(double alpha, double beta) : m_alpha(alpha), m_beta(beta) {}
    RouteChoice route(const RouteQuery &query) override;
    /// The score of one candidate, for tests: affinity in {0, 0.5, 1}, loads as counts.
    static double score(double alpha, double beta, double affinity, double load, double maxLoad)
    {
        return alpha * affinity - (maxLoad > 0.0 ? beta * load / maxLoad : 0.0);
    }

private:
    double m_alpha;
    double m_beta;
};

} // namespace longitude::engine
