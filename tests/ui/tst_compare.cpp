// Compare routing policies, offscreen, from the real main window: every built-in policy ticked by
// default; one row per policy whose numbers equal an engine run made here with that policy and
// the same seed; sorting by a header click; CSV export in the order shown; cancel at once; a
// scenario with errors refused. A screenshot of the dialog.

#include "app/gui/documentcontroller.h"
#include "app/gui/mainactions.h"
#include "app/gui/mainwindow.h"
#include "app/gui/resultscontroller.h"
#include "app/gui/theme.h"
#include "engine/sim/simulation.h"
#include "models/modelroles.h"
#include "models/policycomparison.h"
#include "models/reportformat.h"
#include "models/runhistory.h"
#include "models/scenariodocument.h"
#include "models/scenariosettings.h"
#include "models/simulationrunner.h"
#include "ui/dialogs/comparedialog.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace longitude;
using models::RunHistory;

class TestCompare : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void everyPolicyEqualsItsOwnEngineRun();
    void cancelIsImmediate();
    void refusedWhileTheScenarioHasErrors();

private:
    void setDuration(double durationS);
    ui::CompareDialog *openDialog();
    QString outputPath(const QString &name) const;

    std::unique_ptr<app::MainWindow> m_window;
    models::ScenarioDocument *m_document = nullptr;
    QTemporaryDir m_dir;
};

void TestCompare::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setApplicationName(QStringLiteral("longitude-test"));
    QApplication::setOrganizationName(QStringLiteral("longitude-test"));
    app::Theme::initialize();
    app::Theme::apply(app::Theme::Appearance::Light);
}

void TestCompare::init()
{
    app::MainWindow::Options options;
    options.interactive = false;
    options.restoreLayout = false;
    options.autosave = false;
    m_window = std::make_unique<app::MainWindow>(options);
    m_document = m_window->document();
    QVERIFY(m_window->controller()->newFromTemplate(app::DocumentController::defaultTemplate()));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestCompare::cleanup()
{
    m_window.reset();
}

QString TestCompare::outputPath(const QString &name) const
{
    const QString folder = qEnvironmentVariable("LONGITUDE_TEST_OUTPUT", QDir::tempPath());
    QDir().mkpath(folder);
    return QDir(folder).filePath(name);
}

void TestCompare::setDuration(double durationS)
{
    auto settings = models::ScenarioSettings::of(m_document->scenario());
    settings.simulation.durationS = durationS;
    settings.simulation.warmupS = 0;
    settings.simulation.sampling.enabled = false;
    m_document->editSettings(settings);
    QCOMPARE(m_document->scenario().simulation.durationS, durationS);
}

ui::CompareDialog *TestCompare::openDialog()
{
    QAction *action = m_window->actions()->comparePolicies;
    Q_ASSERT(action->isEnabled());
    action->trigger();
    ui::CompareDialog *dialog = m_window->resultsController()->compareDialog();
    Q_ASSERT(dialog->isVisible());
    return dialog;
}

void TestCompare::everyPolicyEqualsItsOwnEngineRun()
{
    setDuration(180);
    ui::CompareDialog *dialog = openDialog();
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    const QStringList policies = models::PolicyComparison::builtinPolicies();
    QCOMPARE(dialog->checkedPolicies(), policies); // all of them by default

    models::PolicyComparison *comparison = m_window->resultsController()->comparison();
    QSignalSpy finished(comparison, &models::PolicyComparison::finished);
    QTest::mouseClick(dialog->runButton(), Qt::LeftButton);
    QVERIFY(comparison->isRunning());
    QVERIFY(!dialog->runButton()->isEnabled());
    QVERIFY(finished.wait(300000)); // a guard against a hung run, not a speed requirement
    QVERIFY(dialog->runButton()->isEnabled());
    QVERIFY(dialog->status()->text().startsWith(QStringLiteral("Done")));

    QSortFilterProxyModel *shown = dialog->proxy();
    QCOMPARE(shown->rowCount(), static_cast<int>(policies.size()));
    for (int row = 0; row < shown->rowCount(); ++row) {
        const QString policy = shown->index(row, RunHistory::PolicyColumn).data().toString();
        QCOMPARE(policy, policies[row]); // in run order until sorted
        engine::SimulationOptions options;
        options.policy = policy.toStdString();
        auto simulation = engine::Simulation::create(m_document->scenario(), options);
        QVERIFY(simulation.has_value());
        const auto r = simulation->run();
        QVERIFY(r.has_value());
        const auto text = [&](int column) { return shown->index(row, column).data().toString(); };
        QCOMPARE(text(RunHistory::TtftP50Column), models::ReportFormat::number(r->latency.ttft.quantile(0.5) / 1e3, 1));
        QCOMPARE(text(RunHistory::TtftP99Column), models::ReportFormat::number(r->latency.ttft.quantile(0.99) / 1e3, 1));
        QCOMPARE(text(RunHistory::TokenHitRateColumn), models::ReportFormat::percent(r->cache.tokenHitRate(), 2));
        QCOMPARE(text(RunHistory::SlaAttainmentColumn),
                 models::ReportFormat::percent(r->requests.ttftWithinSla / r->requests.completed, 2));
        QCOMPARE(text(RunHistory::CrossRegionColumn), models::ReportFormat::percent(r->requests.crossRegion / r->requests.completed, 1));
        QCOMPARE(text(RunHistory::TotalUsdColumn), models::ReportFormat::number(r->gpuUsd + r->egressUsd, 2));
    }
    // Every comparison run is also in the session's history.
    QCOMPARE(m_window->resultsController()->history()->rowCount(), static_cast<int>(policies.size()));

    // A click on the TTFT p99 header sorts by the numbers.
    QHeaderView *header = dialog->table()->horizontalHeader();
    const int x = header->sectionViewportPosition(RunHistory::TtftP99Column) + header->sectionSize(RunHistory::TtftP99Column) / 2;
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
    QCOMPARE(header->sortIndicatorSection(), static_cast<int>(RunHistory::TtftP99Column));
    const Qt::SortOrder order = header->sortIndicatorOrder();
    QStringList sortedPolicies;
    for (int row = 0; row < shown->rowCount(); ++row) {
        sortedPolicies << shown->index(row, RunHistory::PolicyColumn).data().toString();
        if (row == 0)
            continue;
        const double before = shown->index(row - 1, RunHistory::TtftP99Column).data(models::ValueRole).toDouble();
        const double now = shown->index(row, RunHistory::TtftP99Column).data(models::ValueRole).toDouble();
        QVERIFY(order == Qt::AscendingOrder ? before <= now : before >= now);
    }

    // CSV in the order shown, raw numbers.
    const QString csvPath = m_dir.filePath(QStringLiteral("comparison.csv"));
    QVERIFY(dialog->exportCsv(csvPath).has_value());
    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(csv.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), static_cast<int>(policies.size()) + 1);
    const QStringList header0 = lines[0].split(QLatin1Char(','));
    const auto policyField = header0.indexOf(QStringLiteral("Policy"));
    const auto ttftField = header0.indexOf(QStringLiteral("TTFT p99 (ms)"));
    QVERIFY(policyField >= 0 && ttftField >= 0);
    QVERIFY(header0.contains(QStringLiteral("Scenario")) && header0.contains(QStringLiteral("Seed")));
    for (int row = 0; row < shown->rowCount(); ++row) {
        // The scenario's name may hold a comma: read the fields from the end.
        const QStringList fields = lines[row + 1].split(QLatin1Char(','));
        const auto fromEnd = [&](qsizetype field) { return fields[fields.size() - (header0.size() - field)]; };
        QCOMPARE(fromEnd(policyField), sortedPolicies[row]);
        QCOMPARE(fromEnd(ttftField).toDouble(),
                 QString::number(shown->index(row, RunHistory::TtftP99Column).data(models::ValueRole).toDouble(), 'f', 6).toDouble());
    }

    QTest::qWait(50);
    QVERIFY(dialog->grab().save(outputPath(QStringLiteral("compare.png"))));
    app::Theme::apply(app::Theme::Appearance::Dark);
    QTest::qWait(50);
    QVERIFY(dialog->grab().save(outputPath(QStringLiteral("compare-dark.png"))));
    app::Theme::apply(app::Theme::Appearance::Light);
}

void TestCompare::cancelIsImmediate()
{
    setDuration(7 * 24 * 3600.0);
    ui::CompareDialog *dialog = openDialog();
    models::PolicyComparison *comparison = m_window->resultsController()->comparison();
    QSignalSpy cancelled(comparison, &models::PolicyComparison::cancelled);
    QTest::mouseClick(dialog->runButton(), Qt::LeftButton);
    QVERIFY(comparison->isRunning());
    QVERIFY(dialog->cancelButton()->isEnabled());
    QTest::mouseClick(dialog->cancelButton(), Qt::LeftButton);
    QCOMPARE(cancelled.count(), 1);
    QVERIFY(!comparison->isRunning());
    QVERIFY(dialog->runButton()->isEnabled());
    QVERIFY(!dialog->cancelButton()->isEnabled());
    QVERIFY(dialog->status()->text().startsWith(QStringLiteral("Cancelled")));
    QCOMPARE(comparison->results()->rowCount(), 0);
    // The window and the dialog go on: a short comparison of two policies finishes.
    setDuration(30);
    dialog->setChecked({QStringLiteral("round-robin"), QStringLiteral("gorgo")});
    QSignalSpy finished(comparison, &models::PolicyComparison::finished);
    QTest::mouseClick(dialog->runButton(), Qt::LeftButton);
    QVERIFY(finished.wait(120000));
    QCOMPARE(dialog->proxy()->rowCount(), 2);
}

void TestCompare::refusedWhileTheScenarioHasErrors()
{
    engine::Pool pool = m_document->scenario().pools.front();
    pool.gpuCount = 0;
    QVERIFY(m_document->editPool(QString::fromStdString(pool.id), pool));
    ui::CompareDialog *dialog = openDialog();
    QSignalSpy started(m_window->resultsController()->comparison(), &models::PolicyComparison::started);
    QTest::mouseClick(dialog->runButton(), Qt::LeftButton);
    QCOMPARE(started.count(), 0);
    QVERIFY(dialog->status()->text().contains(QStringLiteral("Problems")));
    dialog->setChecked({});
    QTest::mouseClick(dialog->runButton(), Qt::LeftButton);
    QVERIFY(dialog->status()->text().contains(QStringLiteral("at least one")));
}

QTEST_MAIN(TestCompare)
#include "tst_compare.moc"
