#pragma once

#include "engine/core/simtime.h"
#include "engine/planning/costmodel.h"
#include "engine/serving/blocksize.h"
#include "engine/serving/request.h"
#include "engine/stats/simulationresult.h"

#include <algorithm>
#include <string>
#include <vector>

namespace longitude::engine {

/// Records what happens to requests into a SimulationResult, as they happen, with O(1) work and
/// no allocation per request once histograms and the timeline have grown to their range. Only
/// requests that arrive inside the measurement window count; the in-system integral is
/// restricted to the window as well.
class Metrics
{
public:
    struct Config
    {
        SimTime measureFrom = 0;
        SimTime measureTo = 0;
        SimTime bucketUs = 60 * kMicrosPerSecond;
        SimTime slaTtftUs = 800 * kMicrosPerMs;
        const CostModel *cost = nullptr;
        int blockTokens = 16;
    };

    /// `result` must already list its regions and pools; it must outlive this recorder.
    Metrics(SimulationResult &result, const Config &config);

    bool inWindow(SimTime t) const { return t >= m_config.measureFrom && t < m_config.measureTo; }
    void arrived(const Request &request);
    void shed(const Request &request, const char *reason);
    /// Request finished its last token at `now` on a replica of `pool` in `servingRegion`.
    void completed(const Request &request, int pool, int servingRegion, SimTime now);
    void residencyViolation(const Request &request);
    /// Requests in the system (arrived at a gateway, not finished) changes by `delta` at `now`.
    void inSystemChange(SimTime now, int delta)
    {
        integrateInSystem(now);
        m_inSystem += delta;
    }
    /// Closes the integrals at the end of the run and fills the per-region and per-pool results
    /// from the (origin region, pool) tallies. Call once.
    void finish(SimTime now);

private:
    /// What completed requests of one origin region served by one pool add up to. Recording
    /// each request once here instead of once per region and once per pool halves the histogram
    /// work; region and pool results are sums of these, exactly (counts and sums are integers
    /// held in doubles).
    struct Pair
    {
        LatencySet latency;
        RequestCounters requests;
    };
    /// Inline: two calls per request.
    void integrateInSystem(SimTime now)
    {
        const SimTime from = std::max(m_lastChange, m_config.measureFrom);
        const SimTime to = std::min(now, m_config.measureTo);
        if (to > from)
            m_result.inSystemArea += static_cast<double>(m_inSystem) * static_cast<double>(to - from);
        m_lastChange = std::max(m_lastChange, now);
    }
    SimulationResult::TimeBucket &bucket(SimTime t)
    {
        if (t >= m_bucketFromUs && t < m_bucketToUs)
            return *m_bucket;
        return findBucket(t);
    }
    SimulationResult::TimeBucket &findBucket(SimTime t);

    SimulationResult &m_result;
    Config m_config;
    long long m_inSystem = 0;
    SimTime m_lastChange = 0;
    std::vector<Pair> m_pairs; ///< [originRegion * pools + pool]
    std::vector<int> m_poolRegion;
    BlockSize m_blocks;
    // The time bucket last used (requests finish in arrival order, roughly): [from, to).
    SimulationResult::TimeBucket *m_bucket = nullptr;
    SimTime m_bucketFromUs = 0;
    SimTime m_bucketToUs = 0;
};

} // namespace longitude::engine
