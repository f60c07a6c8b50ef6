#include "drawlinktool.h"

#include "ui/map/greatcircle.h"
#include "ui/map/latencycolorscale.h"
#include "ui/map/mapcanvas.h"

#include "models/scenariodocument.h"

#include <QFontMetricsF>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>

#include <cmath>

namespace longitude::ui {

namespace {

// Light in fibre (refractive index ≈ 1.468): 204,190 km/s, i.e. 204.19 km per ms.
constexpr double kFibreKmPerMs = 204.19;
// Fit of measured RTT = a + b × fibre RTT over shared/data (see estimatedRttMs).
constexpr double kRttInterceptMs = 3.0;
constexpr double kRttFibreFactor = 1.6;
constexpr double kMinimumRttMs = 1.0;

} // namespace

DrawLinkTool::DrawLinkTool(MapCanvas *canvas)
    : MapTool(canvas)
{
}

QString DrawLinkTool::name() const { return MapCanvas::tr("Draw link"); }

QString DrawLinkTool::hint() const
{
    if (!m_source.isEmpty())
        return MapCanvas::tr("Click the region to link %1 with (Esc cancels).").arg(m_source);
    return MapCanvas::tr("Drag from one region to another, or click both, to link them.");
}

QCursor DrawLinkTool::cursor() const { return Qt::CrossCursor; }

double DrawLinkTool::estimatedRttMs(QPointF fromLonLat, QPointF toLonLat)
{
    const double fibreRttMs = 2.0 * GreatCircle::distanceKm(fromLonLat, toLonLat) / kFibreKmPerMs;
    return std::max(kMinimumRttMs, kRttInterceptMs + kRttFibreFactor * fibreRttMs);
}

QString DrawLinkTool::regionAt(QPointF position) const
{
    const MapLayout::RegionItem *item = canvas()->layout().regionAt(position);
    return item ? item->id : QString();
}

bool DrawLinkTool::mousePress(QMouseEvent *event)
{
    const QString region = regionAt(event->position());
    if (region.isEmpty())
        return false;
    m_cursor = event->position();
    if (m_source.isEmpty()) {
        m_source = region;
        m_target.clear();
        emit canvas()->statusMessage(hint());
    }
    m_dragging = true;
    canvas()->requestRepaint();
    return true;
}

void DrawLinkTool::mouseDrag(QMouseEvent *event)
{
    m_cursor = event->position();
    const QString target = regionAt(event->position());
    m_target = target == m_source ? QString() : target;
    canvas()->requestRepaint();
}

void DrawLinkTool::mouseRelease(QMouseEvent *event)
{
    m_dragging = false;
    const QString target = regionAt(event->position());
    if (!target.isEmpty() && target != m_source) {
        const QString source = m_source;
        cancel();
        createLink(source, target);
        return;
    }
    // Released on the start region (a click) or on empty map: wait for the second click.
    m_target.clear();
    canvas()->requestRepaint();
}

void DrawLinkTool::mouseClick(QMouseEvent *)
{
    // A click on empty map while a link is pending cancels it.
    if (!m_source.isEmpty()) {
        cancel();
        emit canvas()->statusMessage(MapCanvas::tr("Link cancelled."));
    }
}

void DrawLinkTool::mouseHover(QMouseEvent *event)
{
    if (m_source.isEmpty())
        return;
    m_cursor = event->position();
    const QString target = regionAt(event->position());
    m_target = target == m_source ? QString() : target;
    canvas()->requestRepaint();
}

bool DrawLinkTool::keyPress(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape && !m_source.isEmpty()) {
        cancel();
        return true;
    }
    return false;
}

void DrawLinkTool::contextMenu(QPointF position, QPoint globalPosition)
{
    if (!m_source.isEmpty()) {
        cancel();
        return;
    }
    MapTool::contextMenu(position, globalPosition);
}

void DrawLinkTool::deactivate() { cancel(); }

void DrawLinkTool::startFrom(const QString &regionId)
{
    m_source = canvas()->scenario().findRegion(regionId.toStdString()) ? regionId : QString();
    m_target.clear();
    m_dragging = false;
    if (const MapLayout::RegionItem *item = canvas()->layout().region(m_source))
        m_cursor = item->marker;
    emit canvas()->statusMessage(hint());
    canvas()->requestRepaint();
}

void DrawLinkTool::cancel()
{
    m_source.clear();
    m_target.clear();
    m_dragging = false;
    canvas()->requestRepaint();
}

bool DrawLinkTool::createLink(const QString &from, const QString &to)
{
    models::ScenarioDocument *document = canvas()->document();
    const engine::Scenario &scenario = document->scenario();
    const engine::Region *a = scenario.findRegion(from.toStdString());
    const engine::Region *b = scenario.findRegion(to.toStdString());
    if (!a || !b || from == to)
        return false;
    const MapCatalog &catalog = canvas()->catalog();
    std::optional<MapCatalog::Rtt> forward;
    std::optional<MapCatalog::Rtt> backward;
    if (catalog.rtt) {
        forward = catalog.rtt(a->id, b->id);
        backward = catalog.rtt(b->id, a->id);
    }
    engine::Link link;
    link.from = a->id;
    link.to = b->id;
    QString summary;
    if (forward && backward && std::abs(forward->rttMs - backward->rttMs) >= 0.05) {
        // Two measured directions that differ: keep both, as measured.
        link.rttMs = forward->rttMs;
        link.symmetric = false;
        link.source = forward->source;
        engine::Link reverse = link;
        std::swap(reverse.from, reverse.to);
        reverse.rttMs = backward->rttMs;
        reverse.source = backward->source;
        document->beginMacro(MapCanvas::tr("Link %1 ↔ %2").arg(from, to));
        document->clearRtt(from, to, true);
        document->setLink(link);
        document->setLink(reverse);
        document->endMacro();
        summary = MapCanvas::tr("%1 / %2 ms, measured").arg(link.rttMs, 0, 'f', 1).arg(reverse.rttMs, 0, 'f', 1);
    } else {
        const std::optional<MapCatalog::Rtt> measured = forward ? forward : backward;
        link.symmetric = true;
        if (measured) {
            link.rttMs = measured->rttMs;
            link.source = measured->source;
            summary = MapCanvas::tr("%1 ms, measured").arg(link.rttMs, 0, 'f', 1);
        } else {
            link.rttMs = std::round(estimatedRttMs(QPointF(a->lon, a->lat), QPointF(b->lon, b->lat)) * 10) / 10;
            link.source = MapCanvas::tr("estimated from the great-circle distance: 3 ms + 1.6 × fibre RTT "
                                        "(fit of shared/data RTT tables, 2026-11-26)")
                              .toStdString();
            summary = MapCanvas::tr("%1 ms, estimated from the distance; click the link to correct it").arg(link.rttMs, 0, 'f', 1);
        }
        // A reverse-only link would otherwise survive next to the new symmetric one.
        const bool hasReverse = document->directRttMs(to, from).has_value() && !document->directRttMs(from, to);
        if (hasReverse) {
            document->beginMacro(MapCanvas::tr("Link %1 ↔ %2").arg(from, to));
            document->clearRtt(to, from, true);
            document->setLink(link);
            document->endMacro();
        } else {
            document->setLink(link);
        }
    }
    for (size_t i = 0; i < document->scenario().links.size(); ++i) {
        const engine::Link &l = document->scenario().links[i];
        if (l.from == link.from && l.to == link.to)
            canvas()->selectLink(int(i));
    }
    emit canvas()->statusMessage(MapCanvas::tr("Linked %1 and %2: %3").arg(from, to, summary));
    return true;
}

void DrawLinkTool::paintOverlay(QPainter &painter) const
{
    if (m_source.isEmpty())
        return;
    const MapLayout &layout = canvas()->layout();
    const MapLayout::RegionItem *source = layout.region(m_source);
    if (!source)
        return;
    const MapViewState &view = canvas()->viewState();
    const MapStyle &style = canvas()->renderer().style();
    const MapLayout::RegionItem *target = layout.region(m_target);
    painter.save();
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(style.selection, 2.2));
    painter.drawEllipse(source->marker, source->radiusPx + 4, source->radiusPx + 4);

    // The rubber band follows the great circle when it ends on a region, a straight line to the
    // free cursor otherwise.
    QPointF end = m_cursor;
    QString label;
    QColor color = style.selection;
    if (target) {
        end = target->marker;
        const double rtt = estimatedRttMs(source->lonLat, target->lonLat);
        color = LatencyColorScale::color(rtt);
        label = MapCanvas::tr("≈ %1 ms").arg(std::lround(rtt));
        painter.drawEllipse(target->marker, target->radiusPx + 4, target->radiusPx + 4);
        QPen pen(color, 2.4, Qt::DashLine, Qt::RoundCap);
        painter.setPen(pen);
        for (const QPolygonF &piece : GreatCircle::arc(source->lonLat, target->lonLat)) {
            QPolygonF screen;
            for (const QPointF &p : piece)
                screen << view.lonLatToScreen(p);
            painter.drawPolyline(screen);
        }
    } else {
        painter.setPen(QPen(color, 1.8, Qt::DashLine, Qt::RoundCap));
        painter.drawLine(source->marker, end);
    }
    if (!label.isEmpty()) {
        const QFontMetricsF metrics(style.linkFont);
        QRectF box(0, 0, metrics.horizontalAdvance(label) + 10, metrics.height() + 4);
        box.moveCenter((source->marker + end) / 2 + QPointF(0, -14));
        painter.setPen(QPen(color, 1.4));
        painter.setBrush(style.labelBackground);
        painter.drawRoundedRect(box, 3, 3);
        painter.setFont(style.linkFont);
        painter.setPen(style.text);
        painter.drawText(box, Qt::AlignCenter, label);
    }
    painter.restore();
}

} // namespace longitude::ui
