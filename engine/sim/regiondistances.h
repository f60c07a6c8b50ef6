#pragma once

#include "engine/scenario/scenario.h"

#include <string>
#include <vector>

namespace longitude::engine {

/// Round-trip times between every pair of regions: the direct link, else the shortest path over
/// links (Floyd-Warshall), +infinity when unreachable. A stand-in with the contract of
/// network/RegionGraph::rttMatrixMs() until that lands; the simulation calls it in one place.
class RegionDistances
{
public:
    /// Row-major n x n matrix in milliseconds, in the order of `regionIds`.
    static std::vector<double> rttMatrixMs(const Scenario &scenario, const std::vector<std::string> &regionIds);
};

} // namespace longitude::engine
