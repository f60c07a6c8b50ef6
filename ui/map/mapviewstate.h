#pragma once

#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QTransform>

#include <optional>

namespace longitude::ui {

/// What part of the world a map shows and how big: a value type, so that the widget, PNG/SVG
/// export and tests can each render the same view without a window. Screen coordinates are
/// logical pixels (device-independent; the painter's device pixel ratio makes them crisp).
///
/// The zoom level is relative to "the whole world fits": 1 = fit, 2 = twice as large. It is kept
/// when the viewport is resized, so a window resize never jumps the map.
class MapViewState
{
public:
    /// Smallest and largest zoom levels. Below 0.8 the world is a postage stamp; above 64 the
    /// 1:110m coastline (≈ 10 km between vertices) turns into visible straight segments.
    static constexpr double kMinZoom = 0.8;
    static constexpr double kMaxZoom = 64.0;

    MapViewState() = default;
    explicit MapViewState(QSizeF viewportSize);

    QSizeF viewportSize() const { return m_viewportSize; }
    /// Changes the viewport, keeping the zoom level and the projected centre.
    void setViewportSize(QSizeF size);

    /// Projected point (see MapProjection) shown at the viewport centre.
    QPointF center() const { return m_center; }
    void setCenter(QPointF projected);
    /// Centres on a geographic point (lon, lat) in degrees.
    void centerOn(QPointF lonLatDeg);

    double zoom() const { return m_zoom; }
    /// Sets the zoom level (clamped to [kMinZoom, kMaxZoom]) keeping the centre.
    void setZoom(double zoom);

    /// Screen pixels per projected unit at the current zoom.
    double pixelsPerUnit() const;

    /// Shows the whole world.
    void fitWorld();
    /// Fits a geographic rectangle, (lon, lat) corners in degrees, with a margin in pixels.
    void fitLonLatRect(const QRectF &lonLatRect, double marginPx = 24.0);

    /// Zooms by `factor` keeping the point under `screenPos` fixed (wheel zoom around the cursor).
    void zoomAt(QPointF screenPos, double factor);
    /// Moves the map by a screen delta (drag to pan): the content follows the mouse.
    void panByPixels(QPointF delta);

    QPointF projectedToScreen(QPointF projected) const;
    QPointF screenToProjected(QPointF screen) const;
    QPointF lonLatToScreen(QPointF lonLatDeg) const;
    /// Geographic point under a screen position, or nullopt off the globe.
    std::optional<QPointF> screenToLonLat(QPointF screen) const;
    /// Maps projected coordinates to screen coordinates (flips y).
    QTransform projectedToScreenTransform() const;

    /// Screen rectangle of the viewport, at the origin.
    QRectF viewportRect() const { return QRectF(QPointF(0, 0), m_viewportSize); }

    bool operator==(const MapViewState &) const = default;

private:
    double fitPixelsPerUnit() const;
    void clampCenter();

    QSizeF m_viewportSize{800, 450};
    QPointF m_center{0.0, 0.0};
    double m_zoom = 1.0;
};

} // namespace longitude::ui
