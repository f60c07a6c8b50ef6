// Follow-the-sun in the real main window: the map's day/night and load overlays are reachable
// from the View menu, the time bar's hour becomes the simulation's start through one undo step
// ("Simulate from 07:00 UTC"), and the map's load, the traffic panel's stacked UTC view and a run
// started at that hour agree on each region's rate: by hand from the sample's curves, and by the
// arrivals the engine counts.

#include "app/gui/documentcontroller.h"
#include "app/gui/mainactions.h"
#include "app/gui/mainwindow.h"
#include "app/gui/theme.h"
#include "models/scenariodocument.h"
#include "models/simulationrunner.h"
#include "models/trafficmodel.h"
#include "ui/map/mapcanvas.h"
#include "ui/map/maplayout.h"
#include "ui/map/maptimebar.h"
#include "ui/map/mapwidget.h"
#include "ui/panels/settingspanel.h"
#include "ui/panels/trafficpanel.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QSignalSpy>
#include <QSlider>
#include <QStandardPaths>
#include <QTest>
#include <QTimeEdit>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>

#include <cmath>

using namespace longitude;

class TestOverlay : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void overlaysAreInTheViewMenu();
    void simulateFromTheOverlayHour();
    void mapStackedViewAndRunAgree();
    void screenshot();

private:
    /// Slides the time bar to `hour`:00 UTC with the keyboard (Home, then one page per hour).
    void slideTo(int hour);
    QMenu *menu(const QString &title) const;
    /// The time bar's button for "Simulate from this hour".
    QToolButton *simulateButton() const;

    std::unique_ptr<app::MainWindow> m_window;
    models::ScenarioDocument *m_document = nullptr;
    ui::MapWidget *m_map = nullptr;
};

void TestOverlay::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setApplicationName(QStringLiteral("longitude-test"));
    QApplication::setOrganizationName(QStringLiteral("longitude-test"));
    app::Theme::initialize();
    app::Theme::apply(app::Theme::Appearance::Light);
}

void TestOverlay::init()
{
    app::MainWindow::Options options;
    options.interactive = false;
    options.restoreLayout = false;
    options.autosave = false;
    m_window = std::make_unique<app::MainWindow>(options);
    m_document = m_window->document();
    m_map = m_window->mapWidget();
    QVERIFY(m_window->controller()->newFromTemplate(QStringLiteral(":/samples/three-regions.longitude.json")));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestOverlay::cleanup()
{
    m_window.reset();
}

QMenu *TestOverlay::menu(const QString &title) const
{
    for (QAction *action : m_window->menuBar()->actions()) {
        if (action->menu() != nullptr && action->text().remove(QLatin1Char('&')) == title)
            return action->menu();
    }
    return nullptr;
}

void TestOverlay::slideTo(int hour)
{
    QSlider *slider = m_map->timeBar()->slider();
    slider->setFocus();
    QTest::keyClick(slider, Qt::Key_Home);
    for (int h = 0; h < hour; ++h)
        QTest::keyClick(slider, Qt::Key_PageUp); // one page = four 15-minute steps
    QCOMPARE(m_map->timeBar()->utc().time(), QTime(hour, 0));
}

QToolButton *TestOverlay::simulateButton() const
{
    for (QToolButton *candidate : m_map->timeBar()->findChildren<QToolButton *>()) {
        if (candidate->defaultAction() == m_window->actions()->simulateFromOverlayTime)
            return candidate;
    }
    return nullptr;
}

void TestOverlay::overlaysAreInTheViewMenu()
{
    app::MainActions *actions = m_window->actions();
    QMenu *view = menu(QStringLiteral("View"));
    QVERIFY(view != nullptr);
    QVERIFY(view->actions().contains(actions->showDayNight));
    QVERIFY(view->actions().contains(actions->showLoad));
    QVERIFY(menu(QStringLiteral("Simulation"))->actions().contains(actions->simulateFromOverlayTime));
    QVERIFY(!m_map->timeBar()->isVisible());

    actions->showDayNight->trigger();
    QVERIFY(m_map->dayNightAction()->isChecked());
    QVERIFY(m_map->canvas()->renderOptions().showDayNight);
    QVERIFY(m_map->timeBar()->isVisible());
    actions->showLoad->trigger();
    QVERIFY(m_map->canvas()->renderOptions().showLoad);

    // The map's own tool bar button and the menu entry are one switch.
    QToolButton *button = qobject_cast<QToolButton *>(m_map->toolBar()->widgetForAction(m_map->dayNightAction()));
    QVERIFY(button != nullptr);
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(!actions->showDayNight->isChecked());
    QVERIFY(!m_map->canvas()->renderOptions().showDayNight);
    QVERIFY(m_map->timeBar()->isVisible()); // load still needs it
    actions->showLoad->trigger();
    QVERIFY(!m_map->timeBar()->isVisible());
}

void TestOverlay::simulateFromTheOverlayHour()
{
    app::MainActions *actions = m_window->actions();
    actions->showLoad->trigger();
    const double before = m_document->scenario().simulation.startUtcHour;
    QCOMPARE(before, 19.0); // the sample's
    QLabel *span = m_map->timeBar()->spanLabel();
    QCOMPARE(span->text(), QStringLiteral("Run: 19:00–20:00 UTC"));

    slideTo(7);
    QCOMPARE(actions->simulateFromOverlayTime->text(), QStringLiteral("Simulate from 07:00 UTC"));
    QToolButton *simulate = simulateButton();
    QVERIFY(simulate != nullptr);
    QVERIFY(simulate->isVisible());
    const int steps = m_document->undoStack()->count();
    QTest::mouseClick(simulate, Qt::LeftButton);

    QCOMPARE(m_document->scenario().simulation.startUtcHour, 7.0);
    QCOMPARE(m_document->undoStack()->count(), steps + 1);
    QCOMPARE(m_document->undoStack()->undoText(), QStringLiteral("Simulate from 07:00 UTC"));
    QCOMPARE(span->text(), QStringLiteral("Run: 07:00–08:00 UTC"));
    auto *start = qobject_cast<QTimeEdit *>(m_window->settingsPanel()->editorFor(QStringLiteral("/simulation/startUtcHour")));
    QVERIFY(start != nullptr);
    QCOMPARE(start->time(), QTime(7, 0));

    // Pressing it again at the same hour changes nothing and records nothing.
    QTest::mouseClick(simulate, Qt::LeftButton);
    QCOMPARE(m_document->undoStack()->count(), steps + 1);

    m_document->undoStack()->undo();
    QCOMPARE(m_document->scenario().simulation.startUtcHour, before);
    QCOMPARE(start->time(), QTime(19, 0));
    QCOMPARE(span->text(), QStringLiteral("Run: 19:00–20:00 UTC"));

    // A start typed in Settings moves the span on the time bar too.
    start->setFocus();
    start->setTime(QTime(22, 30));
    QCOMPARE(m_document->scenario().simulation.startUtcHour, 22.5);
    QCOMPARE(span->text(), QStringLiteral("Run: 22:30–23:30 UTC"));
}

void TestOverlay::mapStackedViewAndRunAgree()
{
    // By hand from samples/three-regions: at 07:00 UTC us-east-1 (UTC-5) is at local 02:00,
    // us-west-2 (UTC-8) at 23:00 the day before, eu-west-1 (UTC+0) at 07:00.
    const engine::Scenario &s = m_document->scenario();
    struct Expected
    {
        const char *region;
        int localHour;
    };
    const Expected expected[] = {{"us-east-1", 2}, {"us-west-2", 23}, {"eu-west-1", 7}};

    m_window->actions()->showLoad->trigger();
    slideTo(7);
    QTest::mouseClick(simulateButton(), Qt::LeftButton);
    QCOMPARE(m_document->scenario().simulation.startUtcHour, 7.0);

    models::TrafficModel *traffic = m_window->trafficPanel()->model();
    const ui::MapLayout &layout = m_map->canvas()->layout();
    for (const Expected &e : expected) {
        const engine::RegionTraffic *entry = nullptr;
        for (const auto &t : s.traffic)
            if (t.region == e.region)
                entry = &t;
        QVERIFY(entry != nullptr && entry->hourly.size() == 24);
        const double byHand = entry->peakRps * entry->hourly[static_cast<std::size_t>(e.localHour)];
        QCOMPARE(layout.region(QString::fromLatin1(e.region))->loadRps, byHand);
        QCOMPARE(traffic->rpsAtUtcHour(traffic->rowOfId(QString::fromLatin1(e.region)), 7), byHand);
    }

    // A two-minute run from that hour: each region's arrivals are Poisson with mean rate x 120 s
    // (single-turn requests, no warm-up); within five standard deviations.
    auto settings = models::ScenarioSettings::of(m_document->scenario());
    settings.simulation.durationS = 120;
    settings.simulation.warmupS = 0;
    QVERIFY(m_document->editSettings(settings));
    QSignalSpy finished(m_window->runner(), &models::SimulationRunner::finished);
    QVERIFY(m_window->runSimulation());
    QVERIFY(finished.wait(120000)); // a guard against a hung run, not a speed requirement
    const auto summary = finished.first().first().value<models::SimulationSummary>();
    for (const Expected &e : expected) {
        const double mean = layout.region(QString::fromLatin1(e.region))->loadRps * 120.0;
        double arrived = -1;
        for (const auto &row : summary.regions)
            if (row.id == QLatin1String(e.region))
                arrived = row.arrived;
        QVERIFY2(std::abs(arrived - mean) <= 5.0 * std::sqrt(mean) + 1.0,
                 qPrintable(QStringLiteral("%1: %2 arrivals, expected about %3").arg(QLatin1String(e.region)).arg(arrived).arg(mean)));
    }
}

void TestOverlay::screenshot()
{
    m_window->actions()->showDayNight->trigger();
    m_window->actions()->showLoad->trigger();
    slideTo(7);
    QTest::qWait(100);
    const QString folder = qEnvironmentVariable("LONGITUDE_TEST_OUTPUT", QDir::tempPath());
    QDir().mkpath(folder);
    QVERIFY(m_map->grab().save(QDir(folder).filePath(QStringLiteral("overlay-timebar.png"))));
}

QTEST_MAIN(TestOverlay)
#include "tst_overlay.moc"
