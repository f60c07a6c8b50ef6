#include "reservationplan.h"

#include "engine/network/regiongraph.h"
#include "engine/sim/simulationsetup.h"
#include "engine/workload/arrivalprocess.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>

namespace longitude::engine {

namespace {

constexpr double kUsPerHour = 3.6e9;

/// printf into a std::string, for the notes (numbers only; strings are concatenated).
template<typename... Numbers>
std::string format(const char *pattern, Numbers... numbers)
{
    char text[400];
    std::snprintf(text, sizeof text, pattern, numbers...);
    return text;
}

/// Request share of each model over the workload classes (classes with share <= 0 count for
/// nothing), in the order models first appear.
std::vector<std::pair<std::string, double>> modelShares(const Scenario &scenario)
{
    std::vector<std::pair<std::string, double>> shares;
    double total = 0.0;
    for (const WorkloadClass &w : scenario.workloads) {
        if (!(w.share > 0.0))
            continue;
        total += w.share;
        auto it = std::find_if(shares.begin(), shares.end(), [&](const auto &entry) { return entry.first == w.model; });
        if (it == shares.end())
            shares.emplace_back(w.model, w.share);
        else
            it->second += w.share;
    }
    for (auto &entry : shares)
        entry.second /= total;
    return shares;
}

/// The model's serving configuration in the scenario: (GPU type, TP) of its pools holding the
/// most GPUs; without pools, the model's first profile.
std::expected<SizingTarget, std::string> chooseTarget(const Scenario &scenario, const ReservationPlanOptions &options,
                                                      const std::string &modelId)
{
    const Model *model = scenario.findModel(modelId);
    if (model == nullptr)
        return std::unexpected("unknown model '" + modelId + "'");
    SizingTarget target{modelId, options.gpuType, options.tensorParallel};
    if (target.gpuType.empty() || target.tensorParallel <= 0) {
        std::map<std::pair<std::string, int>, int> gpus;
        std::vector<std::pair<std::string, int>> order;
        for (const Pool &pool : scenario.pools) {
            if (pool.model != modelId)
                continue;
            if ((!options.gpuType.empty() && pool.gpuType != options.gpuType)
                || (options.tensorParallel > 0 && pool.tensorParallel != options.tensorParallel))
                continue;
            const auto key = std::make_pair(pool.gpuType, pool.tensorParallel);
            if (!gpus.contains(key))
                order.push_back(key);
            gpus[key] += pool.gpuCount;
        }
        const auto best = std::max_element(order.begin(), order.end(),
                                           [&](const auto &a, const auto &b) { return gpus[a] < gpus[b]; });
        if (best != order.end()) {
            target.gpuType = best->first;
            target.tensorParallel = best->second;
        } else {
            const auto profile = std::find_if(model->profiles.begin(), model->profiles.end(), [&](const LatencyProfile &p) {
                return (options.gpuType.empty() || p.gpuType == options.gpuType)
                       && (options.tensorParallel <= 0 || p.tensorParallel == options.tensorParallel);
            });
            if (profile == model->profiles.end())
                return std::unexpected("model '" + modelId + "' has no pool and no latency profile to plan with");
            target.gpuType = profile->gpuType;
            target.tensorParallel = profile->tensorParallel;
        }
    }
    if (findProfile(*model, target.gpuType, target.tensorParallel) == nullptr)
        return std::unexpected("model '" + modelId + "' has no latency profile for " + target.gpuType + " at TP"
                               + std::to_string(target.tensorParallel));
    return target;
}

double poolPrice(const GpuPrices &prices, PricingMode mode)
{
    switch (mode) {
    case PricingMode::Reserved: return prices.reservedUsdPerHour;
    case PricingMode::OnDemand: return prices.onDemandUsdPerHour;
    case PricingMode::Spot: return prices.spotUsdPerHour;
    }
    return 0.0;
}

ReservationDemand demandFor(const std::vector<ReservationPlan::RegionTraffic> &regions, double capacityRps)
{
    ReservationDemand demand;
    for (const auto &region : regions) {
        demand.regionIds.push_back(region.id);
        ReservationDemand::Day day{};
        for (int h = 0; h < ReservationDemand::kHours; ++h)
            day[static_cast<std::size_t>(h)] =
                ReservationDemand::replicasFor(region.rpsByUtcHour[static_cast<std::size_t>(h)], capacityRps);
        demand.replicas.push_back(day);
    }
    return demand;
}

} // namespace

double ReservationPlan::onDemandPremium() const
{
    return reservedUsdPerGpuHour > 0.0 ? onDemandUsdPerGpuHour / reservedUsdPerGpuHour : 0.0;
}

std::vector<ReservationPlan::Strategy> ReservationPlan::strategies() const
{
    const double pRes = reservedUsdPerReplicaHour();
    const double pOd = onDemandUsdPerReplicaHour();
    std::vector<Strategy> list;
    Strategy local{"local-reserved", "Region-local reservation (each region its own peak)", false};
    local.reservedReplicas = demand.sumOfRegionalPeaks();
    local.reservedReplicaHours = static_cast<double>(demand.localReplicaHours());
    local.usdPerDay = local.reservedReplicaHours * pRes;
    list.push_back(local);
    if (globalFeasible) {
        Strategy global{"global-reserved", "Global reservation (peak of the sum, cross-region)", true};
        global.reservedReplicas = std::max(globalDemand.globalPeak(), residencyFloorReplicas);
        global.reservedReplicaHours = static_cast<double>(ReservationDemand::kHours) * global.reservedReplicas;
        global.usdPerDay = global.reservedReplicaHours * pRes;
        list.push_back(global);
    }
    Strategy onDemand{"on-demand", "On-demand autoscaling (every replica-hour on demand)", false};
    onDemand.onDemandReplicaHours = static_cast<double>(demand.usedReplicaHours());
    onDemand.usdPerDay = onDemand.onDemandReplicaHours * pOd;
    list.push_back(onDemand);
    Strategy localMix{"local-mix", "Optimal mix, region-local pools", false};
    for (const ReservationMix &mix : regionMixes) {
        localMix.reservedReplicas += mix.reservedReplicas;
        localMix.reservedReplicaHours += mix.reservedReplicaHours;
        localMix.onDemandReplicaHours += mix.onDemandReplicaHours;
        localMix.usdPerDay += mix.totalUsd();
    }
    list.push_back(localMix);
    if (globalFeasible) {
        Strategy globalMixRow{"global-mix", "Optimal mix, global pool (cross-region)", true};
        globalMixRow.reservedReplicas = globalMix.reservedReplicas;
        globalMixRow.reservedReplicaHours = globalMix.reservedReplicaHours;
        globalMixRow.onDemandReplicaHours = globalMix.onDemandReplicaHours;
        globalMixRow.usdPerDay = globalMix.totalUsd();
        list.push_back(globalMixRow);
    }
    return list;
}

ReservationPlan::Strategy ReservationPlan::cheapest(bool allowCrossRegion) const
{
    Strategy best;
    bool found = false;
    for (const Strategy &s : strategies()) {
        if (s.crossRegion && !allowCrossRegion)
            continue;
        // Strictly cheaper only: on ties the earlier (simpler) strategy stays.
        if (!found || s.usdPerDay < best.usdPerDay - 1e-9 * best.usdPerDay) {
            best = s;
            found = true;
        }
    }
    return best;
}

std::expected<ReservationPlan, std::string> ReservationPlan::compute(const Scenario &scenario,
                                                                     const ReservationPlanOptions &options)
{
    ReservationPlan plan;
    plan.scenario = scenario.name;

    // 1. The model and its serving configuration.
    const auto shares = modelShares(scenario);
    if (shares.empty())
        return std::unexpected("the scenario has no workload class with a positive share: no requests to plan for");
    std::string modelId = options.model;
    if (modelId.empty())
        modelId = std::max_element(shares.begin(), shares.end(),
                                   [](const auto &a, const auto &b) { return a.second < b.second; })->first;
    const auto share = std::find_if(shares.begin(), shares.end(), [&](const auto &entry) { return entry.first == modelId; });
    if (share == shares.end())
        return std::unexpected("no workload class is served by model '" + modelId + "'");
    plan.requestShare = share->second;
    auto target = chooseTarget(scenario, options, modelId);
    if (!target)
        return std::unexpected(target.error());
    plan.target = *target;
    plan.gpusPerReplica = plan.target.tensorParallel;
    plan.ttftBudgetMs = options.sizing.ttftBudgetMs.value_or(scenario.sla.ttftP99Ms);
    plan.e2eBudgetMs = options.sizing.e2eBudgetMs.value_or(scenario.sla.e2eP99Ms);
    if (shares.size() > 1)
        plan.notes.push_back("Model '" + modelId + format("' serves %.1f %% of the requests; the other models' requests "
                                                          "are not in this plan (plan each with its own model).",
                                                          100.0 * plan.requestShare));

    // 2. Prices of the GPU type.
    const GpuType *gpu = scenario.findGpuType(plan.target.gpuType);
    if (gpu == nullptr)
        return std::unexpected("unknown GPU type '" + plan.target.gpuType + "'");
    plan.reservedUsdPerGpuHour = gpu->prices.reservedUsdPerHour;
    plan.onDemandUsdPerGpuHour = gpu->prices.onDemandUsdPerHour;
    plan.priceSource = gpu->prices.source;
    plan.priceAsOf = gpu->prices.asOf;
    if (!(plan.reservedUsdPerGpuHour > 0.0) || !(plan.onDemandUsdPerGpuHour > 0.0))
        plan.notes.push_back("GPU type '" + gpu->id + "' lacks a reserved or an on-demand price: the dollar figures "
                             "that need it are 0 and the optimal mix is meaningless.");

    // 3. Request rate per region and UTC hour, through the simulator's own curve code.
    auto setup = SimulationSetup::resolve(scenario);
    if (!setup)
        return std::unexpected(setup.error());
    bool halfHours = false;
    for (std::size_t r = 0; r < setup->regionIds.size(); ++r) {
        const ArrivalProcess curve(setup->requestRate[r], setup->utcOffsetHours[r], 0.0);
        RegionTraffic row;
        row.id = setup->regionIds[r];
        row.zone = scenario.regions[r].zone;
        row.utcOffsetHours = setup->utcOffsetHours[r];
        bool any = false;
        for (int h = 0; h < ReservationDemand::kHours; ++h) {
            // A UTC hour spans one local hour, or two with a fractional offset: take the higher.
            const double start = curve.rateAt(h * kUsPerHour);
            const double end = curve.rateAt((h + 1) * kUsPerHour - 1.0);
            row.rpsByUtcHour[static_cast<std::size_t>(h)] = plan.requestShare * std::max(start, end);
            any = any || row.rpsByUtcHour[static_cast<std::size_t>(h)] > 0.0;
        }
        halfHours = halfHours || row.utcOffsetHours != std::floor(row.utcOffsetHours);
        if (any)
            plan.regions.push_back(row);
    }
    if (plan.regions.empty())
        return std::unexpected("no region sends traffic: nothing to plan");
    if (halfHours)
        plan.notes.push_back("Some regions have fractional UTC offsets: each UTC hour takes the higher of the two "
                             "local hours it overlaps.");

    // 4. Capacity of one replica at the SLA.
    if (options.capacityRps) {
        if (!(*options.capacityRps > 0.0))
            return std::unexpected("the capacity per replica must be positive");
        plan.capacityRps = *options.capacityRps;
        plan.notes.push_back(format("Capacity given, not sized: %.3f requests/s per replica.", plan.capacityRps));
    } else {
        auto sized = ReplicaSizer(scenario, options.sizing).size(plan.target);
        if (!sized)
            return std::unexpected("sizing " + modelId + " on " + plan.target.gpuType + ": " + sized.error());
        plan.capacityRps = sized->capacityRps;
        const auto failing = std::find_if(sized->probes.begin(), sized->probes.end(),
                                          [&](const SizingProbe &p) { return p.rpsPerReplica == sized->failingRps; });
        // A TTFT well below the budget at the capacity (under 80 %, a Longitude threshold,
        // 2026-11) and above it 1 % higher is a cliff: the replicas ran out of throughput before
        // the latency budget bound.
        if (failing != sized->probes.end() && sized->ttftP99Ms < 0.8 * plan.ttftBudgetMs
            && std::max(failing->ttftP99Ms, failing->lastTtftP99Ms) > plan.ttftBudgetMs)
            plan.notes.push_back(format("The capacity is the replicas' throughput, not the TTFT budget: TTFT p99 is "
                                        "%.0f ms at %.3f requests/s per replica and exceeds the budget at %.3f (a "
                                        "backlog builds).", sized->ttftP99Ms, sized->capacityRps, sized->failingRps));
        if (!(plan.e2eBudgetMs > 0.0))
            plan.notes.push_back(format("No E2E budget is set (sla/e2eP99Ms): at this capacity E2E p99 is %.1f s, "
                                        "since full batches slow every decode step; set one to size for it.",
                                        sized->e2eP99Ms / 1e3));
        plan.sizing = std::move(*sized);
    }
    plan.demand = demandFor(plan.regions, plan.capacityRps);

    // 5. The global pool's network: worst RTT from an origin to a possible host.
    const RegionGraph graph(scenario);
    std::vector<std::string> hosts;
    for (const Pool &pool : scenario.pools)
        if (pool.model == modelId && std::find(hosts.begin(), hosts.end(), pool.region) == hosts.end())
            hosts.push_back(pool.region);
    if (hosts.empty())
        for (const auto &region : plan.regions)
            hosts.push_back(region.id);
    for (const auto &origin : plan.regions)
        for (const std::string &host : hosts) {
            if (host == origin.id)
                continue;
            const double rtt = graph.rttMs(origin.id, host).value_or(std::numeric_limits<double>::infinity());
            if (rtt > plan.worstRttMs) {
                plan.worstRttMs = rtt;
                plan.worstRttFrom = origin.id;
                plan.worstRttTo = host;
            }
        }
    plan.globalTtftBudgetMs = plan.ttftBudgetMs - plan.worstRttMs;
    plan.globalCapacityRps = plan.capacityRps;
    if (!std::isfinite(plan.worstRttMs)) {
        plan.globalFeasible = false;
        plan.notes.push_back("No network path from " + plan.worstRttFrom + " to " + plan.worstRttTo +
                             ": a global pool cannot serve every region.");
    } else if (plan.worstRttMs > 0.0 && options.rttSafeGlobalPool) {
        const std::string route = plan.worstRttFrom + " -> " + plan.worstRttTo;
        if (options.capacityRps) {
            plan.notes.push_back(format("The global pool uses the given capacity; its requests may travel %.0f ms (", plan.worstRttMs)
                                 + route + ") on top of their TTFT.");
        } else {
            // A forwarded request pays the RTT in TTFT and in E2E (docs/engine.md).
            SizingOptions global = options.sizing;
            global.ttftBudgetMs = plan.globalTtftBudgetMs;
            if (plan.e2eBudgetMs > 0.0)
                global.e2eBudgetMs = std::max(1e-3, plan.e2eBudgetMs - plan.worstRttMs);
            auto sized = plan.globalTtftBudgetMs > 0.0 ? ReplicaSizer(scenario, global).size(plan.target)
                                                       : std::expected<SizingResult, std::string>(std::unexpected(
                                                             std::string("the RTT alone exceeds the TTFT budget")));
            if (sized) {
                plan.globalCapacityRps = sized->capacityRps;
                plan.globalSizing = std::move(*sized);
                plan.notes.push_back(format("A global pool serves requests up to %.0f ms of RTT away (", plan.worstRttMs) + route +
                                     format("); it is sized for a TTFT p99 of %.0f ms (the SLA less that RTT, E2E likewise): "
                                            "%.3f requests/s per replica.", plan.globalTtftBudgetMs, plan.globalCapacityRps));
            } else if (sized.error() == "the sizing was cancelled") {
                return std::unexpected(sized.error());
            } else {
                plan.globalFeasible = false;
                plan.notes.push_back(format("A global pool does not fit the SLA: its requests may travel %.0f ms (", plan.worstRttMs)
                                     + route + ") and " + sized.error() + ".");
            }
        }
    } else if (plan.worstRttMs > 0.0) {
        plan.notes.push_back(format("The global pool uses the region-local capacity; its forwarded requests add up to "
                                    "%.0f ms of RTT to their TTFT (", plan.worstRttMs) + plan.worstRttFrom + " -> " +
                             plan.worstRttTo + ").");
    }
    if (plan.globalFeasible)
        plan.globalDemand = demandFor(plan.regions, plan.globalCapacityRps);

    // 6. Residency: tagged requests stay in their zone, so a global pool keeps each zone's
    // tagged peak inside the zone.
    double taggedShare = 0.0;
    double classShares = 0.0;
    for (const WorkloadClass &w : scenario.workloads)
        if (w.model == modelId && w.share > 0.0) {
            taggedShare += w.share * w.residencyShare;
            classShares += w.share;
        }
    taggedShare = classShares > 0.0 ? taggedShare / classShares : 0.0;
    if (taggedShare > 0.0 && plan.globalFeasible) {
        std::vector<std::string> zones;
        for (const auto &region : plan.regions)
            if (std::find(zones.begin(), zones.end(), region.zone) == zones.end())
                zones.push_back(region.zone);
        for (const std::string &zone : zones) {
            int peak = 0;
            for (int h = 0; h < ReservationDemand::kHours; ++h) {
                double tagged = 0.0;
                for (const auto &region : plan.regions)
                    if (region.zone == zone)
                        tagged += taggedShare * region.rpsByUtcHour[static_cast<std::size_t>(h)];
                peak = std::max(peak, ReservationDemand::replicasFor(tagged, plan.globalCapacityRps));
            }
            plan.residencyFloorReplicas += peak;
        }
        plan.notes.push_back(format("%.1f %% of the requests are residency-tagged: a global reservation keeps at least "
                                    "%d replicas spread so that each zone holds its own tagged peak; the global mix "
                                    "assumes on-demand replicas cover a zone's tagged excess.",
                                    100.0 * taggedShare, plan.residencyFloorReplicas));
    }

    // 7. Optimal mixes.
    const double pRes = plan.reservedUsdPerReplicaHour();
    const double pOd = plan.onDemandUsdPerReplicaHour();
    for (const auto &day : plan.demand.replicas)
        plan.regionMixes.push_back(ReservationMix::optimal(day, pRes, pOd));
    if (plan.globalFeasible) {
        const auto totals = plan.globalDemand.totals();
        plan.globalMix = ReservationMix::optimal(totals, pRes, pOd);
    }

    // 8. The scenario's own fleet of this model, for comparison.
    for (const Pool &pool : scenario.pools) {
        if (pool.model != modelId)
            continue;
        const GpuType *poolGpu = scenario.findGpuType(pool.gpuType);
        plan.currentGpus += pool.gpuCount;
        plan.currentReplicas += pool.tensorParallel > 0 ? pool.gpuCount / pool.tensorParallel : 0;
        if (poolGpu != nullptr)
            plan.currentUsdPerDay += pool.gpuCount * poolPrice(poolGpu->prices, pool.pricing) * ReservationDemand::kHours;
    }
    return plan;
}

} // namespace longitude::engine
