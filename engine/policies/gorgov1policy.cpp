#include "gorgov1policy.h"

#include "engine/policies/randomtiebreak.h"

namespace longitude::engine {

RouteChoice GorgoV1Policy::route(const RouteQuery &query)
{
    const Request &request = *query.request;
    RandomTieBreak local(*m_rng);
    RandomTieBreak remote(*m_rng);
    for (const int c : query.candidates) {
        const double unmatched = request.promptTokens
                                 - static_cast<double>(m_view->prefixHitBlocks(c, request)) * m_view->blockTokens(c);
        const int region = m_view->replicaRegion(c);
        if (region == query.atRegion)
            local.offer(c, localCostMs(m_msPerToken, static_cast<double>(m_view->load(c).queuedTokens), unmatched));
        else
            remote.offer(c, remoteCostMs(m_msPerToken, m_view->rttMs(query.atRegion, region), unmatched));
    }
    if (local.empty())
        return RouteChoice::serve(remote.best());
    if (!remote.empty() && remote.bestKey() < local.bestKey())
        return RouteChoice::serve(remote.best());
    return RouteChoice::serve(local.best());
}

} // namespace longitude::engine
