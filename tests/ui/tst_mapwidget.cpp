// The map as the main window embeds it: tool bar, zone chooser, overlays and time bar, driven
// like a planner would; plus the load overlay checked against the traffic curves by hand.

#include "tst_mapfixture.h"

#include "ui/map/maplayout.h"
#include "ui/map/mapcanvas.h"
#include "ui/map/maptimebar.h"
#include "ui/map/mapwidget.h"
#include "ui/map/tools/zonepainttool.h"

#include "models/scenariodocument.h"
#include "models/trafficpresets.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QSlider>
#include <QTest>
#include <QTimeZone>
#include <QToolBar>
#include <QUndoStack>

#include <cmath>
#include <memory>

using namespace longitude;
using namespace longitude::ui;

class TestMapWidget : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void toolButtonsAndShortcutsSwitchTools();
    void zoneChooserFollowsTheScenario();
    void overlaysShowTheTimeBar();
    void loadFollowsTheTrafficCurves();
    void screenshot();

private:
    std::unique_ptr<models::ScenarioDocument> m_document;
    std::unique_ptr<MapWidget> m_widget;
};

void TestMapWidget::init()
{
    m_document = std::make_unique<models::ScenarioDocument>();
    engine::Scenario scenario = mapfixture::worldScenario();
    // One region uses a preset curve instead of explicit hours.
    for (engine::RegionTraffic &traffic : scenario.traffic) {
        if (traffic.region == "ap-southeast-2") {
            traffic.hourly.clear();
            traffic.preset = "consumer-evening";
        }
    }
    m_document->resetScenario(scenario);
    m_widget = std::make_unique<MapWidget>(m_document.get());
    m_widget->canvas()->setCatalog(mapfixture::bundledCatalog());
    m_widget->resize(1280, 760);
    m_widget->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_widget.get()));
}

void TestMapWidget::cleanup()
{
    m_widget.reset();
    m_document.reset();
}

void TestMapWidget::toolButtonsAndShortcutsSwitchTools()
{
    MapCanvas *canvas = m_widget->canvas();
    QAction *drawLink = nullptr;
    for (QAction *action : m_widget->toolBar()->actions())
        if (action->data().toInt() == int(MapCanvas::Tool::DrawLink) && action->isCheckable() && action->text() == canvas->tool(MapCanvas::Tool::DrawLink)->name())
            drawLink = action;
    QVERIFY(drawLink);
    drawLink->trigger();
    QCOMPARE(canvas->activeTool(), MapCanvas::Tool::DrawLink);
    QVERIFY(drawLink->isChecked());
    // Escape on the map goes back to selecting.
    canvas->setFocus();
    QTest::keyClick(canvas, Qt::Key_Escape);
    QCOMPARE(canvas->activeTool(), MapCanvas::Tool::Select);
    QVERIFY(!drawLink->isChecked());
    // The paint tool enables the zone chooser.
    QVERIFY(!m_widget->zoneBox()->isEnabled());
    canvas->setActiveTool(MapCanvas::Tool::ZonePaint);
    QVERIFY(m_widget->zoneBox()->isEnabled());
}

void TestMapWidget::zoneChooserFollowsTheScenario()
{
    QComboBox *zones = m_widget->zoneBox();
    QCOMPARE(zones->count(), int(m_document->scenario().zones.size()));
    zones->setCurrentIndex(zones->findData(QStringLiteral("APAC")));
    QCOMPARE(m_widget->canvas()->zonePaintTool()->zone(), QStringLiteral("APAC"));
    m_document->addZone({"CA", "Canada", ""});
    QCOMPARE(zones->count(), int(m_document->scenario().zones.size()));
    QCOMPARE(zones->currentData().toString(), QStringLiteral("APAC"));
    m_document->undoStack()->undo();
    QCOMPARE(zones->findData(QStringLiteral("CA")), -1);
}

void TestMapWidget::overlaysShowTheTimeBar()
{
    MapCanvas *canvas = m_widget->canvas();
    QVERIFY(!m_widget->timeBar()->isVisible());
    m_widget->dayNightAction()->trigger();
    QVERIFY(canvas->renderOptions().showDayNight);
    QVERIFY(m_widget->timeBar()->isVisible());
    // Sliding to 18:00 UTC moves the overlay time.
    m_widget->timeBar()->slider()->setValue(18 * 4);
    QCOMPARE(canvas->renderOptions().utc.time(), QTime(18, 0));
    QCOMPARE(canvas->renderOptions().utc.timeSpec(), Qt::UTC);
    m_widget->dayNightAction()->trigger();
    QVERIFY(!m_widget->timeBar()->isVisible());
    QVERIFY(!canvas->renderOptions().showDayNight);
}

void TestMapWidget::loadFollowsTheTrafficCurves()
{
    MapCanvas *canvas = m_widget->canvas();
    m_widget->loadAction()->trigger();
    m_widget->timeBar()->setUtc(QDateTime(QDate(2025, 6, 21), QTime(14, 0), QTimeZone::utc()));
    const MapLayout &layout = canvas->layout();
    // us-east-1 (UTC−5): 09:00 local, explicit curve → 900 × hourly[9].
    const std::vector<double> businessDay = mapfixture::businessDay();
    QCOMPARE(layout.region(QStringLiteral("us-east-1"))->loadRps, 900 * businessDay[9]);
    // ap-southeast-2 (UTC+10): 00:00 local, preset "consumer-evening" → 200 × preset[0].
    const auto evening = models::TrafficPresets::curve(QStringLiteral("consumer-evening"));
    QVERIFY(evening);
    QCOMPARE(layout.region(QStringLiteral("ap-southeast-2"))->loadRps, 200 * (*evening)[0]);
    // ap-south-1 (UTC+5:30): 19:30 local → hour 19.
    QCOMPARE(layout.region(QStringLiteral("ap-south-1"))->loadRps, 400 * businessDay[19]);
    // No traffic entry: no load.
    QVERIFY(layout.region(QStringLiteral("lagos-edge"))->loadRps < 0);
    // Disc area is proportional to the load: radius ∝ √load.
    const auto *east = layout.region(QStringLiteral("us-east-1"));
    const auto *south = layout.region(QStringLiteral("ap-south-1"));
    QVERIFY(std::abs(east->loadRadiusPx / south->loadRadiusPx - std::sqrt(east->loadRps / south->loadRps)) < 1e-9);
}

void TestMapWidget::screenshot()
{
    m_widget->dayNightAction()->trigger();
    m_widget->loadAction()->trigger();
    m_widget->timeBar()->setUtc(QDateTime(QDate(2025, 12, 21), QTime(9, 30), QTimeZone::utc()));
    m_widget->canvas()->selectRegion(QStringLiteral("ap-northeast-1"));
    const QString dir = qEnvironmentVariable("LONGITUDE_TEST_OUTPUT", QDir::tempPath());
    QDir().mkpath(dir);
    QVERIFY(m_widget->grab().save(dir + QStringLiteral("/map-widget.png")));
}

QTEST_MAIN(TestMapWidget)
#include "tst_mapwidget.moc"
