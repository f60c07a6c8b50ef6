// Stale information (DOMAIN.md section 5: "information is never free"): with a probe interval,
// each region's router sees its own replicas as of the last probe and remote replicas RTT/2
// older. StaleViews checked tick by tick by hand, then what staleness does to a router.
#include "engine/sim/simulation.h"
#include "engine/sim/staleviews.h"
#include "policytestbed.h"

#include <QtTest>

using namespace longitude::engine;
using namespace longitude::engine::test;

class TestStaleness : public QObject
{
    Q_OBJECT

private slots:
    void remoteRegionsAreHalfAnRttOlder()
    {
        // Regions a and b, one replica each, RTT 40 ms (20 ms one way); probes every 100 ms.
        PolicyTestbed bed(policyScenario({{"a", "Z", 1}, {"b", "Z", 1}}, {{0.0, 40.0}, {40.0, 0.0}}));
        const std::vector<double> rtt = {0.0, 40.0, 40.0, 0.0};
        StaleViews views;
        views.configure(bed.cluster(), rtt, 100000, 0);
        std::vector<ReplicaLoad> live(2);
        auto seen = [&](int observer, int replica) {
            return views.base()[static_cast<std::size_t>(observer) * views.stride() + static_cast<std::size_t>(replica)]
                .outstanding;
        };
        QCOMPARE(views.nextEventUs(), SimTime(100000)); // tick 0 is the empty start every view begins with
        live[0].outstanding = 5;
        live[1].outstanding = 7;
        QVERIFY(!views.advance(99999, live));
        QCOMPARE(seen(0, 0), 0);
        QCOMPARE(seen(0, 1), 0);
        // Tick 1 at 100 ms: each router learns its own replica at once...
        QVERIFY(views.advance(100000, live));
        QCOMPARE(seen(0, 0), 5);
        QCOMPARE(seen(1, 1), 7);
        // ... and the other region's 20 ms later.
        live[0].outstanding = 9;
        live[1].outstanding = 1;
        QVERIFY(!views.advance(119999, live));
        QCOMPARE(seen(0, 1), 0);
        QCOMPARE(seen(1, 0), 0);
        QVERIFY(!views.advance(120000, live));
        QCOMPARE(seen(0, 1), 7); // as probed at 100 ms, not the live 1
        QCOMPARE(seen(1, 0), 5);
        QCOMPARE(views.nextEventUs(), SimTime(200000));
        QVERIFY(views.advance(200000, live));
        QCOMPARE(seen(0, 0), 9);
        QCOMPARE(seen(0, 1), 7);
        QVERIFY(!views.advance(220000, live));
        QCOMPARE(seen(0, 1), 1);
    }

    void delaysLongerThanTheProbeIntervalKeepEveryProbe()
    {
        // RTT 500 ms (250 ms one way) with probes every 100 ms: router a sees b's probe of tick k
        // at k x 100 + 250 ms, so several probes are in flight at once.
        PolicyTestbed bed(policyScenario({{"a", "Z", 1}, {"b", "Z", 1}}, {{0.0, 500.0}, {500.0, 0.0}}));
        const auto rtt = std::vector<double>{0.0, 500.0, 500.0, 0.0};
        StaleViews views;
        views.configure(bed.cluster(), rtt, 100000, 0);
        std::vector<ReplicaLoad> live(2);
        for (int k = 1; k <= 10; ++k) {
            live[1].outstanding = k; // b's load at tick k is k
            views.advance(k * 100000, live);
            // At k x 100 ms router a has seen b's probe of tick k - 3 (k x 100 - 250 ms rounded down to a tick).
            const int expected = k >= 3 ? (k - 3 >= 1 ? k - 3 : 0) : 0;
            QCOMPARE(views.base()[1].outstanding, expected);
        }
    }

    void staleLeastLoadHerds()
    {
        // One region of 8 replicas near saturation. With a live view JSQ balances; with a view
        // refreshed once a second every request of that second goes to the replicas that were
        // least loaded at the last probe, and queues build.
        Scenario s = policyScenario({{"a", "Z", 8}}, {{0.0}});
        s.traffic = {flatTraffic("a", 70.0)};
        s.workloads[0] = workload(constant(100), constant(50));
        s.simulation.durationS = 300.0;
        s.simulation.warmupS = 30.0;
        s.simulation.prefixCache = false;
        auto run = [](const Scenario &scenario) {
            auto sim = Simulation::create(scenario);
            if (!sim)
                qFatal("%s", sim.error().c_str());
            return *sim->run();
        };
        const SimulationResult live = run(s);
        s.routing.probeIntervalMs = 1000.0;
        const SimulationResult stale = run(s);
        qInfo("TTFT p99: live %.0f ms, 1 s probes %.0f ms; queue wait p99 %.0f / %.0f ms", live.latency.ttft.quantile(0.99) / 1e3,
              stale.latency.ttft.quantile(0.99) / 1e3, live.latency.queueWait.quantile(0.99) / 1e3,
              stale.latency.queueWait.quantile(0.99) / 1e3);
        QCOMPARE(live.probeIntervalMs, 0.0);
        QCOMPARE(stale.probeIntervalMs, 1000.0);
        QVERIFY(stale.latency.ttft.quantile(0.99) > 2.0 * live.latency.ttft.quantile(0.99));
    }

    void skylbProbesEveryHundredMillisecondsByDefault()
    {
        Scenario s = policyScenario({{"a", "Z", 2}}, {{0.0}});
        s.routing.policy = "skylb";
        s.simulation.durationS = 10.0;
        auto sim = Simulation::create(s);
        QVERIFY(sim.has_value());
        QCOMPARE(sim->run()->probeIntervalMs, 100.0);
        s.routing.probeIntervalMs = 250.0; // the scenario's interval wins
        QCOMPARE(Simulation::create(s)->run()->probeIntervalMs, 250.0);
    }
};

QTEST_APPLESS_MAIN(TestStaleness)
#include "tst_staleness.moc"
