// Failover (scenario.failover; DOMAIN.md section 6, seed 002): outages take regions or pools
// down; health probes and circuit breakers tell the routers; work in flight is lost (or retried);
// traffic goes to the nearest healthy region of its residency zone, rescuers are protected, and
// requests may degrade to a smaller model. Hand-built cases with timings worked out by hand, then
// the invariants of samples/global-service-outage.longitude.json on a shortened run.
#include "engine/io/scenariojson.h"
#include "engine/io/summaryjson.h"
#include "engine/policies/policyregistry.h"
#include "engine/sim/simulation.h"
#include "enginetestscenarios.h"

#include <QtTest>

using namespace longitude::engine;
using namespace longitude::engine::test;

namespace {

/// Always answers the first replica of its candidates' region's pool, even when it is down.
class StubbornPolicy : public RoutingPolicy
{
public:
    RouteChoice route(const RouteQuery &query) override { return RouteChoice::serve(m_view->groupReplicas(query.group)[0]); }
};

/// "a" and "b" (US, RTT 60 ms) have two replicas each, "c" (EU, 80 ms from a) four. "a" sends
/// 10 req/s and "c" 5 req/s, every request tagged to its zone. "a" fails from 30 s to 60 s.
Scenario threeRegionsWithOutage()
{
    Scenario s;
    s.name = "failover";
    s.regions = {region("a", "US"), region("b", "US"), region("c", "EU")};
    s.zones = {{"US", "US", ""}, {"EU", "EU", ""}};
    s.links = {link("a", "b", 60.0), link("a", "c", 80.0), link("b", "c", 100.0)};
    s.gpuTypes = {testGpu()};
    s.models = {testModel(linearProfile())};
    s.pools = {pool("a-pool", "a", 2), pool("b-pool", "b", 2), pool("c-pool", "c", 4)};
    s.traffic = {flatTraffic("a", 10.0), flatTraffic("c", 5.0)};
    WorkloadClass w = workload(constant(100), constant(30));
    w.residencyShare = 1.0;
    s.workloads = {w};
    s.failover.outages = {{"a", 30.0, 30.0}};
    s.failover.params["breakerFailures"] = 0.0; // probes only: detection exactly at the delay
    s.simulation.durationS = 120.0;
    s.simulation.prefixCache = false;
    return s;
}

SimulationResult run(const Scenario &s, SimulationOptions options = {})
{
    auto simulation = Simulation::create(s, options);
    if (!simulation)
        qFatal("%s", simulation.error().c_str());
    auto result = simulation->run();
    if (!result)
        qFatal("%s", result.error().c_str());
    return *result;
}

double shedFor(const SimulationResult &r, const std::string &reason)
{
    const auto it = r.shedReasons.find(reason);
    return it == r.shedReasons.end() ? 0.0 : it->second;
}

const SimulationResult::Pool &poolNamed(const SimulationResult &r, const std::string &id)
{
    for (const auto &p : r.pools)
        if (p.id == id)
            return p;
    qFatal("no pool %s", id.c_str());
}

} // namespace

class TestFailover : public QObject
{
    Q_OBJECT

private slots:
    void probesDetectAfterTheDelayAndTrafficReroutesInsideTheZone()
    {
        const SimulationResult r = run(threeRegionsWithOutage());
        const FailoverCounters &f = r.failover;
        QVERIFY(r.failoverEnabled);
        QCOMPARE(f.outages.size(), std::size_t(1));
        // Probes: down 10 s after the failure, up 25 s after the recovery (the defaults).
        QCOMPARE(f.outages[0].detectedAfterS, 10.0);
        QCOMPARE(f.outages[0].recoveredAfterS, 25.0);
        qInfo("lost in flight %.0f, failed deliveries %.0f, rerouted %.0f, failed %.0f", f.lostInFlight,
              f.failedDeliveries, f.rerouted, f.failed);
        // Between the failure and its detection a's 10 req/s still go to a and fail: ~100.
        QVERIFY(f.failedDeliveries > 60.0 && f.failedDeliveries < 140.0);
        QVERIFY(f.lostInFlight > 0.0);
        // No retries: every lost or failed request is gone, and says why.
        QCOMPARE(f.failed, f.lostInFlight + f.failedDeliveries);
        QCOMPARE(shedFor(r, "outage-lost"), f.lostInFlight);
        QCOMPARE(shedFor(r, "outage-failed"), f.failedDeliveries);
        // After detection, a's requests go to b (same zone), never to c (EU).
        QVERIFY(f.rerouted > 100.0);
        QCOMPARE(r.overflow.byRegion[1].reroutedIn, f.rerouted);
        QCOMPARE(r.overflow.byRegion[2].reroutedIn, 0.0);
        QCOMPARE(poolNamed(r, "c-pool").requests.completed, r.regions[2].requests.completed);
        QCOMPARE(r.regions[2].requests.completed, r.regions[2].requests.arrived);
        QCOMPARE(r.requests.residencyViolations, 0.0);
        QCOMPARE(r.requests.arrived, r.requests.completed + r.requests.shed);
        // Rerouted requests pay a -> b's 60 ms.
        QVERIFY(poolNamed(r, "b-pool").latency.ttft.max() >= 60000);
    }

    void breakersDetectBeforeTheProbes()
    {
        Scenario s = threeRegionsWithOutage();
        s.failover.params["breakerFailures"] = 5.0;
        const SimulationResult r = run(s);
        const auto &outage = r.failover.outages[0];
        qInfo("detected after %.3f s, %.0f failed deliveries", outage.detectedAfterS, r.failover.failedDeliveries);
        // Five requests at 10 req/s: about half a second, far below the 10 s of the probes.
        QVERIFY(outage.detectedAfterS > 0.0 && outage.detectedAfterS < 3.0);
        QCOMPARE(r.failover.failedDeliveries, 5.0);
    }

    void retriesRecoverLostWork()
    {
        Scenario s = threeRegionsWithOutage();
        s.failover.params["retries"] = 1.0;
        s.failover.params["breakerFailures"] = 5.0;
        const SimulationResult r = run(s);
        const FailoverCounters &f = r.failover;
        qInfo("lost %.0f, failed deliveries %.0f, retried %.0f, failed for good %.0f", f.lostInFlight, f.failedDeliveries,
              f.retried, f.failed);
        // Each loss or failed delivery is either sent again or given up.
        QCOMPARE(f.retried + f.failed, f.lostInFlight + f.failedDeliveries);
        QVERIFY(f.retried > 0.0);
        QVERIFY(f.failed < f.lostInFlight + f.failedDeliveries);
        QCOMPARE(r.requests.arrived, r.requests.completed + r.requests.shed);
    }

    void noHealthyReplicaInTheZoneIsShedNotExported()
    {
        // The EU has one region: while it is down, EU requests are shed, never sent to the US.
        Scenario s = threeRegionsWithOutage();
        s.failover.outages = {{"c", 30.0, 30.0}};
        const SimulationResult r = run(s);
        QVERIFY(r.failover.shedNoHealthy > 0.0);
        QCOMPARE(shedFor(r, "no-healthy-replica-in-zone"), r.failover.shedNoHealthy);
        QCOMPARE(r.regions[2].requests.crossRegion, 0.0);
        QCOMPARE(r.requests.residencyViolations, 0.0);
        // Shed for the 20 s between detection (40 s) and recovery (60 + 25 s = 85 s)... i.e. 45 s at 5/s.
        QVERIFY(r.failover.shedNoHealthy > 0.7 * 5.0 * 45.0 && r.failover.shedNoHealthy < 1.3 * 5.0 * 45.0);
    }

    void cappedRescuerDegradesToTheSmallerModel()
    {
        Scenario s = threeRegionsWithOutage();
        Model small = testModel(linearProfile());
        small.id = "small";
        s.models.push_back(small);
        Pool standby = pool("b-small", "b", 2);
        standby.model = "small";
        s.pools.push_back(standby);
        s.failover.degradeModel = "small";
        s.overflow.params["maxSpillRps"] = 1.0; // b takes one rerouted request per second
        const SimulationResult r = run(s);
        const FailoverCounters &f = r.failover;
        qInfo("rerouted %.0f, degraded %.0f, shed by rescuer protection %.0f", f.rerouted, f.degraded, f.shedRescuer);
        QVERIFY(f.degraded > 100.0);
        QCOMPARE(poolNamed(r, "b-small").requests.completed, f.degraded);
        QVERIFY(r.overflow.byRegion[1].reroutedIn <= 1.0 * 120.0 + 1.0);
        QVERIFY(r.overflow.byRegion[1].peakPerSecond <= 2.0);
        QCOMPARE(r.requests.residencyViolations, 0.0);
    }

    void aPolicyCannotUseAReplicaKnownDown()
    {
        // a has two pools; a-pool fails. Once the routers know, a policy that insists on
        // a-pool's replica is refused (policy-invalid-choice), not delivered to a dead replica.
        Scenario s = threeRegionsWithOutage();
        s.pools.push_back(pool("a-pool-2", "a", 2));
        s.failover.outages = {{"a-pool", 30.0, 30.0}};
        PolicyRegistry registry = PolicyRegistry::builtins();
        registry.add({"stubborn", "test only", {},
                      [](const ParamMap &) -> std::unique_ptr<RoutingPolicy> { return std::make_unique<StubbornPolicy>(); }});
        SimulationOptions options;
        options.policy = "stubborn";
        auto sim = Simulation::create(s, options, registry);
        QVERIFY(sim.has_value());
        const SimulationResult r = *sim->run();
        // Known down from 40 s to 85 s: 45 s of a's 10 req/s refused; 10 s of them failed before.
        QVERIFY(shedFor(r, "policy-invalid-choice") > 0.7 * 450.0);
        QVERIFY(r.failover.failedDeliveries < 1.3 * 100.0);
        QCOMPARE(r.requests.arrived, r.requests.completed + r.requests.shed);
    }

    void poolOutageSparesTheRestOfTheRegion()
    {
        Scenario s = threeRegionsWithOutage();
        s.pools.push_back(pool("a-pool-2", "a", 2));
        s.failover.outages = {{"a-pool", 30.0, 30.0}};
        const SimulationResult r = run(s);
        // a still has a healthy pool: nothing leaves the region.
        QCOMPARE(r.failover.rerouted, 0.0);
        QCOMPARE(r.regions[0].requests.crossRegion, 0.0);
        QVERIFY(r.failover.failedDeliveries > 0.0);
        QVERIFY(poolNamed(r, "a-pool-2").requests.completed > poolNamed(r, "a-pool").requests.completed);
    }

    void degradeModelIsReadWrittenAndValidated()
    {
        Scenario s = threeRegionsWithOutage();
        Model small = testModel(linearProfile());
        small.id = "small";
        s.models.push_back(small);
        s.failover.degradeModel = "small";
        // No pool serves "small" yet: an error naming the field.
        Diagnostics d = validateScenario(s);
        auto has = [](const Diagnostics &ds, const std::string &pointer, const std::string &text) {
            for (const auto &x : ds)
                if (x.pointer == pointer && x.message.find(text) != std::string::npos)
                    return true;
            return false;
        };
        QVERIFY(has(d, "/failover/degradeModel", "no pool serves model \"small\""));
        s.failover.degradeModel = "tiny";
        QVERIFY(has(validateScenario(s), "/failover/degradeModel", "unknown model \"tiny\""));
        Pool standby = pool("b-small", "b", 1);
        standby.model = "small";
        s.pools.push_back(standby);
        s.failover.degradeModel = "small";
        QVERIFY(!has(validateScenario(s), "/failover/degradeModel", ""));
        // Round trip, and files without it keep their form.
        const std::string text = saveScenario(s);
        QVERIFY(text.find("\"degradeModel\": \"small\"") != std::string::npos);
        auto loaded = parseScenario(text, "round-trip");
        QVERIFY(loaded.has_value());
        QCOMPARE(loaded->scenario.failover.degradeModel, std::string("small"));
        QCOMPARE(loaded->scenario, s);
        s.failover.degradeModel.clear();
        QVERIFY(saveScenario(s).find("degradeModel") == std::string::npos);
        // Bad failover parameters are refused with the accepted range.
        s.failover.params["retries"] = 1.5;
        auto bad = Simulation::create(s);
        QVERIFY(!bad);
        QVERIFY(bad.error().find("failover parameter 'retries' must be an integer") != std::string::npos);
    }

    void deterministicAndSampled()
    {
        // Outages, overflow, stale views and SkyLB's queues: same seed, same bytes; and the
        // time-sampled mode runs them hour by hour (on worker threads) to the same invariants.
        Scenario s = threeRegionsWithOutage();
        s.overflow.enabled = true;
        s.routing.probeIntervalMs = 200.0;
        s.failover.params["retries"] = 1.0;
        for (const char *policy : {"least-load", "skylb", "gorgo"}) {
            SimulationOptions options;
            options.policy = policy;
            const std::string a = SummaryJson::write(run(s, options), false);
            const std::string b = SummaryJson::write(run(s, options), false);
            QCOMPARE(a, b);
        }
        s.simulation.durationS = 3 * 3600.0;
        s.simulation.sampling.enabled = true;
        s.simulation.sampling.windowS = 120.0;
        s.simulation.sampling.warmupS = 20.0;
        s.failover.outages = {{"a", 3600.0 + 40.0, 60.0}};
        const SimulationResult r = run(s);
        QVERIFY(r.sampled);
        QCOMPARE(r.requests.residencyViolations, 0.0);
        QCOMPARE(r.failover.outages.size(), std::size_t(1));
        QCOMPARE(r.failover.outages[0].detectedAfterS, 10.0);
        QVERIFY(r.failover.rerouted > 0.0);
    }

    void busiestRegionOutageOnTheGlobalService()
    {
        // samples/global-service-outage.longitude.json, shortened: 60 s (warm-up 10 s), us-east-1
        // down from 20 s to 40 s.
        const std::string path = std::string(LONGITUDE_SOURCE_DIR) + "/samples/global-service-outage.longitude.json";
        auto loaded = loadScenarioFile(path);
        QVERIFY2(loaded.has_value(), path.c_str());
        Scenario s = loaded->scenario;
        s.simulation.durationS = 60.0;
        s.simulation.warmupS = 10.0;
        s.failover.outages[0].startS = 20.0;
        s.failover.outages[0].durationS = 20.0;
        const SimulationResult r = run(s);
        const FailoverCounters &f = r.failover;
        const double cap = s.overflow.params.at("maxSpillRps");
        qInfo("%.0f requests: lost %.0f, failed deliveries %.0f, retried %.0f, failed %.0f, rerouted %.0f, degraded %.0f, "
              "shed (rescuer protection) %.0f, detected after %.4f s; TTFT p99 %.0f ms",
              r.requests.arrived, f.lostInFlight, f.failedDeliveries, f.retried, f.failed, f.rerouted, f.degraded,
              f.shedRescuer, f.outages[0].detectedAfterS, r.latency.ttft.quantile(0.99) / 1e3);
        QCOMPARE(r.requests.residencyViolations, 0.0);
        QCOMPARE(r.requests.arrived, r.requests.completed + r.requests.shed);
        QVERIFY(f.outages[0].detectedAfterS >= 0.0 && f.outages[0].detectedAfterS <= 10.0);
        QVERIFY(f.lostInFlight > 0.0);
        QVERIFY(f.rerouted > 0.0);
        QVERIFY(f.degraded > 0.0);
        // Degraded requests, and only they, ran on the small model's standby pool.
        QCOMPARE(poolNamed(r, "us-west-2-h100-8b-standby").requests.completed, f.degraded);
        // Bounded spillover: no rescuer took more than its rate cap (+ its 0.1 s token bucket).
        const double burst = std::max(1.0, cap * 0.1);
        for (std::size_t i = 0; i < r.regions.size(); ++i) {
            const auto &rescuer = r.overflow.byRegion[i];
            qInfo("%s: spilled-in %.0f, rerouted-in %.0f, peak %.0f/s", r.regions[i].id.c_str(), rescuer.spilledIn,
                  rescuer.reroutedIn, rescuer.peakPerSecond);
            QVERIFY(rescuer.peakPerSecond <= cap + burst + 1.0);
            QVERIFY(rescuer.spilledIn + rescuer.reroutedIn <= cap * 50.0 + burst);
        }
        // us-east-1 never rescues while it is down, and nothing is served there then: its pool
        // completes fewer requests than us-west-2's despite its bigger share of the traffic.
        QCOMPARE(r.overflow.byRegion[0].reroutedIn, 0.0);
        QVERIFY(poolNamed(r, "us-east-1-h100").requests.completed < poolNamed(r, "us-west-2-h100").requests.completed);
        // The report: failover and overflow objects in the summary.
        const std::string json = SummaryJson::write(r, false);
        QVERIFY(json.find("\"failover\": {") != std::string::npos);
        QVERIFY(json.find("\"target\": \"us-east-1\"") != std::string::npos);
        QVERIFY(json.find("\"by_rescuer\": {") != std::string::npos);
    }
};

QTEST_APPLESS_MAIN(TestFailover)
#include "tst_failover.moc"
