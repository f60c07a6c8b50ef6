#include "consistenthashring.h"

#include "engine/core/rng.h"

#include <algorithm>

namespace longitude::engine {

std::uint64_t ConsistentHashRing::hashKey(std::uint64_t key)
{
    return Rng::splitMix64(key ^ 0x6a09e667f3bcc909ull);
}

void ConsistentHashRing::build(std::span<const int> members, int pointsPerMember)
{
    m_points.clear();
    m_points.reserve(members.size() * static_cast<std::size_t>(pointsPerMember > 0 ? pointsPerMember : 1));
    for (const int member : members)
        for (int p = 0; p < std::max(1, pointsPerMember); ++p) {
            const std::uint64_t seed = (static_cast<std::uint64_t>(static_cast<std::uint32_t>(member)) << 32)
                                       | static_cast<std::uint32_t>(p);
            m_points.push_back({Rng::splitMix64(Rng::splitMix64(seed)), member});
        }
    std::sort(m_points.begin(), m_points.end(), [](const Point &a, const Point &b) {
        return a.hash < b.hash || (a.hash == b.hash && a.member < b.member);
    });
}

std::size_t ConsistentHashRing::lowerBound(std::uint64_t hash) const
{
    const auto it = std::lower_bound(m_points.begin(), m_points.end(), hash,
                                     [](const Point &p, std::uint64_t h) { return p.hash < h; });
    return it == m_points.end() ? 0 : static_cast<std::size_t>(it - m_points.begin());
}

} // namespace longitude::engine
