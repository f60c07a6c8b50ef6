// The summary's compute utilisation (overall, per region, per pool, per time bucket) against the
// engine's own result for a small scenario: equal to the engine's accessors and to its time-series
// CSV, and, for one run, equal to the work and capacity fields divided by hand.

#include "engine/io/timeseriescsv.h"
#include "engine/sim/simulation.h"
#include "engine/stats/simulationresult.h"
#include "models/reportformat.h"
#include "models/simulationsummary.h"
#include "testscenarios.h"

#include <QStringList>
#include <QTest>

#include <cmath>

using namespace longitude;
using models::SimulationSummary;

class TestSimulationSummary : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void computeUtilizationIsTheEngines();
    void computeUtilizationByHand();
    void bucketsAreTheTimeSeriesCsvs();
    void failoverReportIsTheEngines();

private:
    engine::SimulationResult m_result;
    SimulationSummary m_summary;
};

void TestSimulationSummary::initTestCase()
{
    engine::Scenario scenario = tests::threeRegions();
    // Two minutes in four whole buckets, no warm-up: the buckets cover exactly the measured span.
    scenario.simulation.durationS = 120;
    scenario.simulation.warmupS = 0;
    scenario.simulation.bucketS = 30;
    scenario.simulation.sampling.enabled = false;
    auto simulation = engine::Simulation::create(scenario, {});
    QVERIFY2(simulation.has_value(), "the test scenario is valid");
    auto result = simulation->run();
    QVERIFY2(result.has_value(), "the test scenario runs");
    m_result = *result;
    m_summary = SimulationSummary::fromResult(m_result);
    QVERIFY(m_result.requests.completed > 0);
}

void TestSimulationSummary::computeUtilizationIsTheEngines()
{
    const engine::SimulationResult &r = m_result;
    const SimulationSummary &s = m_summary;
    QCOMPARE(s.computeUtilizationMean, r.computeUtilizationMean());
    QCOMPARE(s.utilizationMean, r.utilizationMean());
    // The two measures differ on this fleet, so that a mix-up of them would show below.
    QVERIFY2(std::abs(s.computeUtilizationMean - s.utilizationMean) > 0.01,
             qPrintable(QStringLiteral("compute %1, slots %2").arg(s.computeUtilizationMean).arg(s.utilizationMean)));

    QCOMPARE(s.regions.size(), static_cast<qsizetype>(r.regions.size()));
    for (std::size_t i = 0; i < r.regions.size(); ++i) {
        QCOMPARE(s.regions[static_cast<qsizetype>(i)].id, QString::fromStdString(r.regions[i].id));
        QCOMPARE(s.regions[static_cast<qsizetype>(i)].computeUtilization, r.regions[i].computeUtilization());
    }
    QCOMPARE(s.pools.size(), static_cast<qsizetype>(r.pools.size()));
    for (std::size_t p = 0; p < r.pools.size(); ++p) {
        const SimulationSummary::PoolRow &row = s.pools[static_cast<qsizetype>(p)];
        QCOMPARE(row.id, QString::fromStdString(r.pools[p].id));
        QCOMPARE(row.computeUtilization, r.pools[p].computeUtilization(r.measuredUs));
        QVERIFY(row.computeUtilization > 0.0);
        QVERIFY(row.computeUtilization <= 1.0 + 1e-9);
    }
}

void TestSimulationSummary::computeUtilizationByHand()
{
    const engine::SimulationResult &r = m_result;
    const SimulationSummary &s = m_summary;
    // threeRegions: us-a has 16 GPUs at TP2 (8 replicas) in us-east, eu-a 8 GPUs (4 replicas) in
    // eu-west; ap-ne has no pool.
    QCOMPARE(r.pools.size(), std::size_t(2));
    QCOMPARE(r.pools[0].replicas, 8);
    QCOMPARE(r.pools[0].gpus, 16);
    QCOMPARE(r.pools[1].replicas, 4);
    QCOMPARE(r.pools[1].gpus, 8);
    QCOMPARE(r.measuredUs, 120e6);
    const double workUs = r.pools[0].computeWorkUs; // summed over us-a's 8 replicas
    const double euWorkUs = r.pools[1].computeWorkUs;
    // A pool: its work over replicas x time.
    QVERIFY(qFuzzyCompare(s.pools[0].computeUtilization, workUs / (8 * 120e6)));
    QVERIFY(qFuzzyCompare(s.pools[1].computeUtilization, euWorkUs / (4 * 120e6)));
    // The fleet: each replica's work weighted by its 2 GPUs, over 24 GPUs x time.
    QVERIFY(qFuzzyCompare(s.computeUtilizationMean, (2 * workUs + 2 * euWorkUs) / (24 * 120e6)));
    // A region with one pool is that pool; one without a pool uses nothing.
    for (const SimulationSummary::RegionRow &region : s.regions) {
        if (region.id == QLatin1String("us-east"))
            QVERIFY(qFuzzyCompare(region.computeUtilization, s.pools[0].computeUtilization));
        else if (region.id == QLatin1String("eu-west"))
            QVERIFY(qFuzzyCompare(region.computeUtilization, s.pools[1].computeUtilization));
        else
            QCOMPARE(region.computeUtilization, 0.0);
    }
    // A bucket: its work over replicas x bucket width; and the buckets, being the measured span
    // cut into four, average to the run's value.
    QCOMPARE(s.timeline.size(), qsizetype(4));
    double sum = 0.0;
    for (qsizetype b = 0; b < s.timeline.size(); ++b) {
        const auto &bucket = r.timeline[static_cast<std::size_t>(b)];
        QCOMPARE(s.timeline[b].poolComputeUtilization.size(), qsizetype(2));
        QVERIFY(qFuzzyCompare(1.0 + s.timeline[b].poolComputeUtilization[0], 1.0 + bucket.poolComputeWorkUs[0] / (8 * 30e6)));
        QVERIFY(qFuzzyCompare(1.0 + s.timeline[b].computeUtilization,
                              1.0 + (2 * bucket.poolComputeWorkUs[0] + 2 * bucket.poolComputeWorkUs[1]) / (24 * 30e6)));
        sum += s.timeline[b].poolComputeUtilization[0];
    }
    QVERIFY(qFuzzyCompare(sum / 4, s.pools[0].computeUtilization));
}

void TestSimulationSummary::bucketsAreTheTimeSeriesCsvs()
{
    const QStringList lines = QString::fromStdString(engine::TimeSeriesCsv::write(m_result)).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    const QStringList header = lines.front().split(QLatin1Char(','));
    const qsizetype overall = header.indexOf(QStringLiteral("compute_utilization"));
    const qsizetype slotShare = header.indexOf(QStringLiteral("utilization"));
    QVERIFY(overall > 0);
    QVERIFY(slotShare > 0);
    QCOMPARE(lines.size() - 1, m_summary.timeline.size());
    // The CSV writes six decimals.
    constexpr double kCsvResolution = 5e-7 + 1e-12;
    for (qsizetype b = 0; b < m_summary.timeline.size(); ++b) {
        const QStringList fields = lines[b + 1].split(QLatin1Char(','));
        const SimulationSummary::TimeBucket &bucket = m_summary.timeline[b];
        QVERIFY(std::abs(bucket.computeUtilization - fields[overall].toDouble()) <= kCsvResolution);
        QVERIFY(std::abs(bucket.utilization - fields[slotShare].toDouble()) <= kCsvResolution);
        for (qsizetype p = 0; p < m_summary.pools.size(); ++p) {
            const QString &id = m_summary.pools[p].id;
            const qsizetype column = header.indexOf(QStringLiteral("compute_utilization_") + id);
            QVERIFY2(column > 0, qPrintable(id));
            QVERIFY2(std::abs(bucket.poolComputeUtilization[p] - fields[column].toDouble()) <= kCsvResolution,
                     qPrintable(QStringLiteral("%1 bucket %2: %3 vs %4")
                                    .arg(id)
                                    .arg(b)
                                    .arg(bucket.poolComputeUtilization[p])
                                    .arg(fields[column])));
            const qsizetype slotColumn = header.indexOf(QStringLiteral("utilization_") + id);
            QVERIFY(std::abs(bucket.poolUtilization[p] - fields[slotColumn].toDouble()) <= kCsvResolution);
        }
    }
}


// The outage report a planner reads in the Results dock and the report (detection, recovery,
// lost, retried, shed by reason) is the engine's, for a run through an outage of the US pool.
void TestSimulationSummary::failoverReportIsTheEngines()
{
    engine::Scenario scenario = tests::threeRegions(); // us-a down from 600 s for 900 s
    scenario.simulation.durationS = 1800;
    scenario.simulation.warmupS = 0;
    scenario.simulation.sampling.enabled = false;
    auto simulation = engine::Simulation::create(scenario, {});
    QVERIFY(simulation.has_value());
    auto result = simulation->run();
    QVERIFY(result.has_value());
    const engine::FailoverCounters &f = result->failover;
    const SimulationSummary s = SimulationSummary::fromResult(*result);

    QCOMPARE(s.outages.size(), qsizetype(f.outages.size()));
    QVERIFY(!s.outages.isEmpty());
    for (qsizetype i = 0; i < s.outages.size(); ++i) {
        const auto &engineOutage = f.outages[static_cast<std::size_t>(i)];
        QCOMPARE(s.outages[i].target, QString::fromStdString(engineOutage.target));
        QCOMPARE(s.outages[i].startS, engineOutage.startS);
        QCOMPARE(s.outages[i].endS, engineOutage.endS);
        QCOMPARE(s.outages[i].detectedAfterS, engineOutage.detectedAfterS);
        QCOMPARE(s.outages[i].recoveredAfterS, engineOutage.recoveredAfterS);
    }
    QCOMPARE(s.failoverLostInFlight, f.lostInFlight);
    QCOMPARE(s.failoverFailedDeliveries, f.failedDeliveries);
    QCOMPARE(s.failoverRetried, f.retried);

    QMap<QString, QString> shown;
    for (const models::ReportFormat::Measure &m : models::ReportFormat::measures(s))
        shown.insert(m.name, m.value);
    // The US pool's outage, as scheduled, noticed by the routers and over before the run ends.
    const SimulationSummary::Outage *us = nullptr;
    for (const auto &outage : s.outages)
        if (outage.target == QLatin1String("us-a"))
            us = &outage;
    QVERIFY(us != nullptr);
    QCOMPARE(us->startS, 600.0);
    QCOMPARE(us->endS, 1500.0);
    QVERIFY(us->detectedAfterS >= 0.0);
    const QString usRow = QStringLiteral("Outage of us-a (600 s to %1 s)").arg(models::ReportFormat::number(1500, 0));
    QVERIFY2(shown.contains(usRow), qPrintable(QStringList(shown.keys()).join(QStringLiteral(" | "))));
    const QString detection = us->detectedAfterS < 1.0 ? models::ReportFormat::ms(us->detectedAfterS * 1000.0)
                                                       : models::ReportFormat::number(us->detectedAfterS, 1) + " s";
    QVERIFY2(shown.value(usRow).startsWith(QStringLiteral("detected after ") + detection), qPrintable(shown.value(usRow)));
    // Work on the pool when it failed is lost, and the report says how much.
    QVERIFY(f.lostInFlight > 0.0);
    QCOMPARE(shown.value(QStringLiteral("Lost in flight when a replica failed")),
             models::ReportFormat::count(f.lostInFlight));
    // Every shed request appears under its reason, with the engine's count.
    QVERIFY(!result->shedReasons.empty());
    for (const auto &[reason, count] : result->shedReasons)
        QCOMPARE(shown.value(QStringLiteral("Shed (%1)").arg(QString::fromStdString(reason))),
                 models::ReportFormat::count(count));
}

QTEST_APPLESS_MAIN(TestSimulationSummary)
#include "tst_simulationsummary.moc"
