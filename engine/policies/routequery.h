#pragma once

#include "engine/core/simtime.h"
#include "engine/serving/request.h"

#include <span>

namespace longitude::engine {

/// One routing decision to make: the request and the replicas it may go to. The Router has
/// already applied residency and health before filling it, so a policy never sees a replica the
/// request may not use:
///  - a policy of scope LocalGroup gets the routable replicas of one group (the serving region's
///    replicas of the request's model); `groups` holds just that group;
///  - a policy of scope Zone gets every routable replica of the model in the regions the request
///    may be served in (its origin's residency zone when tagged, else all regions), and `groups`
///    lists those regions' groups by RTT from `atRegion`, nearest first.
struct RouteQuery
{
    const Request *request = nullptr;
    int originRegion = 0;
    int atRegion = 0; ///< region whose router decides (the origin, or the peer a balancer forwarded to)
    int group = 0;    ///< LocalGroup scope: the group of `candidates`; Zone scope: the nearest group
    int model = 0;
    bool crossed = false; ///< the request already crossed a region (forwarded between balancers)
    std::span<const int> candidates; ///< never empty
    std::span<const int> groups;     ///< never empty
    SimTime now = 0;
};

} // namespace longitude::engine
