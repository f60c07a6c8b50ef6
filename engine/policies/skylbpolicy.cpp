#include "skylbpolicy.h"

#include "engine/policies/randomtiebreak.h"

namespace longitude::engine {

SkyLbPolicy::Balancer SkyLbPolicy::survey(int group, const Request &request)
{
    Balancer b;
    RandomTieBreak match(*m_rng);
    RandomTieBreak idle(*m_rng);
    for (const int c : m_view->groupReplicas(group)) {
        if (!m_view->routable(c))
            continue;
        const ReplicaLoad &load = m_view->load(c);
        if (load.waiting > 0)
            continue;
        ++b.available;
        b.inFlight += load.outstanding;
        const double matched = static_cast<double>(m_view->prefixHitBlocks(c, request)) * m_view->blockTokens(c);
        match.offer(c, -matched, load.outstanding);
        idle.offer(c, load.outstanding);
    }
    if (b.available > 0) {
        b.bestMatch = match.best();
        b.bestFraction = request.promptTokens > 0 ? -match.bestKey() / request.promptTokens : 0.0;
        b.leastInFlight = idle.best();
    }
    return b;
}

RouteChoice SkyLbPolicy::route(const RouteQuery &query)
{
    const Request &request = *query.request;
    for (const int g : query.groups) {
        if (m_view->groupRegion(g) != query.atRegion)
            continue;
        const Balancer local = survey(g, request);
        if (local.available > 0)
            return RouteChoice::serve(local.bestFraction > m_matchThreshold ? local.bestMatch : local.leastInFlight);
    }
    if (query.crossed)
        return RouteChoice::hold();

    const int ownQueue = m_view->routerQueueLength(query.atRegion);
    RandomTieBreak byMatch(*m_rng);
    RandomTieBreak byLoad(*m_rng);
    double bestFraction = 0.0;
    for (const int g : query.groups) {
        const int region = m_view->groupRegion(g);
        if (region == query.atRegion)
            continue;
        const int queue = m_view->routerQueueLength(region);
        if (queue > ownQueue || queue > m_peerQueueLimit)
            continue;
        const Balancer peer = survey(g, request);
        if (peer.available == 0)
            continue;
        byMatch.offer(region, -peer.bestFraction);
        byLoad.offer(region, static_cast<double>(peer.inFlight));
        bestFraction = byMatch.empty() ? 0.0 : -byMatch.bestKey();
    }
    if (byLoad.empty())
        return RouteChoice::hold();
    return RouteChoice::forward(bestFraction > m_matchThreshold ? byMatch.best() : byLoad.best());
}

} // namespace longitude::engine
