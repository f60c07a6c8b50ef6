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
        // The cached prefix is the system prompt's blocks first, then the session's own history.
        const int hit = m_view->prefixHitBlocks(c, request);
        const int groupBlocks = request.groupTokens / m_view->blockTokens(c);
        double affinity = 0.0;
        if (groupBlocks > 0 && hit > 0)
            affinity = 1.0;
        else if (request.streamShared && hit > groupBlocks)
            affinity = 0.5;
        best.offer(c, -score(m_alpha, m_beta, affinity, m_view->load(c).outstanding, maxLoad));
    }
    return RouteChoice::serve(best.best());
}

} // namespace longitude::engine
