#include "regiondistances.h"

#include <algorithm>
#include <limits>

namespace longitude::engine {

std::vector<double> RegionDistances::rttMatrixMs(const Scenario &scenario, const std::vector<std::string> &regionIds)
{
    const std::size_t n = regionIds.size();
    const double inf = std::numeric_limits<double>::infinity();
    std::vector<double> d(n * n, inf);
    for (std::size_t i = 0; i < n; ++i)
        d[i * n + i] = 0.0;
    const auto indexOf = [&](const std::string &id) {
        const auto it = std::find(regionIds.begin(), regionIds.end(), id);
        return it == regionIds.end() ? n : static_cast<std::size_t>(it - regionIds.begin());
    };
    for (const Link &link : scenario.links) {
        const std::size_t a = indexOf(link.from);
        const std::size_t b = indexOf(link.to);
        if (a == n || b == n || a == b)
            continue;
        d[a * n + b] = std::min(d[a * n + b], link.rttMs);
        if (link.symmetric)
            d[b * n + a] = std::min(d[b * n + a], link.rttMs);
    }
    for (std::size_t k = 0; k < n; ++k)
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = 0; j < n; ++j)
                if (d[i * n + k] + d[k * n + j] < d[i * n + j])
                    d[i * n + j] = d[i * n + k] + d[k * n + j];
    return d;
}

} // namespace longitude::engine
