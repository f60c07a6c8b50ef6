#pragma once

#include "engine/scenario/scenario.h"
#include "engine/serving/latencymodel.h"
#include "engine/serving/replica.h"
#include "engine/serving/replicaload.h"

#include <expected>
#include <span>
#include <string>
#include <vector>

namespace longitude::engine {

class UtilizationTracker;

/// Every replica of the scenario, built from its pools (gpuCount / tensorParallel replicas each),
/// with the live load array that routers read and the candidate groups they choose among: one
/// group per (region, model) that has replicas. Replicas point into this object's arrays, so it
/// can be moved but not copied.
class ServingCluster
{
public:
    struct PoolInfo
    {
        std::string id;
        int region = 0;
        int model = 0;
        int replicas = 0;
        int gpus = 0;
        int firstReplica = 0;
        int maxBatch = 0;
        double usdPerGpuHour = 0.0;
    };

    static std::expected<ServingCluster, std::string> build(const Scenario &scenario,
                                                            const std::vector<std::string> &regionIds,
                                                            const std::vector<std::string> &modelIds,
                                                            UtilizationTracker *utilization);
    ServingCluster(ServingCluster &&) = default;
    ServingCluster &operator=(ServingCluster &&) = default;
    ServingCluster(const ServingCluster &) = delete;
    ServingCluster &operator=(const ServingCluster &) = delete;

    int replicaCount() const { return static_cast<int>(m_replicas.size()); }
    Replica &replica(int index) { return m_replicas[static_cast<std::size_t>(index)]; }
    const Replica &replica(int index) const { return m_replicas[static_cast<std::size_t>(index)]; }
    ReplicaLoad &load(int index) { return m_loads[static_cast<std::size_t>(index)]; }
    const std::vector<ReplicaLoad> &loads() const { return m_loads; }
    const std::vector<PoolInfo> &pools() const { return m_pools; }

    int regionCount() const { return m_regionCount; }
    int modelCount() const { return m_modelCount; }
    /// Candidate group of (region, model), -1 when that region runs no replica of the model.
    int group(int region, int model) const { return m_groupOf[static_cast<std::size_t>(region * m_modelCount + model)]; }
    int groupCount() const { return static_cast<int>(m_groups.size()); }
    int groupRegion(int group) const { return m_groupRegion[static_cast<std::size_t>(group)]; }
    std::span<const int> groupReplicas(int group) const { return m_groups[static_cast<std::size_t>(group)]; }
    int replicaGroup(int replica) const { return m_replicaGroup[static_cast<std::size_t>(replica)]; }

private:
    ServingCluster() = default;

    std::vector<LatencyModel> m_latency; ///< one per pool
    std::vector<ReplicaLoad> m_loads;
    std::vector<Replica> m_replicas;
    std::vector<PoolInfo> m_pools;
    int m_regionCount = 0;
    int m_modelCount = 0;
    std::vector<int> m_groupOf;
    std::vector<std::vector<int>> m_groups;
    std::vector<int> m_groupRegion;
    std::vector<int> m_replicaGroup;
};

} // namespace longitude::engine
