#pragma once

#include "engine/core/eventkey.h"

#include <cstdint>
#include <vector>

namespace longitude::engine {

/// A one-shot event: what happens (`kind`, defined by the user of the queue) to what (`arg`).
struct Event
{
    EventKey key;
    std::uint32_t kind = 0;
    std::uint32_t arg = 0;
};

/// Priority queue of one-shot events (session turns after a think time, forwarded requests in
/// flight), ordered by EventKey. Millions of session turns may be pending at once, so only the
/// events of the next time slice live in a 4-ary heap; later ones wait in a ring of time buckets
/// (a calendar) and the few beyond the ring's horizon in an overflow heap. Every event passes
/// through the near heap before it is popped, so the order is exactly (time, priority, seq).
/// Bucket vectors keep their capacity, so steady state allocates nothing.
class EventQueue
{
public:
    /// `bucketWidthUs` is the time slice moved into the heap at once, `bucketCount` the ring size.
    explicit EventQueue(SimTime bucketWidthUs = SimTime{1} << 16, int bucketCount = 4096);

    void clear(SimTime now = 0);
    /// Schedules `event`; its time must not be earlier than the last popped event.
    void push(const Event &event);
    bool empty() const { return m_size == 0; }
    std::size_t size() const { return m_size; }
    /// The earliest event. Must not be called on an empty queue.
    const Event &top()
    {
        if (m_near.empty())
            refill();
        return m_near.front();
    }
    /// Key of the earliest event, or a key at kSimTimeNever when empty.
    EventKey topKey()
    {
        if (m_size == 0)
            return EventKey{};
        return top().key;
    }
    void pop();

private:
    void refill();
    void ringPush(std::int64_t bucket, const Event &event);
    void nearPush(const Event &event);
    static void heapPush(std::vector<Event> &heap, const Event &event);
    static void heapPop(std::vector<Event> &heap);

    SimTime m_width;
    std::int64_t m_bucketCount;
    std::int64_t m_nextBucket = 1; ///< absolute number of the first bucket not yet in m_near
    std::vector<Event> m_near;     ///< 4-ary heap of events earlier than m_nextBucket * m_width
    std::vector<std::vector<Event>> m_ring; ///< buckets m_nextBucket .. m_nextBucket + count - 1
    std::vector<Event> m_overflow; ///< 4-ary heap of events beyond the ring
    std::vector<std::vector<Event>> m_spare; ///< drained bucket vectors, kept for their capacity
    std::size_t m_inRing = 0;
    std::size_t m_size = 0;
};

} // namespace longitude::engine
