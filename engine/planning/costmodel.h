#pragma once

#include "engine/scenario/scenario.h"

#include <string>
#include <vector>

namespace longitude::engine {

/// Money: GPU hours at each pool's pricing mode, and inter-region transfer of requests served
/// away from their origin. Transfer volume is estimated from tokens, since the simulator does
/// not carry text: kBytesPerToken bytes per prompt token sent to the serving region and per
/// output token streamed back.
class CostModel
{
public:
    /// ~4 characters of English text per token (OpenAI tokenizer guidance, "a helpful rule of
    /// thumb is that one token generally corresponds to ~4 characters of text", read 2025),
    /// 1 byte per character in UTF-8; protocol overhead is ignored.
    static constexpr double kBytesPerToken = 4.0;
    /// Inter-region transfer price used when no link gives one: DOMAIN.md section 4,
    /// "inter-region transfer ~ $0.02/GB" (AWS/GCP list prices, 2025).
    static constexpr double kDefaultEgressUsdPerGb = 0.02;

    CostModel() = default;
    CostModel(const Scenario &scenario, const std::vector<std::string> &regionIds);

    /// Price of sending data from region `from` to region `to` (direct link, its symmetric
    /// twin, or the default).
    double egressUsdPerGb(int from, int to) const
    {
        return m_egress.empty() ? kDefaultEgressUsdPerGb : m_egress[static_cast<std::size_t>(from * m_regions + to)];
    }
    /// Transfer cost of one forwarded request: prompt origin -> serving, output back.
    double requestEgressUsd(int origin, int serving, double inputTokens, double outputTokens) const
    {
        return (inputTokens * egressUsdPerGb(origin, serving) + outputTokens * egressUsdPerGb(serving, origin))
               * kBytesPerToken * 1e-9;
    }
    static double gpuUsd(double gpus, double usdPerGpuHour, double hours) { return gpus * usdPerGpuHour * hours; }
    /// Price of one GPU-hour of `gpu` under pricing `mode`.
    static double usdPerGpuHour(const GpuType &gpu, PricingMode mode);
    /// What `pool` costs per hour: its GPUs at its pricing mode; 0 when its GPU type is unknown.
    static double poolUsdPerHour(const Scenario &scenario, const Pool &pool);

private:
    int m_regions = 0;
    std::vector<double> m_egress;
};

} // namespace longitude::engine
