#pragma once

#include "engine/core/simtime.h"
#include "engine/serving/request.h"

#include <span>

namespace longitude::engine {

/// One routing decision to make: the request and the replicas it may go to. The router has
/// already applied residency and chosen the serving region (`group` = its replicas of the
/// request's model); cross-region policies of later issues may look beyond via the ClusterView.
struct RouteQuery
{
    const Request *request = nullptr;
    int originRegion = 0;
    int group = 0;
    std::span<const int> candidates; ///< never empty
    SimTime now = 0;
};

} // namespace longitude::engine
