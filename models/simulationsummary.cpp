#include "models/simulationsummary.h"

#include "engine/stats/simulationresult.h"

namespace longitude::models {

namespace {

constexpr double kMicrosPerMs = 1e3;

SimulationSummary::Latencies latencies(const engine::LogHistogram &h)
{
    return {h.quantile(0.5) / kMicrosPerMs, h.quantile(0.9) / kMicrosPerMs, h.quantile(0.99) / kMicrosPerMs,
            h.mean() / kMicrosPerMs, h.count()};
}

double share(double part, double whole)
{
    return whole > 0.0 ? part / whole : 0.0;
}

} // namespace

SimulationSummary SimulationSummary::fromResult(const engine::SimulationResult &r)
{
    SimulationSummary s;
    s.scenario = QString::fromStdString(r.scenario);
    s.policy = QString::fromStdString(r.policy);
    s.seed = r.seed;
    s.sampled = r.sampled;
    s.simulatedS = r.simulatedSeconds;
    s.wallS = r.wallSeconds;
    s.arrived = r.requests.arrived;
    s.completed = r.requests.completed;
    s.shed = r.requests.shed;
    s.crossRegion = r.requests.crossRegion;
    s.residencyViolations = r.requests.residencyViolations;
    for (const auto &[reason, count] : r.shedReasons)
        s.shedByReason.insert(QString::fromStdString(reason), count);
    s.inputTokens = r.requests.inputTokens;
    s.outputTokens = r.requests.outputTokens;
    s.ttft = latencies(r.latency.ttft);
    s.e2e = latencies(r.latency.e2e);
    s.tpot = latencies(r.latency.tpot);
    s.queueWait = latencies(r.latency.queueWait);
    s.slaTtftP99Ms = r.slaTtftP99Ms;
    s.slaAttainment = r.slaAttainment();
    s.cacheTokenHitRate = r.cache.tokenHitRate();
    s.cacheBlockHitRate = r.cache.blockHitRate();
    s.cacheRequestHitRate = r.cache.requestHitRate();
    s.utilizationMean = r.utilizationMean();
    s.computeUtilizationMean = r.computeUtilizationMean();
    s.gpuUsd = r.gpuUsd;
    s.egressUsd = r.egressUsd;
    s.egressGb = r.egressBytes * 1e-9;
    s.overflowSpilled = r.overflow.spilled;
    s.failoverRerouted = r.failover.rerouted;
    s.failoverDegraded = r.failover.degraded;
    for (const auto &outage : r.failover.outages)
        s.outages << Outage{QString::fromStdString(outage.target), outage.startS, outage.endS, outage.detectedAfterS,
                            outage.recoveredAfterS};
    s.failoverLostInFlight = r.failover.lostInFlight;
    s.failoverFailedDeliveries = r.failover.failedDeliveries;
    s.failoverRetried = r.failover.retried;

    for (const auto &region : r.regions) {
        RegionRow row;
        row.id = QString::fromStdString(region.id);
        row.arrived = region.requests.arrived;
        row.completed = region.requests.completed;
        row.shed = region.requests.shed;
        row.crossRegion = region.requests.crossRegion;
        row.residencyViolations = region.requests.residencyViolations;
        row.ttft = latencies(region.latency.ttft);
        row.e2e = latencies(region.latency.e2e);
        row.slaAttainment = share(region.requests.ttftWithinSla, region.requests.completed);
        row.cacheTokenHitRate = region.cache.tokenHitRate();
        row.cacheRequestHitRate = region.cache.requestHitRate();
        row.utilization = share(region.runningSlotUs, region.slotCapacityUs);
        row.computeUtilization = region.computeUtilization();
        s.regions << row;
    }
    for (const auto &pool : r.pools) {
        PoolRow row;
        row.id = QString::fromStdString(pool.id);
        row.region = QString::fromStdString(pool.region);
        row.replicas = pool.replicas;
        row.gpus = pool.gpus;
        row.completed = pool.requests.completed;
        row.ttft = latencies(pool.latency.ttft);
        row.cacheTokenHitRate = pool.cache.tokenHitRate();
        row.cacheRequestHitRate = pool.cache.requestHitRate();
        row.utilization = pool.utilization(r.measuredUs);
        row.computeUtilization = pool.computeUtilization(r.measuredUs);
        row.busyFraction = pool.busyFraction(r.measuredUs);
        row.gpuUsd = pool.gpuUsd;
        s.pools << row;
    }

    // Utilisation per bucket as the engine's time-series CSV computes it (engine/io/timeseriescsv.cpp,
    // docs/summary-format.md): the bucket's integrals over its full width. Each bucket is put into
    // a result of its own, `bucketS` long, so that the engine's formulas apply unchanged.
    s.bucketS = static_cast<double>(r.bucketUs) * 1e-6;
    const double bucketUs = static_cast<double>(r.bucketUs > 0 ? r.bucketUs : 1);
    engine::SimulationResult slice;
    slice.measuredUs = bucketUs;
    for (const auto &pool : r.pools) {
        engine::SimulationResult::Pool sized;
        sized.replicas = pool.replicas;
        sized.gpus = pool.gpus;
        sized.maxBatch = pool.maxBatch;
        slice.pools.push_back(std::move(sized));
    }
    for (const auto &bucket : r.timeline) {
        TimeBucket b;
        b.startS = static_cast<double>(bucket.startUs) * 1e-6;
        b.arrived = bucket.requests.arrived;
        b.completed = bucket.requests.completed;
        b.shed = bucket.requests.shed;
        b.crossRegion = bucket.requests.crossRegion;
        b.ttft = latencies(bucket.latency.ttft);
        for (std::size_t p = 0; p < slice.pools.size(); ++p) {
            auto &pool = slice.pools[p];
            pool.runningSlotUs = p < bucket.poolRunningSlotUs.size() ? bucket.poolRunningSlotUs[p] : 0.0;
            pool.computeWorkUs = p < bucket.poolComputeWorkUs.size() ? bucket.poolComputeWorkUs[p] : 0.0;
            b.poolUtilization << pool.utilization(bucketUs);
            b.poolComputeUtilization << pool.computeUtilization(bucketUs);
        }
        b.utilization = slice.utilizationMean();
        b.computeUtilization = slice.computeUtilizationMean();
        s.timeline << b;
    }
    return s;
}

} // namespace longitude::models
