#include "cacheawareglobalpolicy.h"

#include "engine/policies/randomtiebreak.h"

namespace longitude::engine {

RouteChoice CacheAwareGlobalPolicy::route(const RouteQuery &query)
{
    const Request &request = *query.request;
    RandomTieBreak best(*m_rng);
    for (const int c : query.candidates) {
        const std::int64_t uncached = request.promptTokens
                                      - static_cast<std::int64_t>(m_view->prefixHitBlocks(c, request)) * m_view->blockTokens(c);
        const double rtt = m_view->rttMs(query.atRegion, m_view->replicaRegion(c));
        best.offer(c, cost(m_view->prefillMs(c, uncached), rtt), m_view->load(c).outstanding);
    }
    return RouteChoice::serve(best.best());
}

} // namespace longitude::engine
