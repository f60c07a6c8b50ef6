#include "replicasizer.h"

#include "engine/serving/latencymodel.h"
#include "engine/sim/simulation.h"
#include "engine/workload/distributionsampler.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace longitude::engine {

namespace {

// Probe durations: Longitude choices (2026-11), justified in replicasizer.h ("Automatic
// durations") and measured in docs/planning.md.
constexpr double kMinWarmupS = 60.0;
constexpr double kMaxWarmupS = 1800.0;
constexpr double kMinMeasuredS = 120.0;
constexpr double kMaxMeasuredS = 3600.0;
// Bracketing gives up after this many doublings (x4096) or halvings (/1e6): far beyond any
// estimate error, so hitting them means the SLA cannot be met or the target never saturates.
constexpr int kMaxDoublings = 12;
constexpr int kMaxHalvings = 20;

/// Mean time one replica spends on a request at a full batch, and a request's unloaded
/// duration, from the latency model: the estimate that starts the search.
struct WorkEstimate
{
    double replicaUsPerRequest = 0.0;
    double unloadedRequestUs = 0.0;
    double sessionSpanS = 0.0;
};

WorkEstimate estimateWork(const Scenario &scenario, const LatencyModel &latency, const std::string &model)
{
    WorkEstimate work;
    double shares = 0.0;
    for (const WorkloadClass &w : scenario.workloads)
        if (w.model == model)
            shares += std::max(0.0, w.share);
    for (const WorkloadClass &w : scenario.workloads) {
        if (w.model != model || !(w.share > 0.0) || !(shares > 0.0))
            continue;
        const double weight = w.share / shares;
        const double prompt = DistributionSampler(w.promptTokens).mean();
        const double output = std::max(1.0, DistributionSampler(w.outputTokens).mean());
        const double prefix = w.prefixGroups > 0 ? w.prefixTokens : 0.0;
        // A shared system prompt is a cache hit once warm; without the cache it is recomputed.
        const double uncached = prompt + (scenario.simulation.prefixCache ? 0.0 : prefix);
        const double context = prefix + prompt + 0.5 * output;
        const double kvBatch = context > 0.0 ? static_cast<double>(latency.kvCapacityTokens()) / context : 1.0;
        const int batch = std::max(1, static_cast<int>(std::min<double>(latency.maxBatch(), kvBatch)));
        const double prefillUs = latency.prefillUs(static_cast<std::int64_t>(std::llround(uncached)));
        const double fullStepUs = latency.stepUs(batch, batch * context);
        work.replicaUsPerRequest += weight * (prefillUs + output * fullStepUs / batch);
        const double unloadedUs = prefillUs + output * latency.stepUs(1, context);
        work.unloadedRequestUs += weight * unloadedUs;
        const double turns = std::max(1.0, DistributionSampler(w.sessionTurns).mean());
        const double think = std::max(0.0, DistributionSampler(w.thinkTimeS).mean());
        work.sessionSpanS = std::max(work.sessionSpanS, (turns - 1.0) * (think + unloadedUs * 1e-6));
    }
    return work;
}

} // namespace

ReplicaSizer::ReplicaSizer(Scenario scenario, SizingOptions options)
    : m_scenario(std::move(scenario))
    , m_options(std::move(options))
{
}

std::expected<SizingSetup, std::string> ReplicaSizer::prepare(const SizingTarget &target) const
{
    const Scenario &s = m_scenario;
    const Model *model = s.findModel(target.model);
    if (model == nullptr)
        return std::unexpected("unknown model '" + target.model + "'");
    const GpuType *gpu = s.findGpuType(target.gpuType);
    if (gpu == nullptr)
        return std::unexpected("unknown GPU type '" + target.gpuType + "'");
    const LatencyProfile *profile = findProfile(*model, target.gpuType, target.tensorParallel);
    if (profile == nullptr)
        return std::unexpected("model '" + target.model + "' has no latency profile for " + target.gpuType + " at TP"
                               + std::to_string(target.tensorParallel));
    auto latency = LatencyModel::compile(*profile, *gpu, *model);
    if (!latency)
        return std::unexpected(latency.error());
    if (std::none_of(s.workloads.begin(), s.workloads.end(),
                     [&](const WorkloadClass &w) { return w.model == target.model && w.share > 0.0; }))
        return std::unexpected("no workload class is served by model '" + target.model + "'");
    if (m_options.replicas < 1)
        return std::unexpected("the sizing needs at least one replica");
    if (!(m_options.resolution > 0.0))
        return std::unexpected("the sizing resolution must be positive");

    SizingSetup setup;
    setup.target = target;
    setup.replicas = m_options.replicas;
    setup.seed = m_options.seed.value_or(s.simulation.seed);
    setup.policy = m_options.policy;
    setup.resolution = m_options.resolution;
    setup.ttftBudgetMs = m_options.ttftBudgetMs.value_or(s.sla.ttftP99Ms);
    setup.e2eBudgetMs = m_options.e2eBudgetMs.value_or(s.sla.e2eP99Ms);
    if (!(setup.ttftBudgetMs > 0.0))
        return std::unexpected("the TTFT p99 budget must be positive (sla/ttftP99Ms)");
    if (m_options.gatewayLatencyMs) {
        setup.gatewayLatencyMs = *m_options.gatewayLatencyMs;
    } else {
        // The slowest gateway among regions that send traffic: a replica sized for it meets the
        // SLA in every region.
        for (const RegionTraffic &t : s.traffic)
            if (const Region *region = s.findRegion(t.region); region != nullptr && t.peakRps > 0.0)
                setup.gatewayLatencyMs = std::max(setup.gatewayLatencyMs, region->gatewayLatencyMs);
    }

    const WorkEstimate work = estimateWork(s, *latency, target.model);
    if (!(work.replicaUsPerRequest > 0.0))
        return std::unexpected("the requests of model '" + target.model + "' take no replica time: nothing to size");
    setup.estimateRps = 1e6 / work.replicaUsPerRequest;
    setup.warmupS = m_options.warmupS > 0.0
                        ? m_options.warmupS
                        : std::clamp(std::max({kMinWarmupS, 5.0 * work.unloadedRequestUs * 1e-6, 2.0 * work.sessionSpanS}),
                                     kMinWarmupS, kMaxWarmupS);
    setup.measuredS = m_options.measuredS > 0.0
                          ? m_options.measuredS
                          : std::clamp(std::ceil(kTargetMeasuredRequests / (setup.replicas * setup.estimateRps)),
                                       kMinMeasuredS, kMaxMeasuredS);
    // The trend check reads the last of kTrendBuckets equal buckets of the measured window;
    // buckets start at time 0, so the warm-up is a whole number of them.
    setup.bucketS = setup.measuredS / kTrendBuckets;
    setup.warmupS = std::ceil(setup.warmupS / setup.bucketS - 1e-9) * setup.bucketS;

    // The probe's fixed part: the scenario's catalog (GPU types, models), its workload classes of
    // this model, its SLA and simulation details; everything geographic is replaced per probe.
    Scenario &base = setup.base;
    base.name = s.name + " (sizing " + target.model + " on " + target.gpuType + " TP" +
                std::to_string(target.tensorParallel) + ")";
    base.gpuTypes = s.gpuTypes;
    base.models = s.models;
    for (const WorkloadClass &w : s.workloads)
        if (w.model == target.model)
            base.workloads.push_back(w);
    base.sla = {setup.ttftBudgetMs, setup.e2eBudgetMs};
    base.routing.policy = setup.policy;
    base.simulation.seed = setup.seed;
    base.simulation.kvBlockTokens = s.simulation.kvBlockTokens;
    base.simulation.prefixCache = s.simulation.prefixCache;
    return setup;
}

Scenario ReplicaSizer::probeScenario(const SizingSetup &setup, double rpsPerReplica)
{
    Scenario probe = setup.base;
    Region region;
    region.id = kRegionId;
    region.name = "sizing region";
    region.zone = "Z";
    region.gatewayLatencyMs = setup.gatewayLatencyMs;
    probe.regions = {region};
    probe.zones = {{"Z", "sizing zone", ""}};
    probe.links.clear();
    Pool pool;
    pool.id = kRegionId;
    pool.region = kRegionId;
    pool.gpuType = setup.target.gpuType;
    pool.model = setup.target.model;
    pool.tensorParallel = setup.target.tensorParallel;
    pool.gpuCount = setup.replicas * setup.target.tensorParallel;
    pool.pricing = PricingMode::Reserved;
    probe.pools = {pool};
    RegionTraffic traffic;
    traffic.region = kRegionId;
    traffic.peakRps = setup.replicas * rpsPerReplica;
    traffic.hourly.assign(24, 1.0);
    probe.traffic = {traffic};
    probe.simulation.warmupS = setup.warmupS;
    probe.simulation.durationS = setup.warmupS + setup.measuredS;
    probe.simulation.bucketS = setup.bucketS;
    probe.simulation.startUtcHour = 0.0;
    probe.simulation.sampling.enabled = false;
    return probe;
}

std::expected<SizingProbe, std::string> ReplicaSizer::probe(const SizingSetup &setup, double rpsPerReplica) const
{
    SimulationOptions options;
    options.observer = m_options.observer;
    auto simulation = Simulation::create(probeScenario(setup, rpsPerReplica), options);
    if (!simulation)
        return std::unexpected(simulation.error());
    auto result = simulation->run();
    if (!result)
        return std::unexpected(result.error());
    SizingProbe p;
    p.rpsPerReplica = rpsPerReplica;
    p.ttftP99Ms = result->latency.ttft.quantile(0.99) / 1e3;
    p.e2eP99Ms = result->latency.e2e.quantile(0.99) / 1e3;
    p.completed = result->requests.completed;
    p.shedShare = result->requests.arrived > 0.0 ? result->requests.shed / result->requests.arrived : 0.0;
    // The last measured bucket: the one starting a bucket before the end of the window.
    const auto lastStartUs = static_cast<SimTime>(std::llround((setup.warmupS + setup.measuredS - setup.bucketS) * 1e6));
    for (const auto &bucket : result->timeline)
        if (std::llabs(bucket.startUs - lastStartUs) <= 1) {
            p.lastTtftP99Ms = bucket.latency.ttft.quantile(0.99) / 1e3;
            p.lastE2eP99Ms = bucket.latency.e2e.quantile(0.99) / 1e3;
        }
    const auto within = [](double ttft, double e2e, const SizingSetup &s) {
        return ttft <= s.ttftBudgetMs && (!(s.e2eBudgetMs > 0.0) || e2e <= s.e2eBudgetMs);
    };
    p.meetsSla = p.completed > 0.0 && within(p.ttftP99Ms, p.e2eP99Ms, setup)
                 && within(p.lastTtftP99Ms, p.lastE2eP99Ms, setup);
    return p;
}

std::expected<SizingResult, std::string> ReplicaSizer::size(const SizingTarget &target) const
{
    auto setup = prepare(target);
    if (!setup)
        return std::unexpected(setup.error());
    SizingResult result;
    result.setup = *setup;
    const auto cancelled = [this] { return m_options.observer != nullptr && m_options.observer->cancelled(); };
    const auto run = [&](double rps) -> std::expected<bool, std::string> {
        if (cancelled())
            return std::unexpected("the sizing was cancelled");
        auto p = probe(result.setup, rps);
        if (!p)
            return std::unexpected(p.error());
        result.probes.push_back(*p);
        result.simulatedRequests += p->completed;
        if (p->meetsSla && rps > result.capacityRps) {
            result.capacityRps = rps;
            result.ttftP99Ms = p->ttftP99Ms;
            result.e2eP99Ms = p->e2eP99Ms;
        }
        if (!p->meetsSla && (result.failingRps == 0.0 || rps < result.failingRps))
            result.failingRps = rps;
        return p->meetsSla;
    };

    double rps = result.setup.estimateRps;
    auto first = run(rps);
    if (!first)
        return std::unexpected(first.error());
    if (*first) {
        for (int i = 0; i < kMaxDoublings && result.failingRps == 0.0; ++i)
            if (auto ok = run(rps *= 2.0); !ok)
                return std::unexpected(ok.error());
        if (result.failingRps == 0.0)
            return std::unexpected("a replica still met the SLA at " + std::to_string(rps) +
                                   " requests/s: the latency profile never saturates");
    } else {
        for (int i = 0; i < kMaxHalvings && result.capacityRps == 0.0; ++i)
            if (auto ok = run(rps *= 0.5); !ok)
                return std::unexpected(ok.error());
        if (result.capacityRps == 0.0) {
            const SizingProbe &last = result.probes.back();
            char text[320];
            std::snprintf(text, sizeof text,
                          "no rate meets the SLA: even at %.3g requests/s per replica TTFT p99 is %.0f ms "
                          "(budget %.0f ms) and E2E p99 %.0f ms; the budget is below what an idle replica achieves",
                          last.rpsPerReplica, last.ttftP99Ms, result.setup.ttftBudgetMs, last.e2eP99Ms);
            return std::unexpected(std::string(text));
        }
    }
    // Geometric bisection: the error is relative, like the resolution.
    while (result.failingRps > result.capacityRps * (1.0 + result.setup.resolution)) {
        const double middle = std::sqrt(result.capacityRps * result.failingRps);
        if (auto ok = run(middle); !ok)
            return std::unexpected(ok.error());
    }
    return result;
}

} // namespace longitude::engine
