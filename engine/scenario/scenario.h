#pragma once

/// @file scenario.h
/// The planner's whole what-if as plain value types. Everything the engine simulates, the GUI
/// edits and the JSON format stores is here; nothing in this file knows about files, Qt or
/// simulation. Field names match the JSON keys of `longitude.scenario/1` (docs/scenario-format.md).
/// Units are in the names: `Ms` milliseconds, `S` seconds, `Gb` gigabytes (1e9 bytes),
/// `Usd` US dollars, `Rps` requests per second.

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace longitude::engine {

/// The schema string every scenario file carries; the number after the slash is the version.
inline constexpr const char *kScenarioSchema = "longitude.scenario/1";
inline constexpr int kScenarioSchemaVersion = 1;

/// Names of the built-in daily traffic curves a RegionTraffic may use instead of 24 numbers.
inline constexpr std::array<std::string_view, 4> kTrafficPresets = {"business-day", "consumer-evening", "flat",
                                                                    "night-batch"};

/// Named numeric parameters of a policy or strategy (booleans as 0/1). Kept as an ordered map so
/// that saving is stable and iteration is deterministic.
using ParamMap = std::map<std::string, double>;

/// A cloud region where clients originate and GPU pools may live.
struct Region
{
    std::string id;             ///< unique within the scenario, e.g. "us-east-1"
    std::string name;           ///< display name, e.g. "US East (N. Virginia)"
    std::string provider = "custom"; ///< "aws", "gcp", "azure" or "custom"
    std::string providerRegion; ///< the provider's own region code
    double lon = 0.0;           ///< degrees east, [-180, 180]
    double lat = 0.0;           ///< degrees north, [-90, 90]
    double utcOffsetHours = 0.0; ///< standard-time offset used to place the daily curve
    std::string zone;           ///< residency zone id
    double gatewayLatencyMs = 10.0; ///< client -> regional gateway one-way-and-back latency
    bool operator==(const Region &) const = default;
};

/// A measured or assumed round-trip time between two regions.
struct Link
{
    std::string from;
    std::string to;
    double rttMs = 0.0;
    bool symmetric = true;          ///< if true the same RTT applies to->from
    double egressUsdPerGb = 0.02;   ///< inter-region transfer price, from -> to
    std::string source;             ///< where the number comes from (free text, may be empty)
    bool operator==(const Link &) const = default;
};

/// A legal boundary that tagged requests may never leave (e.g. "EU").
struct ResidencyZone
{
    std::string id;
    std::string name;
    std::string color; ///< "#rrggbb" used by the map legend; empty = automatic
    bool operator==(const ResidencyZone &) const = default;
};

enum class PricingMode { Reserved, OnDemand, Spot };

/// Hourly price of one GPU under each pricing mode, with provenance.
struct GpuPrices
{
    double reservedUsdPerHour = 0.0;
    double onDemandUsdPerHour = 0.0;
    double spotUsdPerHour = 0.0;
    std::string source;
    std::string asOf; ///< ISO date the price was read
    bool operator==(const GpuPrices &) const = default;
};

/// An accelerator model and its datasheet numbers.
struct GpuType
{
    std::string id;           ///< e.g. "H100"
    std::string name;         ///< e.g. "NVIDIA H100 SXM 80GB"
    double memoryGb = 0.0;    ///< HBM capacity per GPU
    double bf16Tflops = 0.0;  ///< dense peak
    double fp8Tflops = 0.0;   ///< dense peak (0 if unsupported)
    double hbmTbPerS = 0.0;   ///< memory bandwidth
    GpuPrices prices;
    bool operator==(const GpuType &) const = default;
};

enum class ProfileKind {
    Linear,   ///< prefill at a fixed rate; decode step = base + perSeq*b + perKContext*C/1000
    Roofline, ///< derived from GPU + model numbers and efficiencies (DOMAIN.md section 3)
    Constant  ///< fixed prefill time per request and fixed decode step (validation only)
};

/// How fast one replica (TP GPUs running one model) prefills and decodes.
struct LatencyProfile
{
    std::string gpuType;
    int tensorParallel = 1;
    ProfileKind kind = ProfileKind::Linear;
    // Linear
    double prefillTokensPerS = 0.0;   ///< per replica
    double decodeBaseMs = 0.0;
    double decodePerSeqMs = 0.0;
    double decodePerKContextMs = 0.0; ///< per 1000 tokens of context summed over the batch
    // Roofline
    double etaPrefill = 0.0;
    double etaMem = 0.0;
    double etaDecode = 0.0;
    // Constant
    double prefillMs = 0.0;           ///< per request, whatever its length
    double decodeStepMs = 0.0;
    // Common
    int maxBatch = 256;               ///< concurrent sequences per replica
    double kvUsableFraction = 0.9;    ///< share of GPU memory the engine may use (weights + KV)
    std::string source;               ///< which facts calibrated it
    bool operator==(const LatencyProfile &) const = default;
};

/// An LLM as the planner sees it: size, KV footprint and speed per GPU configuration.
struct Model
{
    std::string id;
    std::string name;
    double paramsB = 0.0;       ///< total parameters, billions (sets the weight memory)
    double activeParamsB = 0.0; ///< parameters active per token, billions (MoE); 0 = paramsB
    double bytesPerParam = 2.0; ///< 1 for FP8, 2 for BF16
    double kvBytesPerToken = 0.0; ///< whole model, all layers, K and V
    std::vector<LatencyProfile> profiles;
    std::string source;
    bool operator==(const Model &) const = default;
};

/// GPUs of one type in one region running one model with one tensor-parallel degree.
struct Pool
{
    std::string id;
    std::string region;
    std::string gpuType;
    int gpuCount = 0;           ///< must be a multiple of tensorParallel
    std::string model;
    int tensorParallel = 1;
    PricingMode pricing = PricingMode::OnDemand;
    bool operator==(const Pool &) const = default;
};

/// Traffic originating in one region over a day.
struct RegionTraffic
{
    std::string region;
    double peakRps = 0.0;
    /// 24 multipliers of peakRps, one per local hour 0..23. Empty when `preset` is used.
    std::vector<double> hourly;
    std::string preset; ///< "business-day", "consumer-evening", "flat", ... ; empty if hourly
    bool operator==(const RegionTraffic &) const = default;
};

enum class DistributionKind { Constant, Uniform, Exponential, Lognormal, Empirical };

/// A length or time distribution. Meaning of fields by kind:
/// Constant(value), Uniform(min,max), Exponential(mean), Lognormal(mu,sigma of ln x),
/// Empirical(values, weights). `min`/`max` also clamp samples of the other kinds when set (> 0).
struct Distribution
{
    DistributionKind kind = DistributionKind::Constant;
    double value = 0.0;
    double min = 0.0;
    double max = 0.0;
    double mean = 0.0;
    double mu = 0.0;
    double sigma = 0.0;
    std::vector<double> values;
    std::vector<double> weights;
    bool operator==(const Distribution &) const = default;

    /// Always `value`.
    static Distribution constant(double value)
    {
        Distribution d;
        d.value = value;
        return d;
    }
};

/// Requests of one kind: lengths, shared system prompts, sessions and residency tagging.
struct WorkloadClass
{
    std::string id;
    double share = 1.0;          ///< relative weight among classes
    std::string model;           ///< model that serves it
    Distribution promptTokens;   ///< user part of the prompt (excluding the system prompt)
    Distribution outputTokens;
    int prefixGroups = 0;        ///< number of distinct shared system prompts; 0 = none
    int prefixTokens = 0;        ///< length of each shared system prompt
    double prefixZipf = 0.0;     ///< popularity skew of groups; 0 = uniform
    Distribution sessionTurns = Distribution::constant(1.0); ///< turns per session; Constant(1) = single-shot
    Distribution thinkTimeS;     ///< delay between a reply and the next turn
    double residencyShare = 0.0; ///< share of requests tagged to their origin region's zone
    bool operator==(const WorkloadClass &) const = default;
};

/// Service-level targets a plan is judged against.
struct SlaTargets
{
    double ttftP99Ms = 800.0;
    double e2eP99Ms = 0.0; ///< 0 = not set
    bool operator==(const SlaTargets &) const = default;
};

/// Which routing policy and how fresh its view of replica state is.
struct RoutingSettings
{
    std::string policy = "least-load";
    ParamMap params;
    double probeIntervalMs = 0.0; ///< 0 = routers see the live state
    bool operator==(const RoutingSettings &) const = default;
};

struct PlacementSettings
{
    std::string strategy = "static";
    ParamMap params;
    bool operator==(const PlacementSettings &) const = default;
};

struct OverflowSettings
{
    bool enabled = false;
    ParamMap params;
    bool operator==(const OverflowSettings &) const = default;
};

/// A planned or hypothetical outage of a region or pool.
struct Outage
{
    std::string target;  ///< a region id or a pool id
    double startS = 0.0; ///< seconds after simulation start
    double durationS = 0.0;
    bool operator==(const Outage &) const = default;
};

struct FailoverSettings
{
    std::vector<Outage> outages;
    ParamMap params;
    bool operator==(const FailoverSettings &) const = default;
};

/// Time-sampled mode: simulate a window of each hour instead of the whole day.
struct SamplingSettings
{
    bool enabled = false;
    double windowS = 60.0; ///< measured seconds per hour
    double warmupS = 30.0; ///< unmeasured seconds before each window
    bool operator==(const SamplingSettings &) const = default;
};

struct SimulationSettings
{
    double durationS = 3600.0;
    double warmupS = 0.0;
    std::uint64_t seed = 1;
    double startUtcHour = 0.0;  ///< UTC hour of day at simulated time zero
    double bucketS = 60.0;      ///< time-series bucket width
    int kvBlockTokens = 16;     ///< prefix-cache block size in tokens
    bool prefixCache = true;
    SamplingSettings sampling;
    bool operator==(const SimulationSettings &) const = default;
};

/// The complete what-if. Ids reference each other by string; validation
/// (engine/io/scenariovalidator.h) checks every reference.
struct Scenario
{
    std::string schema = kScenarioSchema;
    std::string name;
    std::string description;
    std::vector<Region> regions;
    std::vector<Link> links;
    std::vector<ResidencyZone> zones;
    std::vector<GpuType> gpuTypes;
    std::vector<Model> models;
    std::vector<Pool> pools;
    std::vector<RegionTraffic> traffic;
    std::vector<WorkloadClass> workloads;
    SlaTargets sla;
    RoutingSettings routing;
    PlacementSettings placement;
    OverflowSettings overflow;
    FailoverSettings failover;
    SimulationSettings simulation;
    bool operator==(const Scenario &) const = default;

    const Region *findRegion(const std::string &id) const;
    const GpuType *findGpuType(const std::string &id) const;
    const Model *findModel(const std::string &id) const;
    const Pool *findPool(const std::string &id) const;
    const ResidencyZone *findZone(const std::string &id) const;
};

/// The profile of `model` for `gpuType` at `tensorParallel`, or nullptr.
const LatencyProfile *findProfile(const Model &model, const std::string &gpuType, int tensorParallel);

const char *pricingModeName(PricingMode mode);
std::optional<PricingMode> pricingModeFromName(const std::string &name);
const char *profileKindName(ProfileKind kind);
std::optional<ProfileKind> profileKindFromName(const std::string &name);
const char *distributionKindName(DistributionKind kind);
std::optional<DistributionKind> distributionKindFromName(const std::string &name);

} // namespace longitude::engine
