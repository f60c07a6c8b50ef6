#pragma once

#include "engine/policies/routingpolicy.h"

namespace longitude::engine {

/// Cache-aware routing inside one region (seed 000, "cache-aware regional"; DOMAIN.md section
/// 5.6): the local replica whose cache holds the longest prefix of the prompt, fewest outstanding
/// requests among equal matches; when no replica holds any of it, the least-loaded replica.
/// Load-blind as long as a match exists, like the vLLM router's prefix-hash lookup it models.
class CacheAwareRegionalPolicy : public RoutingPolicy
{
public:
    RouteChoice route(const RouteQuery &query) override;
};

} // namespace longitude::engine
