#pragma once

#include "engine/core/simtime.h"
#include "engine/stats/cachecounters.h"
#include "engine/stats/failovercounters.h"
#include "engine/stats/latencyset.h"
#include "engine/stats/overflowcounters.h"
#include "engine/stats/requestcounters.h"

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace longitude::engine {

/// Everything one run measured, as a value: the CLI prints it, the GUI charts it, sweeps compare
/// many. Latencies are in microseconds; "areas" are time integrals in unit x microseconds.
/// Requests are attributed to their origin region in `regions` and to their serving pool in
/// `pools`; time buckets by arrival time.
struct SimulationResult
{
    struct Region
    {
        std::string id;
        RequestCounters requests; ///< by origin region
        LatencySet latency;       ///< by origin region
        CacheCounters cache;      ///< requests served in this region
        double slotCapacityUs = 0.0; ///< replicas x maxBatch x measured time of its pools
        double runningSlotUs = 0.0;
        double gpuTimeUs = 0.0;     ///< GPUs x measured time of its pools
        double computeGpuUs = 0.0;  ///< compute work of its pools, each replica's weighted by its GPUs
        /// Compute utilisation of the region's pools, weighted by GPUs.
        double computeUtilization() const { return gpuTimeUs > 0.0 ? computeGpuUs / gpuTimeUs : 0.0; }
    };
    struct Pool
    {
        std::string id;
        std::string region;
        int replicas = 0;
        int gpus = 0;
        int maxBatch = 0;
        RequestCounters requests; ///< completed here
        LatencySet latency;
        CacheCounters cache;
        double runningSlotUs = 0.0; ///< integral of running sequences
        double busyReplicaUs = 0.0; ///< integral of replicas with at least one running sequence
        /// Compute work, summed over replicas: prefill time plus, per decode step, the share of a
        /// full batch's step its sequences use (docs/engine.md, "Utilisation").
        double computeWorkUs = 0.0;
        double gpuUsd = 0.0;
        double utilization(double measuredUs) const
        {
            const double capacity = static_cast<double>(replicas) * maxBatch * measuredUs;
            return capacity > 0.0 ? runningSlotUs / capacity : 0.0;
        }
        double busyFraction(double measuredUs) const
        {
            const double capacity = static_cast<double>(replicas) * measuredUs;
            return capacity > 0.0 ? busyReplicaUs / capacity : 0.0;
        }
        /// Share of the pool's capacity in use: 1 when every replica prefills or steps full
        /// batches all the time; lambda / (saturation throughput) below saturation.
        double computeUtilization(double measuredUs) const
        {
            const double capacity = static_cast<double>(replicas) * measuredUs;
            return capacity > 0.0 ? computeWorkUs / capacity : 0.0;
        }
    };
    struct TimeBucket
    {
        SimTime startUs = 0;
        RequestCounters requests;
        LatencySet latency{5}; ///< coarser (3 %) so that a long timeline stays small
        std::vector<double> poolRunningSlotUs;
        std::vector<double> poolComputeWorkUs;
    };

    std::string scenario;
    std::string policy;
    std::uint64_t seed = 0;
    double simulatedSeconds = 0.0; ///< measured simulated time (weighted to the whole span when sampled)
    double wallSeconds = 0.0;
    std::uint64_t events = 0;
    std::uint64_t generatedRequests = 0; ///< every request simulated, warm-up included (the work done)
    bool sampled = false;

    RequestCounters requests;
    LatencySet latency;
    CacheCounters cache;
    std::vector<Region> regions;
    std::vector<Pool> pools;
    SimTime bucketUs = 0;
    std::vector<TimeBucket> timeline;
    std::map<std::string, double, std::less<>> shedReasons; ///< transparent: looked up by const char*

    double slaTtftP99Ms = 0.0;
    double gpuUsd = 0.0;
    double egressUsd = 0.0;
    double egressBytes = 0.0;

    /// Little's law bookkeeping, server side (gateway arrival to last token at the replica):
    /// integral of requests in the system over the measured time, and their residence times.
    double inSystemArea = 0.0;
    double residenceSumUs = 0.0;
    double residenceCount = 0.0;
    double measuredUs = 0.0;

    /// Overflow control and failover (DOMAIN.md section 6): what they did, when enabled.
    bool overflowEnabled = false;
    bool failoverEnabled = false;
    double probeIntervalMs = 0.0; ///< the routers' probe interval in effect (0 = live view)
    OverflowCounters overflow;
    FailoverCounters failover;

    double totalUsd() const { return gpuUsd + egressUsd; }
    double utilizationMean() const;
    /// Compute utilisation of all pools together, weighted by GPUs.
    double computeUtilizationMean() const;
    double slaAttainment() const { return requests.completed > 0.0 ? requests.ttftWithinSla / requests.completed : 0.0; }
};

} // namespace longitude::engine
