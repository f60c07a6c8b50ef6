// The ordering seed 000 teaches, on samples/three-regions.longitude.json: prefix-cache hit rate
// round-robin < cache-aware regional < cache-aware global. On this sample every replica can keep
// all 40 system prompts (80k of its 448k KV tokens), so once warm every policy hits; the policies
// differ in how many cold misses they pay: each prompt misses once per replica (round-robin),
// once per region (regional), about once in the world (global). The test measures the first ten
// minutes from empty caches.
#include "engine/io/scenariojson.h"
#include "engine/sim/simulation.h"

#include <QtTest>

using namespace longitude::engine;

class TestPolicySamples : public QObject
{
    Q_OBJECT

private slots:
    void cacheAwarenessOrdersHitRates()
    {
        const std::string path = std::string(LONGITUDE_SOURCE_DIR) + "/samples/three-regions.longitude.json";
        auto loaded = loadScenarioFile(path);
        QVERIFY2(loaded.has_value(), path.c_str());
        Scenario s = loaded->scenario;
        s.simulation.warmupS = 0.0;
        s.simulation.durationS = 600.0;
        const int prompts = s.workloads[0].prefixGroups;
        QCOMPARE(prompts, 40);

        auto run = [&](const std::string &policy) {
            SimulationOptions options;
            options.policy = policy;
            auto sim = Simulation::create(s, options);
            if (!sim)
                qFatal("%s", sim.error().c_str());
            return *sim->run();
        };
        const SimulationResult rr = run("round-robin");
        const SimulationResult regional = run("cache-aware-regional");
        const SimulationResult global = run("cache-aware-global");
        auto misses = [](const SimulationResult &r) { return r.cache.requests - r.cache.hitRequests; };
        qInfo("request hit rate: round-robin %.4f (%.0f misses), regional %.4f (%.0f), global %.4f (%.0f)",
              rr.cache.requestHitRate(), misses(rr), regional.cache.requestHitRate(), misses(regional),
              global.cache.requestHitRate(), misses(global));
        qInfo("token hit rate: %.4f < %.4f < %.4f", rr.cache.tokenHitRate(), regional.cache.tokenHitRate(),
              global.cache.tokenHitRate());
        QCOMPARE(rr.requests.completed, regional.requests.completed);
        QVERIFY(rr.cache.requestHitRate() < regional.cache.requestHitRate());
        QVERIFY(regional.cache.requestHitRate() < global.cache.requestHitRate());
        QVERIFY(rr.cache.tokenHitRate() < regional.cache.tokenHitRate());
        QVERIFY(regional.cache.tokenHitRate() < global.cache.tokenHitRate());
        // Lower bounds by hand: a replica misses a prompt the first time it sees it.
        QVERIFY(misses(rr) >= 12.0 * prompts);
        QVERIFY(misses(regional) >= 3.0 * prompts);
        QVERIFY(misses(global) >= prompts);
        // Only the global policy crosses regions.
        QCOMPARE(rr.requests.crossRegion, 0.0);
        QCOMPARE(regional.requests.crossRegion, 0.0);
        QVERIFY(global.requests.crossRegion > 0.0);
    }
};

QTEST_APPLESS_MAIN(TestPolicySamples)
#include "tst_policysamples.moc"
