#include "cacheawareregionalpolicy.h"

#include "engine/policies/randomtiebreak.h"

namespace longitude::engine {

RouteChoice CacheAwareRegionalPolicy::route(const RouteQuery &query)
{
    RandomTieBreak best(*m_rng);
    for (const int c : query.candidates)
        best.offer(c, -static_cast<double>(m_view->prefixHitBlocks(c, *query.request)), m_view->load(c).outstanding);
    return RouteChoice::serve(best.best());
}

} // namespace longitude::engine
