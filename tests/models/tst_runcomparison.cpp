// Comparing routing policies: one row per policy, each equal to a run of the engine made here
// directly with that policy and the same seed; a failing policy does not stop the others; cancel
// is immediate. Also the summary the runner builds against the engine's own result.

#include "engine/sim/simulation.h"
#include "models/modelroles.h"
#include "models/policycomparison.h"
#include "models/runhistory.h"
#include "models/scenariodocument.h"
#include "models/simulationrunner.h"

#include <QSignalSpy>
#include <QTest>

using namespace longitude;
using models::PolicyComparison;
using models::RunHistory;
using models::SimulationSummary;

class TestRunComparison : public QObject
{
    Q_OBJECT

private slots:
    void builtinPoliciesAreTheEngines();
    void withPolicyKeepsParamsOnlyForItsOwnPolicy();
    void oneRowPerPolicyEqualToDirectEngineRuns();
    void aFailingPolicyDoesNotStopTheOthers();
    void cancelIsImmediate();
    void summaryAgreesWithTheEngineResult();

private:
    static engine::Scenario sample(double durationS)
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
    static engine::SimulationResult direct(const engine::Scenario &scenario, const std::string &policy)
    {
        engine::SimulationOptions options;
        options.policy = policy;
        auto simulation = engine::Simulation::create(scenario, options);
        Q_ASSERT(simulation.has_value());
        auto result = simulation->run();
        Q_ASSERT(result.has_value());
        return *result;
    }
};

void TestRunComparison::builtinPoliciesAreTheEngines()
{
    const QStringList names = PolicyComparison::builtinPolicies();
    const auto registry = engine::PolicyRegistry::builtins();
    QCOMPARE(names.size(), static_cast<qsizetype>(registry.policies().size()));
    for (const QString &name : names)
        QVERIFY(registry.find(name.toStdString()) != nullptr);
    QVERIFY(names.contains(QStringLiteral("round-robin")));
    QVERIFY(names.contains(QStringLiteral("gorgo")));
}

void TestRunComparison::withPolicyKeepsParamsOnlyForItsOwnPolicy()
{
    engine::Scenario scenario = sample(60);
    scenario.routing.policy = "prefix-affinity";
    scenario.routing.params = {{"tau", 4}};
    scenario.routing.probeIntervalMs = 50;
    const engine::Scenario same = PolicyComparison::withPolicy(scenario, QStringLiteral("prefix-affinity"));
    QCOMPARE(same.routing.params.size(), std::size_t(1));
    const engine::Scenario other = PolicyComparison::withPolicy(scenario, QStringLiteral("lca"));
    QCOMPARE(other.routing.policy, std::string("lca"));
    QVERIFY(other.routing.params.empty());
    QCOMPARE(other.routing.probeIntervalMs, 50.0); // the view's staleness is the scenario's, whatever the policy
}

void TestRunComparison::oneRowPerPolicyEqualToDirectEngineRuns()
{
    const engine::Scenario scenario = sample(120);
    const QStringList policies = PolicyComparison::builtinPolicies();
    PolicyComparison comparison;
    QSignalSpy finished(&comparison, &PolicyComparison::finished);
    QSignalSpy runs(&comparison, &PolicyComparison::runFinished);
    QSignalSpy progress(&comparison, &PolicyComparison::progress);
    QVERIFY(comparison.start(scenario, policies));
    QVERIFY(comparison.isRunning());
    QVERIFY(!comparison.start(scenario, policies)); // one comparison at a time
    // A guard against a hung run, not a speed requirement.
    QVERIFY(finished.wait(300000));
    QVERIFY(!comparison.isRunning());
    QVERIFY(comparison.failures().isEmpty());
    RunHistory *table = comparison.results();
    QCOMPARE(table->rowCount(), static_cast<int>(policies.size()));
    QCOMPARE(runs.count(), static_cast<int>(policies.size()));
    // Progress only moves forward and ends at 1.
    double last = -1;
    for (const QList<QVariant> &report : std::as_const(progress)) {
        QVERIFY(report.first().toDouble() >= last);
        last = report.first().toDouble();
    }
    QCOMPARE(last, 1.0);

    for (int row = 0; row < table->rowCount(); ++row) {
        const SimulationSummary &s = table->summaryAt(row);
        QCOMPARE(s.policy, policies[row]);
        const engine::SimulationResult r = direct(scenario, policies[row].toStdString());
        QCOMPARE(s.policy, QString::fromStdString(r.policy));
        QCOMPARE(s.seed, r.seed);
        const auto value = [&](int column) { return table->index(row, column).data(models::ValueRole).toDouble(); };
        QCOMPARE(value(RunHistory::TokenHitRateColumn), r.cache.tokenHitRate());
        QCOMPARE(value(RunHistory::RequestHitRateColumn), r.cache.requestHitRate());
        QCOMPARE(value(RunHistory::TtftP50Column), r.latency.ttft.quantile(0.5) / 1e3);
        QCOMPARE(value(RunHistory::TtftP99Column), r.latency.ttft.quantile(0.99) / 1e3);
        QCOMPARE(value(RunHistory::SlaAttainmentColumn), r.requests.ttftWithinSla / r.requests.completed);
        QCOMPARE(value(RunHistory::CrossRegionColumn), r.requests.crossRegion / r.requests.completed);
        QCOMPARE(value(RunHistory::ShedColumn), r.requests.shed);
        QCOMPARE(value(RunHistory::EgressUsdColumn), r.egressUsd);
        QCOMPARE(value(RunHistory::TotalUsdColumn), r.gpuUsd + r.egressUsd);
    }
}

void TestRunComparison::aFailingPolicyDoesNotStopTheOthers()
{
    PolicyComparison comparison;
    QSignalSpy finished(&comparison, &PolicyComparison::finished);
    QSignalSpy failed(&comparison, &PolicyComparison::failed);
    QVERIFY(comparison.start(sample(30), {QStringLiteral("round-robin"), QStringLiteral("no-such-policy"), QStringLiteral("lca")}));
    QVERIFY(finished.wait(120000));
    QCOMPARE(failed.count(), 1);
    QCOMPARE(failed.first().first().toString(), QStringLiteral("no-such-policy"));
    QVERIFY(failed.first().at(1).toString().contains(QStringLiteral("no-such-policy")));
    QCOMPARE(comparison.results()->rowCount(), 2);
    QCOMPARE(comparison.results()->summaryAt(1).policy, QStringLiteral("lca"));
}

void TestRunComparison::cancelIsImmediate()
{
    PolicyComparison comparison;
    QSignalSpy cancelled(&comparison, &PolicyComparison::cancelled);
    QSignalSpy finished(&comparison, &PolicyComparison::finished);
    QVERIFY(comparison.start(sample(7 * 24 * 3600.0), {QStringLiteral("round-robin"), QStringLiteral("lca")}));
    comparison.cancel();
    QCOMPARE(cancelled.count(), 1); // emitted by cancel() itself
    QVERIFY(!comparison.isRunning());
    // The abandoned run reports nothing, and a new comparison starts at once.
    QVERIFY(comparison.start(sample(30), {QStringLiteral("least-load")}));
    QVERIFY(finished.wait(120000));
    QCOMPARE(finished.count(), 1);
    QCOMPARE(comparison.results()->rowCount(), 1);
    QCOMPARE(comparison.results()->summaryAt(0).policy, QStringLiteral("least-load"));
    QCOMPARE(comparison.results()->summaryAt(0).simulatedS, 30.0);
}

void TestRunComparison::summaryAgreesWithTheEngineResult()
{
    const engine::Scenario scenario = sample(300);
    const engine::SimulationResult r = direct(scenario, scenario.routing.policy);
    const SimulationSummary s = SimulationSummary::fromResult(r);
    QCOMPARE(s.arrived, r.requests.arrived);
    QCOMPARE(s.completed, r.requests.completed);
    QCOMPARE(s.inputTokens, r.requests.inputTokens);
    QCOMPARE(s.ttft.count, r.latency.ttft.count());
    QCOMPARE(s.totalUsd(), r.gpuUsd + r.egressUsd);
    QCOMPARE(s.usdPerMillionOutputTokens(), (r.gpuUsd + r.egressUsd) / (r.requests.outputTokens / 1e6));
    QCOMPARE(s.pools.size(), static_cast<qsizetype>(r.pools.size()));
    QCOMPARE(s.regions.size(), static_cast<qsizetype>(r.regions.size()));

    // The timeline partitions the run: its buckets add up to the totals...
    double arrived = 0, completed = 0, shed = 0;
    for (const auto &bucket : s.timeline) {
        arrived += bucket.arrived;
        completed += bucket.completed;
        shed += bucket.shed;
        QCOMPARE(bucket.poolUtilization.size(), s.pools.size());
    }
    QCOMPARE(arrived, s.arrived);
    QCOMPARE(completed, s.completed);
    QCOMPARE(shed, s.shed);
    QCOMPARE(s.bucketS, scenario.simulation.bucketS);
    // ...and, the window being whole buckets without warm-up, each pool's utilisation is the mean
    // of its buckets' (the same running-slot integral cut into pieces).
    QCOMPARE(s.simulatedS, scenario.simulation.durationS);
    const double buckets = scenario.simulation.durationS / scenario.simulation.bucketS;
    for (int p = 0; p < s.pools.size(); ++p) {
        double sum = 0;
        for (const auto &bucket : s.timeline)
            sum += bucket.poolUtilization[p];
        QVERIFY2(qAbs(sum / buckets - s.pools[p].utilization) < 1e-9 * std::max(1.0, s.pools[p].utilization),
                 qPrintable(QStringLiteral("%1: %2 vs %3").arg(s.pools[p].id).arg(sum / buckets).arg(s.pools[p].utilization)));
    }
}

QTEST_GUILESS_MAIN(TestRunComparison)
#include "tst_runcomparison.moc"
