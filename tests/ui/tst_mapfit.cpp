// Fitting the map to the scenario: what a planner sees when a scenario opens. A scenario of
// three regions around the North Atlantic is framed (zoomed in, every region, label and pool
// badge on screen); one that spans the globe keeps the whole world; the planner's own zoom stops
// the framing and "Fit" brings it back.

#include "ui/map/mapcanvas.h"

#include "models/scenariodocument.h"

#include <QDir>
#include <QTest>

#include <memory>

using namespace longitude;
using namespace longitude::ui;

class TestMapFit : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void northAtlanticScenarioIsFramed_data();
    void northAtlanticScenarioIsFramed();
    void globeSpanningScenarioShowsTheWorld();
    void userZoomStopsTheFramingAndFitRestoresIt();
    void openingAnotherScenarioFramesIt();

private:
    void open(const QString &sample);
    void verifyFramed();

    std::unique_ptr<models::ScenarioDocument> m_document;
    std::unique_ptr<MapCanvas> m_canvas;
};

void TestMapFit::init()
{
    m_document = std::make_unique<models::ScenarioDocument>();
    m_canvas = std::make_unique<MapCanvas>(m_document.get());
    // The map's share of the main window at its default size.
    m_canvas->resize(960, 430);
    m_canvas->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_canvas.get()));
}

void TestMapFit::cleanup()
{
    m_canvas.reset();
    m_document.reset();
}

void TestMapFit::open(const QString &sample)
{
    const QString path = QDir(QStringLiteral(LONGITUDE_SOURCE_DIR)).filePath(QStringLiteral("samples/") + sample);
    const auto loaded = m_document->load(path);
    QVERIFY2(loaded.has_value(), qPrintable(path));
}

void TestMapFit::verifyFramed()
{
    const QRectF viewport = m_canvas->viewState().viewportRect();
    for (const engine::Region &region : m_document->scenario().regions) {
        const QPointF point = m_canvas->viewState().lonLatToScreen(QPointF(region.lon, region.lat));
        QVERIFY2(viewport.contains(point), region.id.c_str());
    }
    for (const MapLayout::RegionItem &item : m_canvas->layout().regions) {
        if (item.titleShown)
            QVERIFY2(viewport.contains(item.titleRect), qPrintable(item.id));
        for (const QRectF &badge : item.badgeRects)
            QVERIFY2(viewport.contains(badge), qPrintable(item.id));
    }
}

void TestMapFit::northAtlanticScenarioIsFramed_data()
{
    QTest::addColumn<QSize>("size");
    QTest::newRow("main window") << QSize(960, 430);
    QTest::newRow("README window") << QSize(1100, 520);
    QTest::newRow("narrow") << QSize(620, 360);
}

void TestMapFit::northAtlanticScenarioIsFramed()
{
    QFETCH(QSize, size);
    m_canvas->resize(size);
    open(QStringLiteral("three-regions.longitude.json"));
    QVERIFY(m_canvas->isFittedToScenario());
    // us-west-2 to eu-west-1 is a third of the world's width: zoomed well in from the world view.
    QVERIFY2(m_canvas->viewState().zoom() > 1.8, qPrintable(QString::number(m_canvas->viewState().zoom())));
    verifyFramed();
    // Every badge of the three pools is drawn: none was dropped to fit.
    for (const MapLayout::RegionItem &item : m_canvas->layout().regions)
        QCOMPARE(item.badgeRects.size(), item.badgeLines.size());
}

void TestMapFit::globeSpanningScenarioShowsTheWorld()
{
    open(QStringLiteral("global-service.longitude.json"));
    QCOMPARE(m_canvas->viewState().zoom(), 1.0);
    QCOMPARE(m_canvas->viewState().center(), QPointF(0, 0));
    verifyFramed();
}

void TestMapFit::userZoomStopsTheFramingAndFitRestoresIt()
{
    open(QStringLiteral("three-regions.longitude.json"));
    const double fitted = m_canvas->viewState().zoom();
    m_canvas->zoomBy(2.0);
    QVERIFY(!m_canvas->isFittedToScenario());
    // A resize now keeps the planner's zoom.
    m_canvas->resize(900, 420);
    QCOMPARE(m_canvas->viewState().zoom(), fitted * 2.0);
    m_canvas->fitScenario();
    QVERIFY(m_canvas->isFittedToScenario());
    QVERIFY(m_canvas->viewState().zoom() < fitted * 2.0);
    verifyFramed();
    // While fitted, a resize keeps the scenario framed.
    m_canvas->resize(700, 380);
    verifyFramed();
}

void TestMapFit::openingAnotherScenarioFramesIt()
{
    open(QStringLiteral("global-service.longitude.json"));
    m_canvas->zoomBy(3.0);
    open(QStringLiteral("three-regions.longitude.json"));
    QVERIFY(m_canvas->isFittedToScenario());
    QVERIFY(m_canvas->viewState().zoom() > 1.8);
    verifyFramed();
}

QTEST_MAIN(TestMapFit)
#include "tst_mapfit.moc"
