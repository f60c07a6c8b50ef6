#include "prefixaffinitypolicy.h"

namespace longitude::engine {

void PrefixAffinityPolicy::attach(const ClusterView &view, Rng &rng)
{
    RoutingPolicy::attach(view, rng);
    m_leastLoad.attach(view, rng);
    m_rings.assign(static_cast<std::size_t>(view.groupCount()), ConsistentHashRing{});
    for (int g = 0; g < view.groupCount(); ++g)
        m_rings[static_cast<std::size_t>(g)].build(view.groupReplicas(g));
}

RouteChoice PrefixAffinityPolicy::route(const RouteQuery &query)
{
    const Request &request = *query.request;
    if (request.groupSegment == 0)
        return RouteChoice::serve(m_leastLoad.pick(query));
    const int owner = m_rings[static_cast<std::size_t>(query.group)].owner(
        request.groupSegment, [this](int replica) { return m_view->routable(replica); });
    if (owner < 0 || m_view->load(owner).waiting >= m_tau)
        return RouteChoice::serve(m_leastLoad.pick(query));
    return RouteChoice::serve(owner);
}

} // namespace longitude::engine
