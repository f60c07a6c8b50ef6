// The Reservation panel in the real main window, offscreen: open the SkyLB sample, compute
// through the menu action, compare what the panel shows with a direct engine call, see it turn
// stale after an edit, and save screenshots (panel and window) as test artifacts.
#include "app/gui/mainactions.h"
#include "app/gui/mainwindow.h"
#include "app/gui/theme.h"
#include "engine/planning/reservationplan.h"
#include "models/reservationrunner.h"
#include "models/reservationstrategymodel.h"
#include "models/scenariodocument.h"
#include "ui/charts/reservationchart.h"
#include "ui/panels/reservationpanel.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace longitude;

class TestReservationPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setApplicationName(QStringLiteral("longitude-test"));
        QApplication::setOrganizationName(QStringLiteral("longitude-test"));
        app::Theme::initialize();
        app::Theme::apply(app::Theme::Appearance::Light);
    }

    void computeShowsTheEnginesNumbers()
    {
        app::MainWindow::Options options;
        options.interactive = false;
        options.restoreLayout = false;
        options.autosave = false;
        app::MainWindow window(options);
        QVERIFY(window.document()->load(QDir(QStringLiteral(LONGITUDE_SOURCE_DIR)).filePath("samples/skylb-reservation.longitude.json")));
        window.resize(1600, 1000);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        auto *panel = window.findChild<ui::ReservationPanel *>();
        QVERIFY(panel != nullptr);
        QDockWidget *dock = window.dock(QStringLiteral("reservationDock"));
        QVERIFY(dock != nullptr);
        QSignalSpy shown(panel, &ui::ReservationPanel::planShown);
        window.actions()->planReservations->trigger();
        QVERIFY(dock->isVisible());
        QVERIFY(panel->isComputing());
        QVERIFY(!panel->computeButton()->isEnabled());
        QVERIFY(shown.wait(120000)); // a guard against a hang, not a speed requirement
        QVERIFY(!panel->isComputing());
        QVERIFY(panel->plan().has_value());

        // The same numbers as the engine called directly on the document's scenario.
        const auto direct = engine::ReservationPlan::compute(window.document()->scenario());
        QVERIFY(direct.has_value());
        const engine::ReservationPlan &plan = *panel->plan();
        QCOMPARE(plan.capacityRps, direct->capacityRps);
        QCOMPARE(plan.demand.replicas, direct->demand.replicas);
        const auto strategies = direct->strategies();
        models::ReservationStrategyModel *table = panel->strategyModel();
        QCOMPARE(table->rowCount(), static_cast<int>(strategies.size()));
        for (int row = 0; row < table->rowCount(); ++row) {
            QCOMPARE(table->index(row, models::ReservationStrategyModel::UsdPerDayColumn)
                         .data(models::ReservationStrategyModel::ValueRole)
                         .toDouble(),
                     strategies[static_cast<std::size_t>(row)].usdPerDay);
        }
        QCOMPARE(panel->chart()->sumOfRegionalPeaks(), direct->demand.sumOfRegionalPeaks());
        QCOMPARE(panel->chart()->globalPeak(), direct->demand.globalPeak());
        QCOMPARE(panel->chart()->globalReserved(), direct->globalMix.reservedReplicas);
        QVERIFY(!panel->isStale());

        dock->raise();
        QApplication::processEvents();
        const QString folder = qEnvironmentVariable("LONGITUDE_TEST_OUTPUT", QDir::tempPath());
        QDir().mkpath(folder);
        QVERIFY(panel->grab().save(QDir(folder).filePath("reservation-panel.png")));
        QVERIFY(window.screenshot().save(QDir(folder).filePath("mainwindow-reservation.png")));
        // The chart follows the palette: the reservation lines must stay visible in dark mode.
        app::Theme::apply(app::Theme::Appearance::Dark);
        QApplication::processEvents();
        QVERIFY(panel->grab().save(QDir(folder).filePath("reservation-panel-dark.png")));
        app::Theme::apply(app::Theme::Appearance::Light);
        QApplication::processEvents();

        // An edit makes the plan stale; undo does too (the plan was for the original, but the
        // panel cannot know the edit was reverted without recomputing).
        engine::RegionTraffic traffic = window.document()->scenario().traffic.front();
        traffic.peakRps *= 2.0;
        QVERIFY(window.document()->setTraffic(traffic));
        QVERIFY(panel->isStale());
        QVERIFY(panel->status()->text().contains(QStringLiteral("Stale")));
        QVERIFY(panel->grab().save(QDir(folder).filePath("reservation-panel-stale.png")));

        // Recomputing clears it and reflects the doubled US traffic.
        QTest::mouseClick(panel->computeButton(), Qt::LeftButton);
        QVERIFY(shown.wait(120000));
        QVERIFY(!panel->isStale());
        QVERIFY(panel->plan()->demand.peakOf(0) > direct->demand.peakOf(0));
    }
};

QTEST_MAIN(TestReservationPanel)
#include "tst_reservationpanel.moc"
