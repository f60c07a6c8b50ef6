#include "sessionaffinitypolicy.h"

namespace longitude::engine {

void SessionAffinityPolicy::attach(const ClusterView &view, Rng &rng)
{
    RoutingPolicy::attach(view, rng);
    m_leastLoad.attach(view, rng);
    m_rings.assign(static_cast<std::size_t>(view.groupCount()), ConsistentHashRing{});
    for (int g = 0; g < view.groupCount(); ++g)
        m_rings[static_cast<std::size_t>(g)].build(view.groupReplicas(g), m_points);
}

RouteChoice SessionAffinityPolicy::route(const RouteQuery &query)
{
    const Request &request = *query.request;
    if (request.session < 0)
        return RouteChoice::serve(m_leastLoad.pick(query));
    // The stream segment is the conversation's stable id (the session slot index is reused).
    const int sticky = m_rings[static_cast<std::size_t>(query.group)].owner(
        request.streamSegment, [this](int replica) { return m_view->routable(replica); });
    if (sticky < 0)
        return RouteChoice::serve(m_leastLoad.pick(query));
    if (m_softQueueLimit > 0 && m_view->load(sticky).waiting > m_softQueueLimit)
        return RouteChoice::serve(m_leastLoad.pick(query));
    return RouteChoice::serve(sticky);
}

} // namespace longitude::engine
