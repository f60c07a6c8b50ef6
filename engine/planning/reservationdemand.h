#pragma once

#include <array>
#include <string>
#include <vector>

namespace longitude::engine {

/// Replicas needed per region and per UTC hour of a day, and SkyLB's three ways of paying for
/// them (DOMAIN.md section 7, seed 003_c9c431f386c26129.txt). It exists so that the formulas of
/// section 7 live in one place, on plain integers a test can fill by hand, apart from how the
/// demand was derived (ReservationPlan derives it from a scenario's traffic and a sized replica).
///
/// All three results are in replica-hours per day:
///  - region-local reservation: every region reserves its own peak all day,
///    `C_local = sum_r 24 * max_t d_r(t)`;
///  - global reservation: one pool, shared across regions, reserves the peak of the sum,
///    `C_agg = 24 * max_t sum_r d_r(t)`; `C_agg <= C_local` always (the max of a sum is at most
///    the sum of the maxima);
///  - on-demand autoscaling: pay each replica-hour used at the on-demand premium,
///    `C_od = sum_t sum_r d_r(t) * premium`, in reserved-equivalent replica-hours. SkyLB writes
///    it `/ 0.4` (on-demand priced 2.5x reserved): premium = 2.5.
struct ReservationDemand
{
    static constexpr int kHours = 24;
    using Day = std::array<int, kHours>;

    std::vector<std::string> regionIds;
    std::vector<Day> replicas; ///< [region][UTC hour], d_r(t) >= 0, parallel to regionIds

    /// `sum_r d_r(hour)`.
    int totalAt(int hour) const;
    /// The day of totals, D(t) = sum_r d_r(t).
    Day totals() const;
    /// `max_t d_r(t)` of region index `region`.
    int peakOf(int region) const;
    /// `sum_r max_t d_r(t)`: what region-local pools must hold at once.
    int sumOfRegionalPeaks() const;
    /// `max_t sum_r d_r(t)`: what one global pool must hold.
    int globalPeak() const;
    /// First UTC hour at which the global peak is reached.
    int globalPeakHour() const;
    /// `sum_t sum_r d_r(t)`: replica-hours actually used in the day.
    long long usedReplicaHours() const;

    /// C_local, replica-hours per day.
    long long localReplicaHours() const { return static_cast<long long>(kHours) * sumOfRegionalPeaks(); }
    /// C_agg, replica-hours per day.
    long long aggregateReplicaHours() const { return static_cast<long long>(kHours) * globalPeak(); }
    /// C_od in reserved-equivalent replica-hours per day: used replica-hours x `premium`
    /// (on-demand price / reserved price; SkyLB's 1 / 0.4 = 2.5 by default).
    double onDemandReplicaHours(double premium = kSkyLbOnDemandPremium) const
    {
        return static_cast<double>(usedReplicaHours()) * premium;
    }

    /// SkyLB's assumption (seed 003, via DOMAIN.md section 7, 2025): on-demand costs 2.5x
    /// reserved, written as a division by 0.4.
    static constexpr double kSkyLbOnDemandPremium = 2.5;

    /// Replicas for a request rate: `ceil(rps / capacityRps)`, with a relative tolerance of
    /// 1e-9 so that a rate of exactly k capacities asks for k replicas despite rounding.
    /// 0 for a rate of 0; `capacityRps` must be > 0.
    static int replicasFor(double rps, double capacityRps);
};

} // namespace longitude::engine
