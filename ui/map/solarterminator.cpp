#include "solarterminator.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <optional>

namespace longitude::ui {

namespace {

constexpr double kDegToRad = std::numbers::pi / 180.0;
constexpr double kRadToDeg = 180.0 / std::numbers::pi;

double normalizeDeg(double degrees)
{
    double result = std::fmod(degrees + 180.0, 360.0);
    if (result < 0)
        result += 360.0;
    return result - 180.0;
}

struct Interval
{
    double lo = 0.0;
    double hi = 0.0;
};

// The latitudes on meridian `lonDeg` where the Sun is below `altitudeDeg`. Along a meridian the
// sine of the altitude is A·sin(φ) + B·cos(φ); the dark set is the intersection of a half great
// circle with a spherical cap, hence one interval (or none).
std::optional<Interval> darkInterval(double lonDeg, QPointF subsolar, double altitudeDeg)
{
    const double declination = subsolar.y() * kDegToRad;
    const double hourAngle = (lonDeg - subsolar.x()) * kDegToRad;
    const double a = std::sin(declination);
    const double b = std::cos(declination) * std::cos(hourAngle);
    const double s = std::sin(altitudeDeg * kDegToRad);
    auto isDark = [&](double phi) { return a * std::sin(phi) + b * std::cos(phi) < s; };

    std::vector<double> breaks{-std::numbers::pi / 2, std::numbers::pi / 2};
    const double r = std::hypot(a, b);
    if (r > 1e-12 && std::abs(s / r) < 1.0) {
        const double phase = std::atan2(b, a);
        const double root = std::asin(s / r);
        for (double psi : {root, std::numbers::pi - root}) {
            double phi = std::remainder(psi - phase, 2 * std::numbers::pi);
            if (phi > -std::numbers::pi / 2 && phi < std::numbers::pi / 2)
                breaks.push_back(phi);
        }
    }
    std::sort(breaks.begin(), breaks.end());
    std::optional<Interval> result;
    for (size_t i = 0; i + 1 < breaks.size(); ++i) {
        if (breaks[i + 1] - breaks[i] < 1e-12 || !isDark((breaks[i] + breaks[i + 1]) / 2))
            continue;
        if (!result)
            result = Interval{breaks[i], breaks[i + 1]};
        else
            result->hi = breaks[i + 1];
    }
    if (result) {
        result->lo *= kRadToDeg;
        result->hi *= kRadToDeg;
    }
    return result;
}

} // namespace

QPointF SolarTerminator::subsolarPoint(const QDateTime &utc)
{
    // Days since J2000.0 (2000-01-01 12:00 TT; the ~69 s TT−UTC difference is below the
    // formulas' precision).
    const double julianDate = double(utc.toMSecsSinceEpoch()) / 86'400'000.0 + 2'440'587.5;
    const double d = julianDate - 2'451'545.0;
    const double meanAnomaly = (357.529 + 0.98560028 * d) * kDegToRad;
    const double meanLongitude = 280.459 + 0.98564736 * d;
    const double eclipticLongitude =
        (meanLongitude + 1.915 * std::sin(meanAnomaly) + 0.020 * std::sin(2 * meanAnomaly)) * kDegToRad;
    const double obliquity = (23.439 - 0.00000036 * d) * kDegToRad;
    const double declination = std::asin(std::sin(obliquity) * std::sin(eclipticLongitude));
    const double rightAscensionDeg =
        std::atan2(std::cos(obliquity) * std::sin(eclipticLongitude), std::cos(eclipticLongitude)) * kRadToDeg;
    const double gmstDeg = (18.697374558 + 24.06570982441908 * d) * 15.0;
    return {normalizeDeg(rightAscensionDeg - gmstDeg), declination * kRadToDeg};
}

double SolarTerminator::sunAltitudeDeg(QPointF lonLat, QPointF subsolar)
{
    const double phi = lonLat.y() * kDegToRad;
    const double declination = subsolar.y() * kDegToRad;
    const double hourAngle = (lonLat.x() - subsolar.x()) * kDegToRad;
    const double sinAltitude =
        std::sin(phi) * std::sin(declination) + std::cos(phi) * std::cos(declination) * std::cos(hourAngle);
    return std::asin(std::clamp(sinAltitude, -1.0, 1.0)) * kRadToDeg;
}

std::vector<QPolygonF> SolarTerminator::darkRegions(QPointF subsolar, double altitudeDeg, double stepDeg)
{
    std::vector<QPolygonF> polygons;
    const int samples = std::max(2, static_cast<int>(std::ceil(360.0 / std::max(stepDeg, 0.01)))) + 1;
    std::vector<QPointF> lower;
    std::vector<QPointF> upper;
    auto flush = [&] {
        if (lower.size() >= 2) {
            QPolygonF polygon;
            for (const QPointF &p : lower)
                polygon << p;
            for (auto it = upper.rbegin(); it != upper.rend(); ++it)
                polygon << *it;
            polygon << polygon.first();
            polygons.push_back(std::move(polygon));
        }
        lower.clear();
        upper.clear();
    };
    for (int i = 0; i < samples; ++i) {
        const double lon = -180.0 + 360.0 * i / (samples - 1);
        const std::optional<Interval> dark = darkInterval(lon, subsolar, altitudeDeg);
        if (!dark) {
            flush();
            continue;
        }
        lower.emplace_back(lon, dark->lo);
        upper.emplace_back(lon, dark->hi);
    }
    flush();
    return polygons;
}

} // namespace longitude::ui
