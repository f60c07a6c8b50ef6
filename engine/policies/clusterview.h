#pragma once

#include "engine/core/simtime.h"
#include "engine/serving/servingcluster.h"

#include <cstdint>
#include <span>
#include <vector>

namespace longitude::engine {

/// What a routing policy may look at, and nothing more: replica loads as the deciding router
/// knows them, candidate groups, replicas' prefix caches (the KV-cache events a cache-aware
/// router consumes), prefill speed, RTTs, which replicas are routable and how long each region's
/// router queue is. Read-only for policies; the Router sets the observer before each decision.
///
/// Information is never free (DOMAIN.md section 5): with a probe interval, each region's router
/// sees its own replicas as of its last probe and remote replicas RTT/2 older (StaleViews keeps
/// one load array per observing region). Without one, every router sees the live loads.
class ClusterView
{
public:
    ClusterView(const ServingCluster &cluster, const std::vector<double> &rttMs)
        : m_cluster(&cluster), m_rttMs(&rttMs), m_base(cluster.loads().data()), m_current(m_base)
    {
        m_replicaRegion.reserve(static_cast<std::size_t>(cluster.replicaCount()));
        for (int r = 0; r < cluster.replicaCount(); ++r)
            m_replicaRegion.push_back(cluster.replica(r).config().region);
    }
    /// A view on one fixed load array (a test's or a single snapshot).
    ClusterView(const ServingCluster &cluster, const std::vector<double> &rttMs, const std::vector<ReplicaLoad> &loads)
        : ClusterView(cluster, rttMs)
    {
        setLoadViews(loads.data(), 0);
    }

    // --- set up by the engine ---------------------------------------------------------------
    /// Loads of observer o are base[o * stride ... + replicaCount); stride 0 = one shared array.
    void setLoadViews(const ReplicaLoad *base, std::size_t observerStride)
    {
        m_base = base;
        m_stride = observerStride;
        m_current = base + static_cast<std::size_t>(m_observer) * m_stride;
    }
    /// The region whose router decides next.
    void setObserver(int region)
    {
        m_observer = region;
        m_current = m_base + static_cast<std::size_t>(region) * m_stride;
    }
    /// One flag per replica (1 = the routers believe it healthy); nullptr = all routable.
    void setRoutable(const std::uint8_t *routable) { m_routable = routable; }
    /// Requests held in each region's router queue; nullptr = none.
    void setRouterQueues(const std::int32_t *lengths) { m_queueLengths = lengths; }

    // --- for policies -----------------------------------------------------------------------
    int replicaCount() const { return m_cluster->replicaCount(); }
    /// The deciding router's (possibly stale) view of replica `replica`.
    const ReplicaLoad &load(int replica) const { return m_current[replica]; }
    /// The view of `replica` held by its own region's router.
    const ReplicaLoad &localLoad(int replica) const
    {
        if (m_stride == 0) // one shared array: the live loads (the default path)
            return m_base[replica];
        return m_base[static_cast<std::size_t>(replicaRegion(replica)) * m_stride + static_cast<std::size_t>(replica)];
    }
    /// True when loads are probed snapshots rather than live.
    bool stale() const { return m_base != m_cluster->loads().data(); }
    int observer() const { return m_observer; }
    bool routable(int replica) const { return !m_routable || m_routable[replica] != 0; }
    int routerQueueLength(int region) const { return m_queueLengths ? m_queueLengths[region] : 0; }

    int groupCount() const { return m_cluster->groupCount(); }
    std::span<const int> groupReplicas(int group) const { return m_cluster->groupReplicas(group); }
    int groupRegion(int group) const { return m_cluster->groupRegion(group); }
    int replicaGroup(int replica) const { return m_cluster->replicaGroup(replica); }
    int replicaRegion(int replica) const { return m_replicaRegion[static_cast<std::size_t>(replica)]; }
    int replicaPool(int replica) const { return m_cluster->replica(replica).config().pool; }
    int maxBatch(int replica) const { return m_cluster->replica(replica).config().model->maxBatch(); }

    /// Leading prompt blocks of `request` cached on `replica` now, and the block size.
    int prefixHitBlocks(int replica, const Request &request) const
    {
        return m_cluster->replica(replica).prefixHitBlocks(request);
    }
    int blockTokens(int replica) const { return m_cluster->replica(replica).blockTokens(); }
    /// Milliseconds `replica` needs to prefill `tokens` uncached tokens when idle.
    double prefillMs(int replica, std::int64_t tokens) const
    {
        return m_cluster->replica(replica).config().model->prefillUs(tokens) * 1e-3;
    }
    double rttMs(int fromRegion, int toRegion) const
    {
        return (*m_rttMs)[static_cast<std::size_t>(fromRegion * m_cluster->regionCount() + toRegion)];
    }
    int regionCount() const { return m_cluster->regionCount(); }

private:
    const ServingCluster *m_cluster;
    const std::vector<double> *m_rttMs;
    const ReplicaLoad *m_base;
    const ReplicaLoad *m_current;
    std::size_t m_stride = 0;
    int m_observer = 0;
    const std::uint8_t *m_routable = nullptr;
    const std::int32_t *m_queueLengths = nullptr;
    std::vector<int> m_replicaRegion;
};

} // namespace longitude::engine
