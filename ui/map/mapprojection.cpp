#include "mapprojection.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace longitude::ui {

namespace {

constexpr double kDegToRad = std::numbers::pi / 180.0;
constexpr double kRadToDeg = 180.0 / std::numbers::pi;

// Coefficients of the polynomial Natural Earth projection, Šavrič et al. 2011, equations (1)-(2);
// the same constants as d3-geo's geoNaturalEarth1Raw and PROJ's "natearth".
constexpr double kA0 = 0.8707;
constexpr double kA1 = -0.131979;
constexpr double kA2 = -0.013791;
constexpr double kA3 = 0.003971;
constexpr double kA4 = -0.001529;
constexpr double kB0 = 1.007226;
constexpr double kB1 = 0.015085;
constexpr double kB2 = -0.044475;
constexpr double kB3 = 0.028874;
constexpr double kB4 = -0.005916;

double xScale(double phi)
{
    const double phi2 = phi * phi;
    const double phi4 = phi2 * phi2;
    return kA0 + phi2 * (kA1 + phi4 * phi4 * (kA3 + kA4 * phi2) + kA2 * phi2);
}

double yOf(double phi)
{
    const double phi2 = phi * phi;
    const double phi4 = phi2 * phi2;
    return phi * (kB0 + phi2 * (kB1 + phi4 * (kB2 + kB3 * phi2 + kB4 * phi4)));
}

double yDerivative(double phi)
{
    const double phi2 = phi * phi;
    const double phi4 = phi2 * phi2;
    return kB0 + phi2 * (3 * kB1 + phi4 * (7 * kB2 + 9 * kB3 * phi2 + 11 * kB4 * phi4));
}

} // namespace

QPointF MapProjection::project(QPointF lonLatDeg)
{
    const double lambda = lonLatDeg.x() * kDegToRad;
    const double phi = lonLatDeg.y() * kDegToRad;
    return {lambda * xScale(phi), yOf(phi)};
}

std::optional<QPointF> MapProjection::unproject(QPointF projected)
{
    const double y = projected.y();
    if (!std::isfinite(y) || !std::isfinite(projected.x()) || std::abs(y) > maxY() + 1e-12)
        return std::nullopt;
    // y(phi) is strictly increasing on [-pi/2, pi/2] (derivative > 0.86 there), so Newton from
    // phi = y converges in a handful of steps; 25 is a safety cap, as in d3-geo.
    double phi = y;
    for (int i = 0; i < 25; ++i) {
        const double delta = (yOf(phi) - y) / yDerivative(phi);
        phi -= delta;
        if (std::abs(delta) < 1e-12)
            break;
    }
    phi = std::clamp(phi, -std::numbers::pi / 2, std::numbers::pi / 2);
    const double lambda = projected.x() / xScale(phi);
    if (std::abs(lambda) > std::numbers::pi + 1e-9)
        return std::nullopt;
    return QPointF(lambda * kRadToDeg, phi * kRadToDeg);
}

QPolygonF MapProjection::projectDensified(const QPolygonF &lonLatDeg, double maxStepDeg)
{
    QPolygonF result;
    result.reserve(lonLatDeg.size());
    const double step = std::max(maxStepDeg, 1e-3);
    for (qsizetype i = 0; i < lonLatDeg.size(); ++i) {
        const QPointF point = lonLatDeg.at(i);
        if (i > 0) {
            const QPointF previous = lonLatDeg.at(i - 1);
            const QPointF delta = point - previous;
            const int steps = static_cast<int>(std::ceil(std::max(std::abs(delta.x()), std::abs(delta.y())) / step));
            for (int s = 1; s < steps; ++s)
                result << project(previous + delta * (double(s) / steps));
        }
        result << project(point);
    }
    return result;
}

double MapProjection::maxY() { return yOf(std::numbers::pi / 2); }

double MapProjection::maxX() { return std::numbers::pi * xScale(0.0); }

QRectF MapProjection::worldBounds() { return QRectF(-maxX(), -maxY(), 2 * maxX(), 2 * maxY()); }

QPolygonF MapProjection::outline()
{
    QPolygonF polygon;
    for (int lat = -90; lat <= 90; ++lat)
        polygon << project(180.0, lat);
    for (int lat = 90; lat >= -90; --lat)
        polygon << project(-180.0, lat);
    polygon << polygon.first();
    return polygon;
}

} // namespace longitude::ui
