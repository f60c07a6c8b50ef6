// The Results dock in the real main window, offscreen: a run through the real runner shows the
// numbers of an engine run of the same scenario and seed made here (cards, tables, charts); an
// edit makes them stale and an undo current again; Cancel is immediate and the window stays
// usable; an engine failure is shown, not a crash. Screenshots of every tab, light and dark.

#include "app/gui/documentcontroller.h"
#include "app/gui/mainactions.h"
#include "app/gui/mainwindow.h"
#include "app/gui/resultscontroller.h"
#include "app/gui/theme.h"
#include "engine/sim/simulation.h"
#include "models/modelroles.h"
#include "models/reportformat.h"
#include "models/runhistory.h"
#include "models/scenariodocument.h"
#include "models/scenariosettings.h"
#include "models/simulationrunner.h"
#include "ui/charts/resultstimelinechart.h"
#include "ui/panels/resultscard.h"
#include "ui/panels/resultspanel.h"

#include <QAbstractAxis>
#include <QAction>
#include <QApplication>
#include <QChart>
#include <QDir>
#include <QDockWidget>
#include <QFrame>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

#include <algorithm>
#include <memory>

using namespace longitude;
using models::ReportFormat;
using ui::ResultsTimelineChart;

class TestResults : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void runShowsTheEnginesNumbers();
    void chartsDrawTheEnginesBuckets();
    void staleAfterAnEditCurrentAfterUndo();
    void runAgainRightAfterAResult();
    void cancelIsImmediateAndTheWindowStaysUsable();
    void engineFailureIsShown();
    void screenshots();

private:
    void setDuration(double durationS, double warmupS = 0);
    bool runAndWait();
    engine::SimulationResult directRun() const;
    QString outputPath(const QString &name) const;
    /// The table's row whose first column reads `id`.
    static int rowOf(const QTableWidget *table, const QString &id);

    std::unique_ptr<app::MainWindow> m_window;
    models::ScenarioDocument *m_document = nullptr;
    ui::ResultsPanel *m_panel = nullptr;
};

void TestResults::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setApplicationName(QStringLiteral("longitude-test"));
    QApplication::setOrganizationName(QStringLiteral("longitude-test"));
    app::Theme::initialize();
    app::Theme::apply(app::Theme::Appearance::Light);
}

void TestResults::init()
{
    app::MainWindow::Options options;
    options.interactive = false;
    options.restoreLayout = false;
    options.autosave = false;
    m_window = std::make_unique<app::MainWindow>(options);
    m_document = m_window->document();
    m_panel = m_window->resultsPanel();
    QVERIFY(m_window->controller()->newFromTemplate(app::DocumentController::defaultTemplate()));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestResults::cleanup()
{
    m_window.reset();
}

QString TestResults::outputPath(const QString &name) const
{
    const QString folder = qEnvironmentVariable("LONGITUDE_TEST_OUTPUT", QDir::tempPath());
    QDir().mkpath(folder);
    return QDir(folder).filePath(name);
}

void TestResults::setDuration(double durationS, double warmupS)
{
    auto settings = models::ScenarioSettings::of(m_document->scenario());
    settings.simulation.durationS = durationS;
    settings.simulation.warmupS = warmupS;
    settings.simulation.sampling.enabled = false;
    m_document->editSettings(settings);
    QCOMPARE(m_document->scenario().simulation.durationS, durationS);
}

bool TestResults::runAndWait()
{
    QSignalSpy finished(m_window->runner(), &models::SimulationRunner::finished);
    m_window->actions()->runSimulation->trigger();
    // A guard against a hung run, not a speed requirement.
    return finished.wait(120000);
}

engine::SimulationResult TestResults::directRun() const
{
    auto simulation = engine::Simulation::create(m_document->scenario());
    Q_ASSERT(simulation.has_value());
    auto result = simulation->run();
    Q_ASSERT(result.has_value());
    return *result;
}

int TestResults::rowOf(const QTableWidget *table, const QString &id)
{
    for (int row = 0; row < table->rowCount(); ++row) {
        if (table->item(row, 0)->text() == id)
            return row;
    }
    return -1;
}

void TestResults::runShowsTheEnginesNumbers()
{
    setDuration(180);
    QVERIFY(!m_panel->summary().has_value());
    QVERIFY(runAndWait());
    QVERIFY(m_panel->summary().has_value());
    QVERIFY(!m_panel->isRunning());
    QVERIFY(m_window->actions()->runSimulation->isEnabled());
    const engine::SimulationResult r = directRun();
    QVERIFY(r.requests.completed > 0);

    const auto card = [this](const char *name) { return m_panel->card(QString::fromLatin1(name)); };
    const double ttftP99Ms = r.latency.ttft.quantile(0.99) / 1e3;
    QCOMPARE(card("ttftCard")->value(), ReportFormat::ms(ttftP99Ms));
    QVERIFY(card("ttftCard")->detail().contains(ReportFormat::ms(r.latency.ttft.quantile(0.5) / 1e3)));
    QCOMPARE(card("ttftCard")->status(),
             ttftP99Ms <= r.slaTtftP99Ms ? ReportFormat::Status::Good : ReportFormat::Status::Bad);
    QCOMPARE(card("slaCard")->value(), ReportFormat::percent(r.requests.ttftWithinSla / r.requests.completed, 2));
    QCOMPARE(card("e2eCard")->value(), ReportFormat::ms(r.latency.e2e.quantile(0.99) / 1e3));
    QCOMPARE(card("requestsCard")->value(), ReportFormat::count(r.requests.completed));
    QVERIFY(card("requestsCard")->detail().contains(ReportFormat::count(r.requests.arrived)));
    QCOMPARE(card("crossRegionCard")->value(), ReportFormat::percent(r.requests.crossRegion / r.requests.completed));
    QCOMPARE(card("residencyCard")->value(), ReportFormat::count(r.requests.residencyViolations));
    QCOMPARE(card("residencyCard")->status(), ReportFormat::Status::Good);
    QCOMPARE(card("cacheCard")->value(), ReportFormat::percent(r.cache.tokenHitRate()));
    // Utilisation is compute utilisation (the share of batch slots reads low near saturation and
    // is the detail): the card must not show the slots share in its place.
    QVERIFY2(ReportFormat::percent(r.computeUtilizationMean()) != ReportFormat::percent(r.utilizationMean()),
             "the run tells compute from slots");
    QCOMPARE(card("utilizationCard")->value(), ReportFormat::percent(r.computeUtilizationMean()));
    QVERIFY(card("utilizationCard")->detail().startsWith(
        QStringLiteral("of compute · %1 of batch slots").arg(ReportFormat::percent(r.utilizationMean()))));
    const auto busiest = std::max_element(r.pools.cbegin(), r.pools.cend(), [&r](const auto &a, const auto &b) {
        return a.computeUtilization(r.measuredUs) < b.computeUtilization(r.measuredUs);
    });
    QVERIFY(card("utilizationCard")
                ->detail()
                .endsWith(QStringLiteral("busiest %1 at %2")
                              .arg(QString::fromStdString(busiest->id), ReportFormat::percent(busiest->computeUtilization(r.measuredUs)))));
    // The busiest pool's id does not break at its hyphens when the detail wraps.
    int detailLabels = 0;
    for (const QLabel *label : card("utilizationCard")->findChildren<QLabel *>()) {
        if (!label->text().contains(QLatin1String("busiest")))
            continue;
        ++detailLabels;
        QVERIFY(label->text().contains(QLatin1Char('-')));
        QVERIFY2(!label->text().contains(QRegularExpression(QStringLiteral("\\w-(?!\u2060)"))), qPrintable(label->text()));
    }
    QCOMPARE(detailLabels, 1);
    QCOMPARE(card("costCard")->value(), ReportFormat::usd(r.gpuUsd + r.egressUsd));
    QCOMPARE(card("tokenCostCard")->value(),
             ReportFormat::usd((r.gpuUsd + r.egressUsd) / (r.requests.outputTokens * 1e-6), 3));

    QTableWidget *regions = m_panel->regions();
    QCOMPARE(regions->rowCount(), static_cast<int>(r.regions.size()));
    for (const auto &region : r.regions) {
        const int row = rowOf(regions, QString::fromStdString(region.id));
        QVERIFY(row >= 0);
        QCOMPARE(regions->item(row, 1)->text(), ReportFormat::count(region.requests.arrived));
        QCOMPARE(regions->item(row, 2)->text(), ReportFormat::count(region.requests.completed));
        QCOMPARE(regions->item(row, 5)->text(), ReportFormat::ms(region.latency.ttft.quantile(0.5) / 1e3));
        QCOMPARE(regions->item(row, 6)->text(), ReportFormat::ms(region.latency.ttft.quantile(0.99) / 1e3));
        QCOMPARE(regions->item(row, 9)->text(), ReportFormat::percent(region.cache.tokenHitRate()));
        QCOMPARE(regions->item(row, 10)->text(), ReportFormat::percent(region.computeUtilization()));
        QCOMPARE(regions->item(row, 11)->text(),
                 ReportFormat::percent(region.slotCapacityUs > 0 ? region.runningSlotUs / region.slotCapacityUs : 0.0));
    }
    QCOMPARE(regions->horizontalHeaderItem(10)->text(), QStringLiteral("Compute*"));
    QCOMPARE(regions->horizontalHeaderItem(11)->text(), QStringLiteral("Batch slots*"));
    QVERIFY(!regions->horizontalHeaderItem(10)->toolTip().isEmpty());
    QVERIFY(!regions->horizontalHeaderItem(11)->toolTip().isEmpty());
    QTableWidget *pools = m_panel->pools();
    QCOMPARE(pools->rowCount(), static_cast<int>(r.pools.size()));
    for (const auto &pool : r.pools) {
        const int row = rowOf(pools, QString::fromStdString(pool.id));
        QVERIFY(row >= 0);
        QCOMPARE(pools->item(row, 4)->text(), ReportFormat::count(pool.requests.completed));
        QCOMPARE(pools->item(row, 6)->text(), ReportFormat::ms(pool.latency.ttft.quantile(0.99) / 1e3));
        QCOMPARE(pools->item(row, 7)->text(), ReportFormat::percent(pool.cache.tokenHitRate()));
        QCOMPARE(pools->item(row, 8)->text(), ReportFormat::percent(pool.computeUtilization(r.measuredUs)));
        QCOMPARE(pools->item(row, 9)->text(), ReportFormat::percent(pool.utilization(r.measuredUs)));
        QCOMPARE(pools->item(row, 10)->text(), ReportFormat::percent(pool.busyFraction(r.measuredUs)));
        QCOMPARE(pools->item(row, 11)->text(), ReportFormat::usd(pool.gpuUsd));
    }
    QCOMPARE(pools->horizontalHeaderItem(8)->text(), QStringLiteral("Compute"));
    QCOMPARE(pools->horizontalHeaderItem(9)->text(), QStringLiteral("Batch slots"));
    QVERIFY(pools->horizontalHeaderItem(8)->toolTip().contains(QStringLiteral("100 % at saturation")));
    QVERIFY(pools->horizontalHeaderItem(9)->toolTip().contains(QStringLiteral("maximum batch")));
    // Sorting a column by its numbers, not its text.
    pools->sortByColumn(4, Qt::DescendingOrder);
    for (int row = 1; row < pools->rowCount(); ++row)
        QVERIFY(pools->item(row - 1, 4)->data(models::ValueRole).toDouble() >= pools->item(row, 4)->data(models::ValueRole).toDouble());

    // The run is in the session's history.
    QCOMPARE(m_window->resultsController()->history()->rowCount(), 1);
    QCOMPARE(m_panel->runs()->model()->rowCount(), 1);
    QVERIFY(runAndWait());
    QCOMPARE(m_window->resultsController()->history()->rowCount(), 2);
}

void TestResults::chartsDrawTheEnginesBuckets()
{
    setDuration(300);
    QVERIFY(runAndWait());
    const engine::SimulationResult r = directRun();
    const double bucketS = static_cast<double>(r.bucketUs) * 1e-6;
    QList<double> p99, arrivals;
    for (const auto &bucket : r.timeline) {
        if (bucket.latency.ttft.count() > 0)
            p99 << bucket.latency.ttft.quantile(0.99) / 1e3;
        if (bucket.requests.arrived > 0 || bucket.requests.completed > 0)
            arrivals << bucket.requests.arrived / bucketS;
    }
    QVERIFY(p99.size() >= 4);

    const auto ttft = m_panel->chart(ResultsTimelineChart::Kind::Ttft)->seriesPoints();
    QCOMPARE(ttft.size(), 3); // p50, p99, the SLA line
    QCOMPARE(ttft[1].size(), p99.size());
    for (int i = 0; i < p99.size(); ++i)
        QCOMPARE(ttft[1][i].y(), p99[i]);
    // The SLA line, at the target, unless the target is far above every bucket (then only named).
    const double sla = m_document->scenario().sla.ttftP99Ms;
    const QString slaName = m_panel->chart(ResultsTimelineChart::Kind::Ttft)->chart()->series().at(2)->name();
    QVERIFY(slaName.contains(QString::number(sla)));
    const double highest = *std::max_element(p99.cbegin(), p99.cend());
    QCOMPARE(ttft[2].isEmpty(), sla > 2.5 * highest);
    if (!ttft[2].isEmpty())
        QCOMPARE(ttft[2].first().y(), sla);

    const auto requests = m_panel->chart(ResultsTimelineChart::Kind::Requests)->seriesPoints();
    QCOMPARE(requests[0].size(), arrivals.size());
    for (int i = 0; i < arrivals.size(); ++i)
        QCOMPARE(requests[0][i].y(), arrivals[i]);
    // Bucket midpoints in simulated minutes.
    QCOMPARE(requests[0][0].x(), bucketS / 2 / 60);

    // Utilisation per pool and bucket: compute by default, batch slots in a chart of its own; both
    // as the engine's time-series CSV computes them (the bucket's integral over its full width).
    const auto compute = m_panel->chart(ResultsTimelineChart::Kind::ComputeUtilization)->seriesPoints();
    const auto slotShares = m_panel->chart(ResultsTimelineChart::Kind::SlotUtilization)->seriesPoints();
    QCOMPARE(compute.size(), static_cast<int>(r.pools.size()));
    QCOMPARE(slotShares.size(), static_cast<int>(r.pools.size()));
    const double bucketUs = static_cast<double>(r.bucketUs);
    bool differ = false;
    for (std::size_t p = 0; p < r.pools.size(); ++p) {
        const auto &pool = r.pools[p];
        QList<double> expectedCompute, expectedSlots;
        for (const auto &bucket : r.timeline) {
            if (bucket.requests.arrived <= 0 && bucket.requests.completed <= 0)
                continue;
            expectedCompute << 100 * bucket.poolComputeWorkUs[p] / (pool.replicas * bucketUs);
            expectedSlots << 100 * bucket.poolRunningSlotUs[p] / (static_cast<double>(pool.replicas) * pool.maxBatch * bucketUs);
        }
        const auto &line = compute[static_cast<int>(p)];
        QCOMPARE(line.size(), expectedCompute.size());
        for (int i = 0; i < line.size(); ++i) {
            QVERIFY(qAbs(line[i].y() - expectedCompute[i]) < 1e-9);
            QVERIFY(qAbs(slotShares[static_cast<int>(p)][i].y() - expectedSlots[i]) < 1e-9);
            differ = differ || qAbs(expectedCompute[i] - expectedSlots[i]) > 1;
        }
    }
    QVERIFY2(differ, "the run tells compute from slots");
    const QChart *chart = m_panel->chart(ResultsTimelineChart::Kind::ComputeUtilization)->chart();
    QStringList axisTitles;
    for (const QAbstractAxis *axis : chart->axes(Qt::Vertical))
        axisTitles << axis->titleText();
    QCOMPARE(axisTitles, QStringList{QStringLiteral("Compute in use (%)")});
}

void TestResults::staleAfterAnEditCurrentAfterUndo()
{
    setDuration(60);
    QVERIFY(runAndWait());
    QVERIFY(!m_panel->isStale());
    QVERIFY(!m_panel->staleBanner()->isVisibleTo(m_panel));
    QVERIFY(m_panel->headline()->isEnabled());
    engine::Pool pool = m_document->scenario().pools.front();
    pool.gpuCount += 2;
    QVERIFY(m_document->editPool(QString::fromStdString(pool.id), pool));
    QVERIFY(m_panel->isStale());
    QVERIFY(m_window->resultsController()->resultsStale());
    QVERIFY(m_panel->staleBanner()->isVisibleTo(m_panel));
    QVERIFY(!m_panel->headline()->isEnabled());
    QVERIFY(!m_panel->card(QStringLiteral("ttftCard"))->isEnabled());
    // Back to the scenario that ran: the results describe it again.
    m_document->undoStack()->undo();
    QVERIFY(!m_panel->isStale());
    QVERIFY(!m_panel->staleBanner()->isVisibleTo(m_panel));
    QVERIFY(m_panel->card(QStringLiteral("ttftCard"))->isEnabled());
    // The banner's button runs again.
    m_document->undoStack()->redo();
    QSignalSpy started(m_window->runner(), &models::SimulationRunner::started);
    QTest::mouseClick(m_panel->staleBanner()->findChild<QPushButton *>(QStringLiteral("rerunButton")), Qt::LeftButton);
    QCOMPARE(started.count(), 1);
}

void TestResults::runAgainRightAfterAResult()
{
    // Asked for from the finished() handler, while the worker thread may still be ending: the
    // runner is already free, so the second run starts at once instead of failing with
    // "already running".
    setDuration(30);
    QSignalSpy finished(m_window->runner(), &models::SimulationRunner::finished);
    QSignalSpy failed(m_window->runner(), &models::SimulationRunner::failed);
    bool again = false;
    connect(m_window->runner(), &models::SimulationRunner::finished, this, [&] {
        if (!again) {
            again = true;
            QVERIFY(!m_window->runner()->isRunning());
            QVERIFY(m_window->runSimulation());
            QVERIFY(m_window->runner()->isRunning());
        }
    });
    m_window->actions()->runSimulation->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 120000);
    QCOMPARE(failed.count(), 0);
    QCOMPARE(m_window->resultsController()->history()->rowCount(), 2);
}

void TestResults::cancelIsImmediateAndTheWindowStaysUsable()
{
    setDuration(7 * 24 * 3600.0);
    m_window->dock(QStringLiteral("resultsDock"))->raise();
    auto *run = m_panel->findChild<QPushButton *>(QStringLiteral("runSimulationButton"));
    auto *cancel = m_panel->findChild<QPushButton *>(QStringLiteral("cancelSimulationButton"));
    QSignalSpy cancelled(m_window->runner(), &models::SimulationRunner::cancelled);
    QTest::mouseClick(run, Qt::LeftButton);
    QVERIFY(m_window->runner()->isRunning());
    QVERIFY(m_panel->isRunning());
    QVERIFY(cancel->isVisible());
    QVERIFY(!m_window->actions()->runSimulation->isEnabled());
    QTest::mouseClick(cancel, Qt::LeftButton);
    // At once, not when the worker notices.
    QCOMPARE(cancelled.count(), 1);
    QVERIFY(!m_window->runner()->isRunning());
    QVERIFY(!m_panel->isRunning());
    QVERIFY(m_panel->status()->text().contains(QStringLiteral("cancelled")));
    QVERIFY(m_window->actions()->runSimulation->isEnabled());
    QVERIFY(!m_panel->summary().has_value());
    // The window goes on: an edit, then a short run that finishes.
    setDuration(60);
    QVERIFY(runAndWait());
    QCOMPARE(m_panel->summary()->simulatedS, 60.0);
}

void TestResults::engineFailureIsShown()
{
    setDuration(60);
    QVERIFY(runAndWait());
    // A scenario the engine would refuse is refused before running, pointing at Problems.
    auto settings = models::ScenarioSettings::of(m_document->scenario());
    settings.routing.policy = "no-such-policy";
    QVERIFY(m_document->editSettings(settings));
    QSignalSpy started(m_window->runner(), &models::SimulationRunner::started);
    m_window->actions()->runSimulation->trigger();
    QCOMPARE(started.count(), 0);
    QVERIFY(m_panel->status()->text().contains(QStringLiteral("Problems")));
    QVERIFY(m_window->dock(QStringLiteral("problemsDock"))->isVisible());
    m_document->undoStack()->undo();
    // A failure of the engine itself (reported by the runner) is shown, and the window goes on.
    emit m_window->runner()->failed(QStringLiteral("replica 3 ran out of KV memory"));
    QVERIFY(m_panel->status()->text().contains(QStringLiteral("could not run")));
    QVERIFY(m_panel->status()->text().contains(QStringLiteral("replica 3 ran out of KV memory")));
    QVERIFY(!m_panel->isRunning());
    QVERIFY(m_window->actions()->runSimulation->isEnabled());
    // The previous results stay, current (the scenario is the one that ran).
    QVERIFY(m_panel->summary().has_value());
    QVERIFY(!m_panel->isStale());
    QVERIFY(runAndWait());
}

void TestResults::screenshots()
{
    // The sample as shipped (an hour at the evening peak after 5 minutes of warm-up).
    QVERIFY(runAndWait());
    QDockWidget *dock = m_window->dock(QStringLiteral("resultsDock"));
    dock->raise();
    QTest::qWait(100);
    const QList<QPair<ui::ResultsPanel::Tab, QString>> tabs{{ui::ResultsPanel::Tab::Overview, QStringLiteral("results-overview.png")},
                                                           {ui::ResultsPanel::Tab::Regions, QStringLiteral("results-regions.png")},
                                                           {ui::ResultsPanel::Tab::Pools, QStringLiteral("results-pools.png")},
                                                           {ui::ResultsPanel::Tab::Measures, QStringLiteral("results-measures.png")},
                                                           {ui::ResultsPanel::Tab::Runs, QStringLiteral("results-runs.png")}};
    for (const auto &[tab, name] : tabs) {
        m_panel->showTab(tab);
        QTest::qWait(50);
        QVERIFY(dock->grab().save(outputPath(name)));
    }
    m_panel->showTab(ui::ResultsPanel::Tab::OverTime);
    const QList<QToolButton *> chartButtons = m_panel->findChildren<QToolButton *>();
    const QStringList chartNames{QStringLiteral("results-chart-ttft.png"), QStringLiteral("results-chart-requests.png"),
                                 QStringLiteral("results-chart-compute.png"), QStringLiteral("results-chart-slots.png")};
    int saved = 0;
    for (QToolButton *button : chartButtons) {
        if (!button->isCheckable() || saved >= chartNames.size())
            continue;
        QTest::mouseClick(button, Qt::LeftButton);
        QTest::qWait(50);
        QVERIFY(dock->grab().save(outputPath(chartNames[saved++])));
    }
    QCOMPARE(saved, 4);

    m_panel->showTab(ui::ResultsPanel::Tab::Overview);
    engine::Pool pool = m_document->scenario().pools.front();
    pool.gpuCount += 2;
    QVERIFY(m_document->editPool(QString::fromStdString(pool.id), pool));
    QTest::qWait(50);
    QVERIFY(dock->grab().save(outputPath(QStringLiteral("results-stale.png"))));
    m_document->undoStack()->undo();

    // Floating at a small size, as in a side dock: the cards reflow, the charts stay legible.
    dock->setFloating(true);
    dock->resize(560, 420);
    QTest::qWait(100);
    QVERIFY(dock->grab().save(outputPath(QStringLiteral("results-narrow.png"))));
    m_panel->showTab(ui::ResultsPanel::Tab::OverTime);
    QTest::qWait(50);
    QVERIFY(dock->grab().save(outputPath(QStringLiteral("results-narrow-chart.png"))));
    m_panel->showTab(ui::ResultsPanel::Tab::Overview);
    dock->setFloating(false);

    app::Theme::apply(app::Theme::Appearance::Dark);
    QTest::qWait(100);
    QVERIFY(dock->grab().save(outputPath(QStringLiteral("results-dark.png"))));
    m_panel->showTab(ui::ResultsPanel::Tab::OverTime);
    QTest::qWait(50);
    QVERIFY(dock->grab().save(outputPath(QStringLiteral("results-chart-dark.png"))));
    app::Theme::apply(app::Theme::Appearance::Light);
}

QTEST_MAIN(TestResults)
#include "tst_results.moc"
