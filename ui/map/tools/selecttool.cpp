#include "selecttool.h"

#include "ui/map/mapcanvas.h"

#include "models/scenariodocument.h"

#include <QKeyEvent>
#include <QMouseEvent>

#include <cmath>

namespace longitude::ui {

namespace {

// Positions are stored to 4 decimals (≈ 11 m): finer than any data centre needs, and files
// stay readable.
double roundCoordinate(double degrees) { return std::round(degrees * 1e4) / 1e4; }

} // namespace

SelectTool::SelectTool(MapCanvas *canvas)
    : MapTool(canvas)
{
}

QString SelectTool::name() const { return MapCanvas::tr("Select"); }

QString SelectTool::hint() const
{
    return MapCanvas::tr("Click a region or link to select it; drag a custom region to move it; drag the map to pan, "
                         "wheel to zoom.");
}

bool SelectTool::mousePress(QMouseEvent *event)
{
    const MapLayout::RegionItem *item = canvas()->layout().regionAt(event->position());
    if (!item)
        return false;
    canvas()->selectRegion(item->id);
    if (!item->custom)
        return false;
    m_draggedRegion = item->id;
    m_grabOffset = item->anchor - event->position();
    m_dropLonLat = item->lonLat;
    m_moved = false;
    return true;
}

void SelectTool::mouseDrag(QMouseEvent *event)
{
    if (m_draggedRegion.isEmpty())
        return;
    const std::optional<QPointF> lonLat = canvas()->viewState().screenToLonLat(event->position() + m_grabOffset);
    if (!lonLat)
        return; // off the globe: the region stays at the last valid point
    m_dropLonLat = QPointF(roundCoordinate(lonLat->x()), roundCoordinate(lonLat->y()));
    m_moved = true;
    canvas()->setPositionOverride(m_draggedRegion, m_dropLonLat);
}

void SelectTool::mouseRelease(QMouseEvent *)
{
    const QString region = m_draggedRegion;
    const bool moved = m_moved;
    const QPointF drop = m_dropLonLat;
    cancelDrag();
    if (!moved || region.isEmpty())
        return;
    if (canvas()->document()->moveRegion(region, drop.x(), drop.y()))
        emit canvas()->statusMessage(MapCanvas::tr("Moved %1 to %2, %3").arg(region).arg(drop.y(), 0, 'f', 4).arg(drop.x(), 0, 'f', 4));
}

void SelectTool::mouseClick(QMouseEvent *event)
{
    const MapLayout &layout = canvas()->layout();
    if (const MapLayout::RegionItem *item = layout.regionAt(event->position())) {
        canvas()->selectRegion(item->id);
        return;
    }
    if (const MapLayout::LinkItem *link = layout.linkAt(event->position())) {
        canvas()->editLink(link->linkIndices.first());
        return;
    }
    canvas()->clearSelection();
}

void SelectTool::mouseDoubleClick(QMouseEvent *event)
{
    if (const MapLayout::RegionItem *item = canvas()->layout().regionAt(event->position()))
        emit canvas()->editRegionRequested(item->id);
}

bool SelectTool::keyPress(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape && !m_draggedRegion.isEmpty()) {
        cancelDrag();
        return true;
    }
    if (event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace)
        return canvas()->deleteSelection();
    return false;
}

void SelectTool::deactivate() { cancelDrag(); }

void SelectTool::cancelDrag()
{
    m_draggedRegion.clear();
    m_moved = false;
    canvas()->clearPositionOverrides();
}

} // namespace longitude::ui
