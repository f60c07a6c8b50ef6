#include "reservationdemand.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace longitude::engine {

int ReservationDemand::totalAt(int hour) const
{
    int sum = 0;
    for (const Day &day : replicas)
        sum += day[static_cast<std::size_t>(hour)];
    return sum;
}

ReservationDemand::Day ReservationDemand::totals() const
{
    Day day{};
    for (int hour = 0; hour < kHours; ++hour)
        day[static_cast<std::size_t>(hour)] = totalAt(hour);
    return day;
}

int ReservationDemand::peakOf(int region) const
{
    const Day &day = replicas[static_cast<std::size_t>(region)];
    return *std::max_element(day.begin(), day.end());
}

int ReservationDemand::sumOfRegionalPeaks() const
{
    int sum = 0;
    for (int r = 0; r < static_cast<int>(replicas.size()); ++r)
        sum += peakOf(r);
    return sum;
}

int ReservationDemand::globalPeak() const
{
    const Day day = totals();
    return *std::max_element(day.begin(), day.end());
}

int ReservationDemand::globalPeakHour() const
{
    const Day day = totals();
    return static_cast<int>(std::max_element(day.begin(), day.end()) - day.begin());
}

long long ReservationDemand::usedReplicaHours() const
{
    long long sum = 0;
    for (const Day &day : replicas)
        for (const int d : day)
            sum += d;
    return sum;
}

int ReservationDemand::replicasFor(double rps, double capacityRps)
{
    assert(capacityRps > 0.0);
    if (!(rps > 0.0))
        return 0;
    const double ratio = rps / capacityRps;
    return static_cast<int>(std::ceil(ratio * (1.0 - 1e-9)));
}

} // namespace longitude::engine
