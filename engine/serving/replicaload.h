#pragma once

#include <cstdint>

namespace longitude::engine {

/// What a router may know about one replica: the numbers vLLM-style engines export and that
/// routing policies score (queue lengths, queued tokens, KV usage). Kept in one contiguous array
/// per cluster so that policies scan it cheaply and a stale copy is one memcpy.
struct ReplicaLoad
{
    std::int32_t waiting = 0;      ///< in the replica's wait queue, not admitted yet
    std::int32_t running = 0;      ///< admitted: prefilling or decoding
    std::int32_t outstanding = 0;  ///< assigned by a router and not finished (includes in flight to it)
    std::int64_t queuedTokens = 0; ///< prompt tokens not prefilled yet (waiting + awaiting prefill)
    float kvUsage = 0.0f;          ///< KV blocks held by running requests and their pinned prefixes / capacity
};

} // namespace longitude::engine
