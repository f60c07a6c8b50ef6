#pragma once

#include "engine/core/simtime.h"

#include <vector>

namespace longitude::engine {

/// Time integrals of how busy each pool is, overall and per time bucket, restricted to the
/// measurement window. Two levels per pool change only when a replica admits or finishes a
/// request: running sequences (summed over the pool's replicas) and busy replicas (running > 0).
/// Utilisation = integral of running / (replicas x maxBatch x time): the mean share of batch
/// slots in use, which for c slots fed at rate lambda with mean service S is lambda*S/c = rho.
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
    /// Integrates every pool up to `now` (call at the end of a run).
    void flushAll(SimTime now);

    double runningArea(int pool) const { return m_runningArea[static_cast<std::size_t>(pool)]; }
    double busyArea(int pool) const { return m_busyArea[static_cast<std::size_t>(pool)]; }
    /// Running-sequence integral of `pool` in time bucket `bucket` (0 beyond what was recorded).
    double bucketRunningArea(std::size_t bucket, int pool) const;
    std::size_t bucketCount() const { return m_poolCount > 0 ? m_bucketArea.size() / static_cast<std::size_t>(m_poolCount) : 0; }

private:
    void flush(int pool, SimTime now);

    int m_poolCount = 0;
    SimTime m_from = 0;
    SimTime m_to = 0;
    SimTime m_bucketUs = 0;
    std::vector<SimTime> m_last;
    std::vector<int> m_running;
    std::vector<int> m_busy;
    std::vector<double> m_runningArea;
    std::vector<double> m_busyArea;
    std::vector<double> m_bucketArea; ///< bucket-major: [bucket * poolCount + pool]
};

} // namespace longitude::engine
