#include "addpooltool.h"

#include "ui/map/mapcanvas.h"

#include <QMouseEvent>

namespace longitude::ui {

AddPoolTool::AddPoolTool(MapCanvas *canvas)
    : MapTool(canvas)
{
}

QString AddPoolTool::name() const { return MapCanvas::tr("Add pool"); }

QString AddPoolTool::hint() const { return MapCanvas::tr("Click a region to add a GPU pool to it."); }

QCursor AddPoolTool::cursor() const { return Qt::PointingHandCursor; }

void AddPoolTool::mouseClick(QMouseEvent *event)
{
    const MapLayout::RegionItem *item = canvas()->layout().regionAt(event->position());
    if (!item) {
        emit canvas()->statusMessage(hint());
        return;
    }
    canvas()->selectRegion(item->id);
    canvas()->requestAddPool(item->id);
}

} // namespace longitude::ui
