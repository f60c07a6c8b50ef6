// The reservation plan on a worker thread: the value delivered by signal equals a direct engine
// call on the same scenario, cancel is immediate, and the cost table model shows the plan's
// strategies (checked by QAbstractItemModelTester).
#include "engine/planning/reservationplan.h"
#include "models/reservationrunner.h"
#include "models/reservationstrategymodel.h"
#include "models/scenariodocument.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QSignalSpy>
#include <QTest>

using namespace longitude;
using models::ReservationRunner;
using models::ReservationStrategyModel;

namespace {

engine::Scenario skylbSample()
{
    models::ScenarioDocument document;
    const auto loaded = document.load(QStringLiteral(":/samples/skylb-reservation.longitude.json"));
    if (!loaded)
        qFatal("the SkyLB sample does not load");
    return document.scenario();
}

} // namespace

class TestReservationRunner : public QObject
{
    Q_OBJECT

private slots:
    void deliversTheEnginesPlan()
    {
        const engine::Scenario scenario = skylbSample();
        ReservationRunner runner;
        QSignalSpy finished(&runner, &ReservationRunner::finished);
        QSignalSpy failed(&runner, &ReservationRunner::failed);
        QVERIFY(runner.start(scenario));
        QVERIFY(runner.isRunning());
        // A guard against a hung computation, not a speed requirement.
        QVERIFY(finished.wait(120000));
        QVERIFY(failed.isEmpty());
        QVERIFY(!runner.isRunning());
        const auto plan = finished.first().first().value<engine::ReservationPlan>();

        const auto direct = engine::ReservationPlan::compute(scenario);
        QVERIFY(direct.has_value());
        QCOMPARE(plan.capacityRps, direct->capacityRps);
        QCOMPARE(plan.globalCapacityRps, direct->globalCapacityRps);
        QCOMPARE(plan.demand.replicas, direct->demand.replicas);
        QCOMPARE(plan.demand.regionIds, direct->demand.regionIds);
        const auto a = plan.strategies();
        const auto b = direct->strategies();
        QCOMPARE(a.size(), b.size());
        for (std::size_t i = 0; i < a.size(); ++i) {
            QCOMPARE(a[i].key, b[i].key);
            QCOMPARE(a[i].usdPerDay, b[i].usdPerDay);
            QCOMPARE(a[i].reservedReplicas, b[i].reservedReplicas);
        }
    }

    void failureIsASignal()
    {
        engine::Scenario scenario = skylbSample();
        for (auto &traffic : scenario.traffic)
            traffic.peakRps = 0.0;
        ReservationRunner runner;
        QSignalSpy failed(&runner, &ReservationRunner::failed);
        QVERIFY(runner.start(scenario));
        QVERIFY(failed.wait(120000));
        QVERIFY(failed.first().first().toString().contains(QStringLiteral("no region sends traffic")));
    }

    void cancelIsImmediate()
    {
        ReservationRunner runner;
        QSignalSpy finished(&runner, &ReservationRunner::finished);
        QSignalSpy cancelled(&runner, &ReservationRunner::cancelled);
        QVERIFY(runner.start(skylbSample()));
        QVERIFY(!runner.start(skylbSample())); // one at a time
        runner.cancel();
        QCOMPARE(cancelled.count(), 1);
        QVERIFY(!runner.isRunning());
        // Nothing from the cancelled computation arrives afterwards.
        QTest::qWait(200);
        QCOMPARE(finished.count(), 0);
    }

    void strategyModelShowsThePlan()
    {
        ReservationStrategyModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        engine::ReservationPlanOptions options;
        options.capacityRps = 14.0; // fixed: this test is about the model, not the sizing
        const auto plan = engine::ReservationPlan::compute(skylbSample(), options);
        QVERIFY(plan.has_value());
        model.setPlan(*plan);
        const auto strategies = plan->strategies();
        QCOMPARE(model.rowCount(), static_cast<int>(strategies.size()));
        QCOMPARE(model.columnCount(), static_cast<int>(ReservationStrategyModel::ColumnCount));
        const QString cheapest = QString::fromStdString(plan->cheapest().key);
        for (int row = 0; row < model.rowCount(); ++row) {
            const auto &s = strategies[static_cast<std::size_t>(row)];
            QCOMPARE(model.index(row, ReservationStrategyModel::StrategyColumn).data().toString(),
                     ReservationStrategyModel::shortName(s.key));
            QVERIFY(model.index(row, ReservationStrategyModel::StrategyColumn).data(Qt::ToolTipRole).toString().startsWith(
                QString::fromStdString(s.label)));
            QCOMPARE(model.index(row, ReservationStrategyModel::StrategyColumn).data(ReservationStrategyModel::ValueRole).toString(),
                     QString::fromStdString(s.key));
            QCOMPARE(model.index(row, ReservationStrategyModel::UsdPerDayColumn).data(ReservationStrategyModel::ValueRole).toDouble(),
                     s.usdPerDay);
            QCOMPARE(model.index(row, ReservationStrategyModel::ReservedReplicasColumn).data(ReservationStrategyModel::ValueRole).toDouble(),
                     static_cast<double>(s.reservedReplicas));
            const bool bold = model.index(row, 0).data(Qt::FontRole).value<QFont>().bold();
            QCOMPARE(bold, QString::fromStdString(s.key) == cheapest);
        }
        // 14 req/s per replica: 36 req/s at a region's peak needs 3 replicas; three regions: 9.
        QCOMPARE(model.index(0, ReservationStrategyModel::ReservedReplicasColumn).data(ReservationStrategyModel::ValueRole).toDouble(), 9.0);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestReservationRunner)
#include "tst_reservationrunner.moc"
