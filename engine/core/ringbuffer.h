#pragma once

#include <cassert>
#include <cstddef>
#include <vector>

namespace longitude::engine {

/// FIFO of trivially copyable values in a power-of-two circular array. It grows by doubling and
/// never shrinks, so a queue that reached its steady-state length allocates nothing more
/// (replica wait queues hold request indices here).
template <typename T>
class RingBuffer
{
public:
    explicit RingBuffer(std::size_t initialCapacity = 16)
    {
        std::size_t capacity = 1;
        while (capacity < initialCapacity)
            capacity *= 2;
        m_items.resize(capacity);
        m_mask = capacity - 1;
    }

    bool empty() const { return m_size == 0; }
    std::size_t size() const { return m_size; }
    const T &front() const
    {
        assert(m_size > 0);
        return m_items[m_head];
    }
    T &front()
    {
        assert(m_size > 0);
        return m_items[m_head];
    }
    /// The i-th element from the front.
    const T &at(std::size_t i) const { return m_items[(m_head + i) & m_mask]; }
    T &at(std::size_t i) { return m_items[(m_head + i) & m_mask]; }
    /// Keeps the first n elements (for in-place compaction).
    void truncate(std::size_t n)
    {
        assert(n <= m_size);
        m_size = n;
    }
    void push(const T &value)
    {
        if (m_size > m_mask)
            grow();
        m_items[(m_head + m_size) & m_mask] = value;
        ++m_size;
    }
    void pop()
    {
        assert(m_size > 0);
        m_head = (m_head + 1) & m_mask;
        --m_size;
    }
    void clear()
    {
        m_head = 0;
        m_size = 0;
    }

private:
    void grow()
    {
        std::vector<T> bigger(m_items.size() * 2);
        for (std::size_t i = 0; i < m_size; ++i)
            bigger[i] = at(i);
        m_items.swap(bigger);
        m_mask = m_items.size() - 1;
        m_head = 0;
    }

    std::vector<T> m_items;
    std::size_t m_mask = 0; ///< capacity - 1 (the capacity is a power of two)
    std::size_t m_head = 0;
    std::size_t m_size = 0;
};

} // namespace longitude::engine
