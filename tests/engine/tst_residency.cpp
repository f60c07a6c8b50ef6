// Residency is a hard constraint (DOMAIN.md sections 4-6): a request tagged with a zone is only
// ever served inside it, under every policy, overflow and failover path. A randomised property
// test runs every policy on many generated scenarios (regions, zones, pools, links, outages,
// overflow, stale views, traffic; seeded) and finds no violation; a deliberately broken policy
// that ignores its candidates shows that the check catches, counts and refuses violations.
#include "engine/policies/policyregistry.h"
#include "engine/sim/simulation.h"
#include "enginetestscenarios.h"

#include <QtTest>

using namespace longitude::engine;
using namespace longitude::engine::test;

namespace {

/// Ignores the candidates it is offered and always answers replica 0.
class BrokenPolicy : public RoutingPolicy
{
public:
    explicit BrokenPolicy(RouteScope scope) : m_scope(scope) {}
    RouteScope scope() const override { return m_scope; }
    RouteChoice route(const RouteQuery &query) override
    {
        (void)query;
        return RouteChoice::serve(0);
    }

private:
    RouteScope m_scope;
};

PolicyRegistry withBrokenPolicies()
{
    PolicyRegistry registry = PolicyRegistry::builtins();
    registry.add({"broken-local", "ignores its candidates (test only)", {},
                  [](const ParamMap &) -> std::unique_ptr<RoutingPolicy> {
                      return std::make_unique<BrokenPolicy>(RouteScope::LocalGroup);
                  }});
    registry.add({"broken-zone", "ignores its candidates (test only)", {},
                  [](const ParamMap &) -> std::unique_ptr<RoutingPolicy> {
                      return std::make_unique<BrokenPolicy>(RouteScope::Zone);
                  }});
    return registry;
}

/// A random but valid multi-region scenario; `rng` decides everything.
Scenario generate(Rng &rng, int index)
{
    Scenario s;
    s.name = "generated " + std::to_string(index);
    const int zones = 1 + static_cast<int>(rng.uniformInt(3));
    for (int z = 0; z < zones; ++z)
        s.zones.push_back({"Z" + std::to_string(z), "Z" + std::to_string(z), ""});
    const int regions = 2 + static_cast<int>(rng.uniformInt(5));
    s.gpuTypes.push_back(testGpu());
    LatencyProfile profile = linearProfile();
    profile.maxBatch = 16;
    Model big = testModel(profile);
    Model small = testModel(profile);
    small.id = "small";
    small.paramsB = 1.0;
    s.models = {big, small};
    for (int r = 0; r < regions; ++r) {
        const std::string id = "r" + std::to_string(r);
        s.regions.push_back(region(id, "Z" + std::to_string(rng.uniformInt(static_cast<std::uint64_t>(zones))), 0.0,
                                   static_cast<double>(rng.uniformInt(20))));
        const int gpus = static_cast<int>(rng.uniformInt(4)); // 0..3: some regions have none
        if (gpus > 0)
            s.pools.push_back(pool(id + "-m", id, gpus));
        if (rng.bernoulli(0.3)) {
            Pool p = pool(id + "-small", id, 1);
            p.model = "small";
            s.pools.push_back(p);
        }
        s.traffic.push_back(flatTraffic(id, 2.0 + 10.0 * rng.uniform01()));
    }
    if (s.pools.empty())
        s.pools.push_back(pool("r0-m", "r0", 1));
    // A connected chain plus random extra links (RTTs between 5 and 250 ms).
    for (int r = 1; r < regions; ++r)
        s.links.push_back(link("r" + std::to_string(rng.uniformInt(static_cast<std::uint64_t>(r))), "r" + std::to_string(r),
                               5.0 + 245.0 * rng.uniform01()));
    for (int extra = static_cast<int>(rng.uniformInt(3)); extra > 0; --extra) {
        const auto a = rng.uniformInt(static_cast<std::uint64_t>(regions));
        const auto b = rng.uniformInt(static_cast<std::uint64_t>(regions));
        if (a != b)
            s.links.push_back(link("r" + std::to_string(a), "r" + std::to_string(b), 5.0 + 245.0 * rng.uniform01()));
    }
    WorkloadClass chat = workload(exponential(200.0), exponential(30.0));
    chat.id = "chat";
    chat.prefixGroups = 1 + static_cast<int>(rng.uniformInt(8));
    chat.prefixTokens = 256 * static_cast<int>(1 + rng.uniformInt(4));
    chat.sessionTurns = constant(static_cast<double>(1 + rng.uniformInt(3)));
    chat.thinkTimeS = exponential(2.0);
    chat.residencyShare = 0.2 + 0.8 * rng.uniform01();
    WorkloadClass api = workload(exponential(100.0), exponential(10.0));
    api.id = "api";
    api.residencyShare = rng.bernoulli(0.5) ? 1.0 : 0.0;
    s.workloads = {chat, api};
    if (rng.bernoulli(0.6)) {
        const int outages = 1 + static_cast<int>(rng.uniformInt(2));
        for (int o = 0; o < outages; ++o) {
            Outage outage;
            outage.target = rng.bernoulli(0.5) ? s.regions[rng.uniformInt(static_cast<std::uint64_t>(regions))].id
                                               : s.pools[rng.uniformInt(s.pools.size())].id;
            outage.startS = 5.0 + 40.0 * rng.uniform01();
            outage.durationS = 5.0 + 30.0 * rng.uniform01();
            s.failover.outages.push_back(outage);
        }
        s.failover.params["detectionDelayS"] = 1.0 + 8.0 * rng.uniform01();
        s.failover.params["retries"] = static_cast<double>(rng.uniformInt(2));
        s.failover.params["breakerFailures"] = static_cast<double>(rng.uniformInt(6));
        if (rng.bernoulli(0.5))
            for (const auto &p : s.pools)
                if (p.model == "small")
                    s.failover.degradeModel = "small";
    }
    s.overflow.enabled = rng.bernoulli(0.5);
    if (rng.bernoulli(0.5))
        s.overflow.params["maxSpillRps"] = 1.0 + 10.0 * rng.uniform01();
    const double probes[] = {0.0, 0.0, 50.0, 500.0};
    s.routing.probeIntervalMs = probes[rng.uniformInt(4)];
    s.simulation.durationS = 60.0;
    s.simulation.warmupS = 0.0;
    s.simulation.seed = 1000 + static_cast<std::uint64_t>(index);
    s.simulation.prefixCache = true;
    return s;
}

SimulationResult run(const Scenario &s, const std::string &policy, const PolicyRegistry &registry)
{
    SimulationOptions options;
    options.policy = policy;
    auto simulation = Simulation::create(s, options, registry);
    if (!simulation)
        qFatal("%s: %s", s.name.c_str(), simulation.error().c_str());
    auto result = simulation->run();
    if (!result)
        qFatal("%s: %s", s.name.c_str(), result.error().c_str());
    return *result;
}

double shedFor(const SimulationResult &r, const std::string &reason)
{
    const auto it = r.shedReasons.find(reason);
    return it == r.shedReasons.end() ? 0.0 : it->second;
}

} // namespace

class TestResidency : public QObject
{
    Q_OBJECT

private slots:
    void noPolicyEverLeavesTheZone()
    {
        const PolicyRegistry registry = withBrokenPolicies();
        std::vector<std::string> policies;
        const PolicyRegistry builtins = PolicyRegistry::builtins();
        for (const auto &info : builtins.policies())
            policies.push_back(info.name);
        Rng rng(20261126);
        const int scenarios = 24;
        double tagged = 0.0;
        double outages = 0.0;
        FailoverCounters failover;
        OverflowCounters overflow;
        double crossRegion = 0.0;
        for (int i = 0; i < scenarios; ++i) {
            const Scenario s = generate(rng, i);
            outages += static_cast<double>(s.failover.outages.size());
            for (const auto &policy : policies) {
                const SimulationResult r = run(s, policy, registry);
                const std::string where = s.name + ", " + policy;
                QVERIFY2(r.requests.residencyViolations == 0.0, where.c_str());
                QVERIFY2(shedFor(r, "residency-violation") == 0.0, where.c_str());
                QVERIFY2(shedFor(r, "policy-invalid-choice") == 0.0, where.c_str());
                // Every arrival ends one way or the other (the run drains completely).
                QVERIFY2(r.requests.arrived == r.requests.completed + r.requests.shed, where.c_str());
                tagged += r.requests.arrived;
                failover.merge(r.failover);
                overflow.merge(r.overflow);
                crossRegion += r.requests.crossRegion;
            }
            // The broken policies are caught: each violation is counted and refused, none served.
            for (const char *broken : {"broken-local", "broken-zone"}) {
                const SimulationResult r = run(s, broken, registry);
                const std::string where = s.name + ", " + broken;
                QVERIFY2(r.requests.residencyViolations == shedFor(r, "residency-violation"), where.c_str());
                QVERIFY2(r.requests.arrived == r.requests.completed + r.requests.shed, where.c_str());
            }
        }
        qInfo("%d scenarios (%.0f outages) x %zu policies, %.0f requests: no violation", scenarios, outages,
              policies.size(), tagged);
        qInfo("exercised: %.0f cross-region, %.0f spilled, %.0f queued, %.0f rerouted, %.0f lost in flight, "
              "%.0f failed deliveries, %.0f retried, %.0f degraded",
              crossRegion, overflow.spilled, overflow.queued, failover.rerouted, failover.lostInFlight,
              failover.failedDeliveries, failover.retried, failover.degraded);
        // The generated scenarios do reach every path that could leak.
        QVERIFY(outages > 5.0);
        QVERIFY(crossRegion > 0.0);
        QVERIFY(overflow.spilled > 0.0);
        QVERIFY(overflow.queued > 0.0);
        QVERIFY(failover.rerouted > 0.0);
        QVERIFY(failover.lostInFlight > 0.0);
        QVERIFY(failover.retried > 0.0);
        QVERIFY(failover.degraded > 0.0);
    }

    void brokenPolicyIsCaughtAndCounted()
    {
        // Replica 0 is in the US; every EU request is tagged. A policy answering replica 0 for
        // everything must have every EU request refused and counted, and none served.
        Scenario s;
        s.name = "broken";
        s.regions = {region("us", "US"), region("eu", "EU")};
        s.zones = {{"US", "US", ""}, {"EU", "EU", ""}};
        s.links = {link("us", "eu", 80.0)};
        s.gpuTypes = {testGpu()};
        s.models = {testModel(linearProfile())};
        s.pools = {pool("us-pool", "us", 2), pool("eu-pool", "eu", 2)};
        s.traffic = {flatTraffic("us", 5.0), flatTraffic("eu", 5.0)};
        WorkloadClass w = workload(constant(100), constant(10));
        w.residencyShare = 1.0;
        s.workloads = {w};
        s.simulation.durationS = 120.0;
        const PolicyRegistry registry = withBrokenPolicies();
        for (const char *broken : {"broken-local", "broken-zone"}) {
            const SimulationResult r = run(s, broken, registry);
            const auto &eu = r.regions[1];
            qInfo("%s: EU arrived %.0f, completed %.0f, violations caught %.0f", broken, eu.requests.arrived,
                  eu.requests.completed, eu.requests.residencyViolations);
            QVERIFY(eu.requests.arrived > 400.0);
            QCOMPARE(eu.requests.residencyViolations, eu.requests.arrived);
            QCOMPARE(eu.requests.completed, 0.0);
            QCOMPARE(shedFor(r, "residency-violation"), eu.requests.arrived);
            QCOMPARE(r.regions[0].requests.residencyViolations, 0.0);
            QCOMPARE(r.regions[0].requests.completed, r.regions[0].requests.arrived);
        }
        // The same scenario under a real policy: nothing to catch.
        const SimulationResult good = run(s, "least-load", registry);
        QCOMPARE(good.requests.residencyViolations, 0.0);
        QCOMPARE(good.regions[1].requests.completed, good.regions[1].requests.arrived);
    }
};

QTEST_APPLESS_MAIN(TestResidency)
#include "tst_residency.moc"
