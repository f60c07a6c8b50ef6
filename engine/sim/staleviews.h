#pragma once

#include "engine/core/simtime.h"
#include "engine/serving/replicaload.h"
#include "engine/serving/servingcluster.h"

#include <cstdint>
#include <vector>

namespace longitude::engine {

/// What each region's router knows about every replica when routers probe instead of seeing
/// live state (routing.probeIntervalMs > 0; DOMAIN.md section 5: "information is never free").
///
/// Every P microseconds (ticks k*P from the episode start) all replicas are probed at once; the
/// router of region o receives region r's answers RTT(o, r)/2 later. So at time t router o sees
/// region r as it was at the last tick k*P with k*P + RTT(o, r)/2 <= t: its own region up to P
/// old, a remote one RTT/2 more. One load array per observing region (regions x replicas) plus a
/// ring of the last few probe snapshots; an event copies one region's slice of one snapshot
/// into one observer's array, so the cost is O(regions x replicas) per probe interval (plus a
/// heap operation per distinct delay), nothing per request.
class StaleViews
{
public:
    /// `rttMs` is the regions x regions matrix; unreachable pairs never publish.
    void configure(const ServingCluster &cluster, const std::vector<double> &rttMs, SimTime probeUs, SimTime start);

    const ReplicaLoad *base() const { return m_views.data(); }
    std::size_t stride() const { return m_replicas; }
    SimTime probeUs() const { return m_probeUs; }

    /// Time of the next probe or publication.
    SimTime nextEventUs() const;
    /// Runs every probe and publication due at or before `now`. Returns true when some region's
    /// view of its own replicas was refreshed (the moment incremental policies must re-read).
    bool advance(SimTime now, const std::vector<ReplicaLoad> &live);

private:
    struct Delay
    {
        SimTime us = 0;
        std::vector<std::pair<int, int>> pairs; ///< (observer, observed region) pairs with this delay
        std::int64_t nextTick = 0;              ///< tick whose publication at this delay is next
    };
    struct Range
    {
        int first = 0;
        int count = 0;
    };
    SimTime publishTime(const Delay &d) const { return m_start + d.nextTick * m_probeUs + d.us; }
    bool later(int a, int b) const;
    void publish(const Delay &d);

    SimTime m_probeUs = 0;
    SimTime m_start = 0;
    std::size_t m_replicas = 0;
    int m_regions = 0;
    std::vector<ReplicaLoad> m_views;                ///< observers x replicas
    std::vector<std::vector<ReplicaLoad>> m_ring;   ///< recent probe snapshots, tick k in slot k % size
    std::vector<std::vector<Range>> m_regionRanges; ///< replicas of each region, as contiguous pool ranges
    std::vector<Delay> m_delays;                    ///< sorted by delay
    std::vector<int> m_heap;                        ///< indices of m_delays, earliest publication on top
    std::int64_t m_nextCapture = 0;
};

} // namespace longitude::engine
