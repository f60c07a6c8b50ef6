#pragma once

#include "engine/scenario/scenario.h"

#include <optional>
#include <vector>

namespace longitude::models {

/// All-pairs round-trip times of a scenario's regions: the direct link where there is one,
/// otherwise the shortest path over links (the format's rule for pairs without a direct link,
/// docs/scenario-format.md). The RTT matrix shows both, distinguished, and fills missing cells
/// from it. Indices are positions in Scenario::regions.
/// @todo Use the engine's region graph (engine/network) once it lands, so that one place
/// computes paths.
class RttPathTable
{
public:
    RttPathTable() = default;
    explicit RttPathTable(const engine::Scenario &scenario);

    int regionCount() const { return m_count; }
    /// Direct RTT from -> to: a link from->to, else a symmetric link to->from.
    std::optional<double> directRttMs(int from, int to) const;
    /// Shortest-path RTT from -> to (0 on the diagonal); nothing when no path exists.
    std::optional<double> pathRttMs(int from, int to) const;
    /// Region indices along the shortest path, both ends included; empty when none.
    std::vector<int> path(int from, int to) const;

private:
    std::size_t at(int from, int to) const { return static_cast<std::size_t>(from * m_count + to); }

    int m_count = 0;
    std::vector<double> m_direct; // NaN = no direct link
    std::vector<double> m_path;   // +inf = unreachable
    std::vector<int> m_next;      // next hop on the shortest path, -1 = none
};

} // namespace longitude::models
