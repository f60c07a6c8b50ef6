#include "greatcircle.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

namespace longitude::ui {

namespace {

constexpr double kDegToRad = std::numbers::pi / 180.0;
constexpr double kRadToDeg = 180.0 / std::numbers::pi;

using Vec3 = std::array<double, 3>;

Vec3 toVector(QPointF lonLat)
{
    const double lambda = lonLat.x() * kDegToRad;
    const double phi = lonLat.y() * kDegToRad;
    return {std::cos(phi) * std::cos(lambda), std::cos(phi) * std::sin(lambda), std::sin(phi)};
}

QPointF vectorToLonLat(const Vec3 &v)
{
    const double lon = std::atan2(v[1], v[0]) * kRadToDeg;
    const double lat = std::atan2(v[2], std::hypot(v[0], v[1])) * kRadToDeg;
    return {lon, lat};
}

double centralAngle(const Vec3 &a, const Vec3 &b)
{
    // atan2 of |a×b| and a·b is accurate for tiny and near-antipodal angles alike.
    const Vec3 cross{a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    const double dot = a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    return std::atan2(std::sqrt(cross[0] * cross[0] + cross[1] * cross[1] + cross[2] * cross[2]), dot);
}

} // namespace

double GreatCircle::angleDeg(QPointF fromLonLat, QPointF toLonLat)
{
    return centralAngle(toVector(fromLonLat), toVector(toLonLat)) * kRadToDeg;
}

double GreatCircle::distanceKm(QPointF fromLonLat, QPointF toLonLat)
{
    return centralAngle(toVector(fromLonLat), toVector(toLonLat)) * kEarthRadiusKm;
}

QPointF GreatCircle::interpolate(QPointF fromLonLat, QPointF toLonLat, double t)
{
    const Vec3 a = toVector(fromLonLat);
    const Vec3 b = toVector(toLonLat);
    const double omega = centralAngle(a, b);
    if (omega < 1e-12)
        return fromLonLat;
    const double sinOmega = std::sin(omega);
    // Antipodal points have no unique great circle; fall back to linear blending, which still
    // yields a valid point (and never divides by zero).
    if (sinOmega < 1e-12)
        return fromLonLat + (toLonLat - fromLonLat) * t;
    const double wa = std::sin((1 - t) * omega) / sinOmega;
    const double wb = std::sin(t * omega) / sinOmega;
    return vectorToLonLat(Vec3{wa * a[0] + wb * b[0], wa * a[1] + wb * b[1], wa * a[2] + wb * b[2]});
}

std::vector<QPolygonF> GreatCircle::arc(QPointF fromLonLat, QPointF toLonLat, double maxStepDeg)
{
    const double angle = angleDeg(fromLonLat, toLonLat);
    const int steps = std::max(1, static_cast<int>(std::ceil(angle / std::max(maxStepDeg, 1e-3))));
    std::vector<QPolygonF> pieces(1);
    QPointF previous = fromLonLat;
    pieces.back() << previous;
    for (int i = 1; i <= steps; ++i) {
        QPointF point = i == steps ? toLonLat : interpolate(fromLonLat, toLonLat, double(i) / steps);
        // Keep the poles' longitude continuous: atan2 returns an arbitrary longitude there.
        if (std::abs(point.y()) > 89.999999)
            point.setX(previous.x());
        const double dLon = point.x() - previous.x();
        if (std::abs(dLon) > 180.0) {
            // Crossing the antimeridian: find where, in unwrapped longitude, and cut there.
            const double sign = previous.x() > 0 ? 1.0 : -1.0;
            const double unwrappedLon = point.x() + sign * 360.0;
            const double fraction = (sign * 180.0 - previous.x()) / (unwrappedLon - previous.x());
            const double crossLat = previous.y() + (point.y() - previous.y()) * fraction;
            pieces.back() << QPointF(sign * 180.0, crossLat);
            pieces.emplace_back();
            pieces.back() << QPointF(-sign * 180.0, crossLat);
        }
        pieces.back() << point;
        previous = point;
    }
    if (angle < 1e-9)
        pieces.back().resize(1);
    return pieces;
}

} // namespace longitude::ui
