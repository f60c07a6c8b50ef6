#include "servingcluster.h"

#include "engine/planning/costmodel.h"
#include "engine/workload/requestfactory.h"

#include <algorithm>

namespace longitude::engine {

namespace {
int indexOf(const std::vector<std::string> &ids, const std::string &id)
{
    const auto it = std::find(ids.begin(), ids.end(), id);
    return it == ids.end() ? -1 : static_cast<int>(it - ids.begin());
}
} // namespace

std::expected<ServingCluster, std::string> ServingCluster::build(const Scenario &scenario,
                                                                 const std::vector<std::string> &regionIds,
                                                                 const std::vector<std::string> &modelIds,
                                                                 UtilizationTracker *utilization)
{
    ServingCluster cluster;
    cluster.m_regionCount = static_cast<int>(regionIds.size());
    cluster.m_modelCount = static_cast<int>(modelIds.size());
    const int blockTokens = scenario.simulation.kvBlockTokens > 0 ? scenario.simulation.kvBlockTokens : 16;

    struct Pending
    {
        int pool;
        int region;
    };
    std::vector<Pending> replicaPools;
    for (std::size_t p = 0; p < scenario.pools.size(); ++p) {
        const Pool &pool = scenario.pools[p];
        const std::string where = "pool " + pool.id + ": ";
        const int region = indexOf(regionIds, pool.region);
        const int model = indexOf(modelIds, pool.model);
        const GpuType *gpu = scenario.findGpuType(pool.gpuType);
        if (region < 0)
            return std::unexpected(where + "unknown region '" + pool.region + "'");
        if (model < 0)
            return std::unexpected(where + "unknown model '" + pool.model + "'");
        if (!gpu)
            return std::unexpected(where + "unknown GPU type '" + pool.gpuType + "'");
        const Model &m = scenario.models[static_cast<std::size_t>(model)];
        const LatencyProfile *profile = findProfile(m, pool.gpuType, pool.tensorParallel);
        if (!profile)
            return std::unexpected(where + "model " + m.id + " has no profile for " + pool.gpuType + " at TP"
                                   + std::to_string(pool.tensorParallel));
        auto latency = LatencyModel::compile(*profile, *gpu, m);
        if (!latency)
            return std::unexpected(where + latency.error());
        if (pool.tensorParallel < 1 || pool.gpuCount < pool.tensorParallel)
            return std::unexpected(where + "gpuCount must be a positive multiple of tensorParallel");
        PoolInfo info;
        info.id = pool.id;
        info.region = region;
        info.model = model;
        info.replicas = pool.gpuCount / pool.tensorParallel;
        info.gpus = pool.gpuCount;
        info.firstReplica = static_cast<int>(replicaPools.size());
        info.maxBatch = latency->maxBatch();
        info.usdPerGpuHour = CostModel::usdPerGpuHour(*gpu, pool.pricing);
        cluster.m_latency.push_back(*latency);
        cluster.m_pools.push_back(info);
        for (int r = 0; r < info.replicas; ++r)
            replicaPools.push_back({static_cast<int>(p), region});
    }

    // Arrays the replicas point into are sized once, before any replica exists.
    cluster.m_loads.assign(replicaPools.size(), ReplicaLoad{});
    cluster.m_replicas.reserve(replicaPools.size());
    cluster.m_groupOf.assign(static_cast<std::size_t>(cluster.m_regionCount * cluster.m_modelCount), -1);
    for (std::size_t i = 0; i < replicaPools.size(); ++i) {
        const PoolInfo &info = cluster.m_pools[static_cast<std::size_t>(replicaPools[i].pool)];
        Replica::Config config;
        config.index = static_cast<int>(i);
        config.pool = replicaPools[i].pool;
        config.region = info.region;
        config.model = &cluster.m_latency[static_cast<std::size_t>(replicaPools[i].pool)];
        config.blockTokens = blockTokens;
        config.prefixCache = scenario.simulation.prefixCache;
        config.groupCount = RequestFactory::groupCount(scenario);
        cluster.m_replicas.emplace_back(config, &cluster.m_loads[i], utilization);
        const std::size_t key = static_cast<std::size_t>(info.region * cluster.m_modelCount + info.model);
        if (cluster.m_groupOf[key] < 0) {
            cluster.m_groupOf[key] = static_cast<int>(cluster.m_groups.size());
            cluster.m_groups.emplace_back();
            cluster.m_groupRegion.push_back(info.region);
        }
        cluster.m_groups[static_cast<std::size_t>(cluster.m_groupOf[key])].push_back(static_cast<int>(i));
        cluster.m_replicaGroup.push_back(cluster.m_groupOf[key]);
    }
    return cluster;
}

} // namespace longitude::engine
