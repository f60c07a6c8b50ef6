#pragma once

#include "engine/scenario/scenario.h"
#include "engine/sim/simulationobserver.h"

#include <cstdint>
#include <expected>
#include <optional>
#include <string>
#include <vector>

namespace longitude::engine {

/// What to size: one replica of `model` on `tensorParallel` GPUs of `gpuType`.
struct SizingTarget
{
    std::string model;
    std::string gpuType;
    int tensorParallel = 1;
    bool operator==(const SizingTarget &) const = default;
};

/// How the sizing search runs. Every field has a default; zero or unset means "derive it".
struct SizingOptions
{
    /// Replicas behind the balancer in each probe. More than one, so that the capacity includes
    /// what a balancer cannot smooth; few, so that a probe stays cheap (a Longitude choice,
    /// 2026-11: 8 replicas, the size of SkyLB's per-region fleets, seed 003).
    int replicas = 8;
    /// Stop when the lowest failing rate is within this factor of the highest passing one
    /// (0.01: the answer is within 1 % below the true threshold of the simulated system).
    double resolution = 0.01;
    double warmupS = 0.0;   ///< unmeasured seconds per probe; 0 = automatic (see ReplicaSizer)
    double measuredS = 0.0; ///< measured seconds per probe; 0 = automatic
    std::optional<std::uint64_t> seed;          ///< default: the scenario's seed
    std::string policy = "least-load";          ///< balancer in front of the probe's replicas
    std::optional<double> ttftBudgetMs;         ///< default: the scenario's sla.ttftP99Ms
    std::optional<double> e2eBudgetMs;          ///< default: sla.e2eP99Ms (0 = not checked)
    std::optional<double> gatewayLatencyMs;     ///< default: the largest among regions with traffic
    SimulationObserver *observer = nullptr;     ///< asked to cancel between and during probes
};

/// One simulation of the search.
struct SizingProbe
{
    double rpsPerReplica = 0.0;
    double ttftP99Ms = 0.0;
    double e2eP99Ms = 0.0;
    double lastTtftP99Ms = 0.0; ///< in the last fifth of the measured window (the trend check)
    double lastE2eP99Ms = 0.0;
    double completed = 0.0; ///< measured requests that completed
    double shedShare = 0.0; ///< shed / arrived (no overload shedding here: prompts too big for KV)
    bool meetsSla = false;
};

/// A probe's fixed settings, derived once per search (so every probe differs only by its rate).
struct SizingSetup
{
    SizingTarget target;
    int replicas = 8;
    double warmupS = 0.0;   ///< a whole number of buckets
    double measuredS = 0.0;
    double bucketS = 0.0;   ///< measuredS / kTrendBuckets
    std::uint64_t seed = 1;
    std::string policy;
    double ttftBudgetMs = 0.0;
    double e2eBudgetMs = 0.0; ///< 0 = not checked
    double gatewayLatencyMs = 0.0;
    double resolution = 0.01;
    /// First guess of the sustainable rate per replica: the rate that keeps one replica's
    /// prefill and decode work busy all the time at a full batch (an optimistic ceiling).
    double estimateRps = 0.0;
    /// The scenario the probes are cut from (regions, traffic and pools replaced).
    Scenario base;
};

/// The answer of a search: replicas of the target sustain `capacityRps` requests per second
/// each within the SLA, and not `failingRps`.
struct SizingResult
{
    SizingSetup setup;
    double capacityRps = 0.0;   ///< highest probed rate per replica that met the SLA
    double failingRps = 0.0;    ///< lowest probed rate that did not (<= capacity x (1 + resolution))
    double ttftP99Ms = 0.0;     ///< at capacityRps
    double e2eP99Ms = 0.0;      ///< at capacityRps
    std::vector<SizingProbe> probes; ///< in the order they ran
    double simulatedRequests = 0.0;  ///< measured requests over all probes (the search's cost)
};

/// Finds how many requests per second one replica sustains at the SLA, by simulating rather
/// than by formula: queueing, batching, prefix-cache hits and the decode clock all move the
/// answer, and the simulator (engine/sim) is the one place that models them.
///
/// Why it exists: a reservation plan (ReservationPlan, DOMAIN.md section 7) turns hourly request
/// rates into replicas; that needs a replica's capacity *at the SLA*, not its raw throughput.
///
/// The search (docs/planning.md): a probe simulates one region with `replicas` replicas of the
/// target behind `policy`, flat Poisson traffic of `replicas x rate` requests/s made of the
/// scenario's workload classes of that model, `warmupS` unmeasured then `measuredS` measured
/// seconds, one fixed seed. A probe *meets the SLA* when TTFT p99 <= the TTFT budget and, if an
/// E2E budget is set, E2E p99 <= it, both over the measured window *and* over its last fifth
/// (requests arriving there). The second test is the stability check: a rate above what the
/// replicas can serve builds a backlog that grows through the window, so its last fifth is the
/// worst; a short window alone would pass a slightly overloaded fleet whose queue has not had
/// time to grow (measured on the SkyLB sample: +2 % capacity at 177 s windows, none at 600 s
/// and more). Starting from `estimateRps`, the rate is doubled or halved
/// until one probe passes and one fails, then bisected geometrically until
/// failing / passing <= 1 + resolution: about log2(ln 2 / ln(1 + resolution)) + 2 probes
/// (9 at 1 %).
///
/// Deterministic: the same scenario and options give the same probes bit for bit. Monotone in
/// practice: with one seed, a probe at a higher rate sees the same requests (same lengths, same
/// prefixes) arriving at proportionally shorter gaps, because the arrival process spends the
/// same Exp(1) draws at a higher rate; the search reports the passing rate it actually
/// simulated, never an interpolation.
///
/// Automatic durations: warm-up = max(60 s, 5 x a request's unloaded duration, 2 x a session's
/// expected span), at most 1800 s, rounded up to whole buckets; measured = enough for 100,000
/// requests at the estimate (the last fifth's p99 then rests on ~200 tail samples), between
/// 120 s and 3600 s. A backlog must grow by about a full batch per replica before TTFT shows it,
/// which takes ~maxBatch / overload requests per replica: 100,000 requests over 8 replicas of
/// batch 256 reveal an overload of ~2 %. Cost: ~10 probes of ~100,000 requests, 0.5-1 s per
/// search on the samples of this repository.
class ReplicaSizer
{
public:
    /// The region id of every probe (random streams are keyed by region id, docs/engine.md).
    static constexpr const char *kRegionId = "sizing";
    /// Measured requests a probe aims for at the estimated capacity (see above).
    static constexpr double kTargetMeasuredRequests = 100000.0;
    /// The measured window is cut into this many buckets; the last one is the trend check.
    static constexpr int kTrendBuckets = 5;

    explicit ReplicaSizer(Scenario scenario, SizingOptions options = {});

    /// Resolves the options for `target`: budgets, gateway, durations, estimate. Fails with a
    /// sentence when the target cannot be simulated (unknown model or GPU, no profile, no
    /// workload class of that model, no TTFT budget).
    std::expected<SizingSetup, std::string> prepare(const SizingTarget &target) const;
    /// The one-region scenario a probe at `rpsPerReplica` simulates.
    static Scenario probeScenario(const SizingSetup &setup, double rpsPerReplica);
    /// Runs one probe.
    std::expected<SizingProbe, std::string> probe(const SizingSetup &setup, double rpsPerReplica) const;
    /// Runs the whole search. Fails when even a tiny rate misses the SLA (the budget is below
    /// an idle replica's TTFT), or when cancelled through the observer.
    std::expected<SizingResult, std::string> size(const SizingTarget &target) const;

private:
    Scenario m_scenario;
    SizingOptions m_options;
};

} // namespace longitude::engine
