// Overflow control (scenario.overflow; DOMAIN.md section 6, seed 002): a full region spills to
// the nearest region of its zone only while the extra RTT fits the TTFT budget, each rescuer
// takes at most its cap, and what cannot spill waits briefly in the router's queue or is shed
// with a counted reason.
#include "engine/sim/simulation.h"
#include "engine/sim/spillguard.h"
#include "enginetestscenarios.h"

#include <QtTest>

using namespace longitude::engine;
using namespace longitude::engine::test;

namespace {

/// "home" has one replica and 30 req/s of 100-token prompts with 50-token answers (a replica
/// of linearProfile serves about 11 req/s at its batch of 8): it is always full. "near" (RTT
/// 50 ms) and "far" (RTT 300 ms) are idle rescuers of the same zone; "eu" is idle but in another
/// zone and every request is tagged. SLA 800 ms, reserve 660 ms, no gateway latency: a spill
/// fits while time spent + RTT <= 140 ms, so "near" qualifies and "far" never does.
Scenario overloaded()
{
    Scenario s;
    s.name = "overflow";
    s.regions = {region("home", "US"), region("near", "US"), region("far", "US"), region("eu", "EU")};
    s.zones = {{"US", "US", ""}, {"EU", "EU", ""}};
    s.links = {link("home", "near", 50.0), link("home", "far", 300.0), link("home", "eu", 20.0),
               link("near", "far", 300.0), link("near", "eu", 60.0), link("far", "eu", 300.0)};
    s.gpuTypes = {testGpu()};
    s.models = {testModel(linearProfile())};
    s.pools = {pool("home-pool", "home", 1), pool("near-pool", "near", 4), pool("far-pool", "far", 4),
               pool("eu-pool", "eu", 4)};
    s.traffic = {flatTraffic("home", 30.0)};
    WorkloadClass w = workload(constant(100), constant(50));
    w.residencyShare = 1.0;
    s.workloads = {w};
    s.routing.policy = "least-load";
    s.overflow.enabled = true;
    s.simulation.durationS = 120.0;
    s.simulation.prefixCache = false;
    return s;
}

SimulationResult run(const Scenario &s)
{
    auto simulation = Simulation::create(s);
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

const OverflowCounters::Rescuer &rescuer(const SimulationResult &r, int region)
{
    return r.overflow.byRegion[static_cast<std::size_t>(region)];
}

} // namespace

class TestOverflow : public QObject
{
    Q_OBJECT

private slots:
    void spillsOnlyWithinTheBudget()
    {
        const SimulationResult r = run(overloaded());
        qInfo("spilled %.0f (near %.0f, far %.0f, eu %.0f), queued %.0f, timeouts %.0f, shed %.0f of %.0f",
              r.overflow.spilled, rescuer(r, 1).spilledIn, rescuer(r, 2).spilledIn, rescuer(r, 3).spilledIn,
              r.overflow.queued, r.overflow.queueTimeouts, r.requests.shed, r.requests.arrived);
        QVERIFY(rescuer(r, 1).spilledIn > 1000.0);
        QCOMPARE(rescuer(r, 2).spilledIn, 0.0); // 300 ms does not fit 140 ms
        QCOMPARE(rescuer(r, 3).spilledIn, 0.0); // another zone, whatever its RTT
        QCOMPARE(r.requests.residencyViolations, 0.0);
        QCOMPARE(r.pools[2].requests.completed, 0.0);
        QCOMPARE(r.pools[3].requests.completed, 0.0);
        QCOMPARE(r.overflow.spilled, rescuer(r, 1).spilledIn);
        QCOMPARE(r.requests.crossRegion, r.overflow.spilled);
        // Spilled requests pay the RTT: none of them is faster than 50 ms.
        QVERIFY(r.pools[1].latency.ttft.min() >= 50000);
        QCOMPARE(r.requests.arrived, r.requests.completed + r.requests.shed);
    }

    void withoutOverflowTheRegionKeepsItsLoad()
    {
        Scenario s = overloaded();
        s.overflow.enabled = false;
        const SimulationResult r = run(s);
        QCOMPARE(r.overflow.spilled, 0.0);
        QCOMPARE(r.requests.crossRegion, 0.0);
        QCOMPARE(r.requests.shed, 0.0); // unbounded replica queue: slow, not shed
        const SimulationResult bounded = run(overloaded());
        qInfo("TTFT p99 without overflow %.0f ms, with %.0f ms", r.latency.ttft.quantile(0.99) / 1e3,
              bounded.latency.ttft.quantile(0.99) / 1e3);
        QVERIFY(bounded.latency.ttft.quantile(0.99) < r.latency.ttft.quantile(0.99));
    }

    void noBudgetMeansQueueThenShed()
    {
        // reserveMs 800 leaves no room for any RTT: nothing spills; requests wait at most
        // maxQueueMs in the router's queue, then are shed.
        Scenario s = overloaded();
        s.overflow.params["reserveMs"] = 800.0;
        const SimulationResult r = run(s);
        QCOMPARE(r.overflow.spilled, 0.0);
        QVERIFY(r.overflow.queued > 0.0);
        QVERIFY(r.overflow.queueTimeouts > 0.0);
        QCOMPARE(shedFor(r, "queue-timeout"), r.overflow.queueTimeouts);
        QCOMPARE(r.requests.arrived, r.requests.completed + r.requests.shed);
        // A request waits at most 100 ms at the router before a replica with room takes it.
        QVERIFY(r.latency.ttft.max() < 100000 + 30 * 1000 * 1000);
        // A queue of length 0 sheds at once instead.
        s.overflow.params["queueLimit"] = 0.0;
        const SimulationResult none = run(s);
        QCOMPARE(none.overflow.queued, 0.0);
        QVERIFY(shedFor(none, "overflow-shed") > 0.0);
        QCOMPARE(none.overflow.shed, shedFor(none, "overflow-shed"));
    }

    void rescuerRateCapIsRespected()
    {
        Scenario s = overloaded();
        s.overflow.params["maxSpillRps"] = 2.0;
        const SimulationResult r = run(s);
        const auto &near = rescuer(r, 1);
        qInfo("near: spilled-in %.0f in 120 s at most 2/s, peak %.0f in one second, %.0f refusals", near.spilledIn,
              near.peakPerSecond, near.refusals);
        // Token bucket: at most rate x time + its depth (max(1, 2 x 0.1) = 1 token).
        QVERIFY(near.spilledIn <= 2.0 * 120.0 + 1.0);
        QVERIFY(near.spilledIn >= 0.8 * 2.0 * 120.0); // the cap binds, it does not starve the rescuer
        QVERIFY(near.peakPerSecond <= 2.0 + 1.0);
        QVERIFY(near.refusals > 0.0);
    }

    void rescuerShareCapIsRespected()
    {
        // near has 4 replicas x 8 slots = 32; a share of 0.1 allows 3.2, i.e. 3 spilled-in
        // requests in flight at once. Each stays about 0.5-0.8 s, so at most ~6 per second.
        Scenario s = overloaded();
        s.overflow.params["maxSpillShare"] = 0.1;
        const SimulationResult r = run(s);
        s.overflow.params["maxSpillShare"] = 1.0;
        const SimulationResult wide = run(s);
        qInfo("spilled-in with share 0.1: %.0f, with 1.0: %.0f", rescuer(r, 1).spilledIn, rescuer(wide, 1).spilledIn);
        QVERIFY(rescuer(r, 1).spilledIn < 0.5 * rescuer(wide, 1).spilledIn);
        QVERIFY(rescuer(r, 1).spilledIn <= 3.0 / 0.5 * 120.0);
    }

    void spillGuardByHand()
    {
        SpillGuard guard;
        // Region 0: 10 req/s, bucket of max(1, 10 x 0.1) = 1 token; region 1: 100 slots, share 0.1.
        guard.configure({0.0, 100.0}, 10.0, 0.1, 0.1, 0);
        QVERIFY(guard.allows(0, 0));
        guard.commit(0);
        QVERIFY(!guard.allows(0, 50000)); // half a token after 50 ms
        QVERIFY(guard.allows(0, 100000)); // one token after 100 ms
        guard.commit(0);
        SpillGuard share;
        share.configure({0.0, 100.0}, 0.0, 0.1, 0.1, 0);
        for (int i = 0; i < 10; ++i) {
            QVERIFY(share.allows(1, 0));
            share.commit(1);
        }
        QVERIFY(!share.allows(1, 0)); // 11 > 0.1 x 100
        share.release(1);
        QVERIFY(share.allows(1, 0));
    }
};

QTEST_APPLESS_MAIN(TestOverflow)
#include "tst_overflow.moc"
