#pragma once

#include "engine/core/simtime.h"

#include <cstdint>

namespace longitude::engine {

/// One request in flight. A plain record in a slab (RequestPool), addressed by index, so the hot
/// loop allocates nothing per request. Times are absolute simulated microseconds.
///
/// A prompt is at most two cacheable segments of fixed-size token blocks (see PrefixCache): the
/// shared system prompt of its group (`groupSegment`, `groupTokens` tokens) and the request's own
/// token stream (`streamSegment`: one per session, so turn k+1 starts with turn k's blocks).
///
/// Layout: two cache lines, aligned. The first holds everything a replica reads and writes while
/// it queues, prefills and decodes the request; the second what only its creation and its end
/// need (arrival, network, metrics). A replica event then touches one line of a cold request.
struct alignas(64) Request
{
    // --- line 1: the replica's working set
    std::uint64_t groupSegment = 0;  ///< 0 = no shared system prompt
    std::uint64_t streamSegment = 0; ///< never 0
    /// Replica arrival time (`replicaArrivalUs`) until the prefill starts; from then on the wait
    /// queue time (`queueWaitUs`). One field, so that the replica's events stay in this line.
    std::int64_t queueMarkUs = 0;
    std::int32_t promptTokens = 0;   ///< whole prompt, system prompt included
    std::int32_t outputTokens = 1;
    std::int32_t groupTokens = 0;
    std::int32_t groupIndex = -1;    ///< dense number of the system prompt over all workload classes
    std::int32_t hitTokens = 0;      ///< prompt tokens found in the prefix cache when its prefill started
    std::int32_t reservedBlocks = 0; ///< KV blocks held outside the cache while running
    std::int32_t groupEntry = -1;    ///< pinned prefix-cache entries while running
    std::int32_t streamEntry = -1;
    std::uint8_t streamShared = 0;   ///< the stream can be hit again (sessions)
    std::uint8_t streamFinal = 0;    ///< last turn of a session: its stream will not be asked for again

    // --- line 2: creation, network and metrics
    SimTime arrivalUs = 0;           ///< reached its origin region's gateway
    SimTime firstTokenUs = -1;       ///< first output token produced at the replica
    std::int32_t session = -1;
    std::int32_t replica = -1;
    float networkReturnUs = 0.0f;    ///< latency added after the replica: gateway + RTT halves
    std::int16_t originRegion = 0;
    std::int16_t workload = 0;
    std::uint8_t tagged = 0;         ///< residency-tagged: may only be served in its origin's zone
    std::uint8_t forwarded = 0;      ///< served outside its origin region
    std::uint8_t measured = 0;       ///< arrived inside the measurement window
};

} // namespace longitude::engine
