// The real main window under the offscreen platform, driven with QTest mouse and keyboard:
// add a pool, edit an RTT, drag a curve point, save, reopen and compare; a bad file; the
// Problems dock's jump to the field; drag-and-drop; screenshots as artifacts.

#include "app/gui/documentcontroller.h"
#include "app/gui/mainactions.h"
#include "app/gui/mainwindow.h"
#include "app/gui/theme.h"
#include "models/diagnosticsmodel.h"
#include "models/modelroles.h"
#include "models/poolsmodel.h"
#include "models/rttmatrixmodel.h"
#include "models/scenariodocument.h"
#include "models/simulationrunner.h"
#include "models/trafficmodel.h"
#include "ui/charts/trafficcurvechart.h"
#include "ui/panels/poolinspector.h"
#include "ui/panels/poolspanel.h"
#include "ui/panels/problemspanel.h"
#include "ui/panels/resultspanel.h"
#include "ui/panels/rttmatrixpanel.h"
#include "ui/panels/settingspanel.h"
#include "ui/panels/trafficpanel.h"
#include "ui/widgets/fielddiagnosticlabel.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>

#include <memory>

using namespace longitude;

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void addPoolWithTheToolbarAndInspector();
    void switchPoolToCatalogGpu();
    void editRttCellsSymmetricAndNot();
    void dragCurvePointIsOneUndoStep();
    void saveReopenAndCompare();
    void badFileKeepsTheOpenDocument();
    void problemActivationJumpsToTheField();
    void dropFileOpensIt();
    void undoShortcut();
    void deleteKeyRemovesThePool();
    void settingsShowTheEngineDiagnosticNextToTheField();
    void traceShapesTheCurve();
    void recoveryCopyIsRestored();
    void runRefusedWhileTheScenarioHasErrors();
    void runShowsResults();
    void screenshots();

private:
    QString outputPath(const QString &name) const;
    void showDock(const char *name);
    void editCell(QTableView *view, const QModelIndex &index, const QString &text);

    std::unique_ptr<app::MainWindow> m_window;
    models::ScenarioDocument *m_document = nullptr;
    QTemporaryDir m_dir;
};

void TestMainWindow::initTestCase()
{
    // Settings and recovery files of the test never touch the user's.
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setApplicationName(QStringLiteral("longitude-test"));
    QApplication::setOrganizationName(QStringLiteral("longitude-test"));
    app::Theme::initialize();
    app::Theme::apply(app::Theme::Appearance::Light);
}

void TestMainWindow::init()
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

void TestMainWindow::cleanup()
{
    m_window.reset();
}

QString TestMainWindow::outputPath(const QString &name) const
{
    const QString folder = qEnvironmentVariable("LONGITUDE_TEST_OUTPUT", QDir::tempPath());
    QDir().mkpath(folder);
    return QDir(folder).filePath(name);
}

void TestMainWindow::showDock(const char *name)
{
    QDockWidget *dock = m_window->dock(QString::fromLatin1(name));
    QVERIFY(dock != nullptr);
    dock->show();
    dock->raise();
    QApplication::processEvents();
}

namespace {

bool editorOpen(QTableView *view)
{
    const QList<QLineEdit *> editors = view->viewport()->findChildren<QLineEdit *>();
    return std::any_of(editors.begin(), editors.end(), [](const QLineEdit *e) { return e != nullptr && e->isVisible(); });
}

} // namespace

void TestMainWindow::editCell(QTableView *view, const QModelIndex &index, const QString &text)
{
    view->scrollTo(index);
    const QPoint center = view->visualRect(index).center();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, center);
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, center);
    auto *editor = view->viewport()->findChild<QLineEdit *>();
    QVERIFY2(editor != nullptr, "double-click opened no line editor");
    editor->selectAll();
    QTest::keyClicks(editor, text);
    QTest::keyClick(editor, Qt::Key_Return);
    // The delegate commits and closes through a queued call.
    QTRY_VERIFY(!editorOpen(view));
}

void TestMainWindow::addPoolWithTheToolbarAndInspector()
{
    showDock("poolsDock");
    ui::PoolsPanel *panel = m_window->poolsPanel();
    const std::size_t before = m_document->scenario().pools.size();
    auto *addAction = panel->findChild<QAction *>(QStringLiteral("addPoolAction"));
    QVERIFY(addAction != nullptr);
    auto *toolBar = panel->findChild<QToolBar *>();
    QWidget *button = toolBar->widgetForAction(addAction);
    QVERIFY(button != nullptr);
    QTest::mouseClick(button, Qt::LeftButton);

    QCOMPARE(m_document->scenario().pools.size(), before + 1);
    const engine::Pool added = m_document->scenario().pools.back();
    QCOMPARE(panel->inspector()->poolId(), QString::fromStdString(added.id));

    // Type a new GPU count into the inspector: one undo step, the table follows.
    auto *count = qobject_cast<QSpinBox *>(panel->inspector()->editor(ui::PoolInspector::Field::GpuCount));
    QVERIFY(count != nullptr);
    count->setFocus();
    count->selectAll();
    QTest::keyClicks(count, QStringLiteral("16"));
    QTest::keyClick(count, Qt::Key_Return);
    QCOMPARE(m_document->scenario().findPool(added.id)->gpuCount, 16);
    QCOMPARE(m_document->undoStack()->count(), 2);
    const int row = panel->model()->rowOfId(QString::fromStdString(added.id));
    QCOMPARE(panel->model()->index(row, models::PoolsModel::GpuCountColumn).data().toInt(), 16);

    // And a count typed into the table's cell.
    editCell(panel->view(), panel->model()->index(row, models::PoolsModel::GpuCountColumn), QStringLiteral("24"));
    QCOMPARE(m_document->scenario().findPool(added.id)->gpuCount, 24);
}

void TestMainWindow::switchPoolToCatalogGpu()
{
    showDock("poolsDock");
    ui::PoolsPanel *panel = m_window->poolsPanel();
    panel->view()->setCurrentIndex(panel->model()->index(0, 0));
    const QString poolId = panel->inspector()->poolId();
    QVERIFY(!poolId.isEmpty());
    QVERIFY(m_document->scenario().findGpuType("H200") == nullptr);
    auto *gpu = qobject_cast<QComboBox *>(panel->inspector()->editor(ui::PoolInspector::Field::GpuType));
    QVERIFY(gpu != nullptr);
    const int target = gpu->findData(QStringLiteral("H200"));
    QVERIFY2(target > gpu->currentIndex(), "the catalog's H200 is not offered");
    const int steps = m_document->undoStack()->count();
    gpu->setFocus();
    // Down arrows walk the list (skipping the separator) until H200, each choice applied.
    while (gpu->currentData().toString() != QLatin1String("H200"))
        QTest::keyClick(gpu, Qt::Key_Down);

    QVERIFY(m_document->scenario().findGpuType("H200") != nullptr);
    QCOMPARE(m_document->scenario().findPool(poolId.toStdString())->gpuType, std::string("H200"));
    QCOMPARE(m_document->undoStack()->count(), steps + 1); // copy and switch, one step
    m_document->undoStack()->undo();
    QVERIFY(m_document->scenario().findGpuType("H200") == nullptr);
    QCOMPARE(m_document->scenario().findPool(poolId.toStdString())->gpuType, std::string("H100"));
}

void TestMainWindow::editRttCellsSymmetricAndNot()
{
    showDock("rttDock");
    ui::RttMatrixPanel *panel = m_window->rttPanel();
    models::RttMatrixModel *model = panel->model();
    QVERIFY(model->rowCount() >= 2);
    const QString a = model->regionId(0);
    const QString b = model->regionId(1);

    editCell(panel->view(), model->index(0, 1), QStringLiteral("91"));
    QCOMPARE(m_document->directRttMs(a, b), std::optional(91.0));
    QCOMPARE(m_document->directRttMs(b, a), std::optional(91.0));

    QTest::mouseClick(panel->symmetricCheck(), Qt::LeftButton);
    QVERIFY(!panel->symmetricCheck()->isChecked());
    editCell(panel->view(), model->index(1, 0), QStringLiteral("97"));
    QCOMPARE(m_document->directRttMs(b, a), std::optional(97.0));
    QCOMPARE(m_document->directRttMs(a, b), std::optional(91.0));
    QCOMPARE(model->index(1, 0).data().toString(), QStringLiteral("97"));
}

void TestMainWindow::dragCurvePointIsOneUndoStep()
{
    showDock("trafficDock");
    ui::TrafficPanel *panel = m_window->trafficPanel();
    panel->tabs()->setCurrentIndex(0);
    ui::TrafficCurveChart *chart = panel->curveChart();
    QTRY_VERIFY(chart->isVisible() && chart->row() >= 0);
    const int row = chart->row();
    const QString region = panel->model()->idAt(row);
    const double before = panel->model()->localCurve(row)[3];
    const int stepsBefore = m_document->undoStack()->count();

    const QPoint start = chart->pointPosition(3);
    QVERIFY(!start.isNull());
    QTest::mousePress(chart->viewport(), Qt::LeftButton, {}, start);
    for (int dy = 10; dy <= 60; dy += 10)
        QTest::mouseMove(chart->viewport(), start - QPoint(0, dy));
    QTest::mouseRelease(chart->viewport(), Qt::LeftButton, {}, start - QPoint(0, 60));

    const double after = panel->model()->localCurve(row)[3];
    QVERIFY2(after > before, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(after)));
    QCOMPARE(m_document->undoStack()->count(), stepsBefore + 1);
    m_document->undoStack()->undo();
    QCOMPARE(panel->model()->localCurve(panel->model()->rowOfId(region))[3], before);
}

void TestMainWindow::saveReopenAndCompare()
{
    QVERIFY(m_document->save(m_dir.filePath(QStringLiteral("plan.longitude.json"))).has_value());
    // Edits through the panels, then File > Save (no dialog: the document has a file now).
    showDock("rttDock");
    editCell(m_window->rttPanel()->view(), m_window->rttPanel()->model()->index(0, 2), QStringLiteral("123"));
    showDock("poolsDock");
    ui::PoolsPanel *pools = m_window->poolsPanel();
    editCell(pools->view(), pools->model()->index(0, models::PoolsModel::GpuCountColumn), QStringLiteral("12"));
    QVERIFY(m_document->isModified());
    m_window->actions()->save->trigger();
    QVERIFY(!m_document->isModified());
    const engine::Scenario edited = m_document->scenario();

    app::MainWindow::Options options;
    options.interactive = false;
    options.restoreLayout = false;
    options.autosave = false;
    app::MainWindow reopened(options);
    QVERIFY(reopened.controller()->openFile(m_document->filePath(), false));
    QVERIFY(reopened.document()->scenario() == edited);
    QCOMPARE(reopened.document()->scenario().pools.front().gpuCount, 12);
}

void TestMainWindow::badFileKeepsTheOpenDocument()
{
    const QString path = m_dir.filePath(QStringLiteral("broken.longitude.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\n  \"schema\": \"longitude.scenario/1\",\n  \"regions\": [ { \"id\": \"x\", \"lon\": 500 } ]\n}\n");
    file.close();
    QVERIFY(m_document->removePool(QString::fromStdString(m_document->scenario().pools.front().id)));
    const engine::Scenario before = m_document->scenario();
    QSignalSpy failed(m_window->controller(), &app::DocumentController::loadFailed);

    QVERIFY(!m_window->controller()->openFile(path));
    QCOMPARE(failed.count(), 1);
    QCOMPARE(failed.first().at(0).toString(), path);
    const auto diagnostics = failed.first().at(1).value<engine::Diagnostics>();
    QVERIFY(!diagnostics.empty());
    bool namesField = false;
    for (const auto &d : diagnostics)
        namesField = namesField || d.pointer == "/regions/0/lon";
    QVERIFY(namesField);
    QVERIFY(m_document->scenario() == before);
    QVERIFY(m_document->isModified());
}

void TestMainWindow::problemActivationJumpsToTheField()
{
    ui::ProblemsPanel *problems = m_window->problemsPanel();
    // The default scenario has no problems: one sentence, no empty table.
    QCOMPARE(problems->model()->rowCount(), 0);
    QVERIFY(problems->emptyState()->isVisible());
    QVERIFY(!problems->view()->isVisible());
    engine::Pool pool = m_document->scenario().pools.front();
    pool.gpuCount = 3; // not a multiple of TP 2
    QVERIFY(m_document->editPool(QString::fromStdString(pool.id), pool));
    QTRY_VERIFY(problems->model()->rowCount() > 0);
    QVERIFY(problems->view()->isVisible());
    QVERIFY(!problems->emptyState()->isVisible());
    int row = -1;
    for (int r = 0; r < problems->model()->rowCount(); ++r) {
        if (problems->model()->index(r, 0).data(models::JsonPointerRole).toString().startsWith(QLatin1String("/pools/0")))
            row = r;
    }
    QVERIFY(row >= 0);
    showDock("rttDock"); // the pools dock is hidden behind another tab

    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    const QRect cell = problems->view()->visualRect(problems->model()->index(row, 2));
    // A real double-click: a click, then the second press arrives as a double-click.
    QTest::mouseClick(problems->view()->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(problems->view()->viewport(), Qt::LeftButton, {}, cell.center());

    QWidget *expected = m_window->poolsPanel()->inspector()->editor(
        problems->model()->index(row, 0).data(models::JsonPointerRole).toString().endsWith(QLatin1String("gpuCount"))
            ? ui::PoolInspector::Field::GpuCount
            : ui::PoolInspector::Field::TensorParallel);
    QTRY_VERIFY(m_window->poolsPanel()->isVisible());
    QCOMPARE(m_window->poolsPanel()->inspector()->poolId(), QString::fromStdString(pool.id));
    QTRY_COMPARE(QApplication::focusWidget(), expected);
}

void TestMainWindow::dropFileOpensIt()
{
    const QString path = m_dir.filePath(QStringLiteral("dropped.longitude.json"));
    models::ScenarioDocument source;
    QVERIFY(source.load(QStringLiteral(":/samples/skylb-reservation.longitude.json")).has_value());
    QVERIFY(source.writeCopy(path).has_value());

    QMimeData data;
    data.setUrls({QUrl::fromLocalFile(path)});
    const QPoint at = m_window->rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(at, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &drop);
    QCOMPARE(m_document->filePath(), path);
    QVERIFY(m_document->scenario() == source.scenario());
}

void TestMainWindow::undoShortcut()
{
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    const engine::Scenario original = m_document->scenario();
    QVERIFY(m_document->removePool(QString::fromStdString(original.pools.front().id)));
    QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(m_document->scenario() == original);
    QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(!(m_document->scenario() == original));
}

void TestMainWindow::deleteKeyRemovesThePool()
{
    showDock("poolsDock");
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    ui::PoolsPanel *panel = m_window->poolsPanel();
    const std::size_t before = m_document->scenario().pools.size();
    const QString id = panel->model()->idAt(1);
    const QPoint cell = panel->view()->visualRect(panel->model()->index(1, 0)).center();
    QTest::mouseClick(panel->view()->viewport(), Qt::LeftButton, {}, cell);
    QTest::keyClick(panel->view(), Qt::Key_Delete);
    QCOMPARE(m_document->scenario().pools.size(), before - 1);
    QVERIFY(m_document->scenario().findPool(id.toStdString()) == nullptr);
}

void TestMainWindow::settingsShowTheEngineDiagnosticNextToTheField()
{
    showDock("settingsDock");
    ui::SettingsPanel *panel = m_window->settingsPanel();
    auto *warmup = qobject_cast<QDoubleSpinBox *>(panel->editorFor(QStringLiteral("/simulation/warmupS")));
    QVERIFY(warmup != nullptr);
    auto *label = warmup->parentWidget()->findChild<ui::FieldDiagnosticLabel *>();
    QVERIFY(label != nullptr);
    QVERIFY(label->isHidden());
    const double duration = m_document->scenario().simulation.durationS;
    const int steps = m_document->undoStack()->count();

    warmup->setFocus();
    warmup->selectAll();
    QTest::keyClicks(warmup, QString::number(duration + 10));
    QTest::keyClick(warmup, Qt::Key_Return);
    QCOMPARE(m_document->scenario().simulation.warmupS, duration + 10);
    QCOMPARE(m_document->undoStack()->count(), steps + 1);
    // The engine's own sentence, under the field, once the debounced validation has run.
    QTRY_VERIFY(label->isVisible());
    QVERIFY2(label->text().contains(QStringLiteral("durationS")), qPrintable(label->text()));
    m_document->undoStack()->undo();
    QTRY_VERIFY(label->isHidden());
}

void TestMainWindow::traceShapesTheCurve()
{
    const QString path = m_dir.filePath(QStringLiteral("trace.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    // One request at 09:10 and three between 14:00 and 14:50: hour 14 is the busiest.
    file.write("TIMESTAMP,ContextTokens,GeneratedTokens\n"
               "2023-11-16 09:10:00.0,100,10\n"
               "2023-11-16 14:00:00.0,100,10\n"
               "2023-11-16 14:20:00.0,100,10\n"
               "2023-11-16 14:50:00.0,100,10\n");
    file.close();
    showDock("trafficDock");
    ui::TrafficPanel *panel = m_window->trafficPanel();
    const int row = panel->curveChart()->row();
    QVERIFY(row >= 0);
    const double peak = panel->model()->peakRps(row);
    QVERIFY(panel->applyTrace(path, 0, false));
    const std::vector<double> curve = panel->model()->localCurve(row);
    QCOMPARE(curve[14], 1.0);
    QVERIFY(curve[9] > 0 && curve[9] < 1);
    QCOMPARE(curve[3], 0.0);
    QCOMPARE(panel->model()->peakRps(row), peak); // the region's own peak was kept
}

void TestMainWindow::recoveryCopyIsRestored()
{
    // What a crashed session leaves: a recovery copy of an edited scenario and its note.
    models::ScenarioDocument crashed;
    QVERIFY(crashed.load(QStringLiteral(":/samples/global-service.longitude.json")).has_value());
    QVERIFY(crashed.removePool(QString::fromStdString(crashed.scenario().pools.front().id)));
    const QString copy = m_dir.filePath(QStringLiteral("session-x.longitude.json"));
    const QString note = m_dir.filePath(QStringLiteral("session-x.note.json"));
    QVERIFY(crashed.writeCopy(copy).has_value());
    QFile(note).open(QIODevice::WriteOnly);

    const QString original = m_dir.filePath(QStringLiteral("global.longitude.json"));
    QVERIFY(m_window->restoreRecovery(copy, note, original));
    QVERIFY(m_document->scenario() == crashed.scenario());
    QVERIFY(m_document->isModified());
    QCOMPARE(m_document->filePath(), original);
    QVERIFY(!QFile::exists(copy));
    QVERIFY(!QFile::exists(note));
}

void TestMainWindow::runRefusedWhileTheScenarioHasErrors()
{
    engine::Pool pool = m_document->scenario().pools.front();
    pool.gpuCount = 0;
    QVERIFY(m_document->editPool(QString::fromStdString(pool.id), pool));
    QSignalSpy started(m_window->runner(), &models::SimulationRunner::started);
    QVERIFY(!m_window->runSimulation());
    QCOMPARE(started.count(), 0);
    QVERIFY(m_window->resultsPanel()->status()->text().contains(QStringLiteral("Problems")));
}

void TestMainWindow::runShowsResults()
{
    auto settings = models::ScenarioSettings::of(m_document->scenario());
    settings.simulation.durationS = 60;
    settings.simulation.warmupS = 0;
    settings.simulation.sampling.enabled = false;
    QVERIFY(m_document->editSettings(settings) || m_document->scenario().simulation.durationS == 60);
    QVERIFY(m_window->actions()->runSimulation->isEnabled());
    m_window->actions()->runSimulation->trigger();
    ui::ResultsPanel *results = m_window->resultsPanel();
    QTRY_VERIFY_WITH_TIMEOUT(results->headline()->rowCount() > 0, 60000);
    QCOMPARE(results->regions()->rowCount(), static_cast<int>(m_document->scenario().regions.size()));
    QCOMPARE(results->pools()->rowCount(), static_cast<int>(m_document->scenario().pools.size()));
    QVERIFY(m_window->actions()->runSimulation->isEnabled());
    QTest::qWait(100);
    QVERIFY(m_window->dock(QStringLiteral("resultsDock"))->grab().save(outputPath(QStringLiteral("results.png"))));
    // An edit makes the results stale.
    QVERIFY(m_document->removePool(QString::fromStdString(m_document->scenario().pools.front().id)));
    QVERIFY(!results->headline()->isEnabled());
}

void TestMainWindow::screenshots()
{
    // The artifacts a reviewer looks at: the window as it opens, each editor, the dark palette.
    QTest::qWait(200);
    QVERIFY(m_window->screenshot().save(outputPath(QStringLiteral("mainwindow.png"))));
    const QList<QPair<const char *, QString>> docks{{"rttDock", QStringLiteral("rtt.png")},
                                                    {"trafficDock", QStringLiteral("traffic.png")},
                                                    {"workloadsDock", QStringLiteral("workloads.png")},
                                                    {"regionsDock", QStringLiteral("regions.png")}};
    for (const auto &[dock, file] : docks) {
        showDock(dock);
        QTest::qWait(120);
        QVERIFY(m_window->dock(QString::fromLatin1(dock))->grab().save(outputPath(file)));
    }
    m_window->trafficPanel()->tabs()->setCurrentIndex(2);
    showDock("trafficDock");
    QTest::qWait(150);
    QVERIFY(m_window->dock(QStringLiteral("trafficDock"))->grab().save(outputPath(QStringLiteral("traffic-global.png"))));
    QVERIFY(m_window->dock(QStringLiteral("settingsDock"))->grab().save(outputPath(QStringLiteral("settings.png"))));

    // A scenario with problems: where they show, in the Problems dock and under the fields.
    engine::Pool pool = m_document->scenario().pools.front();
    pool.gpuCount = 3;
    pool.tensorParallel = 3;
    QVERIFY(m_document->editPool(QString::fromStdString(pool.id), pool));
    showDock("poolsDock");
    m_window->poolsPanel()->view()->setCurrentIndex(m_window->poolsPanel()->model()->index(0, 0));
    QTRY_VERIFY(m_window->problemsPanel()->model()->rowCount() > 0);
    QTest::qWait(100);
    QVERIFY(m_window->screenshot().save(outputPath(QStringLiteral("mainwindow-problems.png"))));
    m_document->undoStack()->undo();

    app::Theme::apply(app::Theme::Appearance::Dark);
    showDock("poolsDock");
    QTest::qWait(150);
    QVERIFY(m_window->screenshot().save(outputPath(QStringLiteral("mainwindow-dark.png"))));
    app::Theme::apply(app::Theme::Appearance::Light);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
