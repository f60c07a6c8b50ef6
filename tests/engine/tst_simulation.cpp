// Whole-simulation properties on a loaded multi-region run: Little's law, residency, the
// routing scope, determinism of the summary, and the time-sampled mode.
#include "engine/io/summaryjson.h"
#include "engine/io/timeseriescsv.h"
#include "engine/sim/simulation.h"
#include "enginetestscenarios.h"

#include <QtTest>

using namespace longitude::engine;
using namespace longitude::engine::test;

namespace {
SimulationResult runOrFail(const Scenario &s, SimulationOptions options = {})
{
    auto simulation = Simulation::create(s, options);
    if (!simulation)
        qFatal("%s", simulation.error().c_str());
    auto result = simulation->run();
    if (!result)
        qFatal("%s", result.error().c_str());
    return *result;
}
} // namespace

class TestSimulation : public QObject
{
    Q_OBJECT

private slots:
    void littlesLaw()
    {
        const SimulationResult r = runOrFail(threeRegions(20.0));
        // L: time-average of requests in the system (gateway arrival to last token), over the
        // measured hour. lambda: admitted arrivals per second. W: their mean residence.
        const double seconds = r.measuredUs * 1e-6;
        const double meanInSystem = r.inSystemArea / r.measuredUs;
        const double lambda = (r.requests.arrived - r.requests.shed) / seconds;
        const double w = r.residenceSumUs / r.residenceCount * 1e-6;
        qInfo("L = %.3f, lambda = %.3f/s, W = %.4f s, lambda*W = %.3f, utilisation %.3f", meanInSystem, lambda, w,
              lambda * w, r.utilizationMean());
        QVERIFY(meanInSystem > 10.0); // loaded: many requests in the system at once
        QVERIFY(r.utilizationMean() > 0.3);
        QVERIFY(std::abs(meanInSystem / (lambda * w) - 1.0) < 0.02);
    }

    void residencyAndRoutingScope()
    {
        const SimulationResult r = runOrFail(threeRegions(20.0));
        QCOMPARE(r.requests.residencyViolations, 0.0);
        // AP has no GPUs: untagged AP requests cross to the US, tagged ones are shed.
        const auto &ap = r.regions[2];
        QCOMPARE(ap.id, std::string("ap"));
        QVERIFY(ap.requests.shed > 0.0);
        QCOMPARE(ap.requests.shed, r.shedReasons.at("no-replica-in-zone"));
        QCOMPARE(ap.requests.crossRegion, ap.requests.completed);
        QVERIFY(ap.requests.completed > 0.0);
        // US and EU serve their own clients (each has replicas of the model).
        QCOMPARE(r.regions[0].requests.crossRegion, 0.0);
        QCOMPARE(r.regions[1].requests.crossRegion, 0.0);
        // AP's forwarded requests pay 150 ms of RTT on top of AP's 15 ms gateway.
        QVERIFY(ap.latency.ttft.min() >= 165000);
        QVERIFY(r.egressUsd > 0.0);
        QCOMPARE(r.requests.arrived, r.requests.completed + r.requests.shed);
        QVERIFY(r.cache.tokenHitRate() > 0.1);
    }

    void sameSeedSameBytes()
    {
        Scenario s = threeRegions(10.0);
        s.simulation.durationS = 900.0;
        s.simulation.warmupS = 60.0;
        const std::string a = SummaryJson::write(runOrFail(s), false);
        const std::string b = SummaryJson::write(runOrFail(s), false);
        QCOMPARE(a, b);
        QCOMPARE(TimeSeriesCsv::write(runOrFail(s)), TimeSeriesCsv::write(runOrFail(s)));
        SimulationOptions other;
        other.seed = 2;
        const std::string c = SummaryJson::write(runOrFail(s, other), false);
        QVERIFY(a != c);
        QVERIFY(a.find("\"schema\": \"longitude.summary/1\"") != std::string::npos);
        QVERIFY(a.find("\"wall_seconds\": null") != std::string::npos);
    }

    void policiesByName()
    {
        Scenario s = threeRegions(10.0);
        s.simulation.durationS = 600.0;
        SimulationOptions rr;
        rr.policy = "round-robin";
        const SimulationResult r = runOrFail(s, rr);
        QCOMPARE(r.policy, std::string("round-robin"));
        QVERIFY(r.requests.completed > 0.0);
        SimulationOptions bad;
        bad.policy = "no-such-policy";
        const auto failed = Simulation::create(s, bad);
        QVERIFY(!failed.has_value());
        QVERIFY(failed.error().find("least-load") != std::string::npos);
    }

    void sampledDayTracksTheFullDay()
    {
        Scenario s = threeRegions(4.0);
        s.simulation.durationS = 6 * 3600.0;
        s.simulation.warmupS = 0.0;
        const SimulationResult full = runOrFail(s);
        s.simulation.sampling.enabled = true;
        s.simulation.sampling.windowS = 600.0;
        s.simulation.sampling.warmupS = 120.0;
        const SimulationResult sampled = runOrFail(s);
        QVERIFY(sampled.sampled);
        qInfo("arrived: full %.0f, sampled %.0f; ttft mean %.1f / %.1f ms", full.requests.arrived,
              sampled.requests.arrived, full.latency.ttft.mean() / 1e3, sampled.latency.ttft.mean() / 1e3);
        QCOMPARE(sampled.simulatedSeconds, full.simulatedSeconds);
        QVERIFY(std::abs(sampled.requests.arrived / full.requests.arrived - 1.0) < 0.05);
        QVERIFY(sampled.events < full.events / 3);

        // Hours run on worker threads; the result must not depend on how many.
        SimulationOptions one;
        one.threads = 1;
        SimulationOptions three;
        three.threads = 3;
        QCOMPARE(SummaryJson::write(runOrFail(s, one), false), SummaryJson::write(runOrFail(s, three), false));
    }
};

QTEST_APPLESS_MAIN(TestSimulation)
#include "tst_simulation.moc"
