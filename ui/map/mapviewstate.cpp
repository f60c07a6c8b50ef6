#include "mapviewstate.h"

#include "mapprojection.h"

#include <algorithm>

namespace longitude::ui {

MapViewState::MapViewState(QSizeF viewportSize)
    : m_viewportSize(viewportSize)
{
}

void MapViewState::setViewportSize(QSizeF size)
{
    m_viewportSize = size;
    clampCenter();
}

void MapViewState::setCenter(QPointF projected)
{
    m_center = projected;
    clampCenter();
}

void MapViewState::centerOn(QPointF lonLatDeg) { setCenter(MapProjection::project(lonLatDeg)); }

void MapViewState::setZoom(double zoom)
{
    m_zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
    clampCenter();
}

double MapViewState::fitPixelsPerUnit() const
{
    const QRectF world = MapProjection::worldBounds();
    // 16 px of breathing space around the outline at zoom 1.
    const double w = std::max(1.0, m_viewportSize.width() - 32.0);
    const double h = std::max(1.0, m_viewportSize.height() - 32.0);
    return std::min(w / world.width(), h / world.height());
}

double MapViewState::pixelsPerUnit() const { return fitPixelsPerUnit() * m_zoom; }

void MapViewState::fitWorld()
{
    m_zoom = 1.0;
    m_center = QPointF(0, 0);
}

void MapViewState::fitLonLatRect(const QRectF &lonLatRect, double marginPx)
{
    // Project a grid over the rectangle: parallels and meridians are curved, so corners alone
    // would understate the extent.
    QRectF projected;
    const QRectF r = lonLatRect.normalized();
    for (int i = 0; i <= 8; ++i) {
        for (int j = 0; j <= 8; ++j) {
            const QPointF p = MapProjection::project(r.left() + r.width() * i / 8.0, r.top() + r.height() * j / 8.0);
            projected = projected.isNull() ? QRectF(p, QSizeF(1e-9, 1e-9)) : projected.united(QRectF(p, QSizeF(1e-9, 1e-9)));
        }
    }
    const double w = std::max(1.0, m_viewportSize.width() - 2 * marginPx);
    const double h = std::max(1.0, m_viewportSize.height() - 2 * marginPx);
    const double ppu = std::min(w / std::max(projected.width(), 1e-6), h / std::max(projected.height(), 1e-6));
    m_zoom = std::clamp(ppu / fitPixelsPerUnit(), kMinZoom, kMaxZoom);
    m_center = projected.center();
    clampCenter();
}

void MapViewState::zoomAt(QPointF screenPos, double factor)
{
    const QPointF before = screenToProjected(screenPos);
    m_zoom = std::clamp(m_zoom * factor, kMinZoom, kMaxZoom);
    // Keep `before` under the cursor: solve for the centre that maps it back to screenPos.
    const QPointF after = screenToProjected(screenPos);
    m_center += before - after;
    clampCenter();
}

void MapViewState::panByPixels(QPointF delta)
{
    const double ppu = pixelsPerUnit();
    m_center -= QPointF(delta.x() / ppu, -delta.y() / ppu);
    clampCenter();
}

QPointF MapViewState::projectedToScreen(QPointF projected) const
{
    const double ppu = pixelsPerUnit();
    return {m_viewportSize.width() / 2 + (projected.x() - m_center.x()) * ppu,
            m_viewportSize.height() / 2 - (projected.y() - m_center.y()) * ppu};
}

QPointF MapViewState::screenToProjected(QPointF screen) const
{
    const double ppu = pixelsPerUnit();
    return {m_center.x() + (screen.x() - m_viewportSize.width() / 2) / ppu,
            m_center.y() - (screen.y() - m_viewportSize.height() / 2) / ppu};
}

QPointF MapViewState::lonLatToScreen(QPointF lonLatDeg) const
{
    return projectedToScreen(MapProjection::project(lonLatDeg));
}

std::optional<QPointF> MapViewState::screenToLonLat(QPointF screen) const
{
    return MapProjection::unproject(screenToProjected(screen));
}

QTransform MapViewState::projectedToScreenTransform() const
{
    const double ppu = pixelsPerUnit();
    return QTransform(ppu, 0, 0, -ppu, m_viewportSize.width() / 2 - m_center.x() * ppu,
                      m_viewportSize.height() / 2 + m_center.y() * ppu);
}

void MapViewState::clampCenter()
{
    // The centre may go anywhere inside the world rectangle: the map can be panned until its
    // edge reaches the middle of the view, never lost off-screen.
    const QRectF world = MapProjection::worldBounds();
    m_center.setX(std::clamp(m_center.x(), world.left(), world.right()));
    m_center.setY(std::clamp(m_center.y(), world.top(), world.bottom()));
}

} // namespace longitude::ui
