#pragma once

#include <cassert>
#include <cstdint>

namespace longitude::engine {

/// The KV block size in tokens, with the divisions by it that the hot path makes several times
/// per request (full blocks of a prompt, blocks needed) done by a shift when the size is a power
/// of two (the default 16), and by an integer division otherwise. Results are the same: the
/// counts divided are never negative.
class BlockSize
{
public:
    explicit BlockSize(int tokens = 16) : m_tokens(tokens > 0 ? tokens : 16)
    {
        if ((m_tokens & (m_tokens - 1)) == 0)
            while ((1 << m_shift) < m_tokens)
                ++m_shift;
        else
            m_shift = -1;
    }

    int tokens() const { return m_tokens; }
    /// Full blocks in `count` tokens (count >= 0).
    std::int64_t full(std::int64_t count) const
    {
        assert(count >= 0);
        return m_shift >= 0 ? count >> m_shift : count / m_tokens;
    }
    std::int32_t full(std::int32_t count) const
    {
        assert(count >= 0);
        return m_shift >= 0 ? count >> m_shift : count / m_tokens;
    }
    /// Blocks that hold `count` tokens (the last one partly filled), count >= 0.
    std::int64_t covering(std::int64_t count) const { return full(count + m_tokens - 1); }

private:
    int m_tokens;
    int m_shift = 0;
};

} // namespace longitude::engine
