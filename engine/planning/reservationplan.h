#pragma once

#include "engine/planning/replicasizer.h"
#include "engine/planning/reservationdemand.h"
#include "engine/planning/reservationmix.h"
#include "engine/scenario/scenario.h"

#include <array>
#include <expected>
#include <optional>
#include <string>
#include <vector>

namespace longitude::engine {

/// What to plan and how.
struct ReservationPlanOptions
{
    std::string model;      ///< empty: the model that serves the largest share of requests
    std::string gpuType;    ///< empty: the GPU type of the model's pools (the most GPUs wins)
    int tensorParallel = 0; ///< 0: the TP of those pools
    SizingOptions sizing;
    /// Skip the sizing search and take this capacity (requests/s per replica) for both pools;
    /// for what-ifs and for tests that fix the demand by hand.
    std::optional<double> capacityRps;
    /// Size the global pool again with the TTFT budget less the worst cross-region RTT, so that
    /// a forwarded request still meets the SLA (docs/planning.md). Off: the global pool uses the
    /// region-local capacity, as SkyLB's formulas do.
    bool rttSafeGlobalPool = true;
};

/// SkyLB's reservation question (DOMAIN.md section 7, seed 003_c9c431f386c26129.txt) answered for
/// one scenario: how many replicas each region needs hour by hour, what the region-local
/// reservation, the global reservation and on-demand autoscaling cost per day, and which mix of
/// reserved and on-demand replicas is cheapest, with the scenario's GPU prices.
///
/// Why it exists: the simulator says whether a fleet meets the SLA; a planner also needs to know
/// how big the fleet must be over the day and what paying for it costs, which is arithmetic on
/// the traffic curves once one replica's capacity at the SLA is known (ReplicaSizer).
///
/// The steps (docs/planning.md):
///  1. the planned model's request rate per region and UTC hour: the scenario's daily curves in
///     local time (SimulationSetup resolves presets) shifted by each region's utcOffsetHours
///     (ArrivalProcess, the same code that drives the simulator) times the model's share of
///     requests; a UTC hour that straddles two local hours (half-hour offsets) takes the higher;
///  2. the capacity of one replica at the SLA (ReplicaSizer, or `capacityRps`);
///  3. d_r(t) = ceil(rate_r(t) / capacity) (ReservationDemand::replicasFor);
///  4. SkyLB's C_local, C_agg, C_od (ReservationDemand) and dollars: reserved and on-demand prices
///     per GPU-hour of the GPU type x tensorParallel = per replica-hour;
///  5. the optimal reserved/on-demand mix (ReservationMix), per region for region-local pools
///     and on sum_r d_r(t) for a global pool.
/// A global pool serves requests away from their region: the plan reports the worst RTT such a
/// request travels and, by default, sizes the global pool's replicas for the TTFT budget less
/// that RTT (a conservative bound: every request is assumed to travel it).
struct ReservationPlan
{
    /// Traffic of one region for the planned model.
    struct RegionTraffic
    {
        std::string id;
        std::string zone;
        double utcOffsetHours = 0.0;
        std::array<double, ReservationDemand::kHours> rpsByUtcHour{};
    };

    /// One way of paying for the demand, in money per day.
    struct Strategy
    {
        std::string key;   ///< "local-reserved", "global-reserved", "on-demand", "local-mix", "global-mix"
        std::string label; ///< a planner's name for it
        bool crossRegion = false;  ///< needs requests served outside their region
        int reservedReplicas = 0;  ///< held all day (summed over regions for local strategies)
        double reservedReplicaHours = 0.0;  ///< per day
        double onDemandReplicaHours = 0.0;  ///< per day
        double usdPerDay = 0.0;
        double usdPerMonth() const { return usdPerDay * kHoursPerMonth / ReservationDemand::kHours; }
    };

    /// Cloud billing's month: 730 hours (365 x 24 / 12), the convention of AWS and GCP price
    /// pages (read 2026-11).
    static constexpr double kHoursPerMonth = 730.0;

    std::string scenario;
    SizingTarget target;
    int gpusPerReplica = 1;
    double requestShare = 1.0; ///< share of the scenario's requests served by the planned model
    double ttftBudgetMs = 0.0;
    double e2eBudgetMs = 0.0;  ///< 0 = not set

    double reservedUsdPerGpuHour = 0.0;
    double onDemandUsdPerGpuHour = 0.0;
    std::string priceSource;
    std::string priceAsOf;
    double reservedUsdPerReplicaHour() const { return reservedUsdPerGpuHour * gpusPerReplica; }
    double onDemandUsdPerReplicaHour() const { return onDemandUsdPerGpuHour * gpusPerReplica; }
    /// On-demand / reserved price: the real premium, against SkyLB's 2.5.
    double onDemandPremium() const;

    /// Capacity of one replica at the SLA, requests/s, and how it was found (empty probes when
    /// given as an option).
    double capacityRps = 0.0;
    std::optional<SizingResult> sizing;

    std::vector<RegionTraffic> regions; ///< regions sending traffic of the model, scenario order
    ReservationDemand demand;           ///< d_r(t) at capacityRps

    /// The global pool: worst RTT from a region sending traffic to another region that may host
    /// replicas (those with pools of the model, else those sending traffic); infinity if some pair
    /// is unreachable, 0 with one region.
    double worstRttMs = 0.0;
    std::string worstRttFrom;
    std::string worstRttTo;
    double globalTtftBudgetMs = 0.0;  ///< TTFT budget of the global pool (the SLA less the RTT)
    bool globalFeasible = true;       ///< a replica meets globalTtftBudgetMs at some rate
    double globalCapacityRps = 0.0;   ///< capacity at globalTtftBudgetMs (= capacityRps without RTT)
    std::optional<SizingResult> globalSizing;
    ReservationDemand globalDemand;   ///< d_r(t) at globalCapacityRps (empty when infeasible)
    /// Residency-tagged requests may not leave their zone: a global pool must keep at least
    /// this many replicas in the zones' own regions (sum over zones of the zone's tagged peak).
    int residencyFloorReplicas = 0;

    std::vector<ReservationMix> regionMixes; ///< optimal mix per region, parallel to regions
    ReservationMix globalMix;                ///< optimal mix of the global pool (if feasible)

    /// The scenario's own pools of the target: replicas, GPUs and cost per day at their pricing.
    int currentReplicas = 0;
    int currentGpus = 0;
    double currentUsdPerDay = 0.0;

    std::vector<std::string> notes; ///< assumptions and warnings, one sentence each

    /// The strategies in a fixed order: local-reserved, global-reserved, on-demand, local-mix,
    /// global-mix (the global ones only when the global pool is feasible).
    std::vector<Strategy> strategies() const;
    /// The cheapest strategy; with `allowCrossRegion` false, the cheapest region-local one.
    Strategy cheapest(bool allowCrossRegion = true) const;

    /// Plans `scenario`. Fails with a sentence naming the problem (no traffic, unknown model,
    /// no profile, an SLA no replica can meet, ...).
    static std::expected<ReservationPlan, std::string> compute(const Scenario &scenario,
                                                               const ReservationPlanOptions &options = {});
};

} // namespace longitude::engine
