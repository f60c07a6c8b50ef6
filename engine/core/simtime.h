#pragma once

/// @file simtime.h
/// Simulated time is an int64 count of microseconds (STYLE.md: never double), so that event
/// order and results do not depend on floating-point rounding of the clock itself.

#include <cmath>
#include <cstdint>
#include <limits>

namespace longitude::engine {

/// Microseconds since the start of the simulation.
using SimTime = std::int64_t;

inline constexpr SimTime kMicrosPerMs = 1000;
inline constexpr SimTime kMicrosPerSecond = 1000000;
inline constexpr SimTime kMicrosPerHour = 3600 * kMicrosPerSecond;
/// A time later than any simulated event ("never").
inline constexpr SimTime kSimTimeNever = std::numeric_limits<SimTime>::max();

/// Nearest integer of a non-negative finite value, halves away from zero like std::llround but
/// inline (llround is a libm call, and the hot path rounds several times per request).
inline std::int64_t roundNonNegative(double x) { return static_cast<std::int64_t>(x + 0.5); }

/// std::ceil of a finite value of magnitude below 2^63, as an integer, inline: without SSE4.1
/// (the baseline x86-64 target) std::ceil and std::floor are libm calls, and the hot path
/// rounds up a few times per request. Exact: the conversion truncates toward zero, and every
/// double from 2^52 up is an integer already.
inline std::int64_t ceilToInt(double x)
{
    const auto t = static_cast<std::int64_t>(x);
    return static_cast<double>(t) < x ? t + 1 : t;
}
/// std::floor of a finite value of magnitude below 2^63, as an integer (see ceilToInt).
inline std::int64_t floorToInt(double x)
{
    const auto t = static_cast<std::int64_t>(x);
    return static_cast<double>(t) > x ? t - 1 : t;
}

/// Nearest microsecond of a duration given in seconds.
inline SimTime simTimeFromSeconds(double seconds) { return std::llround(seconds * 1e6); }
/// Nearest microsecond of a duration given in milliseconds.
inline SimTime simTimeFromMs(double ms) { return std::llround(ms * 1e3); }
inline double simTimeToSeconds(SimTime t) { return static_cast<double>(t) * 1e-6; }
inline double simTimeToMs(SimTime t) { return static_cast<double>(t) * 1e-3; }

} // namespace longitude::engine
