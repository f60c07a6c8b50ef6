#include "gorgopolicy.h"

#include "engine/policies/randomtiebreak.h"

namespace longitude::engine {

RouteChoice GorgoPolicy::route(const RouteQuery &query)
{
    const Request &request = *query.request;
    RandomTieBreak best(*m_rng);
    for (const int c : query.candidates) {
        const double uncached = request.promptTokens
                                - static_cast<double>(m_view->prefixHitBlocks(c, request)) * m_view->blockTokens(c);
        const double rtt = m_view->rttMs(query.atRegion, m_view->replicaRegion(c));
        best.offer(c, cost(m_wRtt, m_wQueue, rtt, uncached, static_cast<double>(m_view->load(c).queuedTokens)));
    }
    return RouteChoice::serve(best.best());
}

} // namespace longitude::engine
