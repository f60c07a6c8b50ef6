// The worker-thread runner: results arrive as values by signal, cancel is immediate, the same
// scenario and seed give the same numbers.

#include "models/scenariodocument.h"
#include "models/simulationrunner.h"

#include <QSignalSpy>
#include <QTest>

using namespace longitude;
using models::SimulationRunner;
using models::SimulationSummary;

class TestSimulationRunner : public QObject
{
    Q_OBJECT

private slots:
    void runReportsConsistentValues();
    void sameSeedSameNumbers();
    void cancelIsImmediate();

private:
    static engine::Scenario shortSample(double durationS)
    {
        models::ScenarioDocument document;
        const auto loaded = document.load(QStringLiteral(":/samples/three-regions.longitude.json"));
        Q_ASSERT(loaded.has_value());
        engine::Scenario scenario = document.scenario();
        scenario.simulation.durationS = durationS;
        scenario.simulation.warmupS = 0;
        scenario.simulation.sampling.enabled = false;
        return scenario;
    }
    static SimulationSummary run(const engine::Scenario &scenario)
    {
        SimulationRunner runner;
        QSignalSpy finished(&runner, &SimulationRunner::finished);
        QSignalSpy failed(&runner, &SimulationRunner::failed);
        runner.start(scenario);
        // A guard against a hung run, not a speed requirement.
        if (!finished.wait(120000) || !failed.isEmpty())
            return {};
        return finished.first().first().value<SimulationSummary>();
    }
};

void TestSimulationRunner::runReportsConsistentValues()
{
    const engine::Scenario scenario = shortSample(120);
    const SimulationSummary s = run(scenario);
    QVERIFY(s.arrived > 0);
    QVERIFY(s.completed > 0);
    QVERIFY(s.completed + s.shed <= s.arrived + 1e-9);
    QCOMPARE(s.residencyViolations, 0.0);
    QVERIFY(s.ttft.p50Ms <= s.ttft.p90Ms && s.ttft.p90Ms <= s.ttft.p99Ms);
    QVERIFY(s.e2e.p50Ms >= s.ttft.p50Ms);
    QCOMPARE(s.seed, scenario.simulation.seed);
    QCOMPARE(s.regions.size(), static_cast<qsizetype>(scenario.regions.size()));
    QCOMPARE(s.pools.size(), static_cast<qsizetype>(scenario.pools.size()));
    double regionalArrivals = 0;
    for (const auto &region : s.regions)
        regionalArrivals += region.arrived;
    QVERIFY(qFuzzyCompare(regionalArrivals, s.arrived)); // every request has an origin region
    QVERIFY(s.slaAttainment >= 0 && s.slaAttainment <= 1);
    QVERIFY(!s.cancelled);
}

void TestSimulationRunner::sameSeedSameNumbers()
{
    const engine::Scenario scenario = shortSample(60);
    const SimulationSummary a = run(scenario);
    const SimulationSummary b = run(scenario);
    QVERIFY(a.arrived > 0);
    QCOMPARE(a.arrived, b.arrived);
    QCOMPARE(a.completed, b.completed);
    QCOMPARE(a.ttft.p99Ms, b.ttft.p99Ms);
    QCOMPARE(a.gpuUsd, b.gpuUsd);
}

void TestSimulationRunner::cancelIsImmediate()
{
    SimulationRunner runner;
    QSignalSpy cancelled(&runner, &SimulationRunner::cancelled);
    QSignalSpy finished(&runner, &SimulationRunner::finished);
    QVERIFY(runner.start(shortSample(7 * 24 * 3600.0)));
    QVERIFY(runner.isRunning());
    runner.cancel();
    QCOMPARE(cancelled.count(), 1); // emitted by cancel() itself, not after the worker stops
    QVERIFY(!runner.isRunning());
    // The stopped run reports nothing more, and the runner takes the next run at once.
    QVERIFY(runner.start(shortSample(30)));
    QVERIFY(finished.wait(120000));
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().first().value<SimulationSummary>().simulatedS, 30.0);
}

QTEST_GUILESS_MAIN(TestSimulationRunner)
#include "tst_simulationrunner.moc"
