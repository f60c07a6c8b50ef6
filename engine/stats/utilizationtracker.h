#pragma once

#include "engine/core/simtime.h"

#include <algorithm>
#include <vector>

namespace longitude::engine {

/// Time integrals of how busy each pool is, overall and per time bucket, restricted to the
/// measurement window. Three measures per pool:
///  - running sequences (summed over the pool's replicas) and busy replicas (running > 0), two
///    levels that change only when a replica admits or finishes a request. Slot utilisation =
///    integral of running / (replicas x maxBatch x time): the mean share of batch slots in use,
///    which for c slots fed at rate lambda with mean service S is lambda*S/c = rho;
///  - compute work: prefill time, plus for each decode step the share of a full batch's step
///    that its sequences use (LatencyModel::capacityStep), reported by the replicas as amounts
///    of work spread over intervals. Compute utilisation = work / (replicas x time): 1 when every
///    replica prefills or steps full batches, lambda / (saturation throughput) below.
class UtilizationTracker
{
public:
    /// `bucketUs` > 0 splits the integrals into buckets starting at time 0.
    void configure(int poolCount, SimTime start, SimTime measureFrom, SimTime measureTo, SimTime bucketUs);
    /// Pool `pool` gains `dRunning` running sequences and `dBusy` busy replicas at `now`.
    void change(int pool, SimTime now, int dRunning, int dBusy)
    {
        flush(pool, now);
        m_running[static_cast<std::size_t>(pool)] += dRunning;
        m_busy[static_cast<std::size_t>(pool)] += dBusy;
    }
    /// Records `workUs` microseconds of compute work done by a replica of `pool`, spread evenly
    /// over [fromUs, toUs], if that interval lies within one bucket and on one side of each
    /// window edge (the common case: a few milliseconds); otherwise records nothing and returns
    /// false, and the caller splits the interval at nextEdgeAfter().
    bool tryAddWork(int pool, SimTime fromUs, SimTime toUs, double workUs)
    {
        if (fromUs < m_spanFrom || toUs > m_spanTo)
            return false;
        if (m_spanMeasured) {
            m_workArea[static_cast<std::size_t>(pool)] += workUs;
            if (m_spanSlot >= 0)
                m_bucketWork[static_cast<std::size_t>(m_spanSlot + pool)] += workUs;
        }
        return true;
    }
    /// Records work spread evenly over [fromUs, toUs], split across buckets and window edges in
    /// proportion to time (exact for work done at a constant rate, such as a prefill).
    void addWork(int pool, SimTime fromUs, SimTime toUs, double workUs)
    {
        if (!tryAddWork(pool, fromUs, toUs, workUs))
            splitWork(pool, fromUs, toUs, workUs);
    }
    /// The first bucket or window edge strictly after `t` (kSimTimeNever when there is none).
    SimTime nextEdgeAfter(SimTime t) const;
    /// Integrates every pool up to `now` (call at the end of a run).
    void flushAll(SimTime now);

    double runningArea(int pool) const { return m_runningArea[static_cast<std::size_t>(pool)]; }
    double busyArea(int pool) const { return m_busyArea[static_cast<std::size_t>(pool)]; }
    /// Compute work of `pool` inside the window, in microseconds (summed over its replicas).
    double workArea(int pool) const { return m_workArea[static_cast<std::size_t>(pool)]; }
    /// Running-sequence integral of `pool` in time bucket `bucket` (0 beyond what was recorded).
    double bucketRunningArea(std::size_t bucket, int pool) const;
    /// Compute work of `pool` in time bucket `bucket` (0 beyond what was recorded).
    double bucketWorkArea(std::size_t bucket, int pool) const;
    std::size_t bucketCount() const { return m_poolCount > 0 ? m_bucketArea.size() / static_cast<std::size_t>(m_poolCount) : 0; }

private:
    /// Integrates pool `pool` up to `now`. Inline: two calls per request, and the stretch since
    /// the last change nearly always lies in the bucket of the previous one.
    void flush(int pool, SimTime now)
    {
        const auto p = static_cast<std::size_t>(pool);
        const SimTime t = std::max(m_last[p], m_from);
        const SimTime end = std::min(now, m_to);
        m_last[p] = now;
        if (t >= end)
            return;
        const double running = m_running[p];
        m_runningArea[p] += running * static_cast<double>(end - t);
        m_busyArea[p] += static_cast<double>(m_busy[p]) * static_cast<double>(end - t);
        if (m_bucketUs <= 0 || running == 0.0)
            return;
        // Usually the whole stretch lies in the bucket of the previous flush: no division.
        if (t >= m_flushBucketFrom && end <= m_flushBucketFrom + m_bucketUs) {
            m_bucketArea[m_flushBucketSlot + p] += running * static_cast<double>(end - t);
            return;
        }
        flushBuckets(p, t, end, running);
    }
    /// flush() for a stretch [t, end) that leaves the previous flush's bucket.
    void flushBuckets(std::size_t p, SimTime t, SimTime end, double running);
    /// addWork across edges, or outside the span cache.
    void splitWork(int pool, SimTime fromUs, SimTime toUs, double workUs);
    /// Makes the span cache the span that starts at or before `t` and ends after it.
    void selectSpan(SimTime t);
    /// Grows a bucket-major array to hold `bucket`.
    void growTo(std::vector<double> &areas, std::size_t bucket);

    int m_poolCount = 0;
    SimTime m_from = 0;
    SimTime m_to = 0;
    SimTime m_bucketUs = 0;
    std::vector<SimTime> m_last;
    std::vector<int> m_running;
    std::vector<int> m_busy;
    std::vector<double> m_runningArea;
    std::vector<double> m_busyArea;
    std::vector<double> m_workArea;
    std::vector<double> m_bucketArea; ///< bucket-major: [bucket * poolCount + pool]
    std::vector<double> m_bucketWork; ///< bucket-major, like m_bucketArea
    SimTime m_flushBucketFrom = kSimTimeNever; ///< start of the bucket the last flush ended in
    std::size_t m_flushBucketSlot = 0;
    // The span of time between two consecutive edges (bucket starts, window edges) that recent
    // work fell in: work inside it is added without looking up its bucket.
    SimTime m_spanFrom = 0;
    SimTime m_spanTo = -1;
    bool m_spanMeasured = false;
    std::ptrdiff_t m_spanSlot = -1; ///< bucket * poolCount of the span, -1 without buckets
};

} // namespace longitude::engine
