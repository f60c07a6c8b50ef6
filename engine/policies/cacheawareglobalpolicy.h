#pragma once

#include "engine/policies/routingpolicy.h"

namespace longitude::engine {

/// Cache-aware routing over every allowed region (seed 000, "cache-aware global"; DOMAIN.md
/// section 5.6): the replica minimising prefill time of the prompt's uncached part (a hit or a
/// miss) plus the RTT from the deciding region; fewest outstanding requests among equal costs.
/// Scans all candidates: O(replicas in the zone) per request.
class CacheAwareGlobalPolicy : public RoutingPolicy
{
public:
    RouteScope scope() const override { return RouteScope::Zone; }
    RouteChoice route(const RouteQuery &query) override;
    /// Cost of one candidate in milliseconds.
    static double cost(double prefillMs, double rttMs) { return prefillMs + rttMs; }
};

} // namespace longitude::engine
