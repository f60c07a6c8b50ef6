// The map canvas as a planner uses it: real widgets under the offscreen platform, driven by
// QTest mouse and keyboard events; every edit is checked in the document and undone through
// its undo stack.

#include "tst_mapfixture.h"

#include "ui/map/catalogregionpicker.h"
#include "ui/map/greatcircle.h"
#include "ui/map/linkrtteditor.h"
#include "ui/map/mapcanvas.h"
#include "ui/map/quickpooldialog.h"
#include "ui/map/tools/addregiontool.h"
#include "ui/map/tools/drawlinktool.h"
#include "ui/map/tools/zonepainttool.h"

#include "models/scenariodocument.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QToolTip>
#include <QUndoStack>
#include <QWheelEvent>

#include <cmath>
#include <memory>
#include <numbers>

using namespace longitude;
using namespace longitude::ui;

namespace {

QString outputDir()
{
    const QString dir = qEnvironmentVariable("LONGITUDE_TEST_OUTPUT", QDir::tempPath());
    QDir().mkpath(dir);
    return dir;
}

QMenu *openPopupMenu()
{
    QMenu *menu = nullptr;
    for (int i = 0; i < 100 && !menu; ++i) {
        menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!menu)
            QTest::qWait(20);
    }
    return menu;
}

QAction *actionWithData(QMenu *menu, const QString &data)
{
    for (QAction *action : menu->actions())
        if (action->data().toString() == data)
            return action;
    return nullptr;
}

QAction *actionWithText(QMenu *menu, const QString &text)
{
    for (QAction *action : menu->actions())
        if (action->text().startsWith(text))
            return action;
    return nullptr;
}

} // namespace

class TestMapTools : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void wheelZoomsAroundTheCursor();
    void dragOnEmptyMapPans();
    void keyboardZoomAndFit();
    void clickSelectsRegionInTheDocument();
    void addRegionByClickingItsCatalogCircle();
    void addRegionFromNearestMenuBringsItsZone();
    void addCustomRegionAtClickPoint();
    void addRegionFromSearchableCatalog();
    void dragCustomRegion();
    void cloudRegionsDoNotMove();
    void drawLinkByDragUsesMeasuredRtt();
    void drawLinkByTwoClicksEstimatesRtt();
    void rttEstimateMatchesHandComputation();
    void clickLinkToEditRtt();
    void addPoolByClickingRegion();
    void paintZoneStrokeIsOneUndoStep();
    void contextMenuDeletesRegion();
    void deleteKeyRemovesSelectedLink();
    void tooltipDescribesRegion();
    void exportsAndScreenshot();

private:
    QPointF markerOf(const QString &regionId) const;

    std::unique_ptr<models::ScenarioDocument> m_document;
    std::unique_ptr<MapCanvas> m_canvas;
};

void TestMapTools::init()
{
    m_document = std::make_unique<models::ScenarioDocument>();
    m_document->resetScenario(mapfixture::worldScenario());
    m_canvas = std::make_unique<MapCanvas>(m_document.get());
    m_canvas->setCatalog(mapfixture::bundledCatalog());
    m_canvas->resize(1200, 700);
    m_canvas->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_canvas.get()));
    QVERIFY2(m_canvas->catalog().regions.size() > 100, "the bundled region catalog should load");
}

void TestMapTools::cleanup()
{
    if (QWidget *popup = QApplication::activePopupWidget())
        popup->close();
    m_canvas.reset();
    m_document.reset();
}

QPointF TestMapTools::markerOf(const QString &regionId) const
{
    const MapLayout::RegionItem *item = m_canvas->layout().region(regionId);
    return item ? item->marker : QPointF(-1, -1);
}

void TestMapTools::wheelZoomsAroundTheCursor()
{
    const QPointF cursor(820, 240);
    const QPointF before = *m_canvas->viewState().screenToLonLat(cursor);
    const double zoom = m_canvas->viewState().zoom();
    QWheelEvent wheel(cursor, m_canvas->mapToGlobal(cursor), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(m_canvas.get(), &wheel);
    // One notch zooms by 2^(1/4), gliding there; the point under the cursor stays put throughout.
    QTRY_VERIFY(std::abs(m_canvas->viewState().zoom() / zoom - std::pow(2.0, 0.25)) < 1e-9);
    QVERIFY(QLineF(m_canvas->viewState().lonLatToScreen(before), cursor).length() < 1e-6);
    QWheelEvent back(cursor, m_canvas->mapToGlobal(cursor), QPoint(), QPoint(0, -120), Qt::NoButton, Qt::NoModifier,
                     Qt::NoScrollPhase, false);
    QApplication::sendEvent(m_canvas.get(), &back);
    QTRY_VERIFY(std::abs(m_canvas->viewState().zoom() - zoom) < 1e-9);
    // Notches in quick succession accumulate: four of them double the scale.
    for (int i = 0; i < 4; ++i) {
        QWheelEvent notch(cursor, m_canvas->mapToGlobal(cursor), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier,
                          Qt::NoScrollPhase, false);
        QApplication::sendEvent(m_canvas.get(), &notch);
    }
    QTRY_VERIFY(std::abs(m_canvas->viewState().zoom() - 2 * zoom) < 1e-9);
    QVERIFY(QLineF(m_canvas->viewState().lonLatToScreen(before), cursor).length() < 1e-6);
}

void TestMapTools::dragOnEmptyMapPans()
{
    m_canvas->zoomBy(3.0);
    const QPointF start = m_canvas->viewState().lonLatToScreen(QPointF(-40, 20)); // mid-Atlantic
    QVERIFY(!m_canvas->layout().regionAt(start) && !m_canvas->layout().linkAt(start));
    const QPointF lonLat = *m_canvas->viewState().screenToLonLat(start);
    const QPoint from = start.toPoint();
    QTest::mousePress(m_canvas.get(), Qt::LeftButton, {}, from);
    for (int i = 1; i <= 10; ++i)
        QTest::mouseMove(m_canvas.get(), from + QPoint(12 * i, -5 * i));
    QTest::mouseRelease(m_canvas.get(), Qt::LeftButton, {}, from + QPoint(120, -50));
    QVERIFY(QLineF(m_canvas->viewState().lonLatToScreen(lonLat), QPointF(from + QPoint(120, -50))).length() < 1.0);
    QCOMPARE(m_document->undoStack()->count(), 0);
}

void TestMapTools::keyboardZoomAndFit()
{
    m_canvas->setFocus();
    QTest::keyClick(m_canvas.get(), Qt::Key_Plus);
    QVERIFY(std::abs(m_canvas->viewState().zoom() - std::sqrt(2.0)) < 1e-9);
    QTest::keyClick(m_canvas.get(), Qt::Key_0);
    QCOMPARE(m_canvas->viewState().zoom(), 1.0);
    m_canvas->fitScenario();
    for (const engine::Region &region : m_document->scenario().regions)
        QVERIFY(m_canvas->rect().contains(m_canvas->viewState().lonLatToScreen(QPointF(region.lon, region.lat)).toPoint()));
}

void TestMapTools::clickSelectsRegionInTheDocument()
{
    QSignalSpy spy(m_canvas.get(), &MapCanvas::selectionChanged);
    QTest::mouseClick(m_canvas.get(), Qt::LeftButton, {}, markerOf(QStringLiteral("us-west-2")).toPoint());
    QCOMPARE(m_document->currentRegionId(), QStringLiteral("us-west-2"));
    QCOMPARE(m_canvas->selectedRegionId(), QStringLiteral("us-west-2"));
    QVERIFY(spy.count() >= 1);
    QTest::mouseClick(m_canvas.get(), Qt::LeftButton, {}, m_canvas->viewState().lonLatToScreen(QPointF(-140, -10)).toPoint());
    QVERIFY(m_document->currentRegionId().isEmpty());
}

void TestMapTools::addRegionByClickingItsCatalogCircle()
{
    m_canvas->setActiveTool(MapCanvas::Tool::AddRegion);
    m_canvas->zoomBy(2.0);
    m_canvas->setViewState([&] {
        MapViewState view = m_canvas->viewState();
        view.centerOn(QPointF(-70, -30));
        return view;
    }());
    // Santiago (GCP southamerica-west1) has no other catalog region within 2,500 km.
    const engine::Region *santiago = m_canvas->catalog().findRegion("southamerica-west1");
    QVERIFY(santiago);
    const QPointF at = m_canvas->viewState().lonLatToScreen(QPointF(santiago->lon, santiago->lat)) + QPointF(2, -1);
    QCOMPARE(m_canvas->addRegionTool()->ghostAt(at), santiago);
    const int steps = m_document->undoStack()->count();
    QTest::mouseClick(m_canvas.get(), Qt::LeftButton, {}, at.toPoint());
    const engine::Region *added = m_document->scenario().findRegion("southamerica-west1");
    QVERIFY(added);
    QCOMPARE(added->zone, std::string("LATAM"));
    QCOMPARE(added->lon, santiago->lon);
    QCOMPARE(m_document->currentRegionId(), QStringLiteral("southamerica-west1"));
    QCOMPARE(m_document->undoStack()->count(), steps + 1);
    m_document->undoStack()->undo();
    QVERIFY(!m_document->scenario().findRegion("southamerica-west1"));
}

void TestMapTools::addRegionFromNearestMenuBringsItsZone()
{
    m_canvas->setActiveTool(MapCanvas::Tool::AddRegion);
    QVERIFY(!m_document->scenario().findZone("CA"));
    // Click a little west of Montreal, where two providers share one site: the menu lists the
    // nearest catalog regions, nearest first.
    const QPointF click = m_canvas->viewState().lonLatToScreen(QPointF(-75.5, 45.4));
    QVERIFY(!m_canvas->addRegionTool()->ghostAt(click));
    QTest::mouseClick(m_canvas.get(), Qt::LeftButton, {}, click.toPoint());
    QMenu *menu = openPopupMenu();
    QVERIFY(menu);
    QStringList offered;
    for (QAction *action : menu->actions())
        if (!action->data().toString().isEmpty() && action->data().toString() != QLatin1String("custom"))
            offered << action->data().toString();
    QCOMPARE(offered.size(), int(AddRegionTool::kNearestCount));
    const auto expected = m_canvas->catalog().nearest(QPointF(-75.5, 45.4), 2);
    QVERIFY(offered.first() == QString::fromStdString(expected[0]->id));
    QVERIFY(offered.contains(QStringLiteral("ca-central-1")) && offered.contains(QStringLiteral("northamerica-northeast1")));
    QVERIFY(actionWithData(menu, QStringLiteral("custom")));
    // Enter takes the active (nearest) entry.
    const int steps = m_document->undoStack()->count();
    QTest::keyClick(menu, Qt::Key_Return);
    const QString id = offered.first();
    QVERIFY(m_document->scenario().findRegion(id.toStdString()));
    QVERIFY(m_document->scenario().findZone("CA"));
    QCOMPARE(m_document->undoStack()->count(), steps + 1);
    m_document->undoStack()->undo();
    QVERIFY(!m_document->scenario().findRegion(id.toStdString()));
    QVERIFY(!m_document->scenario().findZone("CA"));
}

void TestMapTools::addCustomRegionAtClickPoint()
{
    m_canvas->setActiveTool(MapCanvas::Tool::AddRegion);
    QSignalSpy editRequests(m_canvas.get(), &MapCanvas::editRegionRequested);
    const QPoint click = m_canvas->viewState().lonLatToScreen(QPointF(-30, 38)).toPoint(); // the Azores
    const QPointF clickLonLat = *m_canvas->viewState().screenToLonLat(click);
    QTest::mouseClick(m_canvas.get(), Qt::LeftButton, {}, click);
    QMenu *menu = openPopupMenu();
    QVERIFY(menu);
    QAction *custom = actionWithData(menu, QStringLiteral("custom"));
    QVERIFY(custom);
    custom->trigger();
    menu->close();
    const engine::Region *region = m_document->scenario().findRegion("custom");
    QVERIFY(region);
    QCOMPARE(region->provider, std::string("custom"));
    QVERIFY(std::abs(region->lon - clickLonLat.x()) < 1e-3 && std::abs(region->lat - clickLonLat.y()) < 1e-3);
    // Its zone and offset come from the nearest catalog region (Lisbon or Madrid: EU).
    QCOMPARE(region->zone, m_canvas->catalog().nearest(clickLonLat, 1).front()->zone);
    QCOMPARE(editRequests.count(), 1);
    m_document->undoStack()->undo();
    QVERIFY(!m_document->scenario().findRegion("custom"));
}

void TestMapTools::addRegionFromSearchableCatalog()
{
    m_canvas->addRegionTool()->openCatalogPicker();
    CatalogRegionPicker *picker = m_canvas->findChild<CatalogRegionPicker *>();
    QVERIFY(picker);
    QTRY_VERIFY(picker->isVisible());
    const int all = picker->visibleCount();
    QTest::keyClicks(picker->searchField(), QStringLiteral("singapore"));
    QVERIFY(picker->visibleCount() >= 1 && picker->visibleCount() < all);
    QTest::keyClick(picker->searchField(), Qt::Key_Return);
    QTRY_VERIFY(!picker || !picker->isVisible());
    bool added = false;
    for (const engine::Region &region : m_document->scenario().regions)
        added = added || QString::fromStdString(region.name).contains(QLatin1String("Singapore"), Qt::CaseInsensitive);
    QVERIFY(added);
    QCOMPARE(m_document->scenario().regions.size(), size_t(11));
    m_document->undoStack()->undo();
    QCOMPARE(m_document->scenario().regions.size(), size_t(10));
}

void TestMapTools::dragCustomRegion()
{
    const QString id = QStringLiteral("lagos-edge");
    const engine::Region original = *m_document->scenario().findRegion(id.toStdString());
    const QPoint from = markerOf(id).toPoint();
    const QPointF target(12.0, 15.0); // towards Lake Chad
    const QPoint to = m_canvas->viewState().lonLatToScreen(target).toPoint();
    // The region keeps its offset from the grabbing point: it lands where its marker is dropped.
    const QPointF grabOffset = markerOf(id) - QPointF(from);
    const QPointF targetLonLat = *m_canvas->viewState().screenToLonLat(QPointF(to) + grabOffset);
    const int steps = m_document->undoStack()->count();
    QTest::mousePress(m_canvas.get(), Qt::LeftButton, {}, from);
    for (int i = 1; i <= 8; ++i)
        QTest::mouseMove(m_canvas.get(), from + (to - from) * i / 8);
    // The region follows the mouse before anything is committed.
    QCOMPARE(m_document->scenario().findRegion(id.toStdString())->lon, original.lon);
    QVERIFY(QLineF(markerOf(id), QPointF(to) + grabOffset).length() < 0.5);
    QTest::mouseRelease(m_canvas.get(), Qt::LeftButton, {}, to);
    const engine::Region *moved = m_document->scenario().findRegion(id.toStdString());
    QVERIFY2(std::abs(moved->lon - targetLonLat.x()) < 0.01 && std::abs(moved->lat - targetLonLat.y()) < 0.01,
             qPrintable(QStringLiteral("moved to %1, %2").arg(moved->lon).arg(moved->lat)));
    QCOMPARE(m_document->undoStack()->count(), steps + 1);
    m_document->undoStack()->undo();
    QCOMPARE(m_document->scenario().findRegion(id.toStdString())->lon, original.lon);
    QCOMPARE(m_document->scenario().findRegion(id.toStdString())->lat, original.lat);
}

void TestMapTools::cloudRegionsDoNotMove()
{
    const engine::Region before = *m_document->scenario().findRegion("sa-east-1");
    const QPoint from = markerOf(QStringLiteral("sa-east-1")).toPoint();
    QTest::mousePress(m_canvas.get(), Qt::LeftButton, {}, from);
    for (int i = 1; i <= 5; ++i)
        QTest::mouseMove(m_canvas.get(), from + QPoint(10 * i, 0));
    QTest::mouseRelease(m_canvas.get(), Qt::LeftButton, {}, from + QPoint(50, 0));
    QCOMPARE(*m_document->scenario().findRegion("sa-east-1"), before);
    QCOMPARE(m_document->undoStack()->count(), 0);
    // The drag panned the map instead.
    QVERIFY(QLineF(markerOf(QStringLiteral("sa-east-1")), QPointF(from + QPoint(50, 0))).length() < 1.5);
}

void TestMapTools::drawLinkByDragUsesMeasuredRtt()
{
    m_canvas->setActiveTool(MapCanvas::Tool::DrawLink);
    QVERIFY(!m_document->directRttMs(QStringLiteral("us-west-2"), QStringLiteral("sa-east-1")));
    const QPoint from = markerOf(QStringLiteral("us-west-2")).toPoint();
    const QPoint to = markerOf(QStringLiteral("sa-east-1")).toPoint();
    QTest::mousePress(m_canvas.get(), Qt::LeftButton, {}, from);
    for (int i = 1; i <= 10; ++i)
        QTest::mouseMove(m_canvas.get(), from + (to - from) * i / 10);
    QTest::mouseRelease(m_canvas.get(), Qt::LeftButton, {}, to);
    // The catalog measured each direction (AWS cloudping p50): both are kept, as measured.
    const auto forward = m_canvas->catalog().rtt("us-west-2", "sa-east-1");
    const auto backward = m_canvas->catalog().rtt("sa-east-1", "us-west-2");
    QVERIFY(forward && backward);
    QCOMPARE(m_document->directRttMs(QStringLiteral("us-west-2"), QStringLiteral("sa-east-1")), forward->rttMs);
    QCOMPARE(m_document->directRttMs(QStringLiteral("sa-east-1"), QStringLiteral("us-west-2")), backward->rttMs);
    QVERIFY(m_canvas->selectedLinkIndex() >= 0);
    QCOMPARE(m_document->undoStack()->count(), 1);
    m_document->undoStack()->undo();
    QVERIFY(!m_document->directRttMs(QStringLiteral("us-west-2"), QStringLiteral("sa-east-1")));
    QVERIFY(!m_document->directRttMs(QStringLiteral("sa-east-1"), QStringLiteral("us-west-2")));
}

void TestMapTools::drawLinkByTwoClicksEstimatesRtt()
{
    m_canvas->setActiveTool(MapCanvas::Tool::DrawLink);
    // lagos-edge is custom: no measurement, so the RTT is estimated from the distance.
    QTest::mouseClick(m_canvas.get(), Qt::LeftButton, {}, markerOf(QStringLiteral("lagos-edge")).toPoint());
    QCOMPARE(m_canvas->drawLinkTool()->source(), QStringLiteral("lagos-edge"));
    QTest::mouseMove(m_canvas.get(), markerOf(QStringLiteral("sa-east-1")).toPoint());
    QTest::mouseClick(m_canvas.get(), Qt::LeftButton, {}, markerOf(QStringLiteral("sa-east-1")).toPoint());
    const engine::Region *lagos = m_document->scenario().findRegion("lagos-edge");
    const engine::Region *saoPaulo = m_document->scenario().findRegion("sa-east-1");
    const double expected = std::round(DrawLinkTool::estimatedRttMs(QPointF(lagos->lon, lagos->lat),
                                                                    QPointF(saoPaulo->lon, saoPaulo->lat)) * 10) / 10;
    QCOMPARE(m_document->directRttMs(QStringLiteral("lagos-edge"), QStringLiteral("sa-east-1")), expected);
    QCOMPARE(m_document->directRttMs(QStringLiteral("sa-east-1"), QStringLiteral("lagos-edge")), expected);
    QVERIFY(m_canvas->drawLinkTool()->source().isEmpty());
    m_document->undoStack()->undo();
    QVERIFY(!m_document->directRttMs(QStringLiteral("lagos-edge"), QStringLiteral("sa-east-1")));
    // Escape cancels a pending link.
    QTest::mouseClick(m_canvas.get(), Qt::LeftButton, {}, markerOf(QStringLiteral("lagos-edge")).toPoint());
    QTest::keyClick(m_canvas.get(), Qt::Key_Escape);
    QVERIFY(m_canvas->drawLinkTool()->source().isEmpty());
}

void TestMapTools::rttEstimateMatchesHandComputation()
{
    // Quarter of the equator: d = π/2 × 6371.0088 km = 10,007.56 km; fibre RTT = 2d / 204.19 =
    // 98.022 ms; estimate = 3 + 1.6 × 98.022 = 159.84 ms.
    QVERIFY(std::abs(DrawLinkTool::estimatedRttMs(QPointF(0, 0), QPointF(90, 0)) - 159.835) < 0.01);
    // Same place: the 3 ms intercept.
    QCOMPARE(DrawLinkTool::estimatedRttMs(QPointF(8.68, 50.11), QPointF(8.68, 50.11)), 3.0);
}

void TestMapTools::clickLinkToEditRtt()
{
    // A point a third of the way along us-east-1 ↔ eu-central-1 (92 ms).
    const engine::Region *a = m_document->scenario().findRegion("us-east-1");
    const engine::Region *b = m_document->scenario().findRegion("eu-central-1");
    const QPointF onArc = m_canvas->viewState().lonLatToScreen(
        GreatCircle::interpolate(QPointF(a->lon, a->lat), QPointF(b->lon, b->lat), 0.33));
    const MapLayout::LinkItem *link = m_canvas->layout().linkAt(onArc);
    QVERIFY(link);
    QCOMPARE(link->from, QStringLiteral("us-east-1"));
    QTest::mouseClick(m_canvas.get(), Qt::LeftButton, {}, onArc.toPoint());
    LinkRttEditor *editor = m_canvas->findChild<LinkRttEditor *>();
    QVERIFY(editor);
    QTRY_VERIFY(editor->isVisible());
    QCOMPARE(editor->forwardRtt()->value(), 92.0);
    QVERIFY(editor->sameBothWays()->isChecked());
    editor->forwardRtt()->selectAll();
    QTest::keyClicks(editor->forwardRtt(), QStringLiteral("80"));
    QTest::keyClick(editor->forwardRtt(), Qt::Key_Return);
    QTRY_VERIFY(!editor || !editor->isVisible());
    QCOMPARE(m_document->directRttMs(QStringLiteral("us-east-1"), QStringLiteral("eu-central-1")), 80.0);
    QCOMPARE(m_document->directRttMs(QStringLiteral("eu-central-1"), QStringLiteral("us-east-1")), 80.0);
    QCOMPARE(m_document->undoStack()->count(), 1);
    m_document->undoStack()->undo();
    QCOMPARE(m_document->directRttMs(QStringLiteral("us-east-1"), QStringLiteral("eu-central-1")), 92.0);
}

void TestMapTools::addPoolByClickingRegion()
{
    m_canvas->setActiveTool(MapCanvas::Tool::AddPool);
    const size_t pools = m_document->scenario().pools.size();
    QTest::mouseClick(m_canvas.get(), Qt::LeftButton, {}, markerOf(QStringLiteral("us-west-2")).toPoint());
    QuickPoolDialog *dialog = m_canvas->findChild<QuickPoolDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    dialog->gpuTypeBox()->setCurrentIndex(dialog->gpuTypeBox()->findData(QStringLiteral("H200")));
    dialog->gpuCountBox()->setValue(16);
    dialog->tensorParallelBox()->setValue(2);
    dialog->accept();
    QCOMPARE(m_document->scenario().pools.size(), pools + 1);
    const engine::Pool &pool = m_document->scenario().pools.back();
    QCOMPARE(pool.region, std::string("us-west-2"));
    QCOMPARE(pool.gpuType, std::string("H200"));
    QCOMPARE(pool.gpuCount, 16);
    QCOMPARE(pool.tensorParallel, 2);
    // Its badge is on the map.
    QVERIFY(m_canvas->layout().region(QStringLiteral("us-west-2"))->badgeLines.contains(QStringLiteral("16×H200 · Llama-3.3-70B FP8")));
    m_document->undoStack()->undo();
    QCOMPARE(m_document->scenario().pools.size(), pools);
}

void TestMapTools::paintZoneStrokeIsOneUndoStep()
{
    m_canvas->setActiveTool(MapCanvas::Tool::ZonePaint);
    m_canvas->zonePaintTool()->setZone(QStringLiteral("LATAM"));
    QCOMPARE(m_canvas->renderOptions().highlightedZoneId, QStringLiteral("LATAM"));
    const QPoint west = markerOf(QStringLiteral("us-west-2")).toPoint();
    const QPoint east = markerOf(QStringLiteral("us-east-1")).toPoint();
    QTest::mousePress(m_canvas.get(), Qt::LeftButton, {}, west);
    for (int i = 1; i <= 12; ++i)
        QTest::mouseMove(m_canvas.get(), west + (east - west) * i / 12);
    QTest::mouseRelease(m_canvas.get(), Qt::LeftButton, {}, east);
    QCOMPARE(m_document->scenario().findRegion("us-west-2")->zone, std::string("LATAM"));
    QCOMPARE(m_document->scenario().findRegion("us-east-1")->zone, std::string("LATAM"));
    QCOMPARE(m_document->undoStack()->count(), 1);
    m_document->undoStack()->undo();
    QCOMPARE(m_document->scenario().findRegion("us-west-2")->zone, std::string("US"));
    QCOMPARE(m_document->scenario().findRegion("us-east-1")->zone, std::string("US"));
    // A click on a region already in the zone changes nothing and records nothing.
    QTest::mouseClick(m_canvas.get(), Qt::LeftButton, {}, markerOf(QStringLiteral("sa-east-1")).toPoint());
    QCOMPARE(m_document->undoStack()->index(), 0);
    m_canvas->setActiveTool(MapCanvas::Tool::Select);
    QVERIFY(m_canvas->renderOptions().highlightedZoneId.isEmpty());
}

void TestMapTools::contextMenuDeletesRegion()
{
    const QPoint at = markerOf(QStringLiteral("ap-southeast-2")).toPoint();
    QContextMenuEvent event(QContextMenuEvent::Mouse, at, m_canvas->mapToGlobal(at));
    QApplication::sendEvent(m_canvas.get(), &event);
    QMenu *menu = openPopupMenu();
    QVERIFY(menu);
    QVERIFY(actionWithText(menu, QStringLiteral("Add GPU pool")));
    QVERIFY(actionWithText(menu, QStringLiteral("Draw link from here")));
    QAction *remove = actionWithText(menu, QStringLiteral("Delete region"));
    QVERIFY(remove);
    remove->trigger();
    menu->close();
    QVERIFY(!m_document->scenario().findRegion("ap-southeast-2"));
    m_document->undoStack()->undo();
    QVERIFY(m_document->scenario().findRegion("ap-southeast-2"));
}

void TestMapTools::deleteKeyRemovesSelectedLink()
{
    const int index = [&] {
        const auto &links = m_document->scenario().links;
        for (size_t i = 0; i < links.size(); ++i)
            if (links[i].from == "ap-northeast-1" && links[i].to == "ap-southeast-2")
                return int(i);
        return -1;
    }();
    QVERIFY(index >= 0);
    m_canvas->selectLink(index);
    m_canvas->setFocus();
    QTest::keyClick(m_canvas.get(), Qt::Key_Delete);
    QVERIFY(!m_document->directRttMs(QStringLiteral("ap-northeast-1"), QStringLiteral("ap-southeast-2")));
    QCOMPARE(m_canvas->selectedLinkIndex(), -1);
    m_document->undoStack()->undo();
    QCOMPARE(m_document->directRttMs(QStringLiteral("ap-northeast-1"), QStringLiteral("ap-southeast-2")), 105.0);
}

void TestMapTools::tooltipDescribesRegion()
{
    const QPoint at = markerOf(QStringLiteral("eu-central-1")).toPoint();
    QHelpEvent help(QEvent::ToolTip, at, m_canvas->mapToGlobal(at));
    QApplication::sendEvent(m_canvas.get(), &help);
    QTRY_VERIFY(QToolTip::isVisible());
    QVERIFY(QToolTip::text().contains(QLatin1String("eu-central-1")));
    QVERIFY(QToolTip::text().contains(QLatin1String("euc1-h100")));
    QToolTip::hideText();
}

void TestMapTools::exportsAndScreenshot()
{
    const QString dir = outputDir();
    QVERIFY(m_canvas->exportPng(dir + QStringLiteral("/map-canvas-export.png"), QSize(900, 500), 2.0));
    QCOMPARE(QImage(dir + QStringLiteral("/map-canvas-export.png")).size(), QSize(1800, 1000));
    QVERIFY(m_canvas->exportSvg(dir + QStringLiteral("/map-canvas-export.svg")));
    // A link being drawn, as the planner sees it.
    m_canvas->setActiveTool(MapCanvas::Tool::DrawLink);
    m_canvas->startLinkFrom(QStringLiteral("eu-central-1"));
    QTest::mouseMove(m_canvas.get(), markerOf(QStringLiteral("ap-south-1")).toPoint());
    QVERIFY(m_canvas->grab().save(dir + QStringLiteral("/map-canvas-drawlink.png")));
    m_canvas->setActiveTool(MapCanvas::Tool::AddRegion);
    m_canvas->zoomBy(3.0);
    QTest::mouseMove(m_canvas.get(), QPoint(600, 350));
    QVERIFY(m_canvas->grab().save(dir + QStringLiteral("/map-canvas-addregion.png")));
}

QTEST_MAIN(TestMapTools)
#include "tst_maptools.moc"
