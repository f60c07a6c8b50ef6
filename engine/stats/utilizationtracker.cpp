#include "utilizationtracker.h"

#include <algorithm>

namespace longitude::engine {

void UtilizationTracker::configure(int poolCount, SimTime start, SimTime measureFrom, SimTime measureTo,
                                   SimTime bucketUs)
{
    m_poolCount = poolCount;
    m_from = measureFrom;
    m_to = measureTo;
    m_bucketUs = bucketUs;
    const auto n = static_cast<std::size_t>(poolCount);
    m_last.assign(n, start);
    m_running.assign(n, 0);
    m_busy.assign(n, 0);
    m_runningArea.assign(n, 0.0);
    m_busyArea.assign(n, 0.0);
    m_bucketArea.clear();
}

void UtilizationTracker::flush(int pool, SimTime now)
{
    const auto p = static_cast<std::size_t>(pool);
    SimTime t = std::max(m_last[p], m_from);
    const SimTime end = std::min(now, m_to);
    m_last[p] = now;
    if (t >= end)
        return;
    const double running = m_running[p];
    m_runningArea[p] += running * static_cast<double>(end - t);
    m_busyArea[p] += static_cast<double>(m_busy[p]) * static_cast<double>(end - t);
    if (m_bucketUs <= 0 || running == 0.0)
        return;
    while (t < end) {
        const auto bucket = static_cast<std::size_t>(t / m_bucketUs);
        const SimTime bucketEnd = static_cast<SimTime>(bucket + 1) * m_bucketUs;
        const SimTime segmentEnd = std::min(end, bucketEnd);
        const std::size_t slot = bucket * static_cast<std::size_t>(m_poolCount) + p;
        if (slot >= m_bucketArea.size()) {
            // Geometric growth of the capacity: a new bucket rarely reallocates.
            const std::size_t needed = (bucket + 1) * static_cast<std::size_t>(m_poolCount);
            if (needed > m_bucketArea.capacity())
                m_bucketArea.reserve(std::max(needed, 2 * m_bucketArea.capacity()));
            m_bucketArea.resize(needed, 0.0);
        }
        m_bucketArea[slot] += running * static_cast<double>(segmentEnd - t);
        t = segmentEnd;
    }
}

void UtilizationTracker::flushAll(SimTime now)
{
    for (int pool = 0; pool < m_poolCount; ++pool)
        flush(pool, now);
}

double UtilizationTracker::bucketRunningArea(std::size_t bucket, int pool) const
{
    const std::size_t slot = bucket * static_cast<std::size_t>(m_poolCount) + static_cast<std::size_t>(pool);
    return slot < m_bucketArea.size() ? m_bucketArea[slot] : 0.0;
}

} // namespace longitude::engine
