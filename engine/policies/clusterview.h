#pragma once

#include "engine/core/simtime.h"
#include "engine/serving/servingcluster.h"

#include <span>
#include <vector>

namespace longitude::engine {

/// What a routing policy may look at: replica loads as the router knows them (live, or a
/// snapshot taken at the last probe when the scenario sets a probe interval), candidate groups,
/// a replica's prefix-cache hit for a request (asked of the replica, so it is current), and the
/// RTT between regions. Read-only: policies never change the cluster.
class ClusterView
{
public:
    ClusterView(const ServingCluster &cluster, const std::vector<double> &rttMs, const std::vector<ReplicaLoad> &loads)
        : m_cluster(&cluster), m_rttMs(&rttMs), m_loads(&loads)
    {
    }

    int replicaCount() const { return m_cluster->replicaCount(); }
    /// The router's (possibly stale) view of replica `replica`.
    const ReplicaLoad &load(int replica) const { return (*m_loads)[static_cast<std::size_t>(replica)]; }
    /// True when loads are a periodic snapshot rather than live.
    bool stale() const { return m_loads != &m_cluster->loads(); }
    int groupCount() const { return m_cluster->groupCount(); }
    std::span<const int> groupReplicas(int group) const { return m_cluster->groupReplicas(group); }
    int replicaGroup(int replica) const { return m_cluster->replicaGroup(replica); }
    int replicaRegion(int replica) const { return m_cluster->replica(replica).config().region; }
    int replicaPool(int replica) const { return m_cluster->replica(replica).config().pool; }
    int maxBatch(int replica) const { return m_cluster->replica(replica).config().model->maxBatch(); }
    /// Leading prompt blocks of `request` cached on `replica` now, and the block size.
    int prefixHitBlocks(int replica, const Request &request) const
    {
        return m_cluster->replica(replica).prefixHitBlocks(request);
    }
    int blockTokens(int replica) const { return m_cluster->replica(replica).blockTokens(); }
    double rttMs(int fromRegion, int toRegion) const
    {
        return (*m_rttMs)[static_cast<std::size_t>(fromRegion * m_cluster->regionCount() + toRegion)];
    }
    int regionCount() const { return m_cluster->regionCount(); }

private:
    const ServingCluster *m_cluster;
    const std::vector<double> *m_rttMs;
    const std::vector<ReplicaLoad> *m_loads;
};

} // namespace longitude::engine
