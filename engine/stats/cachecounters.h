#pragma once

namespace longitude::engine {

/// Prefix-cache hits of completed requests at three granularities: tokens, full blocks
/// (the unit engines cache) and requests (any hit at all).
struct CacheCounters
{
    double promptTokens = 0.0;
    double hitTokens = 0.0;
    double promptBlocks = 0.0; ///< full blocks of the prompts
    double hitBlocks = 0.0;
    double requests = 0.0;
    double hitRequests = 0.0;

    double tokenHitRate() const { return promptTokens > 0.0 ? hitTokens / promptTokens : 0.0; }
    double blockHitRate() const { return promptBlocks > 0.0 ? hitBlocks / promptBlocks : 0.0; }
    double requestHitRate() const { return requests > 0.0 ? hitRequests / requests : 0.0; }

    void merge(const CacheCounters &o, double w = 1.0)
    {
        promptTokens += o.promptTokens * w;
        hitTokens += o.hitTokens * w;
        promptBlocks += o.promptBlocks * w;
        hitBlocks += o.hitBlocks * w;
        requests += o.requests * w;
        hitRequests += o.hitRequests * w;
    }
};

} // namespace longitude::engine
