#pragma once

#include "engine/core/rng.h"

#include <array>

namespace longitude::engine {

/// Non-homogeneous Poisson arrivals of one region whose rate is constant within each local hour
/// (24 values, local time = UTC + offset), so that peaks rotate around the globe. Sampled
/// exactly, without thinning: an Exp(1) amount of integrated rate is consumed hour segment by
/// hour segment. Times are doubles in microseconds; the caller rounds them for the event queue
/// but keeps the double, so rounding never accumulates.
class ArrivalProcess
{
public:
    ArrivalProcess() = default;
    /// `ratePerSecond[h]` applies during local hour h; `startUtcHour` is the UTC hour at time 0.
    ArrivalProcess(const std::array<double, 24> &ratePerSecond, double utcOffsetHours, double startUtcHour);

    /// The first arrival strictly after `fromUs` (infinity when the rate is zero all day).
    double next(double fromUs, Rng &rng) const;
    /// Expected arrivals in [fromUs, toUs).
    double expected(double fromUs, double toUs) const;
    /// Rate in requests per second at time `atUs`.
    double rateAt(double atUs) const;

private:
    /// Local-hour segment number containing t (segment k covers local hours [k, k+1)).
    long long segmentOf(double atUs) const;
    double segmentStartUs(long long k) const;
    double ratePerUs(long long k) const;

    std::array<double, 24> m_ratePerSecond{};
    double m_shiftHours = 0.0; ///< local hour at time 0
    bool m_any = false;
};

} // namespace longitude::engine
