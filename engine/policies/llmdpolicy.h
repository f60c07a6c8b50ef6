#pragma once

#include "engine/policies/routingpolicy.h"

namespace longitude::engine {

/// llm-d's inference scheduler with its weighted scorers (DOMAIN.md section 5.5): each
/// candidate's total is sum(weight * clamp(score, 0, 1)) over
///  - queue:   (maxQ - q) / (maxQ - minQ) on waiting requests, 1 when all queues are equal
///            (gateway-api-inference-extension scorer/queue.go);
///  - kv-util: 1 - KV-cache usage;
///  - prefix:  matchedBlocks / totalBlocks of the prompt, in 16-token blocks;
/// default weights queue 2, kv-util 2, prefix 3. The highest total wins, ties at random.
class LlmdPolicy : public RoutingPolicy
{
public:
    struct Weights
    {
        double queue = 2.0;
        double kvUtil = 2.0;
        double prefix = 3.0;
        int prefixBlockTokens = 16;
    };
    explicit LlmdPolicy(const Weights &weights) : m_w(weights) {}
    RouteChoice route(const RouteQuery &query) override;

    static double clamp01(double x) { return x < 0.0 ? 0.0 : (x > 1.0 ? 1.0 : x); }
    static double queueScore(int q, int minQ, int maxQ)
    {
        return maxQ == minQ ? 1.0 : static_cast<double>(maxQ - q) / static_cast<double>(maxQ - minQ);
    }
    static double kvScore(double usage) { return 1.0 - usage; }
    static double prefixScore(int matchedTokens, int promptTokens, int blockTokens)
    {
        const int total = promptTokens / blockTokens;
        return total > 0 ? static_cast<double>(matchedTokens / blockTokens) / total : 0.0;
    }

private:
    Weights m_w;
};

} // namespace longitude::engine
