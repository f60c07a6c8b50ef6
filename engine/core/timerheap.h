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
///
/// Nodes are 16 bytes so that the four children of a node share one cache line, and compare as
/// one 128-bit unsigned integer (no branches to mispredict in the sift loops): (time, priority)
/// in the high word, the insertion sequence (low 40 bits) and the timer id (24 bits) in the low
/// word. The order is exact while an episode schedules fewer than 2^40 events (about 10^12;
/// a day of the global-service sample schedules ~10^10). The full sequence is kept per timer for
/// EventKey comparisons with other queues.
class TimerHeap
{
public:
    explicit TimerHeap(int timerCount = 0) { resize(timerCount); }

    void resize(int timerCount)
    {
        m_heap.clear();
        m_heap.reserve(static_cast<std::size_t>(timerCount));
        m_position.assign(static_cast<std::size_t>(timerCount), -1);
        m_fullSeq.assign(static_cast<std::size_t>(timerCount), 0);
    }

    int timerCount() const { return static_cast<int>(m_position.size()); }
    bool empty() const { return m_heap.empty(); }
    bool isPending(int id) const { return m_position[static_cast<std::size_t>(id)] >= 0; }
    int topId() const { return m_heap.front().id(); }
    EventKey topKey() const { return keyOf(m_heap.front().id()); }
    /// Key of a pending timer.
    EventKey keyOf(int id) const
    {
        const Node &node = m_heap[static_cast<std::size_t>(m_position[static_cast<std::size_t>(id)])];
        return EventKey::make(static_cast<SimTime>(node.timePriority >> 8), static_cast<EventPriority>(node.timePriority & 0xFF),
                              m_fullSeq[static_cast<std::size_t>(id)]);
    }

    /// Arms timer `id` at `key`, or moves it there if it is already pending.
    void schedule(int id, EventKey key)
    {
        assert(id >= 0 && id < (1 << kIdBits));
        const Node node{(static_cast<std::uint64_t>(key.prioritySeq & kSeqMask) << kIdBits) | static_cast<std::uint64_t>(id),
                        (static_cast<std::uint64_t>(key.time) << 8) | (key.prioritySeq >> 56)};
        m_fullSeq[static_cast<std::size_t>(id)] = key.prioritySeq & ((std::uint64_t{1} << 56) - 1);
        int pos = m_position[static_cast<std::size_t>(id)];
        if (pos < 0) {
            pos = static_cast<int>(m_heap.size());
            m_heap.push_back(node);
            siftUp(pos, node);
            return;
        }
        if (less(node, m_heap[static_cast<std::size_t>(pos)]))
            siftUp(pos, node);
        else
            siftDown(pos, node);
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
        if (pos > 0 && less(last, m_heap[static_cast<std::size_t>((pos - 1) / 4)]))
            siftUp(pos, last);
        else
            siftDown(pos, last);
    }

private:
    static constexpr int kIdBits = 24;
    static constexpr std::uint64_t kSeqMask = (std::uint64_t{1} << (64 - kIdBits)) - 1;
    __extension__ using Wide = unsigned __int128;

    struct Node
    {
        std::uint64_t seqId;        ///< insertion sequence (low 40 bits) << 24 | timer id
        std::uint64_t timePriority; ///< time << 8 | priority
        int id() const { return static_cast<int>(seqId & ((std::uint64_t{1} << kIdBits) - 1)); }
        Wide wide() const { return (static_cast<Wide>(timePriority) << 64) | seqId; }
    };

    static bool less(const Node &a, const Node &b) { return a.wide() < b.wide(); }

    void place(int pos, const Node &node)
    {
        m_heap[static_cast<std::size_t>(pos)] = node;
        m_position[static_cast<std::size_t>(node.id())] = pos;
    }

    void siftUp(int pos, const Node &node)
    {
        while (pos > 0) {
            const int parent = (pos - 1) / 4;
            if (!less(node, m_heap[static_cast<std::size_t>(parent)]))
                break;
            place(pos, m_heap[static_cast<std::size_t>(parent)]);
            pos = parent;
        }
        place(pos, node);
    }

    void siftDown(int pos, const Node &node)
    {
        const int size = static_cast<int>(m_heap.size());
        for (;;) {
            const int first = 4 * pos + 1;
            if (first >= size)
                break;
            int best = first;
            if (first + 3 < size) {
                // Four children (the common case): a two-round tournament of conditional moves.
                const Node *c = &m_heap[static_cast<std::size_t>(first)];
                const Wide w0 = c[0].wide();
                const Wide w1 = c[1].wide();
                const Wide w2 = c[2].wide();
                const Wide w3 = c[3].wide();
                const bool lowOne = w1 < w0;
                const bool highThree = w3 < w2;
                const Wide low = lowOne ? w1 : w0;
                const Wide high = highThree ? w3 : w2;
                const int a = lowOne ? 1 : 0;
                const int b = highThree ? 3 : 2;
                best = first + (high < low ? b : a);
            } else {
                for (int c = first + 1; c < size; ++c)
                    if (less(m_heap[static_cast<std::size_t>(c)], m_heap[static_cast<std::size_t>(best)]))
                        best = c;
            }
            if (!less(m_heap[static_cast<std::size_t>(best)], node))
                break;
            place(pos, m_heap[static_cast<std::size_t>(best)]);
            pos = best;
        }
        place(pos, node);
    }

    std::vector<Node> m_heap;
    std::vector<int> m_position; ///< heap index of each timer, -1 when idle
    std::vector<std::uint64_t> m_fullSeq;
};

} // namespace longitude::engine
