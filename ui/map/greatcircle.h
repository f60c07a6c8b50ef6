#pragma once

#include <QPointF>
#include <QPolygonF>

#include <vector>

namespace longitude::ui {

/// Great-circle geometry for drawing links: the shortest path between two regions on the sphere,
/// densified so that it stays a smooth curve after projection, and cut where it crosses the
/// ±180° meridian so that no segment streaks across the whole map. Points are (lon, lat) degrees.
class GreatCircle
{
public:
    /// Mean Earth radius (IUGG), km.
    static constexpr double kEarthRadiusKm = 6371.0088;

    /// Central angle between two points, degrees.
    static double angleDeg(QPointF fromLonLat, QPointF toLonLat);
    /// Surface distance, km, on a sphere of kEarthRadiusKm.
    static double distanceKm(QPointF fromLonLat, QPointF toLonLat);
    /// The point a fraction t ∈ [0, 1] of the way along the great circle (spherical slerp).
    static QPointF interpolate(QPointF fromLonLat, QPointF toLonLat, double t);

    /// The arc from `from` to `to` with a vertex at least every `maxStepDeg` degrees of arc,
    /// split into pieces at the antimeridian (each piece ends exactly on ±180°). Identical
    /// endpoints give one piece of one point.
    static std::vector<QPolygonF> arc(QPointF fromLonLat, QPointF toLonLat, double maxStepDeg = 1.0);
};

} // namespace longitude::ui
