#pragma once

#include "engine/core/eventkey.h"

#include <cassert>
#include <cstdint>
#include <vector>

namespace longitude::engine {

/// An indexed 4-ary min-heap of a fixed set of recurring timers (one per arrival source, one per
/// replica). Each timer is either pending with one key or idle. Rescheduling moves the timer in
/// place, so a replica that changes its next wake-up many times leaves no stale events behind
/// (a plain event heap would accumulate one dead event per change).
class TimerHeap
{
public:
    explicit TimerHeap(int timerCount = 0) { resize(timerCount); }

    void resize(int timerCount)
    {
        m_heap.clear();
        m_heap.reserve(static_cast<std::size_t>(timerCount));
        m_position.assign(static_cast<std::size_t>(timerCount), -1);
    }

    int timerCount() const { return static_cast<int>(m_position.size()); }
    bool empty() const { return m_heap.empty(); }
    bool isPending(int id) const { return m_position[static_cast<std::size_t>(id)] >= 0; }
    int topId() const { return m_heap.front().id; }
    /// Key of a pending timer.
    const EventKey &keyOf(int id) const { return m_heap[static_cast<std::size_t>(m_position[static_cast<std::size_t>(id)])].key; }
    const EventKey &topKey() const { return m_heap.front().key; }

    /// Arms timer `id` at `key`, or moves it there if it is already pending.
    void schedule(int id, EventKey key)
    {
        int pos = m_position[static_cast<std::size_t>(id)];
        if (pos < 0) {
            pos = static_cast<int>(m_heap.size());
            m_heap.push_back({key, id});
            m_position[static_cast<std::size_t>(id)] = pos;
            siftUp(pos);
            return;
        }
        const bool earlier = key < m_heap[static_cast<std::size_t>(pos)].key;
        m_heap[static_cast<std::size_t>(pos)].key = key;
        if (earlier)
            siftUp(pos);
        else
            siftDown(pos);
    }

    /// Disarms timer `id` (no effect if idle).
    void cancel(int id)
    {
        const int pos = m_position[static_cast<std::size_t>(id)];
        if (pos < 0)
            return;
        m_position[static_cast<std::size_t>(id)] = -1;
        const Node last = m_heap.back();
        m_heap.pop_back();
        if (pos == static_cast<int>(m_heap.size()))
            return;
        m_heap[static_cast<std::size_t>(pos)] = last;
        m_position[static_cast<std::size_t>(last.id)] = pos;
        if (pos > 0 && last.key < m_heap[static_cast<std::size_t>((pos - 1) / 4)].key)
            siftUp(pos);
        else
            siftDown(pos);
    }

private:
    struct Node
    {
        EventKey key;
        int id;
    };

    void place(int pos, const Node &node)
    {
        m_heap[static_cast<std::size_t>(pos)] = node;
        m_position[static_cast<std::size_t>(node.id)] = pos;
    }

    void siftUp(int pos)
    {
        const Node node = m_heap[static_cast<std::size_t>(pos)];
        while (pos > 0) {
            const int parent = (pos - 1) / 4;
            if (!(node.key < m_heap[static_cast<std::size_t>(parent)].key))
                break;
            place(pos, m_heap[static_cast<std::size_t>(parent)]);
            pos = parent;
        }
        place(pos, node);
    }

    void siftDown(int pos)
    {
        const int size = static_cast<int>(m_heap.size());
        const Node node = m_heap[static_cast<std::size_t>(pos)];
        for (;;) {
            const int first = 4 * pos + 1;
            if (first >= size)
                break;
            int best = first;
            const int last = first + 4 < size ? first + 4 : size;
            for (int c = first + 1; c < last; ++c)
                if (m_heap[static_cast<std::size_t>(c)].key < m_heap[static_cast<std::size_t>(best)].key)
                    best = c;
            if (!(m_heap[static_cast<std::size_t>(best)].key < node.key))
                break;
            place(pos, m_heap[static_cast<std::size_t>(best)]);
            pos = best;
        }
        place(pos, node);
    }

    std::vector<Node> m_heap;
    std::vector<int> m_position; ///< heap index of each timer, -1 when idle
};

} // namespace longitude::engine
