#pragma once

#include "engine/core/eventkey.h"

#include <cstdint>
#include <vector>

namespace longitude::engine {

/// The arrival sources' recurring timers (one per region): a handful of timers, one of which
/// fires and moves on every arrival. Same contract and same order as TimerHeap — (time,
/// priority, insertion sequence) — but kept as a plain array with the earliest one at hand: a
/// move is one store, plus a scan of the few keys when the earliest timer moved later, which is
/// cheaper than a heap's sift for the source counts of real scenarios (tens at most) and keeps
/// topKey() a copy rather than a rebuild from packed fields.
class SourceTimers
{
public:
    explicit SourceTimers(int timerCount = 0) { resize(timerCount); }

    void resize(int timerCount)
    {
        m_keys.assign(static_cast<std::size_t>(timerCount), EventKey{});
        m_pending.assign(static_cast<std::size_t>(timerCount), 0);
        m_pendingCount = 0;
        m_top = -1;
    }

    int timerCount() const { return static_cast<int>(m_keys.size()); }
    bool empty() const { return m_pendingCount == 0; }
    bool isPending(int id) const { return m_pending[static_cast<std::size_t>(id)] != 0; }
    int topId() const { return m_top; }
    EventKey topKey() const { return m_keys[static_cast<std::size_t>(m_top)]; }
    /// Key of a pending timer.
    EventKey keyOf(int id) const { return m_keys[static_cast<std::size_t>(id)]; }

    /// Arms timer `id` at `key`, or moves it there if it is already pending.
    void schedule(int id, EventKey key)
    {
        const auto i = static_cast<std::size_t>(id);
        if (!m_pending[i]) {
            m_pending[i] = 1;
            ++m_pendingCount;
        }
        m_keys[i] = key;
        if (m_top < 0 || (id != m_top && key < m_keys[static_cast<std::size_t>(m_top)]))
            m_top = id;
        else if (id == m_top)
            findTop();
    }

    /// Disarms timer `id` (no effect if idle).
    void cancel(int id)
    {
        const auto i = static_cast<std::size_t>(id);
        if (!m_pending[i])
            return;
        m_pending[i] = 0;
        --m_pendingCount;
        // An idle timer's key is "never", so a scan never picks it over a pending one.
        m_keys[i] = EventKey{};
        if (id == m_top)
            findTop();
    }

private:
    void findTop()
    {
        if (m_pendingCount == 0) {
            m_top = -1;
            return;
        }
        int best = -1;
        for (int id = 0; id < static_cast<int>(m_keys.size()); ++id) {
            if (!m_pending[static_cast<std::size_t>(id)])
                continue;
            if (best < 0 || m_keys[static_cast<std::size_t>(id)] < m_keys[static_cast<std::size_t>(best)])
                best = id;
        }
        m_top = best;
    }

    std::vector<EventKey> m_keys; ///< EventKey{} (never) while idle
    std::vector<std::uint8_t> m_pending;
    int m_pendingCount = 0;
    int m_top = -1;
};

} // namespace longitude::engine
