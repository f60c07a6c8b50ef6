#include "maprenderer.h"

#include "latencycolorscale.h"
#include "mapprojection.h"
#include "solarterminator.h"
#include "worldmap.h"

#include "engine/scenario/scenario.h"

#include <QFileInfo>
#include <QFontMetricsF>
#include <QLinearGradient>
#include <QPainter>
#include <QPainterPath>
#include <QSvgGenerator>

#include <array>
#include <cmath>
#include <numbers>

namespace longitude::ui {

namespace {

constexpr double kLabelRadius = 3.0;

QColor withAlpha(QColor color, int alpha)
{
    color.setAlpha(alpha);
    return color;
}

QPen pen(const QColor &color, double widthPx, Qt::PenStyle style = Qt::SolidLine)
{
    QPen result(color, widthPx, style, Qt::RoundCap, Qt::RoundJoin);
    return result;
}

// Graticule spacing: the finest of these steps that keeps lines at least ~70 px apart.
double graticuleStepDeg(const MapViewState &view)
{
    const double pxPerDegree = view.pixelsPerUnit() * MapProjection::maxX() / 180.0;
    for (const double step : {1.0, 2.0, 5.0, 10.0, 15.0, 30.0})
        if (step * pxPerDegree >= 70.0)
            return step;
    return 30.0;
}

void drawPill(QPainter &painter, const QRectF &rect, const QString &text, const QFont &font, const QColor &fill,
              const QPen &border, const QColor &textColor)
{
    painter.setPen(border);
    painter.setBrush(fill);
    painter.drawRoundedRect(rect, kLabelRadius, kLabelRadius);
    painter.setFont(font);
    painter.setPen(textColor);
    painter.drawText(rect, Qt::AlignCenter, text);
}

void drawMarkerShape(QPainter &painter, QPointF center, double radius, bool diamond)
{
    if (!diamond) {
        painter.drawEllipse(center, radius, radius);
        return;
    }
    const double r = radius * 1.25;
    const QPointF points[4] = {center + QPointF(0, -r), center + QPointF(r, 0), center + QPointF(0, r),
                               center + QPointF(-r, 0)};
    painter.drawPolygon(points, 4);
}

} // namespace

MapRenderer::MapRenderer(const WorldMap &map, MapStyle style)
    : m_map(&map)
    , m_style(std::move(style))
{
}

MapRenderer::MapRenderer()
    : MapRenderer(WorldMap::bundled())
{
}

MapLayout MapRenderer::layout(const engine::Scenario &scenario, const MapViewState &view,
                              const MapRenderOptions &options) const
{
    return MapLayout::compute(scenario, *m_map, view, options, m_style);
}

void MapRenderer::paint(QPainter &painter, const engine::Scenario &scenario, const MapViewState &view,
                        const MapRenderOptions &options) const
{
    paint(painter, scenario, view, options, layout(scenario, view, options));
}

void MapRenderer::paint(QPainter &painter, const engine::Scenario &, const MapViewState &view,
                        const MapRenderOptions &options, const MapLayout &layout) const
{
    painter.save();
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    paintBase(painter, view, options);
    if (options.showDayNight)
        paintNight(painter, view, options);
    if (options.showZones)
        paintZones(painter, layout);
    paintCountryLabels(painter, layout);
    if (options.showLinks)
        paintLinks(painter, layout, options);
    paintRegions(painter, layout, options);
    paintLegends(painter, layout);
    painter.restore();
}

void MapRenderer::paintBase(QPainter &painter, const MapViewState &view, const MapRenderOptions &options) const
{
    const QTransform toScreen = view.projectedToScreenTransform();
    painter.fillRect(view.viewportRect(), m_style.background);

    QPainterPath outline;
    outline.addPolygon(toScreen.map(MapProjection::outline()));
    outline.closeSubpath();
    painter.setPen(Qt::NoPen);
    painter.setBrush(m_style.ocean);
    painter.drawPath(outline);

    if (options.showGraticule) {
        const double step = graticuleStepDeg(view);
        QPainterPath graticule;
        for (double lon = -180.0 + step; lon < 180.0 - 1e-9; lon += step) {
            const QPolygonF meridian{QPointF(lon, -90), QPointF(lon, 90)};
            graticule.addPolygon(toScreen.map(MapProjection::projectDensified(meridian, 1.0)));
        }
        for (double lat = -90.0 + step; lat < 90.0 - 1e-9; lat += step) {
            const QPolygonF parallel{QPointF(-180, lat), QPointF(180, lat)};
            graticule.addPolygon(toScreen.map(MapProjection::projectDensified(parallel, 2.0)));
        }
        painter.setBrush(Qt::NoBrush);
        painter.setPen(pen(m_style.graticule, 0.8));
        painter.drawPath(graticule);
    }

    const QPainterPath land = toScreen.map(m_map->land());
    painter.setPen(Qt::NoPen);
    painter.setBrush(m_style.land);
    painter.drawPath(land);

    QPainterPath borders;
    for (const WorldMap::Country &country : m_map->countries())
        borders.addPath(country.path);
    painter.setBrush(Qt::NoBrush);
    painter.setPen(pen(m_style.countryBorder, 0.7));
    painter.drawPath(toScreen.map(borders));
    painter.setPen(pen(m_style.coastline, 0.9));
    painter.drawPath(land);
    painter.drawPath(outline);
}

void MapRenderer::paintNight(QPainter &painter, const MapViewState &view, const MapRenderOptions &options) const
{
    const QTransform toScreen = view.projectedToScreenTransform();
    const QPointF subsolar = SolarTerminator::subsolarPoint(options.utc);
    painter.setPen(Qt::NoPen);
    // Four stacked translucent layers (sunset, civil, nautical, astronomical twilight) give a soft
    // edge and a deep night (≈ 38 % opacity) that still lets the land show through.
    painter.setBrush(withAlpha(m_style.night, 30));
    for (const double altitude : SolarTerminator::kTwilightAltitudesDeg) {
        QPainterPath night;
        for (const QPolygonF &polygon : SolarTerminator::darkRegions(subsolar, altitude))
            night.addPolygon(toScreen.map(MapProjection::projectDensified(polygon, 2.0)));
        painter.drawPath(night);
    }
    // The Sun at its zenith point.
    const QPointF sun = view.lonLatToScreen(subsolar);
    painter.setPen(pen(QColor(0xe8, 0x8a, 0x00), 1.5));
    for (int i = 0; i < 8; ++i) {
        const double angle = i * std::numbers::pi / 4;
        const QPointF direction(std::cos(angle), std::sin(angle));
        painter.drawLine(sun + direction * 9.0, sun + direction * 13.0);
    }
    painter.setBrush(QColor(0xff, 0xc8, 0x2e));
    painter.drawEllipse(sun, 6.5, 6.5);
}

void MapRenderer::paintZones(QPainter &painter, const MapLayout &layout) const
{
    for (const MapLayout::ZoneShape &zone : layout.zones) {
        painter.setBrush(withAlpha(zone.color, zone.highlighted ? 95 : 55));
        painter.setPen(pen(withAlpha(zone.color, zone.highlighted ? 235 : 170), zone.highlighted ? 2.0 : 1.1,
                           zone.highlighted ? Qt::SolidLine : Qt::DashLine));
        painter.drawPath(zone.path);
    }
}

void MapRenderer::paintCountryLabels(QPainter &painter, const MapLayout &layout) const
{
    if (layout.countryLabels.empty())
        return;
    // A halo of land colour keeps names legible over borders and graticule lines.
    QPainterPath text;
    const QFontMetricsF metrics(m_style.countryFont);
    for (const MapLayout::CountryLabel &label : layout.countryLabels) {
        const double width = metrics.horizontalAdvance(label.text);
        const QPointF baseline(label.rect.center().x() - width / 2,
                               label.rect.center().y() + (metrics.ascent() - metrics.descent()) / 2);
        text.addText(baseline, m_style.countryFont, label.text);
    }
    painter.setBrush(Qt::NoBrush);
    painter.setPen(pen(withAlpha(m_style.land, 230), 3.0));
    painter.drawPath(text);
    painter.setPen(Qt::NoPen);
    painter.setBrush(m_style.countryLabel);
    painter.drawPath(text);
}

void MapRenderer::paintLinks(QPainter &painter, const MapLayout &layout, const MapRenderOptions &options) const
{
    painter.setBrush(Qt::NoBrush);
    for (const MapLayout::LinkItem &link : layout.links) {
        const bool selected = link.linkIndices.contains(options.selectedLinkIndex);
        const bool hovered = link.linkIndices.contains(options.hoveredLinkIndex);
        const double width = m_style.linkWidthPx + (selected ? 1.2 : hovered ? 0.8 : 0.0);
        for (const QPolygonF &piece : link.pieces) {
            if (selected) {
                painter.setPen(pen(m_style.selection, width + 5.0));
                painter.drawPolyline(piece);
            }
            painter.setPen(pen(withAlpha(Qt::white, 220), width + 2.4));
            painter.drawPolyline(piece);
            painter.setPen(pen(link.color, width));
            painter.drawPolyline(piece);
        }
    }
    for (const MapLayout::LinkItem &link : layout.links) {
        if (!link.labelShown)
            continue;
        const bool selected = link.linkIndices.contains(options.selectedLinkIndex);
        drawPill(painter, link.labelRect, link.labelText, m_style.linkFont, m_style.labelBackground,
                 pen(selected ? m_style.selection : link.color, selected ? 2.0 : 1.4), m_style.text);
    }
}

void MapRenderer::paintRegions(QPainter &painter, const MapLayout &layout, const MapRenderOptions &options) const
{
    // Load discs under everything else of the regions: area proportional to requests per second.
    for (const MapLayout::RegionItem &item : layout.regions) {
        if (item.loadRadiusPx <= 0.0)
            continue;
        painter.setPen(pen(withAlpha(m_style.load, 210), 1.2));
        painter.setBrush(withAlpha(m_style.load, 80));
        painter.drawEllipse(item.marker, item.loadRadiusPx, item.loadRadiusPx);
    }
    // Fanned-out markers keep a thin leader to their true position.
    for (const MapLayout::RegionItem &item : layout.regions) {
        if (item.marker == item.anchor)
            continue;
        painter.setPen(pen(withAlpha(m_style.text, 150), 1.0));
        painter.drawLine(item.anchor, item.marker);
        painter.setPen(Qt::NoPen);
        painter.setBrush(withAlpha(m_style.text, 190));
        painter.drawEllipse(item.anchor, 2.0, 2.0);
    }
    for (const MapLayout::RegionItem &item : layout.regions) {
        const bool selected = item.id == options.selectedRegionId;
        const bool hovered = item.id == options.hoveredRegionId;
        if (selected || hovered) {
            painter.setBrush(Qt::NoBrush);
            painter.setPen(pen(selected ? m_style.selection : withAlpha(m_style.hover, 170), selected ? 2.2 : 1.6));
            drawMarkerShape(painter, item.marker, item.radiusPx + 4.0, item.custom);
        }
        if (!item.badgeLines.isEmpty()) {
            // Regions with GPUs get a dark outer ring: they serve, the others only send traffic.
            painter.setPen(pen(m_style.badgeBackground, 1.2));
            painter.setBrush(Qt::NoBrush);
            drawMarkerShape(painter, item.marker, item.radiusPx + 1.4, item.custom);
        }
        painter.setPen(pen(m_style.markerOutline, 1.8));
        painter.setBrush(item.color);
        drawMarkerShape(painter, item.marker, item.radiusPx, item.custom);
    }
    for (const MapLayout::RegionItem &item : layout.regions) {
        if (!item.titleShown)
            continue;
        const bool selected = item.id == options.selectedRegionId;
        drawPill(painter, item.titleRect, item.title, m_style.regionFont, m_style.labelBackground,
                 pen(selected ? m_style.selection : m_style.labelBorder, selected ? 1.6 : 1.0), m_style.text);
        for (qsizetype b = 0; b < item.badgeRects.size(); ++b)
            drawPill(painter, item.badgeRects.at(b), item.badgeLines.at(b), m_style.badgeFont, m_style.badgeBackground,
                     Qt::NoPen, m_style.badgeText);
    }
}

void MapRenderer::paintLegends(QPainter &painter, const MapLayout &layout) const
{
    const QFontMetricsF titleMetrics(m_style.legendTitleFont);
    const QFontMetricsF metrics(m_style.legendFont);
    auto box = [&](const QRectF &rect) {
        painter.setPen(pen(m_style.labelBorder, 1.0));
        painter.setBrush(m_style.labelBackground);
        painter.drawRoundedRect(rect, 4, 4);
    };
    if (!layout.latencyLegendRect.isEmpty()) {
        const QRectF rect = layout.latencyLegendRect;
        box(rect);
        painter.setFont(m_style.legendTitleFont);
        painter.setPen(m_style.text);
        const double left = rect.left() + 10;
        const double right = rect.right() - 14;
        painter.drawText(QPointF(left, rect.top() + 6 + titleMetrics.ascent()), QStringLiteral("Link RTT (ms)"));
        const double barTop = rect.top() + 6 + titleMetrics.height() + 4;
        const QRectF bar(left, barTop, right - left, 10);
        const QList<LatencyColorScale::Stop> &stops = LatencyColorScale::stops();
        const double maxRtt = stops.last().rttMs;
        QLinearGradient gradient(bar.topLeft(), bar.topRight());
        for (const LatencyColorScale::Stop &stop : stops)
            gradient.setColorAt(stop.rttMs / maxRtt, stop.color);
        painter.setPen(Qt::NoPen);
        painter.setBrush(gradient);
        painter.drawRoundedRect(bar, 2, 2);
        painter.setFont(m_style.legendFont);
        for (int i = 0; i < stops.size(); ++i) {
            const double x = bar.left() + bar.width() * stops.at(i).rttMs / maxRtt;
            painter.setPen(pen(m_style.mutedText, 1.0));
            painter.drawLine(QPointF(x, bar.bottom()), QPointF(x, bar.bottom() + 3));
            const QString tick = LatencyColorScale::tickLabel(i);
            const double width = metrics.horizontalAdvance(tick);
            const double tx = std::clamp(x - width / 2, rect.left() + 4, rect.right() - 4 - width);
            painter.setPen(m_style.text);
            painter.drawText(QPointF(tx, bar.bottom() + 3 + metrics.ascent()), tick);
        }
    }
    if (!layout.zoneLegendRect.isEmpty()) {
        const QRectF rect = layout.zoneLegendRect;
        box(rect);
        painter.setFont(m_style.legendTitleFont);
        painter.setPen(m_style.text);
        painter.drawText(QPointF(rect.left() + 8, rect.top() + 6 + titleMetrics.ascent()), QStringLiteral("Residency zones"));
        double y = rect.top() + 6 + titleMetrics.height() + 3;
        const double lineHeight = metrics.height() + 3;
        painter.setFont(m_style.legendFont);
        for (const MapLayout::LegendRow &row : layout.zoneLegendRows) {
            const QPointF swatch(rect.left() + 14, y + lineHeight / 2);
            painter.setPen(pen(withAlpha(row.color, 150), 1.0));
            painter.setBrush(withAlpha(row.color, 60));
            painter.drawEllipse(swatch, 6.5, 6.5);
            painter.setPen(pen(m_style.markerOutline, 1.2));
            painter.setBrush(row.color);
            painter.drawEllipse(swatch, 4.0, 4.0);
            painter.setPen(m_style.text);
            painter.drawText(QPointF(rect.left() + 26, y + (lineHeight + metrics.ascent() - metrics.descent()) / 2), row.text);
            y += lineHeight;
        }
    }
    if (!layout.timeText.isEmpty())
        drawPill(painter, layout.timeRect, layout.timeText, m_style.legendTitleFont, m_style.badgeBackground, Qt::NoPen,
                 m_style.badgeText);
    if (!layout.attributionRect.isEmpty()) {
        QFont font = m_style.legendFont;
        font.setPixelSize(9);
        painter.setFont(font);
        painter.setPen(m_style.mutedText);
        painter.drawText(layout.attributionRect, Qt::AlignRight | Qt::AlignVCenter, layout.attribution);
    }
}

QImage MapRenderer::renderImage(const engine::Scenario &scenario, const MapViewState &view,
                                const MapRenderOptions &options, double devicePixelRatio) const
{
    const QSize pixels = (view.viewportSize() * devicePixelRatio).toSize();
    QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(devicePixelRatio);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    paint(painter, scenario, view, options);
    painter.end();
    return image;
}

std::expected<void, QString> MapRenderer::exportPng(const QString &path, QSize logicalSize,
                                                    const engine::Scenario &scenario, MapViewState view,
                                                    const MapRenderOptions &options, double devicePixelRatio) const
{
    if (logicalSize.isEmpty())
        return std::unexpected(QStringLiteral("%1: the image size must be positive").arg(path));
    view.setViewportSize(logicalSize);
    const QImage image = renderImage(scenario, view, options, devicePixelRatio);
    if (!image.save(path, "PNG"))
        return std::unexpected(QStringLiteral("%1: could not write the PNG file").arg(path));
    return {};
}

std::expected<void, QString> MapRenderer::exportSvg(const QString &path, QSize logicalSize,
                                                    const engine::Scenario &scenario, MapViewState view,
                                                    const MapRenderOptions &options) const
{
    if (logicalSize.isEmpty())
        return std::unexpected(QStringLiteral("%1: the image size must be positive").arg(path));
    view.setViewportSize(logicalSize);
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(logicalSize);
    generator.setViewBox(QRect(QPoint(0, 0), logicalSize));
    generator.setTitle(QString::fromStdString(scenario.name.empty() ? "Longitude map" : scenario.name));
    generator.setDescription(m_map->attribution());
    QPainter painter;
    if (!painter.begin(&generator))
        return std::unexpected(QStringLiteral("%1: could not open the SVG file for writing").arg(path));
    paint(painter, scenario, view, options);
    painter.end();
    if (QFileInfo(path).size() <= 0)
        return std::unexpected(QStringLiteral("%1: could not write the SVG file").arg(path));
    return {};
}

} // namespace longitude::ui
