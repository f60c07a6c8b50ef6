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
        m_keys.assign(static_cast<std::size_t>(timerCount), kIdle);
        m_pending.assign(static_cast<std::size_t>(timerCount), 0);
        m_pendingCount = 0;
        m_top = -1;
    }

    int timerCount() const { return static_cast<int>(m_keys.size()); }
    bool empty() const { return m_pendingCount == 0; }
    bool isPending(int id) const { return m_pending[static_cast<std::size_t>(id)] != 0; }
    int topId() const { return m_top; }
    EventKey topKey() const { return keyOf(m_top); }
    /// Key of a pending timer.
    EventKey keyOf(int id) const { return keyFromWide(m_keys[static_cast<std::size_t>(id)]); }

    /// Arms timer `id` at `key`, or moves it there if it is already pending.
    void schedule(int id, EventKey key)
    {
        const auto i = static_cast<std::size_t>(id);
        if (!m_pending[i]) {
            m_pending[i] = 1;
            ++m_pendingCount;
        }
        const Wide wide = wideOf(key);
        m_keys[i] = wide;
        if (m_top < 0 || (id != m_top && wide < m_keys[static_cast<std::size_t>(m_top)]))
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
        // An idle timer's key is later than any pending one, so a scan needs no check.
        m_keys[i] = kIdle;
        if (id == m_top)
            findTop();
    }

private:
    __extension__ using Wide = unsigned __int128;
    static constexpr std::uint64_t kSignBit = std::uint64_t{1} << 63;
    static constexpr Wide kIdle = ~Wide{0};

    /// The key as one unsigned 128-bit integer of the same order: time (sign bit flipped, so
    /// that unsigned order is signed order) above priority and sequence. A scan compares it
    /// without branches.
    static Wide wideOf(EventKey key)
    {
        return (static_cast<Wide>(static_cast<std::uint64_t>(key.time) ^ kSignBit) << 64) | key.prioritySeq;
    }
    static EventKey keyFromWide(Wide wide)
    {
        return {static_cast<SimTime>(static_cast<std::uint64_t>(wide >> 64) ^ kSignBit), static_cast<std::uint64_t>(wide)};
    }

    void findTop()
    {
        if (m_pendingCount == 0) {
            m_top = -1;
            return;
        }
        int best = 0;
        Wide bestKey = m_keys[0];
        for (int id = 1; id < static_cast<int>(m_keys.size()); ++id) {
            const Wide key = m_keys[static_cast<std::size_t>(id)];
            const bool earlier = key < bestKey;
            bestKey = earlier ? key : bestKey;
            best = earlier ? id : best;
        }
        m_top = best;
    }

    std::vector<Wide> m_keys; ///< wideOf(key), kIdle while idle
    std::vector<std::uint8_t> m_pending;
    int m_pendingCount = 0;
    int m_top = -1;
};

} // namespace longitude::engine
