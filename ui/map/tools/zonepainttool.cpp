#include "zonepainttool.h"

#include "ui/map/mapcanvas.h"

#include "models/scenariodocument.h"

#include <QMouseEvent>

namespace longitude::ui {

ZonePaintTool::ZonePaintTool(MapCanvas *canvas)
    : MapTool(canvas)
{
}

QString ZonePaintTool::name() const { return MapCanvas::tr("Paint zone"); }

QString ZonePaintTool::hint() const
{
    const QString zoneId = zone();
    if (zoneId.isEmpty())
        return MapCanvas::tr("The scenario has no residency zone to paint with yet.");
    return MapCanvas::tr("Click or drag across regions to put them in zone %1.").arg(zoneId);
}

QCursor ZonePaintTool::cursor() const { return Qt::PointingHandCursor; }

void ZonePaintTool::setZone(const QString &zoneId)
{
    m_zone = zoneId;
    if (m_active)
        canvas()->setHighlightedZone(zone());
}

QString ZonePaintTool::zone() const
{
    const engine::Scenario &scenario = canvas()->scenario();
    if (!m_zone.isEmpty() && scenario.findZone(m_zone.toStdString()))
        return m_zone;
    return scenario.zones.empty() ? QString() : QString::fromStdString(scenario.zones.front().id);
}

void ZonePaintTool::activate()
{
    m_active = true;
    canvas()->setHighlightedZone(zone());
}

void ZonePaintTool::deactivate()
{
    endStroke();
    m_active = false;
    canvas()->setHighlightedZone(QString());
}

bool ZonePaintTool::mousePress(QMouseEvent *event)
{
    // A stroke starts on a region; a press on empty map pans as usual.
    if (!canvas()->layout().regionAt(event->position()))
        return false;
    m_painted.clear();
    paintAt(event->position());
    return true;
}

void ZonePaintTool::mouseDrag(QMouseEvent *event) { paintAt(event->position()); }

void ZonePaintTool::mouseRelease(QMouseEvent *) { endStroke(); }

void ZonePaintTool::mouseClick(QMouseEvent *) { emit canvas()->statusMessage(hint()); }

void ZonePaintTool::paintAt(QPointF position)
{
    const QString zoneId = zone();
    const MapLayout::RegionItem *item = canvas()->layout().regionAt(position);
    if (zoneId.isEmpty() || !item || m_painted.contains(item->id))
        return;
    const engine::Region *region = canvas()->scenario().findRegion(item->id.toStdString());
    if (!region || region->zone == zoneId.toStdString())
        return;
    models::ScenarioDocument *document = canvas()->document();
    // The macro opens with the first region that actually changes, so a stroke that changes
    // nothing leaves no empty step on the undo stack.
    if (!m_inMacro) {
        document->beginMacro(MapCanvas::tr("Paint zone %1").arg(zoneId));
        m_inMacro = true;
    }
    m_painted << item->id;
    document->setRegionZone(item->id, zoneId);
}

void ZonePaintTool::endStroke()
{
    if (!m_inMacro)
        return;
    m_inMacro = false;
    canvas()->document()->endMacro();
    emit canvas()->statusMessage(MapCanvas::tr("Zone %1: %2").arg(zone(), m_painted.join(QLatin1String(", "))));
}

} // namespace longitude::ui
