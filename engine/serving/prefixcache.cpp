#include "prefixcache.h"

#include "engine/core/rng.h"

#include <cassert>

namespace longitude::engine {

PrefixCache::PrefixCache()
{
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

bool PrefixCache::recordIsLive(const Record &record, std::uint64_t position) const
{
    if (record.entry == -1)
        return true;
    if (record.entry <= -2) {
        const Direct &d = m_direct[static_cast<std::size_t>(-2 - record.entry)];
        return d.pins == 0 && d.lastUse == position;
    }
    const Entry &e = m_entries[static_cast<std::size_t>(record.entry)];
    return e.pins == 0 && e.lastUse == position;
}

std::uint64_t &PrefixCache::lastUseOf(std::int32_t handle)
{
    return handle <= -2 ? m_direct[static_cast<std::size_t>(-2 - handle)].lastUse
                        : m_entries[static_cast<std::size_t>(handle)].lastUse;
}

void PrefixCache::setDirectSlotCount(std::int32_t count)
{
    m_direct.assign(static_cast<std::size_t>(count), Direct{});
}

void PrefixCache::pushRecord(std::int32_t handle)
{
    lastUseOf(handle) = m_lruFront + m_lru.size();
    m_lru.push({handle, 0});
    ++m_liveRecords;
    if (m_lru.size() > 2 * m_liveRecords + 64)
        compactRecords();
}

void PrefixCache::compactRecords()
{
    std::size_t kept = 0;
    for (std::size_t i = 0; i < m_lru.size(); ++i) {
        const Record record = m_lru.at(i);
        if (!recordIsLive(record, m_lruFront + i))
            continue;
        // The record moves: its entry follows it (positions stay unique and increasing).
        if (record.entry != -1)
            lastUseOf(record.entry) = m_lruFront + kept;
        m_lru.at(kept++) = record;
    }
    m_lru.truncate(kept);
}

void PrefixCache::freeEntry(std::int32_t entry)
{
    Entry &e = m_entries[static_cast<std::size_t>(entry)];
    if (e.indexed)
        indexErase(e.segment);
    e = Entry{}; // lastUse 0, no record's position: any record of it is stale now
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
    pin(entry);
    return entry;
}

void PrefixCache::pin(std::int32_t entry)
{
    pinRecord(m_entries[static_cast<std::size_t>(entry)]);
}

void PrefixCache::release(std::int32_t handle)
{
    if (handle <= -2) {
        Direct &d = m_direct[static_cast<std::size_t>(-2 - handle)];
        assert(d.pins > 0);
        if (--d.pins > 0)
            return;
        m_pinnedBlocks -= d.blocks;
        if (d.blocks > 0)
            pushRecord(handle);
        return;
    }
    Entry &e = m_entries[static_cast<std::size_t>(handle)];
    assert(e.pins > 0);
    if (--e.pins > 0)
        return;
    m_pinnedBlocks -= e.blocks;
    if (e.blocks == 0) {
        freeEntry(handle);
    } else {
        pushRecord(handle);
    }
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

void PrefixCache::evictAbove(std::int64_t limitBlocks)
{
    while (m_totalBlocks > limitBlocks && !m_lru.empty()) {
        Record &oldest = m_lru.front();
        if (!recordIsLive(oldest, m_lruFront)) {
            m_lru.pop();
            ++m_lruFront;
            continue;
        }
        std::int32_t &blocks = oldest.entry == -1 ? oldest.blocks
                               : oldest.entry <= -2 ? m_direct[static_cast<std::size_t>(-2 - oldest.entry)].blocks
                                                    : m_entries[static_cast<std::size_t>(oldest.entry)].blocks;
        const std::int64_t excess = m_totalBlocks - limitBlocks;
        if (excess < blocks) {
            // Trim the tail blocks only: the leading ones stay useful as a shorter prefix.
            blocks -= static_cast<std::int32_t>(excess);
            m_totalBlocks -= excess;
            m_evictedBlocks += excess;
            return;
        }
        m_totalBlocks -= blocks;
        m_evictedBlocks += blocks;
        blocks = 0;
        const std::int32_t victim = oldest.entry;
        m_lru.pop();
        ++m_lruFront;
        --m_liveRecords;
        if (victim >= 0)
            freeEntry(victim);
    }
}

} // namespace longitude::engine
