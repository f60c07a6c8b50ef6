#pragma once

#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>

namespace longitude::engine {
struct SimulationResult;
}

namespace longitude::models {

/// What one simulation run measured, as plain values for the GUI thread: the runner builds it on
/// the worker thread from the engine's SimulationResult (percentiles already taken), so that
/// panels never touch engine statistics and nothing is shared between threads.
/// Latencies in milliseconds, money in US dollars for the simulated span.
struct SimulationSummary
{
    struct Latencies
    {
        double p50Ms = 0.0;
        double p90Ms = 0.0;
        double p99Ms = 0.0;
        double meanMs = 0.0;
        double count = 0.0; ///< requests in the histogram (0: the percentiles mean nothing)
    };
    struct RegionRow
    {
        QString id;
        double arrived = 0.0;
        double completed = 0.0;
        double shed = 0.0;
        double crossRegion = 0.0;
        double residencyViolations = 0.0;
        Latencies ttft; ///< by origin region
        Latencies e2e;  ///< by origin region
        double slaAttainment = 0.0; ///< share of completed requests with TTFT within the SLA
        double cacheTokenHitRate = 0.0;   ///< requests served in this region
        double cacheRequestHitRate = 0.0; ///< requests served in this region
        double utilization = 0.0;         ///< share of batch slots of the region's pools, slot-weighted
        double computeUtilization = 0.0;  ///< share of compute capacity of the region's pools, GPU-weighted
    };
    struct PoolRow
    {
        QString id;
        QString region;
        int replicas = 0;
        int gpus = 0;
        double completed = 0.0;
        Latencies ttft;
        double cacheTokenHitRate = 0.0;
        double cacheRequestHitRate = 0.0;
        double utilization = 0.0;  ///< running sequences / (replicas × max batch): batch slots in use
        /// Compute work / (replicas × time): prefill time plus each decode step's share of a full
        /// batch's step; 1 at saturation (docs/engine.md, "Utilisation").
        double computeUtilization = 0.0;
        double busyFraction = 0.0; ///< time with at least one sequence running
        double gpuUsd = 0.0;
    };
    /// One `simulation.bucketS` slice of simulated time, requests attributed by arrival time
    /// (the engine's timeline; warm-up buckets are present and empty).
    struct TimeBucket
    {
        double startS = 0.0;
        double arrived = 0.0;
        double completed = 0.0;
        double shed = 0.0;
        double crossRegion = 0.0;
        Latencies ttft; ///< 3 % resolution (the engine's coarser timeline histograms)
        double utilization = 0.0;         ///< batch slots in use, all pools, slot-weighted
        QList<double> poolUtilization;    ///< batch slots in use, in the order of `pools`
        double computeUtilization = 0.0;  ///< compute capacity in use, all pools, GPU-weighted
        QList<double> poolComputeUtilization; ///< compute capacity in use, in the order of `pools`
    };

    /// Converts an engine result (on any thread: it only reads `result`).
    static SimulationSummary fromResult(const engine::SimulationResult &result);

    QString scenario;
    QString policy;
    quint64 seed = 0;
    bool sampled = false;
    bool cancelled = false; ///< the run was stopped early; numbers cover what was simulated
    double simulatedS = 0.0;
    double wallS = 0.0;
    double arrived = 0.0;
    double completed = 0.0;
    double shed = 0.0;
    double crossRegion = 0.0;
    double residencyViolations = 0.0; ///< must be 0: residency is a hard constraint
    QMap<QString, double> shedByReason;
    double inputTokens = 0.0;  ///< prompt tokens of completed requests
    double outputTokens = 0.0;
    Latencies ttft;
    Latencies e2e;
    Latencies tpot;
    Latencies queueWait;
    double slaTtftP99Ms = 0.0;
    double slaAttainment = 0.0;
    double cacheTokenHitRate = 0.0;
    double cacheBlockHitRate = 0.0;
    double cacheRequestHitRate = 0.0;
    double utilizationMean = 0.0;        ///< share of batch slots in use (reads low for decode-bound fleets)
    double computeUtilizationMean = 0.0; ///< share of compute capacity in use, GPU-weighted: the planner's measure
    double gpuUsd = 0.0;
    double egressUsd = 0.0;
    double egressGb = 0.0;
    double overflowSpilled = 0.0;  ///< served in another region because their own was full
    double failoverRerouted = 0.0; ///< served away from their nearest region because it was down
    double failoverDegraded = 0.0; ///< served by the failover's smaller model
    /// One scheduled outage and how the routers saw it (engine FailoverCounters::Outage).
    struct Outage
    {
        QString target; ///< region or pool id
        double startS = 0.0;
        double endS = 0.0;
        double detectedAfterS = -1.0;  ///< -1: the routers never noticed within the run
        double recoveredAfterS = -1.0; ///< -1: not back in use within the run
    };
    QList<Outage> outages;
    double failoverLostInFlight = 0.0;     ///< on a replica when it failed
    double failoverFailedDeliveries = 0.0; ///< sent to a failed replica before the routers knew
    double failoverRetried = 0.0;          ///< lost or failed requests sent again
    // (Those lost for good, and those refused to protect a rescuer or for want of a healthy
    // replica, are in shedByReason: outage-lost, outage-failed, rescuer-protection, ...)
    QList<RegionRow> regions;
    QList<PoolRow> pools;
    double bucketS = 0.0;
    QList<TimeBucket> timeline;

    double totalUsd() const { return gpuUsd + egressUsd; }
    /// Completed requests served outside their origin region, as a share of completed ones
    /// (the "cross-region" column of docs/policies.md).
    double crossRegionShare() const { return completed > 0.0 ? crossRegion / completed : 0.0; }
    bool slaMet() const { return completed > 0.0 && ttft.p99Ms <= slaTtftP99Ms; }
    /// Total cost per million prompt (or output) tokens served; 0 when none were.
    double usdPerMillionInputTokens() const { return inputTokens > 0.0 ? totalUsd() / (inputTokens * 1e-6) : 0.0; }
    double usdPerMillionOutputTokens() const { return outputTokens > 0.0 ? totalUsd() / (outputTokens * 1e-6) : 0.0; }
};

} // namespace longitude::models

Q_DECLARE_METATYPE(longitude::models::SimulationSummary)
