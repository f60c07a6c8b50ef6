// The run history / comparison table: under QAbstractItemModelTester while runs are added and
// cleared; raw values and formatted text of hand-made summaries; numeric sorting through a proxy;
// CSV in the order asked, with raw numbers and quoted text.

#include "models/modelroles.h"
#include "models/runhistory.h"

#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace longitude;
using models::RunHistory;
using models::SimulationSummary;

class TestRunHistory : public QObject
{
    Q_OBJECT

private slots:
    void modelTesterWhileAddingAndClearing();
    void valuesComeFromTheSummary();
    void slaMissIsMarked();
    void sortsNumbersAsNumbers();
    void csvInTheOrderAsked();

private:
    static SimulationSummary summary(const QString &policy, double ttftP99Ms, double crossRegion = 0, double completed = 100)
    {
        SimulationSummary s;
        s.scenario = QStringLiteral("Three regions");
        s.policy = policy;
        s.seed = 7;
        s.completed = completed;
        s.arrived = completed;
        s.crossRegion = crossRegion;
        s.ttft.p50Ms = ttftP99Ms / 2;
        s.ttft.p99Ms = ttftP99Ms;
        s.slaTtftP99Ms = 800;
        s.cacheTokenHitRate = 0.5;
        s.cacheRequestHitRate = 0.75;
        s.slaAttainment = 0.99;
        s.gpuUsd = 10;
        s.egressUsd = 0.25;
        return s;
    }
};

void TestRunHistory::modelTesterWhileAddingAndClearing()
{
    RunHistory history;
    QAbstractItemModelTester tester(&history, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&history);
    proxy.setSortRole(models::ValueRole);
    proxy.sort(RunHistory::TtftP99Column);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(history.rowCount(), 0);
    QCOMPARE(history.columnCount(), static_cast<int>(RunHistory::ColumnCount));
    history.add(summary(QStringLiteral("lca"), 120));
    history.add(summary(QStringLiteral("round-robin"), 90));
    QCOMPARE(history.rowCount(), 2);
    QCOMPARE(history.runNumberAt(0), 1);
    QCOMPARE(history.runNumberAt(1), 2);
    history.clear();
    QCOMPARE(history.rowCount(), 0);
    // Run numbers go on after a clear: a number names one run of the session.
    history.add(summary(QStringLiteral("gorgo"), 100));
    QCOMPARE(history.runNumberAt(0), 3);
}

void TestRunHistory::valuesComeFromTheSummary()
{
    RunHistory history;
    history.add(summary(QStringLiteral("gorgo"), 142.8, 25, 200));
    const auto value = [&](int column) { return history.index(0, column).data(models::ValueRole); };
    QCOMPARE(value(RunHistory::PolicyColumn).toString(), QStringLiteral("gorgo"));
    QCOMPARE(value(RunHistory::SeedColumn).toULongLong(), 7ULL);
    QCOMPARE(value(RunHistory::TtftP99Column).toDouble(), 142.8);
    QCOMPARE(value(RunHistory::TtftP50Column).toDouble(), 71.4);
    QCOMPARE(value(RunHistory::CrossRegionColumn).toDouble(), 0.125); // 25 of 200 completed
    QCOMPARE(value(RunHistory::TotalUsdColumn).toDouble(), 10.25);
    QCOMPARE(value(RunHistory::RequestHitRateColumn).toDouble(), 0.75);
    // Display text is rounded for reading, with units where the header has none.
    QCOMPARE(history.index(0, RunHistory::CrossRegionColumn).data().toString(), QStringLiteral("12.5 %"));
    QCOMPARE(history.index(0, RunHistory::TtftP99Column).data().toString(), QStringLiteral("142.8"));
    QCOMPARE(history.headerData(RunHistory::TtftP99Column, Qt::Horizontal).toString(), QStringLiteral("TTFT p99 (ms)"));
}

void TestRunHistory::slaMissIsMarked()
{
    RunHistory history;
    history.add(summary(QStringLiteral("met"), 799));
    history.add(summary(QStringLiteral("missed"), 801));
    QVERIFY(!history.index(0, RunHistory::TtftP99Column).data(Qt::ForegroundRole).isValid());
    QVERIFY(history.index(1, RunHistory::TtftP99Column).data(Qt::ForegroundRole).isValid());
}

void TestRunHistory::sortsNumbersAsNumbers()
{
    RunHistory history;
    history.add(summary(QStringLiteral("a"), 1000));
    history.add(summary(QStringLiteral("b"), 90));
    history.add(summary(QStringLiteral("c"), 200));
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&history);
    proxy.setSortRole(models::ValueRole);
    proxy.sort(RunHistory::TtftP99Column, Qt::AscendingOrder);
    // As text "1000" < "200" < "90"; as numbers 90 < 200 < 1000.
    QCOMPARE(proxy.index(0, RunHistory::PolicyColumn).data().toString(), QStringLiteral("b"));
    QCOMPARE(proxy.index(1, RunHistory::PolicyColumn).data().toString(), QStringLiteral("c"));
    QCOMPARE(proxy.index(2, RunHistory::PolicyColumn).data().toString(), QStringLiteral("a"));
}

void TestRunHistory::csvInTheOrderAsked()
{
    RunHistory history;
    SimulationSummary first = summary(QStringLiteral("lca"), 118.5, 10, 100);
    first.scenario = QStringLiteral("Three regions, \"warm\"");
    history.add(first);
    history.add(summary(QStringLiteral("skylb"), 185.9));
    const QString csv = history.toCsv({1, 0}, {RunHistory::ScenarioColumn, RunHistory::PolicyColumn, RunHistory::TtftP99Column,
                                               RunHistory::CrossRegionColumn});
    const QStringList lines = csv.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines[0], QStringLiteral("Scenario,Policy,TTFT p99 (ms),Cross-region"));
    QCOMPARE(lines[1], QStringLiteral("Three regions,skylb,185.900000,0.000000"));
    QCOMPARE(lines[2], QStringLiteral("\"Three regions, \"\"warm\"\"\",lca,118.500000,0.100000"));
}

QTEST_GUILESS_MAIN(TestRunHistory)
#include "tst_runhistory.moc"
