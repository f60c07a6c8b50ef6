// Map rendering without a window: projection, geometry, the solar terminator, pixels of rendered
// images, declutter invariants, PNG and SVG export. Saves the PNGs a reviewer looks at.

#include "tst_mapfixture.h"

#include "ui/map/greatcircle.h"
#include "ui/map/latencycolorscale.h"
#include "ui/map/maplayout.h"
#include "ui/map/mapprojection.h"
#include "ui/map/maprenderer.h"
#include "ui/map/mapviewstate.h"
#include "ui/map/solarterminator.h"
#include "ui/map/worldmap.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QTest>

#include <cmath>
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

int colorDistance(QColor a, QColor b)
{
    return std::abs(a.red() - b.red()) + std::abs(a.green() - b.green()) + std::abs(a.blue() - b.blue());
}

QColor pixelAt(const QImage &image, QPointF logical)
{
    const QPoint p = (logical * image.devicePixelRatio()).toPoint();
    return image.pixelColor(p);
}

QString errorOf(const std::expected<void, QString> &result)
{
    return result ? QString() : result.error();
}

QDateTime utc(int year, int month, int day, int hour, int minute = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute), QTimeZone::utc());
}

} // namespace

class TestMapRender : public QObject
{
    Q_OBJECT

private slots:
    void projectionRoundTrip();
    void projectionKnownValues();
    void projectionRejectsPointsOffTheGlobe();
    void viewRoundTripAndZoomAroundCursor();
    void greatCircle();
    void solarDeclination_data();
    void solarDeclination();
    void subsolarLongitudeFollowsEquationOfTime_data();
    void subsolarLongitudeFollowsEquationOfTime();
    void darkRegionsCoverTheNightSide();
    void worldMapParsesBundledResource();
    void worldMapReportsBadInput();
    void oceanAndLandPixels();
    void markerPixelHasZoneColour_data();
    void markerPixelHasZoneColour();
    void linkPixelHasLatencyColour();
    void nightIsDarkerThanDay();
    void crowdedMapHasNoOverlaps();
    void countryNamesOnlyWhenZoomedIn();
    void svgExportContainsPaths();
    void pngExport();
    void savesReviewImages();
};

void TestMapRender::projectionRoundTrip()
{
    int checked = 0;
    for (double lat = -89.5; lat <= 89.5; lat += 3.5) {
        for (double lon = -180.0; lon <= 180.0; lon += 7.5) {
            const QPointF projected = MapProjection::project(lon, lat);
            const std::optional<QPointF> back = MapProjection::unproject(projected);
            QVERIFY2(back, qPrintable(QStringLiteral("(%1, %2) did not come back").arg(lon).arg(lat)));
            QVERIFY2(std::abs(back->x() - lon) < 1e-8 && std::abs(back->y() - lat) < 1e-8,
                     qPrintable(QStringLiteral("(%1, %2) came back as (%3, %4)").arg(lon).arg(lat).arg(back->x()).arg(back->y())));
            ++checked;
        }
    }
    QVERIFY(checked > 2500);
}

void TestMapRender::projectionKnownValues()
{
    // From the published polynomials (Šavrič et al. 2011), evaluated by hand:
    // x(180°, 0) = π·0.8707; y(90°) = (π/2)(1.007226 + 0.015085φ² − 0.044475φ⁶ + 0.028874φ⁸ − 0.005916φ¹⁰).
    QVERIFY(std::abs(MapProjection::project(180, 0).x() - 2.7353847) < 1e-6);
    QVERIFY(std::abs(MapProjection::project(0, 90).y() - 1.4223905) < 1e-6);
    // At 45°N, 90°E: x = (π/2)(0.8707 − 0.131979φ² − 0.013791φ⁴ + 0.003971φ¹⁰ − 0.001529φ¹²), φ = π/4.
    const QPointF p = MapProjection::project(90, 45);
    QVERIFY(std::abs(p.x() - 1.2319938) < 1e-6);
    QVERIFY(std::abs(p.y() - 0.7930514) < 1e-6);
    // North is up in projected units, east is right.
    QVERIFY(MapProjection::project(0, 10).y() > 0);
    QVERIFY(MapProjection::project(10, 0).x() > 0);
}

void TestMapRender::projectionRejectsPointsOffTheGlobe()
{
    QVERIFY(!MapProjection::unproject(QPointF(0, 1.5)));
    // Beyond the outline at 60°N: the half-width there is smaller than at the equator.
    const double halfWidth60 = MapProjection::project(180, 60).x();
    QVERIFY(!MapProjection::unproject(QPointF(halfWidth60 + 0.01, MapProjection::project(0, 60).y())));
    QVERIFY(MapProjection::unproject(QPointF(halfWidth60 - 0.01, MapProjection::project(0, 60).y())));
}

void TestMapRender::viewRoundTripAndZoomAroundCursor()
{
    MapViewState view(QSizeF(1000, 560));
    for (const double zoom : {1.0, 3.0, 17.0}) {
        view.setZoom(zoom);
        view.centerOn(QPointF(10, 48));
        for (const QPointF lonLat : {QPointF(8.68, 50.11), QPointF(-0.12, 51.5), QPointF(12.5, 41.9)}) {
            const std::optional<QPointF> back = view.screenToLonLat(view.lonLatToScreen(lonLat));
            QVERIFY(back);
            QVERIFY(QLineF(*back, lonLat).length() < 1e-8);
        }
    }
    // Zooming keeps the geographic point under the cursor where it was.
    view.setZoom(2.0);
    const QPointF cursor(700, 200);
    const QPointF before = *view.screenToLonLat(cursor);
    view.zoomAt(cursor, 1.7);
    QVERIFY(std::abs(view.zoom() - 3.4) < 1e-12);
    QVERIFY(QLineF(view.lonLatToScreen(before), cursor).length() < 1e-6);
    // Panning moves content with the mouse.
    const QPointF frankfurt(8.68, 50.11);
    const QPointF at = view.lonLatToScreen(frankfurt);
    view.panByPixels(QPointF(40, -25));
    QVERIFY(QLineF(view.lonLatToScreen(frankfurt), at + QPointF(40, -25)).length() < 1e-6);
    // A resize keeps the zoom level.
    view.setViewportSize(QSizeF(500, 300));
    QCOMPARE(view.zoom(), 3.4);
    view.setZoom(1000);
    QCOMPARE(view.zoom(), MapViewState::kMaxZoom);
}

void TestMapRender::greatCircle()
{
    // A quarter of the equator is a quarter of the circumference.
    QVERIFY(std::abs(GreatCircle::distanceKm(QPointF(0, 0), QPointF(90, 0)) -
                     GreatCircle::kEarthRadiusKm * std::numbers::pi / 2) < 1e-6);
    // The midpoint of two points on the equator lies on it, halfway.
    const QPointF mid = GreatCircle::interpolate(QPointF(10, 0), QPointF(50, 0), 0.5);
    QVERIFY(std::abs(mid.x() - 30) < 1e-9 && std::abs(mid.y()) < 1e-9);
    // Oregon → Tokyo goes over the North Pacific and crosses 180°: two pieces meeting there.
    const std::vector<QPolygonF> arc = GreatCircle::arc(QPointF(-119.7, 45.84), QPointF(139.69, 35.69), 1.0);
    QCOMPARE(arc.size(), size_t(2));
    QCOMPARE(arc[0].last().x(), -180.0);
    QCOMPARE(arc[1].first().x(), 180.0);
    QCOMPARE(arc[0].last().y(), arc[1].first().y());
    for (const QPolygonF &piece : arc)
        for (qsizetype i = 1; i < piece.size(); ++i)
            QVERIFY(std::abs(piece[i].x() - piece[i - 1].x()) < 5.0);
    // The northern great circle peaks well above both ends (≈ 50°N), unlike a straight line.
    double maxLat = -90;
    for (const QPolygonF &piece : arc)
        for (const QPointF &p : piece)
            maxLat = std::max(maxLat, p.y());
    QVERIFY(maxLat > 48.0);
    // London → Frankfurt stays in one piece.
    QCOMPARE(GreatCircle::arc(QPointF(-0.12, 51.5), QPointF(8.68, 50.11)).size(), size_t(1));
}

void TestMapRender::solarDeclination_data()
{
    QTest::addColumn<QDateTime>("when");
    QTest::addColumn<double>("declination");
    // Instants of the 2025 equinoxes and solstices (USNO): the declination is 0 or ±23.44°.
    QTest::newRow("March equinox") << utc(2025, 3, 20, 9, 1) << 0.0;
    QTest::newRow("June solstice") << utc(2025, 6, 21, 2, 42) << 23.44;
    QTest::newRow("September equinox") << utc(2025, 9, 22, 18, 19) << 0.0;
    QTest::newRow("December solstice") << utc(2025, 12, 21, 15, 3) << -23.44;
}

void TestMapRender::solarDeclination()
{
    QFETCH(QDateTime, when);
    QFETCH(double, declination);
    const QPointF subsolar = SolarTerminator::subsolarPoint(when);
    QVERIFY2(std::abs(subsolar.y() - declination) < 0.05,
             qPrintable(QStringLiteral("declination %1, expected %2").arg(subsolar.y()).arg(declination)));
}

void TestMapRender::subsolarLongitudeFollowsEquationOfTime_data()
{
    QTest::addColumn<QDateTime>("when");
    QTest::addColumn<double>("longitude");
    // At 12:00 UTC the Sun is over 0° minus the equation of time (apparent − mean solar time) at
    // 0.25° per minute. The equation of time reaches −14 min 12 s around 11 February and
    // +16 min 26 s around 3 November; it is near zero around 15 April and 13 June.
    QTest::newRow("11 February") << utc(2025, 2, 11, 12) << 14.2 * 0.25;
    QTest::newRow("3 November") << utc(2025, 11, 3, 12) << -16.43 * 0.25;
    QTest::newRow("15 April") << utc(2025, 4, 15, 12) << 0.0;
    // Six hours later the Sun is 90° further west.
    QTest::newRow("15 April 18:00") << utc(2025, 4, 15, 18) << -90.0;
}

void TestMapRender::subsolarLongitudeFollowsEquationOfTime()
{
    QFETCH(QDateTime, when);
    QFETCH(double, longitude);
    const QPointF subsolar = SolarTerminator::subsolarPoint(when);
    QVERIFY2(std::abs(subsolar.x() - longitude) < 0.3,
             qPrintable(QStringLiteral("subsolar longitude %1, expected %2").arg(subsolar.x()).arg(longitude)));
}

void TestMapRender::darkRegionsCoverTheNightSide()
{
    const QPointF subsolar(30.0, 20.0);
    QCOMPARE(SolarTerminator::sunAltitudeDeg(subsolar, subsolar), 90.0);
    QVERIFY(std::abs(SolarTerminator::sunAltitudeDeg(QPointF(-150, -20), subsolar) + 90.0) < 1e-9);
    for (const double threshold : SolarTerminator::kTwilightAltitudesDeg) {
        const std::vector<QPolygonF> dark = SolarTerminator::darkRegions(subsolar, threshold, 0.5);
        QVERIFY(!dark.empty());
        auto inDark = [&](QPointF p) {
            return std::any_of(dark.begin(), dark.end(), [&](const QPolygonF &polygon) {
                return polygon.containsPoint(p, Qt::OddEvenFill);
            });
        };
        // Sample the globe: the polygons agree with the altitude formula away from the boundary.
        int checked = 0;
        for (double lat = -85; lat <= 85; lat += 5) {
            for (double lon = -177.5; lon <= 177.5; lon += 5) {
                const double altitude = SolarTerminator::sunAltitudeDeg(QPointF(lon, lat), subsolar);
                if (std::abs(altitude - threshold) < 1.5)
                    continue;
                QVERIFY2(inDark(QPointF(lon, lat)) == (altitude < threshold),
                         qPrintable(QStringLiteral("(%1, %2) altitude %3, threshold %4").arg(lon).arg(lat).arg(altitude).arg(threshold)));
                ++checked;
            }
        }
        QVERIFY(checked > 2000);
    }
}

void TestMapRender::worldMapParsesBundledResource()
{
    const WorldMap &map = WorldMap::bundled();
    QVERIFY2(WorldMap::bundledError().isEmpty(), qPrintable(WorldMap::bundledError()));
    QVERIFY(map.countries().size() > 150);
    QVERIFY(map.attribution().contains(QLatin1String("Natural Earth")));
    const WorldMap::Country *france = map.countryAt(QPointF(2.35, 48.85));
    QVERIFY(france);
    QCOMPARE(france->iso3, QStringLiteral("FRA"));
    QVERIFY(map.countryAt(QPointF(-40, 30)) == nullptr);
    // Land contains Kansas and not the mid-Atlantic (odd-even fill of the rings).
    QVERIFY(map.land().contains(MapProjection::project(-98, 38.5)));
    QVERIFY(!map.land().contains(MapProjection::project(-40, 30)));
    // The Caspian Sea is a hole in the land.
    QVERIFY(!map.land().contains(MapProjection::project(51, 42)));
}

void TestMapRender::worldMapReportsBadInput()
{
    auto error = [](const char *json) { return WorldMap::fromJson(QByteArray(json), QStringLiteral("bad.json")).error(); };
    QVERIFY(error("{").startsWith(QLatin1String("bad.json: not valid JSON")));
    QVERIFY(error("{\"land\": [[0, 0, 1, 1, 2]], \"countries\": []}").contains(QLatin1String("land/0: expected an even count")));
    QVERIFY(error("{\"land\": [], \"countries\": [{\"name\": \"X\", \"label\": [0, 0], \"rings\": [[0, 0, 1, 1, 2, 95]]}]}")
                .contains(QLatin1String("countries/0/rings/0/4")));
    QVERIFY(error("{\"land\": [], \"countries\": [{\"name\": \"X\", \"rings\": []}]}").contains(QLatin1String("countries/0/label")));
    QVERIFY(WorldMap::fromJson(QByteArray("{\"land\": [[0, 0, 10, 0, 10, 10]], \"countries\": []}"), QStringLiteral("ok")).has_value());
}

void TestMapRender::oceanAndLandPixels()
{
    const MapRenderer renderer;
    const engine::Scenario empty;
    MapViewState view(QSizeF(1200, 620));
    MapRenderOptions options;
    const QImage image = renderer.renderImage(empty, view, options);
    const MapStyle &style = renderer.style();
    // Mid-Atlantic and the middle of the Pacific are ocean; Kansas, the Sahara and central
    // Australia are land; a corner outside the globe is the background.
    for (const QPointF ocean : {QPointF(-40, 20), QPointF(-140, -10)})
        QVERIFY2(colorDistance(pixelAt(image, view.lonLatToScreen(ocean)), style.ocean) <= 3,
                 qPrintable(pixelAt(image, view.lonLatToScreen(ocean)).name()));
    for (const QPointF land : {QPointF(-99, 38.5), QPointF(17, 24), QPointF(134, -24)})
        QVERIFY2(colorDistance(pixelAt(image, view.lonLatToScreen(land)), style.land) <= 3,
                 qPrintable(pixelAt(image, view.lonLatToScreen(land)).name()));
    QVERIFY(colorDistance(pixelAt(image, QPointF(3, 3)), style.background) <= 3);
}

void TestMapRender::markerPixelHasZoneColour_data()
{
    QTest::addColumn<double>("devicePixelRatio");
    QTest::newRow("1x") << 1.0;
    QTest::newRow("2x high-DPI") << 2.0;
}

void TestMapRender::markerPixelHasZoneColour()
{
    QFETCH(double, devicePixelRatio);
    const MapRenderer renderer;
    const engine::Scenario scenario = mapfixture::worldScenario();
    MapViewState view(QSizeF(1200, 620));
    const MapRenderOptions options;
    const QImage image = renderer.renderImage(scenario, view, options, devicePixelRatio);
    QCOMPARE(image.size(), QSize(int(1200 * devicePixelRatio), int(620 * devicePixelRatio)));
    // Isolated regions: the marker sits exactly on the projected position.
    for (const char *id : {"us-west-2", "ap-southeast-2", "sa-east-1", "lagos-edge"}) {
        const engine::Region *region = scenario.findRegion(id);
        const QPointF at = view.lonLatToScreen(QPointF(region->lon, region->lat));
        const QColor expected = renderer.style().zoneColor(scenario, region->zone);
        QVERIFY2(colorDistance(pixelAt(image, at), expected) <= 6,
                 qPrintable(QStringLiteral("%1: %2, expected %3").arg(id, pixelAt(image, at).name(), expected.name())));
    }
    // The two Frankfurt regions are fanned out: two markers of the EU colour, neither on top of
    // the other, both within a few marker sizes of Frankfurt.
    const MapLayout layout = renderer.layout(scenario, view, options);
    const MapLayout::RegionItem *aws = layout.region(QStringLiteral("eu-central-1"));
    const MapLayout::RegionItem *gcp = layout.region(QStringLiteral("europe-west3"));
    QVERIFY(QLineF(aws->marker, gcp->marker).length() >= aws->radiusPx + gcp->radiusPx);
    QVERIFY(QLineF(aws->marker, aws->anchor).length() < 30);
    for (const auto *item : {aws, gcp})
        QVERIFY(colorDistance(pixelAt(image, item->marker), renderer.style().zoneColor(scenario, "EU")) <= 6);
}

void TestMapRender::linkPixelHasLatencyColour()
{
    const MapRenderer renderer;
    const engine::Scenario scenario = mapfixture::worldScenario();
    MapViewState view(QSizeF(1200, 620));
    view.setZoom(2.0);
    view.centerOn(QPointF(-95, 40));
    const MapRenderOptions options;
    const QImage image = renderer.renderImage(scenario, view, options);
    // A quarter of the way along us-east-1 ↔ us-west-2 (62 ms), away from its RTT label.
    const QPointF point = GreatCircle::interpolate(QPointF(-77.4875, 39.0437), QPointF(-119.7006, 45.8399), 0.25);
    const QColor pixel = pixelAt(image, view.lonLatToScreen(point));
    QVERIFY2(colorDistance(pixel, LatencyColorScale::color(62)) <= 30,
             qPrintable(QStringLiteral("%1 vs %2").arg(pixel.name(), LatencyColorScale::color(62).name())));
    QVERIFY(colorDistance(LatencyColorScale::color(15), LatencyColorScale::color(160)) > 150);
    // Its label is shown, and clicking the arc finds the link.
    const MapLayout layout = renderer.layout(scenario, view, options);
    const MapLayout::LinkItem *link = layout.linkAt(view.lonLatToScreen(point));
    QVERIFY(link);
    QCOMPARE(link->labelText, QStringLiteral("62 ms"));
    QVERIFY(link->labelShown);
    // Both directions of an asymmetric pair share one arc and one label.
    const auto mumbai = std::find_if(layout.links.begin(), layout.links.end(), [](const MapLayout::LinkItem &l) {
        return l.linkIndices.size() == 2;
    });
    QVERIFY(mumbai != layout.links.end());
    QCOMPARE(mumbai->labelText, QStringLiteral("118 / 126 ms"));
}

void TestMapRender::nightIsDarkerThanDay()
{
    const MapRenderer renderer;
    const engine::Scenario empty;
    MapViewState view(QSizeF(1200, 620));
    MapRenderOptions options;
    options.showDayNight = true;
    options.utc = utc(2025, 3, 20, 12);
    const QImage image = renderer.renderImage(empty, view, options);
    // Noon at Greenwich on the equinox: the South Atlantic is in daylight, the central Pacific
    // (longitude ≈ 180°) is in deep night.
    const QColor day = pixelAt(image, view.lonLatToScreen(QPointF(-20, -20)));
    const QColor night = pixelAt(image, view.lonLatToScreen(QPointF(-170, -10)));
    QVERIFY2(colorDistance(day, renderer.style().ocean) <= 3, qPrintable(day.name()));
    QVERIFY2(night.lightness() < renderer.style().ocean.lightness() - 40, qPrintable(night.name()));
}

void TestMapRender::crowdedMapHasNoOverlaps()
{
    const MapRenderer renderer;
    const engine::Scenario scenario = mapfixture::crowdedEuropeScenario();
    QVERIFY2(scenario.regions.size() > 25, "the bundled catalog should list European regions");
    for (const double zoom : {1.0, 4.0, 9.0, 30.0}) {
        MapViewState view(QSizeF(1200, 700));
        view.setZoom(zoom);
        view.centerOn(QPointF(8, 50));
        const MapLayout layout = renderer.layout(scenario, view, MapRenderOptions());
        std::vector<QRectF> labels;
        for (const MapLayout::RegionItem &item : layout.regions) {
            if (item.titleShown)
                labels.push_back(item.titleRect);
            for (const QRectF &badge : item.badgeRects)
                labels.push_back(badge);
        }
        for (const MapLayout::CountryLabel &label : layout.countryLabels)
            labels.push_back(label.rect);
        for (size_t i = 0; i < layout.regions.size(); ++i) {
            const MapLayout::RegionItem &a = layout.regions[i];
            for (size_t j = i + 1; j < layout.regions.size(); ++j) {
                const MapLayout::RegionItem &b = layout.regions[j];
                QVERIFY2(QLineF(a.marker, b.marker).length() >= a.radiusPx + b.radiusPx - 0.5,
                         qPrintable(QStringLiteral("zoom %1: %2 and %3 overlap").arg(zoom).arg(a.id, b.id)));
            }
            for (const QRectF &label : labels) {
                const QRectF marker(a.marker - QPointF(a.radiusPx, a.radiusPx), QSizeF(2 * a.radiusPx, 2 * a.radiusPx));
                QVERIFY2(!label.intersects(marker), qPrintable(QStringLiteral("a label covers %1").arg(a.id)));
            }
        }
        for (size_t i = 0; i < labels.size(); ++i)
            for (size_t j = i + 1; j < labels.size(); ++j)
                QVERIFY2(!labels[i].intersects(labels[j]), qPrintable(QStringLiteral("zoom %1: labels overlap").arg(zoom)));
        if (zoom == 9.0)
            QVERIFY(renderer.exportPng(outputDir() + QStringLiteral("/map-crowded-zoom9.png"), QSize(1200, 700), scenario,
                                       view, MapRenderOptions(), 1.0));
        // Zoomed in to a few hundred kilometres, every region has room for its name, even the
        // three Frankfurt regions that share one city.
        if (zoom >= 30.0)
            for (const MapLayout::RegionItem &item : layout.regions)
                if (view.viewportRect().contains(item.marker))
                    QVERIFY2(item.titleShown, qPrintable(item.id));
    }
}

void TestMapRender::countryNamesOnlyWhenZoomedIn()
{
    const MapRenderer renderer;
    const engine::Scenario empty;
    MapViewState world(QSizeF(1200, 620));
    QVERIFY(renderer.layout(empty, world, MapRenderOptions()).countryLabels.empty());
    MapViewState europe(QSizeF(1200, 700));
    europe.fitLonLatRect(QRectF(QPointF(-12, 35), QPointF(32, 62)));
    const MapLayout layout = renderer.layout(empty, europe, MapRenderOptions());
    QStringList names;
    for (const MapLayout::CountryLabel &label : layout.countryLabels)
        names << label.text;
    QVERIFY2(names.contains(QStringLiteral("France")) && names.contains(QStringLiteral("Germany")) &&
                 names.contains(QStringLiteral("Spain")),
             qPrintable(names.join(QLatin1String(", "))));
}

void TestMapRender::svgExportContainsPaths()
{
    const MapRenderer renderer;
    const engine::Scenario scenario = mapfixture::worldScenario();
    const QString path = outputDir() + QStringLiteral("/map-world.svg");
    QFile::remove(path);
    const auto result = renderer.exportSvg(path, QSize(1200, 620), scenario, MapViewState(), MapRenderOptions());
    QVERIFY2(result, qPrintable(errorOf(result)));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray svg = file.readAll();
    QVERIFY(svg.startsWith("<?xml"));
    QVERIFY(svg.contains("<svg"));
    QVERIFY(svg.count("<path") > 20);
    // Every RTT label the layout shows is real text in the SVG.
    MapViewState view;
    view.setViewportSize(QSizeF(1200, 620));
    const MapLayout layout = renderer.layout(scenario, view, MapRenderOptions());
    int labels = 0;
    for (const MapLayout::LinkItem &link : layout.links) {
        if (!link.labelShown)
            continue;
        QVERIFY2(svg.contains(link.labelText.toUtf8()), qPrintable(link.labelText));
        ++labels;
    }
    QVERIFY(labels >= 5);
    QVERIFY(svg.contains("Natural Earth"));
    // An unwritable path is an error naming it, not a crash.
    const auto bad = renderer.exportSvg(QStringLiteral("/nonexistent-dir/x.svg"), QSize(100, 100), scenario,
                                        MapViewState(), MapRenderOptions());
    QVERIFY(!bad);
    QVERIFY(bad.error().contains(QLatin1String("/nonexistent-dir/x.svg")));
}

void TestMapRender::pngExport()
{
    const MapRenderer renderer;
    const engine::Scenario scenario = mapfixture::worldScenario();
    const QString path = outputDir() + QStringLiteral("/map-export-test.png");
    MapViewState view(QSizeF(640, 360));
    view.setZoom(2.5);
    const auto result = renderer.exportPng(path, QSize(800, 450), scenario, view, MapRenderOptions(), 2.0);
    QVERIFY2(result, qPrintable(errorOf(result)));
    const QImage image(path);
    QCOMPARE(image.size(), QSize(1600, 900));
}

void TestMapRender::savesReviewImages()
{
    const MapRenderer renderer;
    const engine::Scenario scenario = mapfixture::worldScenario();
    const QString dir = outputDir();

    MapViewState world(QSizeF(1400, 720));
    QVERIFY(renderer.exportPng(dir + QStringLiteral("/map-world.png"), QSize(1400, 720), scenario, world,
                               MapRenderOptions(), 1.0));

    MapViewState europe(QSizeF(1400, 860));
    europe.fitLonLatRect(QRectF(QPointF(-12, 36), QPointF(30, 61)));
    MapRenderOptions selected;
    selected.selectedRegionId = QStringLiteral("eu-central-1");
    QVERIFY(renderer.exportPng(dir + QStringLiteral("/map-europe.png"), QSize(1400, 860), scenario, europe, selected, 1.0));

    MapRenderOptions overlay;
    overlay.showDayNight = true;
    overlay.showLoad = true;
    overlay.utc = utc(2025, 6, 21, 14);
    QVERIFY(renderer.exportPng(dir + QStringLiteral("/map-terminator.png"), QSize(1400, 720), scenario, world, overlay, 1.0));

    const engine::Scenario crowded = mapfixture::crowdedEuropeScenario();
    QVERIFY(renderer.exportPng(dir + QStringLiteral("/map-crowded-europe.png"), QSize(1400, 860), crowded, europe,
                               MapRenderOptions(), 1.0));
    MapViewState crowdedWorld(QSizeF(1400, 720));
    QVERIFY(renderer.exportPng(dir + QStringLiteral("/map-crowded-world.png"), QSize(1400, 720), crowded, crowdedWorld,
                               MapRenderOptions(), 1.0));
}

QTEST_MAIN(TestMapRender)
#include "tst_maprender.moc"
