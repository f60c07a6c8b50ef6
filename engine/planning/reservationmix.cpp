#include "reservationmix.h"

#include <algorithm>
#include <cassert>
#include <vector>

namespace longitude::engine {

ReservationMix ReservationMix::evaluate(std::span<const int> demand, int reserved, double reservedUsdPerReplicaHour,
                                        double onDemandUsdPerReplicaHour)
{
    assert(reserved >= 0);
    ReservationMix mix;
    mix.reservedReplicas = reserved;
    mix.reservedReplicaHours = static_cast<double>(demand.size()) * reserved;
    for (const int d : demand) {
        if (d > reserved) {
            mix.onDemandReplicaHours += d - reserved;
            ++mix.hoursAboveReserved;
        }
    }
    mix.reservedUsd = mix.reservedReplicaHours * reservedUsdPerReplicaHour;
    mix.onDemandUsd = mix.onDemandReplicaHours * onDemandUsdPerReplicaHour;
    return mix;
}

ReservationMix ReservationMix::optimal(std::span<const int> demand, double reservedUsdPerReplicaHour,
                                       double onDemandUsdPerReplicaHour)
{
    std::vector<int> sorted(demand.begin(), demand.end());
    std::sort(sorted.begin(), sorted.end());
    const auto hours = static_cast<double>(sorted.size());
    // Candidates: 0 and every demand, ascending. For candidate R = sorted[k-1] the hours above R
    // are those after the last copy of R; their excess is suffix - count * R.
    double suffix = 0.0; // sum of sorted[k..]
    for (const int d : sorted)
        suffix += d;
    int bestReserved = 0;
    double bestCost = onDemandUsdPerReplicaHour * suffix;
    std::size_t k = 0;
    while (k < sorted.size()) {
        const int r = sorted[k];
        while (k < sorted.size() && sorted[k] == r) {
            suffix -= sorted[k];
            ++k;
        }
        const double above = static_cast<double>(sorted.size() - k);
        const double cost = hours * r * reservedUsdPerReplicaHour + onDemandUsdPerReplicaHour * (suffix - above * r);
        // Strictly better only (beyond rounding of the sums): ties keep the smaller R.
        if (cost < bestCost - 1e-9 * bestCost) {
            bestCost = cost;
            bestReserved = r;
        }
    }
    return evaluate(demand, bestReserved, reservedUsdPerReplicaHour, onDemandUsdPerReplicaHour);
}

} // namespace longitude::engine
