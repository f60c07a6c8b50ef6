#include "reservationplanjson.h"

#include "engine/io/elementwriter.h"
#include "engine/io/jsondocument.h"

#include <cmath>

namespace longitude::engine {

namespace {

/// `value` rounded to `decimals`, or null when not finite.
Json rounded(double value, int decimals)
{
    if (!std::isfinite(value))
        return nullptr;
    const double scale = std::pow(10.0, decimals);
    const double r = std::round(value * scale) / scale;
    return numberToJson(r == 0.0 ? 0.0 : r);
}

Json day(const ReservationDemand::Day &values)
{
    Json array = Json::array();
    for (const int v : values)
        array.push_back(v);
    return array;
}

Json sizingJson(const SizingResult &s)
{
    Json j = Json::object();
    j["capacity_rps_per_replica"] = rounded(s.capacityRps, 4);
    j["failing_rps_per_replica"] = rounded(s.failingRps, 4);
    j["ttft_p99_ms"] = rounded(s.ttftP99Ms, 1);
    j["e2e_p99_ms"] = rounded(s.e2eP99Ms, 1);
    j["ttft_budget_ms"] = rounded(s.setup.ttftBudgetMs, 1);
    j["e2e_budget_ms"] = s.setup.e2eBudgetMs > 0.0 ? rounded(s.setup.e2eBudgetMs, 1) : Json(nullptr);
    j["gateway_latency_ms"] = rounded(s.setup.gatewayLatencyMs, 1);
    j["replicas"] = s.setup.replicas;
    j["policy"] = s.setup.policy;
    j["seed"] = s.setup.seed;
    j["warmup_s"] = rounded(s.setup.warmupS, 1);
    j["measured_s"] = rounded(s.setup.measuredS, 1);
    j["resolution"] = rounded(s.setup.resolution, 6);
    j["estimate_rps_per_replica"] = rounded(s.setup.estimateRps, 4);
    j["simulated_requests"] = rounded(s.simulatedRequests, 0);
    Json probes = Json::array();
    for (const SizingProbe &p : s.probes) {
        Json probe = Json::object();
        probe["rps_per_replica"] = rounded(p.rpsPerReplica, 4);
        probe["ttft_p99_ms"] = rounded(p.ttftP99Ms, 1);
        probe["e2e_p99_ms"] = rounded(p.e2eP99Ms, 1);
        probe["completed"] = rounded(p.completed, 0);
        probe["shed_share"] = rounded(p.shedShare, 6);
        probe["meets_sla"] = p.meetsSla;
        probes.push_back(probe);
    }
    j["probes"] = probes;
    return j;
}

Json mixJson(const ReservationMix &mix)
{
    Json j = Json::object();
    j["reserved_replicas"] = mix.reservedReplicas;
    j["reserved_replica_hours_per_day"] = rounded(mix.reservedReplicaHours, 3);
    j["on_demand_replica_hours_per_day"] = rounded(mix.onDemandReplicaHours, 3);
    j["hours_above_reserved"] = mix.hoursAboveReserved;
    j["usd_per_day"] = rounded(mix.totalUsd(), 2);
    return j;
}

} // namespace

std::string ReservationPlanJson::write(const ReservationPlan &plan)
{
    Json j = Json::object();
    j["schema"] = kSchema;
    j["scenario"] = plan.scenario;
    j["model"] = plan.target.model;
    j["gpu_type"] = plan.target.gpuType;
    j["tensor_parallel"] = plan.target.tensorParallel;
    j["gpus_per_replica"] = plan.gpusPerReplica;
    j["request_share"] = rounded(plan.requestShare, 6);
    Json sla = Json::object();
    sla["ttft_p99_ms"] = rounded(plan.ttftBudgetMs, 1);
    sla["e2e_p99_ms"] = plan.e2eBudgetMs > 0.0 ? rounded(plan.e2eBudgetMs, 1) : Json(nullptr);
    j["sla"] = sla;

    Json prices = Json::object();
    prices["reserved_usd_per_gpu_hour"] = rounded(plan.reservedUsdPerGpuHour, 4);
    prices["on_demand_usd_per_gpu_hour"] = rounded(plan.onDemandUsdPerGpuHour, 4);
    prices["reserved_usd_per_replica_hour"] = rounded(plan.reservedUsdPerReplicaHour(), 4);
    prices["on_demand_usd_per_replica_hour"] = rounded(plan.onDemandUsdPerReplicaHour(), 4);
    prices["on_demand_premium"] = rounded(plan.onDemandPremium(), 4);
    prices["source"] = plan.priceSource;
    prices["as_of"] = plan.priceAsOf;
    j["prices"] = prices;

    j["capacity_rps_per_replica"] = rounded(plan.capacityRps, 4);
    j["sizing"] = plan.sizing ? sizingJson(*plan.sizing) : Json(nullptr);

    Json regions = Json::array();
    for (std::size_t r = 0; r < plan.regions.size(); ++r) {
        const auto &region = plan.regions[r];
        Json row = Json::object();
        row["id"] = region.id;
        row["zone"] = region.zone;
        row["utc_offset_hours"] = rounded(region.utcOffsetHours, 2);
        Json rps = Json::array();
        for (const double v : region.rpsByUtcHour)
            rps.push_back(rounded(v, 4));
        row["rps_by_utc_hour"] = rps;
        row["replicas_by_utc_hour"] = day(plan.demand.replicas[r]);
        row["peak_replicas"] = plan.demand.peakOf(static_cast<int>(r));
        row["optimal_mix"] = mixJson(plan.regionMixes[r]);
        regions.push_back(row);
    }
    j["regions"] = regions;
    j["total_replicas_by_utc_hour"] = day(plan.demand.totals());
    j["sum_of_regional_peaks"] = plan.demand.sumOfRegionalPeaks();
    j["global_peak"] = plan.demand.globalPeak();
    j["global_peak_utc_hour"] = plan.demand.globalPeakHour();

    Json skylb = Json::object();
    skylb["c_local_replica_hours"] = plan.demand.localReplicaHours();
    skylb["c_agg_replica_hours"] = plan.demand.aggregateReplicaHours();
    skylb["c_od_replica_hours"] = rounded(plan.demand.onDemandReplicaHours(), 3);
    skylb["on_demand_premium"] = ReservationDemand::kSkyLbOnDemandPremium;
    skylb["used_replica_hours"] = plan.demand.usedReplicaHours();
    const double local = static_cast<double>(plan.demand.localReplicaHours());
    skylb["agg_vs_local"] = local > 0.0 ? rounded(plan.demand.aggregateReplicaHours() / local - 1.0, 6) : Json(nullptr);
    j["skylb"] = skylb;

    Json global = Json::object();
    global["worst_rtt_ms"] = rounded(plan.worstRttMs, 3);
    global["worst_rtt_from"] = plan.worstRttFrom.empty() ? Json(nullptr) : Json(plan.worstRttFrom);
    global["worst_rtt_to"] = plan.worstRttTo.empty() ? Json(nullptr) : Json(plan.worstRttTo);
    global["ttft_budget_ms"] = rounded(plan.globalTtftBudgetMs, 3);
    global["feasible"] = plan.globalFeasible;
    global["capacity_rps_per_replica"] = plan.globalFeasible ? rounded(plan.globalCapacityRps, 4) : Json(nullptr);
    global["replicas_by_utc_hour"] = plan.globalFeasible ? day(plan.globalDemand.totals()) : Json(nullptr);
    global["peak_replicas"] = plan.globalFeasible ? Json(plan.globalDemand.globalPeak()) : Json(nullptr);
    global["residency_floor_replicas"] = plan.residencyFloorReplicas;
    global["optimal_mix"] = plan.globalFeasible ? mixJson(plan.globalMix) : Json(nullptr);
    global["sizing"] = plan.globalSizing ? sizingJson(*plan.globalSizing) : Json(nullptr);
    j["global_pool"] = global;

    Json strategies = Json::array();
    for (const auto &s : plan.strategies()) {
        Json row = Json::object();
        row["key"] = s.key;
        row["label"] = s.label;
        row["cross_region"] = s.crossRegion;
        row["reserved_replicas"] = s.reservedReplicas;
        row["reserved_replica_hours_per_day"] = rounded(s.reservedReplicaHours, 3);
        row["on_demand_replica_hours_per_day"] = rounded(s.onDemandReplicaHours, 3);
        row["usd_per_day"] = rounded(s.usdPerDay, 2);
        row["usd_per_month"] = rounded(s.usdPerMonth(), 2);
        strategies.push_back(row);
    }
    j["strategies"] = strategies;

    const auto best = plan.cheapest(true);
    const auto bestLocal = plan.cheapest(false);
    const auto baseline = plan.strategies().front();
    Json cheapest = Json::object();
    cheapest["key"] = best.key;
    cheapest["usd_per_day"] = rounded(best.usdPerDay, 2);
    cheapest["saving_vs_local_reserved_usd_per_day"] = rounded(baseline.usdPerDay - best.usdPerDay, 2);
    cheapest["saving_vs_local_reserved"] =
        baseline.usdPerDay > 0.0 ? rounded(1.0 - best.usdPerDay / baseline.usdPerDay, 6) : Json(nullptr);
    cheapest["cheapest_region_local_key"] = bestLocal.key;
    cheapest["cheapest_region_local_usd_per_day"] = rounded(bestLocal.usdPerDay, 2);
    j["cheapest"] = cheapest;

    Json current = Json::object();
    current["replicas"] = plan.currentReplicas;
    current["gpus"] = plan.currentGpus;
    current["usd_per_day"] = rounded(plan.currentUsdPerDay, 2);
    j["current_fleet"] = current;

    Json notes = Json::array();
    for (const auto &note : plan.notes)
        notes.push_back(note);
    j["notes"] = notes;
    return dumpDocument(j);
}

} // namespace longitude::engine
