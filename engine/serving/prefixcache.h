#pragma once

#include "engine/core/ringbuffer.h"

#include <cstdint>
#include <vector>

namespace longitude::engine {

/// One replica's prefix (KV block) cache, in the free KV memory left by running requests.
///
/// Prompts are sequences of fixed-size token blocks with stable ids, like Mooncake's hash_ids:
/// block i of segment s has id blockId(s, i), so equal prefixes share ids. Because a prompt is at
/// most two segments (shared system prompt, then the request's own stream), the cache stores per
/// segment only the number of leading blocks present; that is exactly the set of block ids
/// {blockId(s, 0..n-1)}, and a request's hit (the longest run of leading blocks present) takes at
/// most two lookups instead of one per block.
///
/// Entries in use by running requests are pinned. Unpinned ones are evicted in least recently
/// used order, the least recent one trimmed tail blocks first. The LRU order is a FIFO of release
/// records with lazy deletion: releasing appends a record, re-pinning leaves the old record
/// stale, eviction skips stale records; the FIFO is compacted in place when stale records
/// outnumber live ones. This touches no neighbour on a release (a linked list touches two cold
/// entries). Blocks nobody can hit again (single-shot prompts, a session's last turn) are plain
/// anonymous records in the same FIFO. The hash index is open addressing with backward-shift
/// deletion in flat arrays: nothing is allocated per request once tables reached their size.
class PrefixCache
{
public:
    PrefixCache();

    /// Stable id of block `index` of `segment` (the Mooncake hash_id equivalent).
    static std::uint64_t blockId(std::uint64_t segment, std::int64_t index);

    /// Entry of an indexed `segment`, or -1.
    std::int32_t find(std::uint64_t segment) const;
    /// Leading blocks of `segment` present (0 if none).
    std::int32_t cachedBlocks(std::uint64_t segment) const
    {
        const std::int32_t entry = find(segment);
        return entry < 0 ? 0 : m_entries[static_cast<std::size_t>(entry)].blocks;
    }

    /// Finds or creates the entry of `segment` and pins it (it cannot be evicted until released).
    /// `indexed` = false for segments nobody can look up again. Returns the entry (a handle >= 0;
    /// direct slots have handles <= -2).
    std::int32_t acquire(std::uint64_t segment, bool indexed);
    /// Pins an existing entry (one that find() returned).
    void pin(std::int32_t entry);

    /// Direct slots: segments known by a small dense number (the shared system prompts, by
    /// Request::groupIndex) live in compact per-replica arrays instead of entries, so that looking
    /// one up, pinning and releasing it touch a few hot bytes rather than a cold entry.
    void setDirectSlotCount(std::int32_t count);
    std::int32_t directBlocks(std::int32_t slot) const { return m_direct[static_cast<std::size_t>(slot)].blocks; }
    /// Pins direct slot `slot`; returns its handle, usable with grow(), release(), entryBlocks().
    std::int32_t acquireDirect(std::int32_t slot)
    {
        pinRecord(m_direct[static_cast<std::size_t>(slot)]);
        return -2 - slot;
    }
    /// Raises a pinned entry to `blocks` leading blocks; returns how many blocks were added.
    std::int32_t grow(std::int32_t entry, std::int32_t blocks)
    {
        std::int32_t &current = entry <= -2 ? m_direct[static_cast<std::size_t>(-2 - entry)].blocks
                                            : m_entries[static_cast<std::size_t>(entry)].blocks;
        if (blocks <= current)
            return 0;
        const std::int32_t added = blocks - current;
        current = blocks;
        m_totalBlocks += added;
        m_pinnedBlocks += added;
        return added;
    }
    /// Unpins; an entry with no pin left becomes the most recently used (or goes, if empty).
    void release(std::int32_t entry);
    /// Unpins an entry nobody will look up again (a session's last turn) and keeps its blocks as
    /// anonymous ones.
    void retire(std::int32_t entry);
    /// Caches `blocks` blocks that no request can hit again (a single-shot prompt and answer):
    /// they only occupy memory until the LRU order evicts them. Kept in a FIFO of counts rather
    /// than as entries, since their recency never changes after they are added.
    void addAnonymous(std::int32_t blocks)
    {
        if (blocks <= 0)
            return;
        m_lru.push({-1, blocks});
        ++m_liveRecords;
        m_totalBlocks += blocks;
    }
    std::int32_t entryBlocks(std::int32_t handle) const
    {
        return handle <= -2 ? m_direct[static_cast<std::size_t>(-2 - handle)].blocks
                            : m_entries[static_cast<std::size_t>(handle)].blocks;
    }

    /// Evicts least recently used unpinned blocks until at most `limitBlocks` are cached.
    void evictTo(std::int64_t limitBlocks)
    {
        // Inline for the usual case: the cache fits, nothing to evict.
        if (m_totalBlocks > limitBlocks)
            evictAbove(limitBlocks);
    }

    std::int64_t totalBlocks() const { return m_totalBlocks; }
    std::int64_t pinnedBlocks() const { return m_pinnedBlocks; }
    std::int64_t evictedBlocks() const { return m_evictedBlocks; }
    std::size_t entryCount() const { return m_entries.size() - m_freeEntries.size(); }

private:
    struct Entry
    {
        std::uint64_t segment = 0;
        std::int32_t blocks = 0;
        std::int32_t pins = 0;
        std::uint64_t lastUse = 0; ///< position of its release record in m_lru; 0 while free
        bool indexed = false;
    };
    struct Direct
    {
        std::int32_t blocks = 0;
        std::int32_t pins = 0;
        std::uint64_t lastUse = 0;
    };
    /// A release in LRU order: an entry (handle >= 0) or direct slot (handle <= -2), or `blocks`
    /// anonymous blocks (handle -1). 8 bytes: whether an entry's record is its latest one is told
    /// by the record's position in the FIFO (m_lruFront + i), which the entry keeps as `lastUse`,
    /// so the record carries no time stamp (there is one record per request in flight or cached:
    /// hundreds of MB over a large fleet at 16 bytes).
    struct Record
    {
        std::int32_t entry;
        std::int32_t blocks;
    };
    /// Pins an entry or a direct slot: the first pin takes its blocks out of the evictable
    /// ones and makes its release record stale.
    template <class Pinned>
    void pinRecord(Pinned &p)
    {
        if (p.pins == 0) {
            if (p.blocks > 0)
                --m_liveRecords; // its release record turns stale
            m_pinnedBlocks += p.blocks;
        }
        ++p.pins;
    }
    struct Slot
    {
        std::uint64_t key = 0; ///< 0 = empty (segment ids are never 0)
        std::int32_t entry = -1;
    };

    static std::size_t hashOf(std::uint64_t key) { return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> 20); }
    void indexInsert(std::uint64_t segment, std::int32_t entry);
    void indexErase(std::uint64_t segment);
    void growIndex();
    /// Whether `record`, at absolute position `position` of the FIFO, is the latest release of an
    /// entry that is still unpinned (anonymous records always are).
    bool recordIsLive(const Record &record, std::uint64_t position) const;
    std::uint64_t &lastUseOf(std::int32_t handle);
    void compactRecords();
    void freeEntry(std::int32_t entry);
    /// Appends the release record of `handle` and points its lastUse at it.
    void pushRecord(std::int32_t handle);
    /// evictTo once the cache is known to be over the limit.
    void evictAbove(std::int64_t limitBlocks);

    std::vector<Entry> m_entries;
    std::vector<std::int32_t> m_freeEntries;
    std::vector<Slot> m_slots;
    std::size_t m_indexed = 0;
    std::int64_t m_totalBlocks = 0;
    std::int64_t m_pinnedBlocks = 0;
    std::int64_t m_evictedBlocks = 0;
    RingBuffer<Record> m_lru{64};   ///< oldest release first
    /// Absolute position of m_lru's front: the count of records popped, plus 1 so that no record
    /// is at position 0 (a free entry's lastUse).
    std::uint64_t m_lruFront = 1;
    std::size_t m_liveRecords = 0; ///< records of m_lru that are not stale
    std::vector<Direct> m_direct;
};

} // namespace longitude::engine
