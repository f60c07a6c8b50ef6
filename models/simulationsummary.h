#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

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
    };
    struct RegionRow
    {
        QString id;
        double arrived = 0.0;
        double completed = 0.0;
        double shed = 0.0;
        double crossRegion = 0.0;
        Latencies ttft;
        double slaAttainment = 0.0; ///< share of completed requests with TTFT within the SLA
        double cacheTokenHitRate = 0.0;
    };
    struct PoolRow
    {
        QString id;
        QString region;
        int replicas = 0;
        int gpus = 0;
        double completed = 0.0;
        Latencies ttft;
        double utilization = 0.0;  ///< running sequences / (replicas × max batch)
        double busyFraction = 0.0; ///< time with at least one sequence running
        double gpuUsd = 0.0;
    };

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
    Latencies ttft;
    Latencies e2e;
    Latencies tpot;
    Latencies queueWait;
    double slaTtftP99Ms = 0.0;
    double slaAttainment = 0.0;
    double cacheTokenHitRate = 0.0;
    double utilizationMean = 0.0;
    double gpuUsd = 0.0;
    double egressUsd = 0.0;
    QList<RegionRow> regions;
    QList<PoolRow> pools;

    double totalUsd() const { return gpuUsd + egressUsd; }
};

} // namespace longitude::models

Q_DECLARE_METATYPE(longitude::models::SimulationSummary)
