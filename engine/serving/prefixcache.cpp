#include "prefixcache.h"

#include "engine/core/rng.h"

#include <cassert>

namespace longitude::engine {

PrefixCache::PrefixCache(std::int64_t capacityBlocks)
{
    (void)capacityBlocks;
    m_slots.resize(64);
}

std::uint64_t PrefixCache::blockId(std::uint64_t segment, std::int64_t index)
{
    return Rng::splitMix64(segment ^ Rng::splitMix64(static_cast<std::uint64_t>(index)));
}

std::int32_t PrefixCache::find(std::uint64_t segment) const
{
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t i = hashOf(segment) & mask;; i = (i + 1) & mask) {
        const Slot &slot = m_slots[i];
        if (slot.key == segment)
            return slot.entry;
        if (slot.key == 0)
            return -1;
    }
}

void PrefixCache::indexInsert(std::uint64_t segment, std::int32_t entry)
{
    if ((m_indexed + 1) * 2 > m_slots.size())
        growIndex();
    const std::size_t mask = m_slots.size() - 1;
    std::size_t i = hashOf(segment) & mask;
    while (m_slots[i].key != 0)
        i = (i + 1) & mask;
    m_slots[i] = {segment, entry};
    ++m_indexed;
}

void PrefixCache::indexErase(std::uint64_t segment)
{
    const std::size_t mask = m_slots.size() - 1;
    std::size_t i = hashOf(segment) & mask;
    while (m_slots[i].key != segment) {
        assert(m_slots[i].key != 0);
        i = (i + 1) & mask;
    }
    // Backward-shift deletion keeps every probe chain unbroken without tombstones.
    std::size_t hole = i;
    for (std::size_t j = (i + 1) & mask; m_slots[j].key != 0; j = (j + 1) & mask) {
        const std::size_t home = hashOf(m_slots[j].key) & mask;
        // Move j into the hole unless its home lies cyclically in (hole, j].
        const bool homeBetween = hole <= j ? (home > hole && home <= j) : (home > hole || home <= j);
        if (!homeBetween) {
            m_slots[hole] = m_slots[j];
            hole = j;
        }
    }
    m_slots[hole] = Slot{};
    --m_indexed;
}

void PrefixCache::growIndex()
{
    std::vector<Slot> old(m_slots.size() * 2);
    old.swap(m_slots);
    const std::size_t mask = m_slots.size() - 1;
    for (const Slot &slot : old) {
        if (slot.key == 0)
            continue;
        std::size_t i = hashOf(slot.key) & mask;
        while (m_slots[i].key != 0)
            i = (i + 1) & mask;
        m_slots[i] = slot;
    }
}

void PrefixCache::lruUnlink(std::int32_t entry)
{
    Entry &e = m_entries[static_cast<std::size_t>(entry)];
    if (e.prev >= 0)
        m_entries[static_cast<std::size_t>(e.prev)].next = e.next;
    else
        m_lruHead = e.next;
    if (e.next >= 0)
        m_entries[static_cast<std::size_t>(e.next)].prev = e.prev;
    else
        m_lruTail = e.prev;
    e.prev = e.next = -1;
}

void PrefixCache::lruPushFront(std::int32_t entry)
{
    Entry &e = m_entries[static_cast<std::size_t>(entry)];
    e.lastUse = ++m_clock;
    e.prev = -1;
    e.next = m_lruHead;
    if (m_lruHead >= 0)
        m_entries[static_cast<std::size_t>(m_lruHead)].prev = entry;
    m_lruHead = entry;
    if (m_lruTail < 0)
        m_lruTail = entry;
}

void PrefixCache::freeEntry(std::int32_t entry)
{
    Entry &e = m_entries[static_cast<std::size_t>(entry)];
    if (e.indexed)
        indexErase(e.segment);
    e = Entry{};
    m_freeEntries.push_back(entry);
}

std::int32_t PrefixCache::acquire(std::uint64_t segment, bool indexed)
{
    std::int32_t entry = indexed ? find(segment) : -1;
    if (entry < 0) {
        if (!m_freeEntries.empty()) {
            entry = m_freeEntries.back();
            m_freeEntries.pop_back();
        } else {
            entry = static_cast<std::int32_t>(m_entries.size());
            m_entries.emplace_back();
        }
        Entry &e = m_entries[static_cast<std::size_t>(entry)];
        e.segment = segment;
        e.indexed = indexed;
        if (indexed)
            indexInsert(segment, entry);
    }
    Entry &e = m_entries[static_cast<std::size_t>(entry)];
    if (e.pins == 0) {
        if (e.blocks > 0)
            lruUnlink(entry);
        m_pinnedBlocks += e.blocks;
    }
    ++e.pins;
    return entry;
}

std::int32_t PrefixCache::grow(std::int32_t entry, std::int32_t blocks)
{
    Entry &e = m_entries[static_cast<std::size_t>(entry)];
    assert(e.pins > 0);
    if (blocks <= e.blocks)
        return 0;
    const std::int32_t added = blocks - e.blocks;
    e.blocks = blocks;
    m_totalBlocks += added;
    m_pinnedBlocks += added;
    return added;
}

void PrefixCache::release(std::int32_t entry)
{
    Entry &e = m_entries[static_cast<std::size_t>(entry)];
    assert(e.pins > 0);
    if (--e.pins > 0)
        return;
    m_pinnedBlocks -= e.blocks;
    if (e.blocks == 0)
        freeEntry(entry);
    else
        lruPushFront(entry);
}

void PrefixCache::retire(std::int32_t entry)
{
    Entry &e = m_entries[static_cast<std::size_t>(entry)];
    if (e.pins > 1) {
        release(entry);
        return;
    }
    const std::int32_t blocks = e.blocks;
    m_pinnedBlocks -= blocks;
    m_totalBlocks -= blocks;
    freeEntry(entry);
    addAnonymous(blocks);
}

void PrefixCache::addAnonymous(std::int32_t blocks)
{
    if (blocks <= 0)
        return;
    m_anonymous.push({++m_clock, blocks});
    m_totalBlocks += blocks;
}

void PrefixCache::evictTo(std::int64_t limitBlocks)
{
    while (m_totalBlocks > limitBlocks) {
        // Evict whichever is older: the least recently used entry or the oldest anonymous blocks.
        const bool haveEntry = m_lruTail >= 0;
        const bool haveAnonymous = !m_anonymous.empty();
        if (!haveEntry && !haveAnonymous)
            return;
        if (haveAnonymous
            && (!haveEntry || m_anonymous.front().lastUse < m_entries[static_cast<std::size_t>(m_lruTail)].lastUse)) {
            const std::int64_t excess = m_totalBlocks - limitBlocks;
            const Anonymous oldest = m_anonymous.front();
            if (excess < oldest.blocks) {
                m_anonymous.front().blocks -= static_cast<std::int32_t>(excess);
                m_totalBlocks -= excess;
                m_evictedBlocks += excess;
                return;
            }
            m_anonymous.pop();
            m_totalBlocks -= oldest.blocks;
            m_evictedBlocks += oldest.blocks;
            continue;
        }
        const std::int32_t victim = m_lruTail;
        Entry &e = m_entries[static_cast<std::size_t>(victim)];
        const std::int64_t excess = m_totalBlocks - limitBlocks;
        if (excess < e.blocks) {
            // Trim the tail blocks only: the leading ones stay useful as a shorter prefix.
            e.blocks -= static_cast<std::int32_t>(excess);
            m_totalBlocks -= excess;
            m_evictedBlocks += excess;
            return;
        }
        m_totalBlocks -= e.blocks;
        m_evictedBlocks += e.blocks;
        lruUnlink(victim);
        freeEntry(victim);
    }
}

} // namespace longitude::engine
