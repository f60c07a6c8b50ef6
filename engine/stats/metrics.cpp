#include "metrics.h"

#include <algorithm>

namespace longitude::engine {

Metrics::Metrics(SimulationResult &result, const Config &config)
    : m_result(result)
    , m_config(config)
    , m_lastChange(config.measureFrom)
    , m_blocks(config.blockTokens)
{
    m_result.bucketUs = config.bucketUs;
    m_pairs.resize(m_result.regions.size() * m_result.pools.size());
    for (const auto &pool : m_result.pools) {
        int region = 0;
        for (std::size_t r = 0; r < m_result.regions.size(); ++r)
            if (m_result.regions[r].id == pool.region)
                region = static_cast<int>(r);
        m_poolRegion.push_back(region);
    }
}

void Metrics::finish(SimTime now)
{
    integrateInSystem(now);
    const std::size_t pools = m_result.pools.size();
    for (std::size_t i = 0; i < m_pairs.size(); ++i) {
        const Pair &pair = m_pairs[i];
        if (pair.requests.completed == 0.0)
            continue;
        auto &origin = m_result.regions[i / pools];
        auto &pool = m_result.pools[i % pools];
        origin.latency.merge(pair.latency);
        pool.latency.merge(pair.latency);
        origin.requests.merge(pair.requests);
        pool.requests.merge(pair.requests);
    }
    m_pairs.clear();
    // A pool's cache counters belong to its region, where the requests were served.
    for (std::size_t p = 0; p < pools; ++p)
        m_result.regions[static_cast<std::size_t>(m_poolRegion[p])].cache.merge(m_result.pools[p].cache);
}

SimulationResult::TimeBucket &Metrics::findBucket(SimTime t)
{
    const auto index = static_cast<std::size_t>(t / m_config.bucketUs);
    auto &timeline = m_result.timeline;
    while (timeline.size() <= index) {
        SimulationResult::TimeBucket b;
        b.startUs = static_cast<SimTime>(timeline.size()) * m_config.bucketUs;
        b.poolRunningSlotUs.assign(m_result.pools.size(), 0.0);
        b.poolComputeWorkUs.assign(m_result.pools.size(), 0.0);
        timeline.push_back(std::move(b));
    }
    // The timeline may have reallocated: the cached bucket is re-pointed on every miss.
    m_bucket = &timeline[index];
    m_bucketFromUs = static_cast<SimTime>(index) * m_config.bucketUs;
    m_bucketToUs = m_bucketFromUs + m_config.bucketUs;
    return *m_bucket;
}

void Metrics::arrived(const Request &request)
{
    if (!request.measured)
        return;
    m_result.regions[static_cast<std::size_t>(request.originRegion)].requests.arrived += 1.0;
    bucket(request.arrivalUs).requests.arrived += 1.0;
}

void Metrics::shed(const Request &request, const char *reason)
{
    if (!request.measured)
        return;
    m_result.regions[static_cast<std::size_t>(request.originRegion)].requests.shed += 1.0;
    bucket(request.arrivalUs).requests.shed += 1.0;
    // Look up without building a std::string: shedding may happen for many requests.
    const auto it = m_result.shedReasons.find(std::string_view(reason));
    if (it != m_result.shedReasons.end())
        it->second += 1.0;
    else
        m_result.shedReasons.emplace(reason, 1.0);
}

void Metrics::residencyViolation(const Request &request)
{
    m_result.regions[static_cast<std::size_t>(request.originRegion)].requests.residencyViolations += 1.0;
}

void Metrics::completed(const Request &request, int pool, int servingRegion, SimTime now)
{
    if (!request.measured)
        return;
    const auto extra = static_cast<SimTime>(request.networkReturnUs);
    const SimTime ttft = request.firstTokenUs - request.arrivalUs + extra;
    const SimTime e2e = now - request.arrivalUs + extra;
    const SimTime queueWait = request.queueMarkUs; // the wait, once the prefill started
    const bool multiToken = request.outputTokens > 1;
    const SimTime tpot = multiToken ? (now - request.firstTokenUs) / (request.outputTokens - 1) : 0;
    const bool withinSla = ttft <= m_config.slaTtftUs;

    // Inlined at both uses: eight histogram records per request, a call's register saves cost
    // about as much as one of them.
    auto record = [&](LatencySet &set) __attribute__((always_inline)) {
        set.ttft.record(ttft);
        set.e2e.record(e2e);
        set.queueWait.record(queueWait);
        if (multiToken)
            set.tpot.record(tpot);
    };
    auto count = [&](RequestCounters &c) {
        c.completed += 1.0;
        c.crossRegion += request.forwarded;
        c.ttftWithinSla += withinSla ? 1.0 : 0.0;
        c.inputTokens += request.promptTokens;
        c.outputTokens += request.outputTokens;
    };
    Pair &pair = m_pairs[static_cast<std::size_t>(request.originRegion) * m_result.pools.size()
                         + static_cast<std::size_t>(pool)];
    record(pair.latency);
    count(pair.requests);
    auto &servedPool = m_result.pools[static_cast<std::size_t>(pool)];
    auto &b = bucket(request.arrivalUs);
    record(b.latency);
    count(b.requests);

    auto cache = [&](CacheCounters &c) {
        c.promptTokens += request.promptTokens;
        c.hitTokens += request.hitTokens;
        c.promptBlocks += m_blocks.full(request.promptTokens);
        c.hitBlocks += m_blocks.full(request.hitTokens);
        c.requests += 1.0;
        c.hitRequests += request.hitTokens > 0 ? 1.0 : 0.0;
    };
    cache(servedPool.cache);

    m_result.residenceSumUs += static_cast<double>(now - request.arrivalUs);
    m_result.residenceCount += 1.0;
    if (request.forwarded && m_config.cost) {
        m_result.egressUsd += m_config.cost->requestEgressUsd(request.originRegion, servingRegion,
                                                              request.promptTokens, request.outputTokens);
        m_result.egressBytes += (request.promptTokens + request.outputTokens) * CostModel::kBytesPerToken;
    }
}

} // namespace longitude::engine
