#pragma once

#include "engine/core/ringbuffer.h"
#include "engine/serving/blocksize.h"
#include "engine/serving/decodebatch.h"
#include "engine/serving/latencymodel.h"
#include "engine/serving/prefixcache.h"
#include "engine/serving/replicaload.h"
#include "engine/serving/replicaobserver.h"
#include "engine/serving/requestpool.h"

#include <cstdint>
#include <vector>

namespace longitude::engine {

class UtilizationTracker;

/// One model replica (TP GPUs) doing continuous batching, modelled as:
///  - a FIFO wait queue; the head starts its prefill when the prefill unit is idle, a batch slot
///    is free (running < maxBatch) and KV memory holds its uncached prompt and its output
///    (prompt + output - cached prefix blocks, next to the blocks pinned by running requests).
///    No overtaking: a head that does not fit blocks the queue, as vLLM's FCFS scheduler does.
///    The prefix-cache hit is taken at that moment;
///  - prefills run one at a time at the profile's rate, only their uncached tokens; prefill has
///    priority and the decode batch stalls meanwhile (the GPU is time-shared: TTFT sees no decode
///    work, TPOT and E2E absorb the prefills);
///  - then the request decodes in the DecodeBatch step clock until its last token.
/// A replica has one timer: the end of the current prefill, or else the next decode completion.
class Replica
{
public:
    struct Config
    {
        int index = 0;  ///< position in the cluster (also its timer's offset)
        int pool = 0;
        int region = 0;
        const LatencyModel *model = nullptr;
        int blockTokens = 16;
        bool prefixCache = true;
        int groupCount = 0; ///< range of Request::groupIndex
    };

    Replica(const Config &config, ReplicaLoad *load, UtilizationTracker *utilization);

    /// Request `index` reaches this replica at `now`.
    void enqueue(std::int32_t index, SimTime now, RequestPool &pool);
    /// The replica's timer fired at `now`.
    void wake(SimTime now, RequestPool &pool, ReplicaObserver &observer);
    /// Reports the compute work done up to `now` (the current prefill's elapsed part, the decode
    /// steps taken), before a failure throws the replica's state away.
    void reportWorkUntil(SimTime now);
    /// When the replica next needs to run (kSimTimeNever when idle).
    SimTime wakeTimeUs() const { return m_prefilling >= 0 ? m_prefillEndUs : m_decode.nextCompletionUs(); }

    /// Prompt blocks of `request` that admission would find cached right now.
    std::int32_t prefixHitBlocks(const Request &request) const;
    /// KV blocks `request` needs with nothing cached; more than kvCapacityBlocks() never fits.
    std::int64_t blocksNeeded(const Request &request) const
    {
        const std::int64_t tokens = static_cast<std::int64_t>(request.promptTokens) + request.outputTokens;
        return m_blocks.covering(tokens);
    }
    std::int64_t kvCapacityBlocks() const { return m_capacityBlocks; }
    int blockTokens() const { return m_blockTokens; }

    const Config &config() const { return m_config; }
    const ReplicaLoad &load() const { return *m_load; }
    const PrefixCache &cache() const { return m_cache; }
    const DecodeBatch &decode() const { return m_decode; }
    std::int64_t reservedBlocks() const { return m_reservedBlocks; }

private:
    void schedule(SimTime now, RequestPool &pool)
    {
        // Inline for the common case of nothing to admit (most wake-ups find the queue empty).
        if (m_prefilling >= 0 || m_waiting.empty()) {
            m_decode.setPaused(m_prefilling >= 0);
            return;
        }
        admit(now, pool);
    }
    /// schedule() when the prefill unit is free and a request waits.
    void admit(SimTime now, RequestPool &pool);
    std::int32_t acquireGroup(const Request &request);
    /// True when the request's system prompt is one of the cache's direct slots (always, for
    /// requests made by RequestFactory); otherwise it goes through the hash index.
    bool hasDirectGroup(const Request &request) const
    {
        return request.groupIndex >= 0 && request.groupIndex < m_groupCount;
    }
    /// prefixHitBlocks, also giving the stream's cache entry when it has one (saves a lookup).
    [[gnu::always_inline]] inline std::int32_t lookupHit(const Request &request, std::int32_t &streamEntry) const;
    // Always inlined into wake() (and admit()): one call each per request otherwise.
    [[gnu::always_inline]] inline void finishPrefill(std::int32_t index, SimTime now, RequestPool &pool);
    [[gnu::always_inline]] inline void finishRequest(std::int32_t index, SimTime now, RequestPool &pool);
    void updateKvUsage();

    Config m_config;
    ReplicaLoad *m_load;
    UtilizationTracker *m_utilization;
    int m_blockTokens;
    BlockSize m_blocks;
    std::int64_t m_capacityBlocks;
    std::int64_t m_reservedBlocks = 0;
    RingBuffer<std::int32_t> m_waiting{16};
    std::int32_t m_prefilling = -1;
    SimTime m_prefillStartUs = 0;
    SimTime m_prefillEndUs = kSimTimeNever;
    DecodeBatch m_decode;
    PrefixCache m_cache;
    int m_groupCount = 0;
};

} // namespace longitude::engine
