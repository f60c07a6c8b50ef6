#pragma once

#include <span>

namespace longitude::engine {

/// The cheapest way to pay for an hourly demand with two kinds of capacity: R replicas reserved
/// for every hour of the period (cheap, paid whether used or not) plus on-demand replicas hired
/// only for the hours when demand exceeds R (dear). It exists because neither pure strategy is
/// optimal once prices are real: reserving the peak pays for idle night hours, renting
/// everything pays the on-demand premium on the base load (DOMAIN.md section 7, "the
/// reserved/on-demand mix that minimises cost").
///
/// For demands D(1..H) and prices p_res, p_od per replica-hour:
///     cost(R) = H * R * p_res + p_od * sum_t max(0, D(t) - R)
/// cost is convex and piecewise linear in R, with slope H * p_res - p_od * #{t : D(t) > R}
/// between integers, so it is minimal where that slope changes sign: the newsvendor's critical
/// fractile, the smallest R with #{t : D(t) > R} / H <= p_res / p_od. Such an R is always one of
/// the demands (or 0), so optimal() enumerates the sorted demands (O(H log H)) and returns the
/// smallest minimiser; tst_reservationmix proves it against every R by brute force.
struct ReservationMix
{
    int reservedReplicas = 0;          ///< R
    double reservedReplicaHours = 0.0; ///< H * R
    double onDemandReplicaHours = 0.0; ///< sum_t max(0, D(t) - R)
    double reservedUsd = 0.0;          ///< H * R * p_res
    double onDemandUsd = 0.0;          ///< p_od * on-demand replica-hours
    int hoursAboveReserved = 0;        ///< #{t : D(t) > R}

    double totalUsd() const { return reservedUsd + onDemandUsd; }

    /// cost(R) and its parts for `reserved` = R (>= 0). Prices are per replica-hour.
    static ReservationMix evaluate(std::span<const int> demand, int reserved, double reservedUsdPerReplicaHour,
                                   double onDemandUsdPerReplicaHour);
    /// The R minimising cost(R), the smallest one on ties (least commitment for the same money).
    /// With p_od <= p_res that is R = 0; with p_res <= 0 it is the peak.
    static ReservationMix optimal(std::span<const int> demand, double reservedUsdPerReplicaHour,
                                  double onDemandUsdPerReplicaHour);
};

} // namespace longitude::engine
