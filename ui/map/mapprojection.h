#pragma once

#include <QPointF>
#include <QPolygonF>
#include <QRectF>

#include <optional>

namespace longitude::ui {

/// The Natural Earth projection (Šavrič, Jenny, Patterson, Petrovič & Hurni 2011, "A polynomial
/// equation for the Natural Earth projection", Cartography and Geographic Information Science
/// 38(4)): a pseudocylindrical compromise projection with Robinson's look (readable shapes at
/// high latitudes, flat poles) but a closed-form forward and a cheap, exact Newton inverse, which
/// the map needs for hit testing and for turning a click into (lon, lat).
///
/// Geographic points are `QPointF(lon, lat)` in degrees, always in that order (as in KDE Marble).
/// Projected points are on the unit sphere: x east, y **north** (the view flips y for the screen).
/// x ∈ [-2.7354, 2.7354] at the equator, y ∈ [-1.4224, 1.4224] at the poles.
class MapProjection
{
public:
    /// (lon, lat) in degrees → projected (x, y north-up). Longitude is not wrapped.
    static QPointF project(QPointF lonLatDeg);
    static QPointF project(double lonDeg, double latDeg) { return project(QPointF(lonDeg, latDeg)); }

    /// Projected (x, y) → (lon, lat) in degrees, or nullopt when the point lies outside the map
    /// outline (beyond ±180° of longitude or ±90° of latitude).
    static std::optional<QPointF> unproject(QPointF projected);

    /// Projects a polyline given in (lon, lat) degrees, first inserting vertices so that no edge
    /// spans more than `maxStepDeg` in longitude or latitude: straight lines in (lon, lat) are
    /// curves on this projection (meridians bend), so long edges must be densified.
    static QPolygonF projectDensified(const QPolygonF &lonLatDeg, double maxStepDeg = 1.0);

    /// Bounding rectangle of the whole world in projected units (y north-up).
    static QRectF worldBounds();

    /// The map's outline (meridians ±180° and the flat poles), densified, projected, closed.
    static QPolygonF outline();

    /// Maximum |y|, reached at the poles.
    static double maxY();
    /// Maximum |x|, reached on the equator at ±180°.
    static double maxX();
};

} // namespace longitude::ui
