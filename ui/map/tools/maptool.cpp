#include "maptool.h"

#include "ui/map/mapcanvas.h"

namespace longitude::ui {

MapTool::MapTool(MapCanvas *canvas)
    : m_canvas(canvas)
{
}

MapTool::~MapTool() = default;

bool MapTool::mousePress(QMouseEvent *) { return false; }

void MapTool::mouseDrag(QMouseEvent *) {}

void MapTool::mouseRelease(QMouseEvent *) {}

void MapTool::mouseClick(QMouseEvent *) {}

void MapTool::mouseDoubleClick(QMouseEvent *) {}

void MapTool::mouseHover(QMouseEvent *) {}

bool MapTool::keyPress(QKeyEvent *) { return false; }

void MapTool::contextMenu(QPointF position, QPoint globalPosition)
{
    m_canvas->showContextMenu(position, globalPosition);
}

void MapTool::paintOverlay(QPainter &) const {}

} // namespace longitude::ui
