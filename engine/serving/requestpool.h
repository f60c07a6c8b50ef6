#pragma once

#include "engine/core/hugepageallocator.h"
#include "engine/serving/request.h"

#include <cstdint>
#include <vector>

namespace longitude::engine {

/// Slab of Request records with a free list: indices stay valid while a request lives and slots
/// are reused, so memory is bounded by the peak number of requests in flight. The slab (tens of
/// MiB at the sample's peak) sits in huge pages.
class RequestPool
{
public:
    std::int32_t allocate()
    {
        if (!m_free.empty()) {
            const std::int32_t index = m_free.back();
            m_free.pop_back();
            m_items[static_cast<std::size_t>(index)] = Request{};
            return index;
        }
        m_items.emplace_back();
        return static_cast<std::int32_t>(m_items.size() - 1);
    }
    void release(std::int32_t index) { m_free.push_back(index); }
    Request &operator[](std::int32_t index) { return m_items[static_cast<std::size_t>(index)]; }
    const Request &operator[](std::int32_t index) const { return m_items[static_cast<std::size_t>(index)]; }
    std::size_t inUse() const { return m_items.size() - m_free.size(); }
    std::size_t capacity() const { return m_items.size(); }

private:
    HugePageVector<Request> m_items;
    std::vector<std::int32_t> m_free;
};

} // namespace longitude::engine
