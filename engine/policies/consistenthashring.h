#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace longitude::engine {

/// A consistent-hash ring (Karger et al. 1997; libketama's layout): every member owns
/// `pointsPerMember` pseudo-random points on a 64-bit circle, and a key belongs to the member of
/// the first point at or after the key's hash. Points depend on the member's id only, so adding
/// one member to n moves about 1/(n+1) of the keys, and removing one moves only its own keys.
/// Session and prefix affinity map sessions and system prompts to replicas with it.
class ConsistentHashRing
{
public:
    /// libketama places 160 points per server (40 MD5 digests x 4 points); the same spread here.
    static constexpr int kDefaultPointsPerMember = 160;

    void build(std::span<const int> members, int pointsPerMember = kDefaultPointsPerMember);
    bool empty() const { return m_points.empty(); }

    /// The member owning `key`, or -1 for an empty ring.
    int owner(std::uint64_t key) const { return owner(key, [](int) { return true; }); }
    /// The first member clockwise from `key` that `accept` takes (a routable replica), or -1.
    template <typename Accept>
    int owner(std::uint64_t key, Accept accept) const
    {
        if (m_points.empty())
            return -1;
        const std::size_t n = m_points.size();
        std::size_t i = lowerBound(hashKey(key));
        for (std::size_t step = 0; step < n; ++step, i = (i + 1 == n ? 0 : i + 1))
            if (accept(m_points[i].member))
                return m_points[i].member;
        return -1;
    }

    static std::uint64_t hashKey(std::uint64_t key);

private:
    struct Point
    {
        std::uint64_t hash = 0;
        int member = 0;
    };
    std::size_t lowerBound(std::uint64_t hash) const;

    std::vector<Point> m_points; ///< sorted by (hash, member)
};

} // namespace longitude::engine
