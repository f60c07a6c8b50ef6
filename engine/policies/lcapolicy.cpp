#include "lcapolicy.h"

#include "engine/policies/randomtiebreak.h"

namespace longitude::engine {

RouteChoice LcaPolicy::route(const RouteQuery &query)
{
    const Request &request = *query.request;
    int maxLoad = 0;
    for (const int c : query.candidates)
        if (m_view->load(c).outstanding > maxLoad)
            maxLoad = m_view->load(c).outstanding;
    RandomTieBreak best(*m_rng);
    for (const int c : query.candidates) {
        double affinity = 0.0;
        if (request.groupSegment != 0 && m_view->cachedSegmentBlocks(c, request.groupSegment) > 0)
            affinity = 1.0;
        else if (request.streamShared && m_view->cachedSegmentBlocks(c, request.streamSegment) > 0)
            affinity = 0.5;
        best.offer(c, -score(m_alpha, m_beta, affinity, m_view->load(c).outstanding, maxLoad));
    }
    return RouteChoice::serve(best.best());
}

} // namespace longitude::engine
