#include "eventqueue.h"

#include <cassert>

namespace longitude::engine {

EventQueue::EventQueue(SimTime bucketWidthUs, int bucketCount)
    : m_width(bucketWidthUs)
    , m_bucketCount(bucketCount)
    , m_ring(static_cast<std::size_t>(bucketCount))
{
    clear(0);
}

void EventQueue::clear(SimTime now)
{
    m_near.clear();
    m_overflow.clear();
    for (auto &bucket : m_ring)
        bucket.clear();
    m_inRing = 0;
    m_size = 0;
    m_nextBucket = now / m_width + 1;
}

void EventQueue::heapPush(std::vector<Event> &heap, const Event &event)
{
    std::size_t pos = heap.size();
    heap.push_back(event);
    while (pos > 0) {
        const std::size_t parent = (pos - 1) / 4;
        if (!(event.key < heap[parent].key))
            break;
        heap[pos] = heap[parent];
        pos = parent;
    }
    heap[pos] = event;
}

void EventQueue::heapPop(std::vector<Event> &heap)
{
    const Event last = heap.back();
    heap.pop_back();
    const std::size_t size = heap.size();
    if (size == 0)
        return;
    std::size_t pos = 0;
    for (;;) {
        const std::size_t first = 4 * pos + 1;
        if (first >= size)
            break;
        std::size_t best = first;
        const std::size_t end = first + 4 < size ? first + 4 : size;
        for (std::size_t c = first + 1; c < end; ++c)
            if (heap[c].key < heap[best].key)
                best = c;
        if (!(heap[best].key < last.key))
            break;
        heap[pos] = heap[best];
        pos = best;
    }
    heap[pos] = last;
}

void EventQueue::nearPush(const Event &event) { heapPush(m_near, event); }

void EventQueue::push(const Event &event)
{
    ++m_size;
    const std::int64_t bucket = event.key.time / m_width;
    if (bucket < m_nextBucket) {
        nearPush(event);
    } else if (bucket < m_nextBucket + m_bucketCount) {
        ringPush(bucket, event);
    } else {
        heapPush(m_overflow, event);
    }
}

void EventQueue::ringPush(std::int64_t bucket, const Event &event)
{
    auto &slot = m_ring[static_cast<std::size_t>(bucket % m_bucketCount)];
    if (slot.capacity() == 0 && !m_spare.empty()) {
        slot = std::move(m_spare.back());
        m_spare.pop_back();
    }
    slot.push_back(event);
    ++m_inRing;
}

void EventQueue::refill()
{
    assert(m_size > 0);
    while (m_near.empty()) {
        if (m_inRing == 0) {
            // Nothing in the ring: jump straight to the overflow's first bucket.
            const std::int64_t target = m_overflow.front().key.time / m_width;
            if (target > m_nextBucket)
                m_nextBucket = target;
        }
        auto &bucket = m_ring[static_cast<std::size_t>(m_nextBucket % m_bucketCount)];
        for (const Event &event : bucket)
            nearPush(event);
        m_inRing -= bucket.size();
        bucket.clear();
        // Hand the drained vector's capacity to the next bucket that starts filling, so that the
        // ring's storage is shared rather than grown bucket by bucket.
        if (bucket.capacity() > 0) {
            m_spare.push_back(std::move(bucket));
            bucket = std::vector<Event>();
        }
        ++m_nextBucket;
        // The ring's far end moved by one bucket: pull the overflow events that now fit.
        const std::int64_t ringEnd = m_nextBucket + m_bucketCount;
        while (!m_overflow.empty() && m_overflow.front().key.time / m_width < ringEnd) {
            const Event event = m_overflow.front();
            heapPop(m_overflow);
            const std::int64_t b = event.key.time / m_width;
            if (b < m_nextBucket) {
                nearPush(event);
            } else {
                ringPush(b, event);
            }
        }
    }
}

void EventQueue::pop()
{
    if (m_near.empty())
        refill();
    heapPop(m_near);
    --m_size;
}

} // namespace longitude::engine
