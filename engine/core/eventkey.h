#pragma once

#include "engine/core/simtime.h"

#include <cstdint>

namespace longitude::engine {

/// Order of simultaneous events (lower runs first). Fixed so that a run is reproducible: state
/// changes inside a replica settle before new arrivals at the same microsecond are routed.
enum class EventPriority : std::uint8_t {
    Replica = 0,     ///< a replica finished a prefill or a decode sequence
    Delivery = 1,    ///< a forwarded request reaches its serving region
    Arrival = 2,     ///< a new request or session turn reaches a gateway
    Housekeeping = 3 ///< probes, sampling-window boundaries
};

/// The total order of the event kernel: (time, priority, insertion sequence). The sequence is a
/// global counter, so two events with equal time and priority run in the order they were
/// scheduled. Packed into two 64-bit words so that comparison is two integer compares.
struct EventKey
{
    SimTime time = kSimTimeNever;
    /// priority in the top 8 bits, insertion sequence in the low 56 bits
    std::uint64_t prioritySeq = 0;

    static EventKey make(SimTime t, EventPriority priority, std::uint64_t seq)
    {
        return {t, (static_cast<std::uint64_t>(priority) << 56) | (seq & ((std::uint64_t{1} << 56) - 1))};
    }
    friend bool operator<(const EventKey &a, const EventKey &b)
    {
        return a.time < b.time || (a.time == b.time && a.prioritySeq < b.prioritySeq);
    }
    friend bool operator==(const EventKey &, const EventKey &) = default;
};

} // namespace longitude::engine
