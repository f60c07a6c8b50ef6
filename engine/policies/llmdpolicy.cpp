#include "llmdpolicy.h"

#include "engine/policies/randomtiebreak.h"

#include <limits>

namespace longitude::engine {

RouteChoice LlmdPolicy::route(const RouteQuery &query)
{
    const Request &request = *query.request;
    int minQ = std::numeric_limits<int>::max();
    int maxQ = std::numeric_limits<int>::min();
    for (const int c : query.candidates) {
        const int q = m_view->load(c).waiting;
        minQ = q < minQ ? q : minQ;
        maxQ = q > maxQ ? q : maxQ;
    }
    RandomTieBreak best(*m_rng);
    for (const int c : query.candidates) {
        const ReplicaLoad &load = m_view->load(c);
        double total = m_w.queue * clamp01(queueScore(load.waiting, minQ, maxQ))
                       + m_w.kvUtil * clamp01(kvScore(load.kvUsage));
        if (m_w.prefix != 0.0) {
            const int matched = m_view->prefixHitBlocks(c, request) * m_view->blockTokens(c);
            total += m_w.prefix * clamp01(prefixScore(matched, request.promptTokens, m_w.prefixBlockTokens));
        }
        best.offer(c, -total);
    }
    return RouteChoice::serve(best.best());
}

} // namespace longitude::engine
