#include "arrivalprocess.h"

#include "engine/core/simtime.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace longitude::engine {

namespace {
constexpr double kUsPerHour = 3.6e9;
}

ArrivalProcess::ArrivalProcess(const std::array<double, 24> &ratePerSecond, double utcOffsetHours, double startUtcHour)
    : m_ratePerSecond(ratePerSecond)
    , m_shiftHours(startUtcHour + utcOffsetHours)
{
    for (const double r : m_ratePerSecond)
        if (r > 0.0)
            m_any = true;
}

long long ArrivalProcess::segmentOf(double atUs) const
{
    return floorToInt(m_shiftHours + atUs / kUsPerHour);
}

double ArrivalProcess::segmentStartUs(long long k) const
{
    return (static_cast<double>(k) - m_shiftHours) * kUsPerHour;
}

double ArrivalProcess::ratePerUs(long long k) const
{
    long long hour = k % 24;
    if (hour < 0)
        hour += 24;
    return m_ratePerSecond[static_cast<std::size_t>(hour)] * 1e-6;
}

double ArrivalProcess::rateAt(double atUs) const { return ratePerUs(segmentOf(atUs)) * 1e6; }

double ArrivalProcess::next(double fromUs, Rng &rng) const
{
    if (!m_any)
        return std::numeric_limits<double>::infinity();
    double need = -std::log(rng.uniformOpen01());
    double t = fromUs;
    long long k = segmentOf(t);
    for (;;) {
        const double rate = ratePerUs(k);
        const double end = segmentStartUs(k + 1);
        if (rate > 0.0) {
            const double available = rate * (end - t);
            if (need <= available) {
                const double at = t + need / rate;
                // Guard against rounding at a segment boundary.
                return at > fromUs ? at : std::nextafter(fromUs, std::numeric_limits<double>::infinity());
            }
            need -= available;
        }
        t = end;
        ++k;
    }
}

double ArrivalProcess::expected(double fromUs, double toUs) const
{
    double total = 0.0;
    double t = fromUs;
    for (long long k = segmentOf(t); t < toUs; ++k) {
        const double end = std::min(segmentStartUs(k + 1), toUs);
        total += ratePerUs(k) * (end - t);
        t = end;
    }
    return total;
}

} // namespace longitude::engine
