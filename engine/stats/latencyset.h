#pragma once

#include "engine/stats/loghistogram.h"

namespace longitude::engine {

/// The four per-request latencies the planner reports, each a streaming histogram in
/// microseconds: time to first token, end to end, time per output token, replica queue wait.
struct LatencySet
{
    explicit LatencySet(int subBucketBits = 7)
        : ttft(subBucketBits), e2e(subBucketBits), tpot(subBucketBits), queueWait(subBucketBits)
    {
    }
    LogHistogram ttft;
    LogHistogram e2e;
    LogHistogram tpot; ///< only requests with more than one output token
    LogHistogram queueWait;

    void merge(const LatencySet &other, double weight = 1.0)
    {
        ttft.merge(other.ttft, weight);
        e2e.merge(other.e2e, weight);
        tpot.merge(other.tpot, weight);
        queueWait.merge(other.queueWait, weight);
    }
};

} // namespace longitude::engine
