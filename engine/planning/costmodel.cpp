#include "costmodel.h"

#include <algorithm>

namespace longitude::engine {

CostModel::CostModel(const Scenario &scenario, const std::vector<std::string> &regionIds)
    : m_regions(static_cast<int>(regionIds.size()))
    , m_egress(regionIds.size() * regionIds.size(), kDefaultEgressUsdPerGb)
{
    const auto indexOf = [&](const std::string &id) {
        const auto it = std::find(regionIds.begin(), regionIds.end(), id);
        return it == regionIds.end() ? -1 : static_cast<int>(it - regionIds.begin());
    };
    // Symmetric twins first, so that an explicit link in the other direction wins.
    for (int pass = 0; pass < 2; ++pass)
        for (const Link &link : scenario.links) {
            const int from = indexOf(link.from);
            const int to = indexOf(link.to);
            if (from < 0 || to < 0)
                continue;
            if (pass == 0 && link.symmetric)
                m_egress[static_cast<std::size_t>(to * m_regions + from)] = link.egressUsdPerGb;
            if (pass == 1)
                m_egress[static_cast<std::size_t>(from * m_regions + to)] = link.egressUsdPerGb;
        }
    for (int r = 0; r < m_regions; ++r)
        m_egress[static_cast<std::size_t>(r * m_regions + r)] = 0.0;
}

double CostModel::usdPerGpuHour(const GpuType &gpu, PricingMode mode)
{
    switch (mode) {
    case PricingMode::Reserved: return gpu.prices.reservedUsdPerHour;
    case PricingMode::OnDemand: return gpu.prices.onDemandUsdPerHour;
    case PricingMode::Spot: return gpu.prices.spotUsdPerHour;
    }
    return gpu.prices.onDemandUsdPerHour;
}

double CostModel::poolUsdPerHour(const Scenario &scenario, const Pool &pool)
{
    const GpuType *gpu = scenario.findGpuType(pool.gpuType);
    return gpu == nullptr ? 0.0 : gpuUsd(pool.gpuCount, usdPerGpuHour(*gpu, pool.pricing), 1.0);
}

} // namespace longitude::engine
