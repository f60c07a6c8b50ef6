#pragma once

/// @file regiongraph.h

#include "engine/scenario/scenario.h"

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace longitude::engine {

/// The round-trip time between two regions and the regions a request passes through.
struct RttPath
{
    double rttMs = 0.0;
    std::vector<std::string> regions; ///< from ... to, inclusive; {from} when from == to
    bool direct = false;              ///< true when no region lies in between (a direct link, or from == to)
    bool operator==(const RttPath &) const = default;
};

/// The network between a scenario's regions, as a directed graph whose edges are its links.
///
/// It exists because a scenario rarely measures every pair of regions: RTT data covers some
/// pairs, and a request between two regions without a measurement travels over the measured
/// ones. The rule is:
///  - a pair with a direct link uses that link's RTT, even if a path through other regions adds up
///    to less: the link is a measurement of that very pair, a sum of hops is only an estimate;
///  - a pair without a direct link uses the shortest path (Dijkstra over the links' RTTs);
///  - a symmetric link gives both directions the same RTT, a directed link only from -> to;
///  - several links for the same direction keep the smallest RTT (the validator refuses duplicates);
///  - links naming an unknown region, a region to itself, or a non-positive or non-finite RTT are
///    ignored (the validator reports them).
/// Everything is computed once at construction, so the object is an immutable value and queries
/// are O(1) (shortestPath() is O(path length)). Boost.Graph is used inside regiongraph.cpp only.
class RegionGraph
{
public:
    explicit RegionGraph(const Scenario &scenario);
    RegionGraph(const std::vector<Region> &regions, const std::vector<Link> &links);

    int regionCount() const { return static_cast<int>(m_ids.size()); }
    const std::vector<std::string> &regionIds() const { return m_ids; }

    /// Index of region `id` in scenario order, or -1. With duplicate ids, the first one.
    int indexOf(const std::string &id) const;

    /// RTT and route from `from` to `to` per the rule above; nullopt if either region is unknown
    /// or no path of links leads from one to the other.
    std::optional<RttPath> shortestPath(const std::string &from, const std::string &to) const;

    /// RTT in milliseconds per the rule above, or nullopt (unknown region or no path).
    std::optional<double> rttMs(const std::string &from, const std::string &to) const;

    /// All-pairs RTT in milliseconds, indexed [from][to] in scenario order: 0 on the diagonal,
    /// +infinity where no path exists.
    const std::vector<std::vector<double>> &rttMatrixMs() const { return m_rttMs; }

    /// True when every region can reach every other one (true for zero or one region).
    bool connected() const;

private:
    void build(const std::vector<Region> &regions, const std::vector<Link> &links);

    std::vector<std::string> m_ids;
    std::unordered_map<std::string, int> m_index;
    std::vector<std::vector<double>> m_rttMs;
    std::vector<std::vector<bool>> m_direct;
    /// m_predecessor[s][v]: the region before v on the shortest path from s (v itself at s or
    /// when unreachable). Used for pairs without a direct link.
    std::vector<std::vector<int>> m_predecessor;
};

} // namespace longitude::engine
