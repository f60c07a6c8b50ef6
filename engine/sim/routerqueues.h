#pragma once

#include "engine/core/ringbuffer.h"
#include "engine/core/simtime.h"

#include <cstdint>
#include <vector>

namespace longitude::engine {

/// The FIFO queue of each region's router: requests that overflow control holds briefly while no
/// replica has room (seed 002: "queue briefly, else shed"), and SkyLB's per-region balancer
/// queues. Bounded in length and in waiting time; the lengths are what peer balancers compare.
class RouterQueues
{
public:
    struct Entry
    {
        std::int32_t request = -1;
        SimTime sinceUs = 0; ///< joined this queue
    };

    void configure(int regions, std::int64_t limit, SimTime maxWaitUs);

    /// False (and nothing queued) when the region's queue is full.
    bool push(int region, std::int32_t request, SimTime now);
    bool empty(int region) const { return m_lengths[static_cast<std::size_t>(region)] == 0; }
    const Entry &front(int region) const { return m_queues[static_cast<std::size_t>(region)].front(); }
    void pop(int region);
    /// Requests held anywhere.
    std::int64_t held() const { return m_held; }
    const std::int32_t *lengths() const { return m_lengths.data(); }
    std::int32_t maxLength() const { return m_maxLength; }
    SimTime maxWaitUs() const { return m_maxWaitUs; }
    /// When the oldest head times out (kSimTimeNever if nothing is held or waiting is unbounded).
    SimTime nextDeadline() const;

private:
    std::vector<RingBuffer<Entry>> m_queues;
    std::vector<std::int32_t> m_lengths;
    std::int64_t m_limit = 0;
    SimTime m_maxWaitUs = kSimTimeNever;
    std::int64_t m_held = 0;
    std::int32_t m_maxLength = 0;
};

} // namespace longitude::engine
