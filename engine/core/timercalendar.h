#pragma once

#include "engine/core/eventkey.h"
#include "engine/core/timerheap.h"

#include <array>
#include <cstdint>
#include <vector>

namespace longitude::engine {

/// The replicas' recurring timers as a calendar: a ring of time buckets 64 us wide covering the
/// next ~262 ms, each an unsorted list of the timers due in it, plus an exact heap for the few
/// timers outside the ring. Same contract and same order as TimerHeap — (time, priority, insertion
/// sequence), compared in full — but moving a timer costs O(1) instead of a walk down a heap of
/// hundreds of replicas: a replica's timer moves several times per request.
///
/// The earliest timer is kept at hand (topId/topKey are O(1)); when it moves or goes, the next
/// one is found from a two-level bitmap of non-empty buckets and a scan of one bucket (a few
/// timers). The ring's window starts at the bucket of its earliest timer and only moves forward,
/// so each bucket holds one 64 us stretch of time; a timer due before the window or after its
/// end goes to the heap, which is compared at every lookup, so the order stays exact.
class TimerCalendar
{
public:
    explicit TimerCalendar(int timerCount = 0) { resize(timerCount); }

    void resize(int timerCount);

    int timerCount() const { return static_cast<int>(m_timers.size()); }
    bool empty() const { return m_top < 0; }
    bool isPending(int id) const { return m_timers[static_cast<std::size_t>(id)].where != kIdle; }
    int topId() const { return m_top; }
    EventKey topKey() const { return m_timers[static_cast<std::size_t>(m_top)].key; }
    /// Key of a pending timer.
    EventKey keyOf(int id) const { return m_timers[static_cast<std::size_t>(id)].key; }

    /// Arms timer `id` at `key`, or moves it there if it is already pending.
    void schedule(int id, EventKey key);
    /// Disarms timer `id` (no effect if idle).
    void cancel(int id);

private:
    static constexpr int kShift = 6;                  ///< bucket width 2^6 = 64 us
    static constexpr int kBuckets = 4096;             ///< 262 ms of buckets
    static constexpr int kWords = kBuckets / 64;      ///< one summary bit per word
    static constexpr std::int32_t kIdle = -1;
    static constexpr std::int32_t kInHeap = -2;

    struct Timer
    {
        EventKey key;
        std::int32_t where = kIdle; ///< bucket, kInHeap or kIdle
        std::int32_t next = -1;     ///< in its bucket's list
        std::int32_t prev = -1;
    };

    static int bucketOf(SimTime t) { return static_cast<int>((t >> kShift) & (kBuckets - 1)); }
    // Inlined into schedule(): a replica's timer moves several times per request, and the calls'
    // register saves cost about as much as the list operations themselves.
    [[gnu::always_inline]] inline void insert(int id);
    [[gnu::always_inline]] inline void remove(int id);
    /// Finds the earliest timer again (the ring's first non-empty bucket against the heap).
    void findTop();
    /// First non-empty bucket at or after `from` in ring order; -1 when the ring is empty.
    [[gnu::always_inline]] inline int firstBucketFrom(int from) const;

    std::vector<Timer> m_timers;
    std::array<std::int32_t, kBuckets> m_head{};
    std::array<std::uint64_t, kWords> m_bits{};
    std::uint64_t m_summary = 0; ///< bit w: m_bits[w] != 0
    int m_ringCount = 0;
    SimTime m_windowStart = 0;   ///< multiple of the bucket width; the ring covers kBuckets buckets from it
    TimerHeap m_outside;         ///< timers due outside the ring's window
    int m_top = -1;
};

} // namespace longitude::engine
