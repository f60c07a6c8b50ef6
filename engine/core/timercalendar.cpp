#include "timercalendar.h"

namespace longitude::engine {

void TimerCalendar::resize(int timerCount)
{
    m_timers.assign(static_cast<std::size_t>(timerCount), Timer{});
    m_head.fill(-1);
    m_bits.fill(0);
    m_summary = 0;
    m_ringCount = 0;
    m_windowStart = 0;
    m_outside.resize(timerCount);
    m_top = -1;
}

inline void TimerCalendar::insert(int id)
{
    Timer &timer = m_timers[static_cast<std::size_t>(id)];
    const SimTime t = timer.key.time;
    if (m_ringCount == 0)
        m_windowStart = t >> kShift << kShift; // an empty ring can start anywhere
    if (t < m_windowStart || t - m_windowStart >= (SimTime{kBuckets} << kShift)) {
        timer.where = kInHeap;
        m_outside.schedule(id, timer.key);
        return;
    }
    const int bucket = bucketOf(t);
    timer.where = bucket;
    timer.prev = -1;
    timer.next = m_head[static_cast<std::size_t>(bucket)];
    if (timer.next >= 0)
        m_timers[static_cast<std::size_t>(timer.next)].prev = id;
    m_head[static_cast<std::size_t>(bucket)] = id;
    m_bits[static_cast<std::size_t>(bucket >> 6)] |= std::uint64_t{1} << (bucket & 63);
    m_summary |= std::uint64_t{1} << (bucket >> 6);
    ++m_ringCount;
}

inline void TimerCalendar::remove(int id)
{
    Timer &timer = m_timers[static_cast<std::size_t>(id)];
    if (timer.where == kInHeap) {
        m_outside.cancel(id);
    } else {
        const int bucket = timer.where;
        if (timer.prev >= 0)
            m_timers[static_cast<std::size_t>(timer.prev)].next = timer.next;
        else
            m_head[static_cast<std::size_t>(bucket)] = timer.next;
        if (timer.next >= 0)
            m_timers[static_cast<std::size_t>(timer.next)].prev = timer.prev;
        if (m_head[static_cast<std::size_t>(bucket)] < 0) {
            std::uint64_t &word = m_bits[static_cast<std::size_t>(bucket >> 6)];
            word &= ~(std::uint64_t{1} << (bucket & 63));
            if (word == 0)
                m_summary &= ~(std::uint64_t{1} << (bucket >> 6));
        }
        --m_ringCount;
    }
    timer.where = kIdle;
}

inline int TimerCalendar::firstBucketFrom(int from) const
{
    const int word = from >> 6;
    const std::uint64_t here = m_bits[static_cast<std::size_t>(word)] & (~std::uint64_t{0} << (from & 63));
    if (here != 0)
        return (word << 6) + __builtin_ctzll(here);
    // Later words, then around the ring from the start (word `word` again, for its low bits).
    const std::uint64_t later = word + 1 < kWords ? m_summary & (~std::uint64_t{0} << (word + 1)) : 0;
    const std::uint64_t candidates = later != 0 ? later : m_summary;
    if (candidates == 0)
        return -1;
    const int w = __builtin_ctzll(candidates);
    return (w << 6) + __builtin_ctzll(m_bits[static_cast<std::size_t>(w)]);
}

void TimerCalendar::findTop()
{
    int best = -1;
    if (m_ringCount > 0) {
        const int bucket = firstBucketFrom(bucketOf(m_windowStart));
        for (int id = m_head[static_cast<std::size_t>(bucket)]; id >= 0; id = m_timers[static_cast<std::size_t>(id)].next)
            if (best < 0 || m_timers[static_cast<std::size_t>(id)].key < m_timers[static_cast<std::size_t>(best)].key)
                best = id;
        // Every timer of the ring is due at or after this one: the window can start at its bucket.
        m_windowStart = m_timers[static_cast<std::size_t>(best)].key.time >> kShift << kShift;
    }
    if (!m_outside.empty() && (best < 0 || m_outside.topKey() < m_timers[static_cast<std::size_t>(best)].key))
        best = m_outside.topId();
    m_top = best;
}

void TimerCalendar::schedule(int id, EventKey key)
{
    Timer &timer = m_timers[static_cast<std::size_t>(id)];
    const bool wasTop = m_top == id;
    const bool earlier = !(timer.where != kIdle && timer.key < key);
    if (timer.where != kIdle)
        remove(id);
    timer.key = key;
    insert(id);
    if (wasTop) {
        // The earliest timer moved: it stays first if it moved earlier, else look again.
        if (!earlier)
            findTop();
    } else if (m_top < 0 || key < m_timers[static_cast<std::size_t>(m_top)].key) {
        m_top = id;
    }
}

void TimerCalendar::cancel(int id)
{
    if (m_timers[static_cast<std::size_t>(id)].where == kIdle)
        return;
    remove(id);
    if (m_top == id)
        findTop();
}

} // namespace longitude::engine
