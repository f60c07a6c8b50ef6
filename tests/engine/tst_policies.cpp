// Routing policies behind the registry: least-load picks a least-loaded candidate with uniform
// ties (checked against brute force), round-robin cycles, unknown names and parameters are
// errors, and a stale view (probe interval) makes least-load herd.
#include "engine/policies/clusterview.h"
#include "engine/policies/leastloadpolicy.h"
#include "engine/policies/policyregistry.h"
#include "engine/policies/roundrobinpolicy.h"
#include "engine/serving/servingcluster.h"
#include "engine/sim/simulation.h"
#include "enginetestscenarios.h"

#include <QtTest>

using namespace longitude::engine;
using namespace longitude::engine::test;

class TestPolicies : public QObject
{
    Q_OBJECT

    static ServingCluster cluster(int replicas)
    {
        const Scenario s = singleRegion(linearProfile(), replicas, 1.0, workload(constant(10), constant(10)));
        auto built = ServingCluster::build(s, {"r"}, {"m"}, nullptr);
        if (!built)
            qFatal("%s", built.error().c_str());
        return std::move(*built);
    }

private slots:
    void leastLoadMatchesBruteForce()
    {
        ServingCluster c = cluster(8);
        const std::vector<double> rtt = {0.0};
        ClusterView view(c, rtt, c.loads());
        Rng rng(1);
        LeastLoadPolicy policy;
        policy.attach(view, rng);
        Rng changes(2);
        Request request;
        std::vector<int> picks(8, 0);
        for (int step = 0; step < 20000; ++step) {
            // Random load changes, reported as the engine reports them.
            const int r = static_cast<int>(changes.uniformInt(8));
            int &outstanding = c.load(r).outstanding;
            outstanding = std::max(0, outstanding + (changes.bernoulli(0.5) ? 1 : -1) * static_cast<int>(1 + changes.uniformInt(3)));
            policy.loadChanged(r);
            RouteQuery query;
            query.request = &request;
            query.group = 0;
            query.candidates = c.groupReplicas(0);
            const int chosen = policy.route(query);
            int least = INT32_MAX;
            for (int i = 0; i < 8; ++i)
                least = std::min(least, c.loads()[static_cast<std::size_t>(i)].outstanding);
            QCOMPARE(c.loads()[static_cast<std::size_t>(chosen)].outstanding, least);
        }
        // Ties are broken uniformly: all idle, 8000 picks, each replica ~1000 (sd ~30).
        for (int i = 0; i < 8; ++i) {
            c.load(i).outstanding = 0;
            policy.loadChanged(i);
        }
        RouteQuery query;
        query.request = &request;
        query.candidates = c.groupReplicas(0);
        for (int k = 0; k < 8000; ++k)
            ++picks[static_cast<std::size_t>(policy.route(query))];
        for (const int n : picks)
            QVERIFY2(n > 850 && n < 1150, qPrintable(QString::number(n)));
    }

    void roundRobinCycles()
    {
        ServingCluster c = cluster(3);
        const std::vector<double> rtt = {0.0};
        ClusterView view(c, rtt, c.loads());
        Rng rng(1);
        RoundRobinPolicy policy;
        policy.attach(view, rng);
        Request request;
        RouteQuery query;
        query.request = &request;
        query.candidates = c.groupReplicas(0);
        QCOMPARE(policy.route(query), 0);
        QCOMPARE(policy.route(query), 1);
        QCOMPARE(policy.route(query), 2);
        QCOMPARE(policy.route(query), 0);
    }

    void registryNamesAndParameters()
    {
        const PolicyRegistry registry = PolicyRegistry::builtins();
        QVERIFY(registry.find("least-load"));
        QVERIFY(registry.find("round-robin"));
        QVERIFY(registry.create("least-load", {}).has_value());
        const auto unknown = registry.create("gorgo-v9", {});
        QVERIFY(!unknown.has_value());
        QVERIFY(unknown.error().find("round-robin") != std::string::npos);
        const auto badParam = registry.create("least-load", {{"alpha", 0.7}});
        QVERIFY(!badParam.has_value());
        QVERIFY(badParam.error().find("alpha") != std::string::npos);
    }

    void staleViewHerds()
    {
        // 8 replicas near saturation. With a live view least-load spreads the load; with loads
        // probed once every 2 s every request between probes goes to the same "least loaded"
        // replica, which then queues: TTFT p99 must get worse.
        Scenario s = singleRegion(linearProfile(), 8, 36.0, workload(constant(200), constant(60)));
        s.simulation.durationS = 600.0;
        s.simulation.warmupS = 60.0;
        auto live = Simulation::create(s);
        QVERIFY(live.has_value());
        const auto liveResult = live->run();
        s.routing.probeIntervalMs = 2000.0;
        auto stale = Simulation::create(s);
        QVERIFY(stale.has_value());
        const auto staleResult = stale->run();
        QVERIFY(liveResult && staleResult);
        qInfo("TTFT p99: live %.1f ms, probed every 2 s %.1f ms", liveResult->latency.ttft.quantile(0.99) / 1e3,
              staleResult->latency.ttft.quantile(0.99) / 1e3);
        QVERIFY(staleResult->latency.ttft.quantile(0.99) > 2.0 * liveResult->latency.ttft.quantile(0.99));
        QCOMPARE(staleResult->requests.completed, staleResult->requests.arrived);
    }
};

QTEST_APPLESS_MAIN(TestPolicies)
#include "tst_policies.moc"
