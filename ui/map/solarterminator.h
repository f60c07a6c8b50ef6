#pragma once

#include <QDateTime>
#include <QPointF>
#include <QPolygonF>

#include <vector>

namespace longitude::ui {

/// Where the Sun stands at a UTC instant, and which part of the Earth is in the dark: the map's
/// day/night overlay, which makes follow-the-sun placement visible.
///
/// Solar coordinates use the U.S. Naval Observatory's "Approximate Solar Coordinates" (Astronomical
/// Almanac low-precision formulas, about 0.01° over 1950–2050, ≈ 1 minute of time): mean
/// anomaly and longitude → ecliptic longitude → declination and right ascension; the subsolar
/// longitude is minus the Greenwich hour angle of the Sun (GMST − RA). Refraction and the Sun's
/// radius (≈ 0.83° together) are ignored: a 1:110m map cannot show them.
class SolarTerminator
{
public:
    /// Twilight thresholds (degrees of sun altitude) used for the soft night shading: the
    /// geometric terminator, then civil, nautical and astronomical twilight (−6°, −12°, −18°).
    static constexpr double kTwilightAltitudesDeg[4] = {0.0, -6.0, -12.0, -18.0};

    /// The point where the Sun is at the zenith at `utc`, as (lon, lat) degrees; lat is the solar
    /// declination.
    static QPointF subsolarPoint(const QDateTime &utc);

    /// Altitude of the Sun above the horizon, degrees in [-90, 90], seen from `lonLat` when the
    /// subsolar point is `subsolar` (both (lon, lat) degrees).
    static double sunAltitudeDeg(QPointF lonLat, QPointF subsolar);

    /// Regions where the Sun is below `altitudeDeg`, as closed polygons in (lon, lat) degrees
    /// that never cross the antimeridian. Longitudes are sampled every `stepDeg` degrees.
    static std::vector<QPolygonF> darkRegions(QPointF subsolar, double altitudeDeg, double stepDeg = 0.5);
};

} // namespace longitude::ui
