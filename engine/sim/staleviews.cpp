#include "staleviews.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace longitude::engine {

void StaleViews::configure(const ServingCluster &cluster, const std::vector<double> &rttMs, SimTime probeUs,
                           SimTime start)
{
    m_probeUs = probeUs;
    m_start = start;
    m_replicas = static_cast<std::size_t>(cluster.replicaCount());
    m_regions = cluster.regionCount();
    m_views.assign(static_cast<std::size_t>(m_regions) * m_replicas, ReplicaLoad{});
    for (int o = 0; o < m_regions; ++o)
        std::copy(cluster.loads().begin(), cluster.loads().end(),
                  m_views.begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(o) * m_replicas));

    m_regionRanges.assign(static_cast<std::size_t>(m_regions), {});
    for (const auto &pool : cluster.pools())
        if (pool.replicas > 0)
            m_regionRanges[static_cast<std::size_t>(pool.region)].push_back({pool.firstReplica, pool.replicas});

    m_delays.clear();
    SimTime maxDelay = 0;
    for (int o = 0; o < m_regions; ++o)
        for (int r = 0; r < m_regions; ++r) {
            if (m_regionRanges[static_cast<std::size_t>(r)].empty())
                continue;
            const double rtt = o == r ? 0.0 : rttMs[static_cast<std::size_t>(o * m_regions + r)];
            if (!std::isfinite(rtt))
                continue;
            const SimTime us = std::llround(rtt * 500.0); // RTT/2 in microseconds
            auto it = std::find_if(m_delays.begin(), m_delays.end(), [us](const Delay &d) { return d.us == us; });
            if (it == m_delays.end()) {
                m_delays.push_back(Delay{us, {}, 1});
                it = m_delays.end() - 1;
            }
            it->pairs.emplace_back(o, r);
            maxDelay = std::max(maxDelay, us);
        }
    std::sort(m_delays.begin(), m_delays.end(), [](const Delay &a, const Delay &b) { return a.us < b.us; });
    m_heap.clear();
    for (std::size_t i = 0; i < m_delays.size(); ++i)
        m_heap.push_back(static_cast<int>(i));
    std::make_heap(m_heap.begin(), m_heap.end(), [this](int a, int b) { return later(a, b); });
    // A tick's snapshot must survive until its last publication, maxDelay after it.
    const std::size_t slots = static_cast<std::size_t>(maxDelay / std::max<SimTime>(1, probeUs)) + 2;
    m_ring.assign(slots, std::vector<ReplicaLoad>(m_replicas));
    m_nextCapture = 1; // tick 0 is the empty start, already in every view
}

bool StaleViews::later(int a, int b) const
{
    // Heap order: the earliest publication on top; at equal times the shorter delay (the local view).
    const SimTime ta = publishTime(m_delays[static_cast<std::size_t>(a)]);
    const SimTime tb = publishTime(m_delays[static_cast<std::size_t>(b)]);
    return ta > tb || (ta == tb && a > b);
}

SimTime StaleViews::nextEventUs() const
{
    const SimTime capture = m_start + m_nextCapture * m_probeUs;
    if (m_heap.empty())
        return capture;
    return std::min(capture, publishTime(m_delays[static_cast<std::size_t>(m_heap.front())]));
}

void StaleViews::publish(const Delay &d)
{
    const auto &snapshot = m_ring[static_cast<std::size_t>(d.nextTick) % m_ring.size()];
    for (const auto &[observer, region] : d.pairs) {
        ReplicaLoad *view = m_views.data() + static_cast<std::size_t>(observer) * m_replicas;
        for (const Range &range : m_regionRanges[static_cast<std::size_t>(region)])
            std::memcpy(view + range.first, snapshot.data() + range.first,
                        static_cast<std::size_t>(range.count) * sizeof(ReplicaLoad));
    }
}

bool StaleViews::advance(SimTime now, const std::vector<ReplicaLoad> &live)
{
    const auto order = [this](int a, int b) { return later(a, b); };
    bool localRefreshed = false;
    for (;;) {
        const SimTime capture = m_start + m_nextCapture * m_probeUs;
        const SimTime publishAt =
            m_heap.empty() ? kSimTimeNever : publishTime(m_delays[static_cast<std::size_t>(m_heap.front())]);
        if (capture <= publishAt && capture <= now) {
            m_ring[static_cast<std::size_t>(m_nextCapture) % m_ring.size()] = live;
            ++m_nextCapture;
            continue;
        }
        if (publishAt > now)
            break;
        std::pop_heap(m_heap.begin(), m_heap.end(), order);
        Delay &due = m_delays[static_cast<std::size_t>(m_heap.back())];
        publish(due);
        localRefreshed = localRefreshed || due.us == 0;
        ++due.nextTick;
        std::push_heap(m_heap.begin(), m_heap.end(), order);
    }
    return localRefreshed;
}

} // namespace longitude::engine
