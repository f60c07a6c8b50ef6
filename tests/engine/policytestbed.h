#pragma once

// A small cluster for routing-policy tests: a resolved scenario, its replicas, a load array the
// test sets by hand (the routers' view), and a way to warm a replica's prefix cache by really
// serving a request on it. Policies are then asked one question at a time, so every expected
// choice can be worked out by hand.
#include "engine/policies/clusterview.h"
#include "engine/policies/routingpolicy.h"
#include "engine/serving/servingcluster.h"
#include "engine/sim/simulationsetup.h"
#include "enginetestscenarios.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <vector>

namespace longitude::engine::test {

class PolicyTestbed : private ReplicaObserver
{
public:
    /// Regions of `scenario` with their pools; links give the RTTs. Prefill 100 us per token
    /// (enginetestscenarios.h linearProfile) unless the scenario's model says otherwise.
    explicit PolicyTestbed(const Scenario &scenario) : m_rng(42)
    {
        auto setup = SimulationSetup::resolve(scenario);
        if (!setup) {
            std::fprintf(stderr, "testbed: %s\n", setup.error().c_str());
            std::abort();
        }
        m_setup = std::move(*setup);
        auto cluster = ServingCluster::build(m_setup.scenario, m_setup.regionIds, m_setup.modelIds, nullptr);
        if (!cluster) {
            std::fprintf(stderr, "testbed: %s\n", cluster.error().c_str());
            std::abort();
        }
        m_cluster.emplace(std::move(*cluster));
        loads.assign(static_cast<std::size_t>(m_cluster->replicaCount()), ReplicaLoad{});
        m_view.emplace(*m_cluster, m_setup.rttMs, loads);
    }

    ServingCluster &cluster() { return *m_cluster; }
    ClusterView &view() { return *m_view; }
    Rng &rng() { return m_rng; }
    int group(const std::string &region) const
    {
        for (std::size_t r = 0; r < m_setup.regionIds.size(); ++r)
            if (m_setup.regionIds[r] == region)
                return m_cluster->group(static_cast<int>(r), 0);
        return -1;
    }
    int region(const std::string &id) const
    {
        for (std::size_t r = 0; r < m_setup.regionIds.size(); ++r)
            if (m_setup.regionIds[r] == id)
                return static_cast<int>(r);
        return -1;
    }

    /// A request of `groupTokens` shared system prompt (segment `group`, 0 = none) and `userTokens`.
    Request request(std::uint64_t group, int groupTokens, int userTokens, int originRegion = 0)
    {
        Request r;
        r.groupSegment = group;
        r.groupTokens = group != 0 ? groupTokens : 0;
        r.streamSegment = m_nextStream++;
        r.promptTokens = r.groupTokens + userTokens;
        r.outputTokens = 1;
        r.originRegion = static_cast<std::int16_t>(originRegion);
        return r;
    }

    /// Serves a copy of `proto` on `replica` to completion, so that its cache holds the prompt.
    void warm(int replica, const Request &proto)
    {
        const std::int32_t index = m_pool.allocate();
        m_pool[index] = proto;
        Replica &rep = m_cluster->replica(replica);
        rep.enqueue(index, m_now, m_pool);
        m_finished = false;
        while (!m_finished) {
            const SimTime wake = rep.wakeTimeUs();
            if (wake == kSimTimeNever)
                std::abort();
            m_now = std::max(m_now, wake);
            rep.wake(m_now, m_pool, *this);
        }
    }

    RouteQuery localQuery(const Request &request, int group)
    {
        RouteQuery q;
        q.request = &request;
        q.originRegion = request.originRegion;
        q.atRegion = m_cluster->groupRegion(group);
        q.group = group;
        q.candidates = m_cluster->groupReplicas(group);
        m_groupSpan.assign(1, group);
        q.groups = m_groupSpan;
        m_view->setObserver(q.atRegion);
        return q;
    }

    /// Every replica of every group, groups ordered by RTT from `atRegion`.
    RouteQuery zoneQuery(const Request &request, int atRegion)
    {
        m_all.clear();
        m_groupSpan.clear();
        std::vector<std::pair<double, int>> byRtt;
        for (int g = 0; g < m_cluster->groupCount(); ++g) {
            const int region = m_cluster->groupRegion(g);
            byRtt.emplace_back(region == atRegion ? -1.0 : m_view->rttMs(atRegion, region), g);
        }
        std::stable_sort(byRtt.begin(), byRtt.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
        for (const auto &[rtt, g] : byRtt) {
            m_groupSpan.push_back(g);
            for (const int r : m_cluster->groupReplicas(g))
                m_all.push_back(r);
        }
        RouteQuery q;
        q.request = &request;
        q.originRegion = request.originRegion;
        q.atRegion = atRegion;
        q.group = m_groupSpan.front();
        q.candidates = m_all;
        q.groups = m_groupSpan;
        m_view->setObserver(atRegion);
        return q;
    }

    std::vector<ReplicaLoad> loads; ///< the routers' view; set by the test

private:
    void requestFinished(std::int32_t index, SimTime now) override
    {
        (void)now;
        m_pool.release(index);
        m_finished = true;
    }

    SimulationSetup m_setup;
    std::optional<ServingCluster> m_cluster;
    std::optional<ClusterView> m_view;
    RequestPool m_pool;
    Rng m_rng;
    SimTime m_now = 0;
    bool m_finished = false;
    std::uint64_t m_nextStream = 1000;
    std::vector<int> m_groupSpan;
    std::vector<int> m_all;
};

/// Regions given as (id, zone, gpus) with one pool each (one replica per GPU), every pair linked
/// with `rttMs[i][j]` (symmetric), one workload with no shared prompt.
struct RegionSpec
{
    std::string id;
    std::string zone;
    int gpus;
};

inline Scenario policyScenario(const std::vector<RegionSpec> &regions, const std::vector<std::vector<double>> &rttMs)
{
    Scenario s;
    s.name = "policy test";
    std::vector<std::string> zones;
    for (const auto &spec : regions) {
        s.regions.push_back(region(spec.id, spec.zone));
        if (std::find(zones.begin(), zones.end(), spec.zone) == zones.end()) {
            zones.push_back(spec.zone);
            s.zones.push_back({spec.zone, spec.zone, ""});
        }
        if (spec.gpus > 0)
            s.pools.push_back(pool(spec.id + "-pool", spec.id, spec.gpus));
        s.traffic.push_back(flatTraffic(spec.id, 1.0));
    }
    for (std::size_t i = 0; i < regions.size(); ++i)
        for (std::size_t j = i + 1; j < regions.size(); ++j)
            s.links.push_back(link(regions[i].id, regions[j].id, rttMs[i][j]));
    s.gpuTypes.push_back(testGpu());
    s.models.push_back(testModel(linearProfile()));
    s.workloads.push_back(workload(constant(100), constant(1)));
    s.simulation.prefixCache = true;
    return s;
}

} // namespace longitude::engine::test
