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
    m_workArea.assign(n, 0.0);
    m_bucketArea.clear();
    m_bucketWork.clear();
    m_flushBucketFrom = kSimTimeNever;
    m_flushBucketSlot = 0;
    m_spanFrom = 0;
    m_spanTo = -1;
    m_spanMeasured = false;
    m_spanSlot = -1;
}

void UtilizationTracker::growTo(std::vector<double> &areas, std::size_t bucket)
{
    const std::size_t needed = (bucket + 1) * static_cast<std::size_t>(m_poolCount);
    if (needed <= areas.size())
        return;
    // Geometric growth of the capacity: a new bucket rarely reallocates.
    if (needed > areas.capacity())
        areas.reserve(std::max(needed, 2 * areas.capacity()));
    areas.resize(needed, 0.0);
}

void UtilizationTracker::flushBuckets(std::size_t p, SimTime t, SimTime end, double running)
{
    while (t < end) {
        const auto bucket = static_cast<std::size_t>(t / m_bucketUs);
        const SimTime bucketEnd = static_cast<SimTime>(bucket + 1) * m_bucketUs;
        const SimTime segmentEnd = std::min(end, bucketEnd);
        growTo(m_bucketArea, bucket);
        m_bucketArea[bucket * static_cast<std::size_t>(m_poolCount) + p] += running * static_cast<double>(segmentEnd - t);
        m_flushBucketFrom = bucketEnd - m_bucketUs;
        m_flushBucketSlot = bucket * static_cast<std::size_t>(m_poolCount);
        t = segmentEnd;
    }
}

void UtilizationTracker::flushAll(SimTime now)
{
    for (int pool = 0; pool < m_poolCount; ++pool)
        flush(pool, now);
}

SimTime UtilizationTracker::nextEdgeAfter(SimTime t) const
{
    SimTime edge = kSimTimeNever;
    if (m_bucketUs > 0 && t >= 0)
        edge = (t / m_bucketUs + 1) * m_bucketUs;
    if (m_from > t && m_from < edge)
        edge = m_from;
    if (m_to > t && m_to < edge)
        edge = m_to;
    return edge;
}

void UtilizationTracker::selectSpan(SimTime t)
{
    // Edges at or before t: the last bucket start and the window edges.
    SimTime from = m_bucketUs > 0 && t >= 0 ? t / m_bucketUs * m_bucketUs : 0;
    if (m_from <= t && m_from > from)
        from = m_from;
    if (m_to <= t && m_to > from)
        from = m_to;
    m_spanFrom = from;
    m_spanTo = nextEdgeAfter(t);
    m_spanMeasured = from >= m_from && from < m_to;
    m_spanSlot = -1;
    if (m_spanMeasured && m_bucketUs > 0) {
        const auto bucket = static_cast<std::size_t>(from / m_bucketUs);
        growTo(m_bucketWork, bucket);
        m_spanSlot = static_cast<std::ptrdiff_t>(bucket * static_cast<std::size_t>(m_poolCount));
    }
}

void UtilizationTracker::splitWork(int pool, SimTime fromUs, SimTime toUs, double workUs)
{
    if (toUs <= fromUs) {
        selectSpan(fromUs);
        tryAddWork(pool, fromUs, fromUs, workUs);
        return;
    }
    const double perUs = workUs / static_cast<double>(toUs - fromUs);
    for (SimTime t = fromUs; t < toUs;) {
        const SimTime end = std::min(toUs, nextEdgeAfter(t));
        selectSpan(t);
        tryAddWork(pool, t, end, perUs * static_cast<double>(end - t));
        t = end;
    }
}

double UtilizationTracker::bucketWorkArea(std::size_t bucket, int pool) const
{
    const std::size_t slot = bucket * static_cast<std::size_t>(m_poolCount) + static_cast<std::size_t>(pool);
    return slot < m_bucketWork.size() ? m_bucketWork[slot] : 0.0;
}

double UtilizationTracker::bucketRunningArea(std::size_t bucket, int pool) const
{
    const std::size_t slot = bucket * static_cast<std::size_t>(m_poolCount) + static_cast<std::size_t>(pool);
    return slot < m_bucketArea.size() ? m_bucketArea[slot] : 0.0;
}

} // namespace longitude::engine
