#include "replica.h"

#include "engine/stats/utilizationtracker.h"

#include <cmath>

namespace longitude::engine {

Replica::Replica(const Config &config, ReplicaLoad *load, UtilizationTracker *utilization)
    : m_config(config)
    , m_load(load)
    , m_utilization(utilization)
    , m_blockTokens(config.blockTokens)
    , m_blocks(config.blockTokens)
    , m_capacityBlocks(config.model->kvCapacityTokens() / config.blockTokens)
{
    m_decode.configure(config.model, config.model->maxBatch());
    m_decode.setWorkTracker(utilization, config.pool);
    m_groupCount = config.groupCount;
    m_cache.setDirectSlotCount(config.groupCount);
}

std::int32_t Replica::acquireGroup(const Request &request)
{
    if (hasDirectGroup(request))
        return m_cache.acquireDirect(request.groupIndex);
    return m_cache.acquire(request.groupSegment, true);
}

std::int32_t Replica::prefixHitBlocks(const Request &request) const
{
    std::int32_t streamEntry = -1;
    return lookupHit(request, streamEntry);
}

inline std::int32_t Replica::lookupHit(const Request &request, std::int32_t &streamEntry) const
{
    streamEntry = -1;
    if (!m_config.prefixCache)
        return 0;
    const std::int32_t groupBlocks = m_blocks.full(request.groupTokens);
    // At least one prompt token is always computed, as engines do to produce logits.
    const std::int32_t maxHit = m_blocks.full(request.promptTokens - 1);
    std::int32_t hit = 0;
    if (groupBlocks > 0) {
        std::int32_t cached = 0;
        if (hasDirectGroup(request)) {
            cached = m_cache.directBlocks(request.groupIndex);
        } else {
            cached = m_cache.cachedBlocks(request.groupSegment);
        }
        hit = cached < groupBlocks ? cached : groupBlocks;
        if (hit < groupBlocks)
            return hit < maxHit ? hit : maxHit;
    }
    if (request.streamShared) {
        const std::int32_t streamBlocks = m_blocks.full(request.promptTokens - groupBlocks * m_blockTokens);
        streamEntry = m_cache.find(request.streamSegment);
        const std::int32_t cached = streamEntry < 0 ? 0 : m_cache.entryBlocks(streamEntry);
        hit += cached < streamBlocks ? cached : streamBlocks;
    }
    return hit < maxHit ? hit : maxHit;
}

void Replica::updateKvUsage()
{
    m_load->kvUsage = static_cast<float>(static_cast<double>(m_reservedBlocks + m_cache.pinnedBlocks())
                                         / static_cast<double>(m_capacityBlocks));
}

void Replica::enqueue(std::int32_t index, SimTime now, RequestPool &pool)
{
    m_decode.advanceTo(now);
    Request &request = pool[index];
    request.queueMarkUs = now; // arrival at the replica, until the prefill starts
    request.replica = m_config.index;
    m_waiting.push(index);
    ++m_load->waiting;
    m_load->queuedTokens += request.promptTokens;
    schedule(now, pool);
}

void Replica::admit(SimTime now, RequestPool &pool)
{
    // The head of the wait queue starts when the prefill unit is free, a batch slot is free and
    // KV memory holds it. Its prefix-cache hit is taken at that moment, as engines do when they
    // schedule a prefill, so it sees every block cached by prefills that finished before it.
    const int maxBatch = m_config.model->maxBatch();
    int admitted = 0;
    while (m_prefilling < 0 && !m_waiting.empty() && m_load->running < maxBatch) {
        const std::int32_t index = m_waiting.front();
        Request &request = pool[index];
        std::int32_t knownStreamEntry = -1;
        const std::int32_t hitBlocks = lookupHit(request, knownStreamEntry);
        const std::int64_t need = blocksNeeded(request) - hitBlocks;
        if (m_reservedBlocks + m_cache.pinnedBlocks() + need > m_capacityBlocks)
            break;
        m_waiting.pop();
        --m_load->waiting;
        if (m_config.prefixCache) {
            if (request.groupTokens >= m_blockTokens)
                request.groupEntry = acquireGroup(request);
            // A stream nobody can hit again needs no entry: its blocks stay in the reservation
            // until the request ends, then become anonymous cached blocks.
            if (request.streamShared) {
                if (knownStreamEntry >= 0) {
                    m_cache.pin(knownStreamEntry);
                    request.streamEntry = knownStreamEntry;
                } else {
                    request.streamEntry = m_cache.acquire(request.streamSegment, true);
                }
            }
            m_cache.evictTo(m_capacityBlocks - m_reservedBlocks - need);
        }
        request.hitTokens = hitBlocks * m_blockTokens;
        request.reservedBlocks = static_cast<std::int32_t>(need);
        m_reservedBlocks += need;
        m_load->queuedTokens -= hitBlocks * m_blockTokens;
        ++m_load->running;
        ++admitted;
        request.queueMarkUs = now - request.queueMarkUs; // now the wait in the queue
        const double us = m_config.model->prefillUs(request.promptTokens - request.hitTokens);
        const auto duration = roundNonNegative(us);
        if (duration <= 0) {
            finishPrefill(index, now, pool);
            continue;
        }
        m_prefilling = index;
        m_prefillStartUs = now;
        m_prefillEndUs = now + duration;
    }
    // Prefill has priority: the decode batch stalls while the GPU prefills.
    m_decode.setPaused(m_prefilling >= 0);
    if (admitted > 0) {
        updateKvUsage();
        if (m_utilization)
            m_utilization->change(m_config.pool, now, admitted, m_load->running == admitted ? 1 : 0);
    }
}

inline void Replica::finishPrefill(std::int32_t index, SimTime now, RequestPool &pool)
{
    (void)now;
    Request &request = pool[index];
    m_load->queuedTokens -= request.promptTokens - request.hitTokens;
    if (m_config.prefixCache) {
        // The freshly computed full prompt blocks now belong to the cache (pinned while running).
        const std::int32_t groupBlocks = m_blocks.full(request.groupTokens);
        const std::int32_t streamBlocks = m_blocks.full(request.promptTokens - groupBlocks * m_blockTokens);
        if (request.groupEntry != -1)
            m_cache.grow(request.groupEntry, groupBlocks);
        if (request.streamEntry >= 0)
            m_cache.grow(request.streamEntry, streamBlocks);
        // Blocks another request cached meanwhile were computed twice; the copy is simply freed.
        std::int32_t moved = groupBlocks + (request.streamEntry >= 0 ? streamBlocks : 0)
                             - m_blocks.full(request.hitTokens);
        if (moved > request.reservedBlocks)
            moved = request.reservedBlocks;
        if (moved > 0) {
            request.reservedBlocks -= moved;
            m_reservedBlocks -= moved;
        }
        updateKvUsage();
    }
    m_decode.add(index, pool);
}

inline void Replica::finishRequest(std::int32_t index, SimTime now, RequestPool &pool)
{
    Request &request = pool[index];
    if (request.firstTokenUs < 0)
        request.firstTokenUs = now;
    if (m_config.prefixCache) {
        // Output blocks filled during decode are cacheable too: the next turn of a session
        // starts with this prompt and this answer.
        const std::int32_t groupBlocks = m_blocks.full(request.groupTokens);
        const std::int64_t tokens = static_cast<std::int64_t>(request.promptTokens) + request.outputTokens
                                    - static_cast<std::int64_t>(groupBlocks) * m_blockTokens;
        const auto streamBlocks = static_cast<std::int32_t>(m_blocks.full(tokens));
        if (request.groupEntry != -1)
            m_cache.release(request.groupEntry);
        m_reservedBlocks -= request.reservedBlocks;
        request.reservedBlocks = 0;
        if (request.streamEntry < 0) {
            m_cache.addAnonymous(streamBlocks);
        } else {
            m_cache.grow(request.streamEntry, streamBlocks);
            if (request.streamFinal)
                m_cache.retire(request.streamEntry);
            else
                m_cache.release(request.streamEntry);
        }
        request.groupEntry = request.streamEntry = -1;
    }
    m_reservedBlocks -= request.reservedBlocks;
    request.reservedBlocks = 0;
    if (m_config.prefixCache)
        m_cache.evictTo(m_capacityBlocks - m_reservedBlocks);
    --m_load->running;
    updateKvUsage();
    if (m_utilization)
        m_utilization->change(m_config.pool, now, -1, m_load->running == 0 ? -1 : 0);
}

void Replica::reportWorkUntil(SimTime now)
{
    if (m_prefilling >= 0 && m_utilization && now > m_prefillStartUs)
        m_utilization->addWork(m_config.pool, m_prefillStartUs, now, static_cast<double>(now - m_prefillStartUs));
    m_decode.advanceTo(now);
}

void Replica::wake(SimTime now, RequestPool &pool, ReplicaObserver &observer)
{
    // Whatever this wake-up will touch is cold in cache by now: ask for all of it at once, so
    // that the misses overlap instead of following one another.
    if (m_prefilling >= 0)
        __builtin_prefetch(&pool[m_prefilling]);
    else
        m_decode.prefetchNext(pool);
    if (!m_waiting.empty())
        __builtin_prefetch(&pool[m_waiting.front()]);
    m_decode.advanceTo(now);
    if (m_prefilling >= 0 && m_prefillEndUs <= now) {
        // A prefill is compute-bound: all of its time is work.
        if (m_utilization)
            m_utilization->addWork(m_config.pool, m_prefillStartUs, m_prefillEndUs,
                                   static_cast<double>(m_prefillEndUs - m_prefillStartUs));
        const std::int32_t index = m_prefilling;
        m_prefilling = -1;
        m_prefillEndUs = kSimTimeNever;
        finishPrefill(index, now, pool);
    }
    for (std::int32_t index = m_decode.popFinished(); index >= 0; index = m_decode.popFinished()) {
        finishRequest(index, now, pool);
        observer.requestFinished(index, now);
    }
    schedule(now, pool);
}

} // namespace longitude::engine
