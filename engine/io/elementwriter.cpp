#include "elementwriter.h"

#include <cmath>
#include <cstdint>

namespace longitude::engine {

Json numberToJson(double value)
{
    constexpr double kExactIntegerLimit = 9007199254740992.0; // 2^53
    if (std::isfinite(value) && value == std::trunc(value) && std::fabs(value) < kExactIntegerLimit)
        return Json(static_cast<std::int64_t>(value));
    if (!std::isfinite(value))
        return Json(nullptr); // JSON has no infinity; the validator refuses such values anyway
    return Json(value);
}

namespace {
Json numbers(const std::vector<double> &values)
{
    Json array = Json::array();
    for (const double v : values)
        array.push_back(numberToJson(v));
    return array;
}
} // namespace

Json toJson(const Region &region)
{
    Json j = Json::object();
    j["id"] = region.id;
    j["name"] = region.name;
    j["provider"] = region.provider;
    j["providerRegion"] = region.providerRegion;
    j["lon"] = numberToJson(region.lon);
    j["lat"] = numberToJson(region.lat);
    j["utcOffsetHours"] = numberToJson(region.utcOffsetHours);
    j["zone"] = region.zone;
    j["gatewayLatencyMs"] = numberToJson(region.gatewayLatencyMs);
    return j;
}

Json toJson(const Link &link)
{
    Json j = Json::object();
    j["from"] = link.from;
    j["to"] = link.to;
    j["rttMs"] = numberToJson(link.rttMs);
    j["symmetric"] = link.symmetric;
    j["egressUsdPerGb"] = numberToJson(link.egressUsdPerGb);
    j["source"] = link.source;
    return j;
}

Json toJson(const ResidencyZone &zone)
{
    Json j = Json::object();
    j["id"] = zone.id;
    j["name"] = zone.name;
    j["color"] = zone.color;
    return j;
}

Json toJson(const GpuType &gpu)
{
    Json j = Json::object();
    j["id"] = gpu.id;
    j["name"] = gpu.name;
    j["memoryGb"] = numberToJson(gpu.memoryGb);
    j["bf16Tflops"] = numberToJson(gpu.bf16Tflops);
    j["fp8Tflops"] = numberToJson(gpu.fp8Tflops);
    j["hbmTbPerS"] = numberToJson(gpu.hbmTbPerS);
    Json prices = Json::object();
    prices["reservedUsdPerHour"] = numberToJson(gpu.prices.reservedUsdPerHour);
    prices["onDemandUsdPerHour"] = numberToJson(gpu.prices.onDemandUsdPerHour);
    prices["spotUsdPerHour"] = numberToJson(gpu.prices.spotUsdPerHour);
    prices["source"] = gpu.prices.source;
    prices["asOf"] = gpu.prices.asOf;
    j["prices"] = std::move(prices);
    return j;
}

Json toJson(const LatencyProfile &profile)
{
    Json j = Json::object();
    j["gpuType"] = profile.gpuType;
    j["tensorParallel"] = profile.tensorParallel;
    j["kind"] = profileKindName(profile.kind);
    // Only the kind's own terms: the others are not read back (ElementReader warns about them).
    switch (profile.kind) {
    case ProfileKind::Linear:
        j["prefillTokensPerS"] = numberToJson(profile.prefillTokensPerS);
        j["decodeBaseMs"] = numberToJson(profile.decodeBaseMs);
        j["decodePerSeqMs"] = numberToJson(profile.decodePerSeqMs);
        j["decodePerKContextMs"] = numberToJson(profile.decodePerKContextMs);
        break;
    case ProfileKind::Roofline:
        j["etaPrefill"] = numberToJson(profile.etaPrefill);
        j["etaMem"] = numberToJson(profile.etaMem);
        j["etaDecode"] = numberToJson(profile.etaDecode);
        break;
    case ProfileKind::Constant:
        j["prefillMs"] = numberToJson(profile.prefillMs);
        j["decodeStepMs"] = numberToJson(profile.decodeStepMs);
        break;
    }
    j["maxBatch"] = profile.maxBatch;
    j["kvUsableFraction"] = numberToJson(profile.kvUsableFraction);
    j["source"] = profile.source;
    return j;
}

Json toJson(const Model &model)
{
    Json j = Json::object();
    j["id"] = model.id;
    j["name"] = model.name;
    j["paramsB"] = numberToJson(model.paramsB);
    j["activeParamsB"] = numberToJson(model.activeParamsB);
    j["bytesPerParam"] = numberToJson(model.bytesPerParam);
    j["kvBytesPerToken"] = numberToJson(model.kvBytesPerToken);
    j["profiles"] = listToJson(model.profiles);
    j["source"] = model.source;
    return j;
}

Json toJson(const Pool &pool)
{
    Json j = Json::object();
    j["id"] = pool.id;
    j["region"] = pool.region;
    j["gpuType"] = pool.gpuType;
    j["model"] = pool.model;
    j["gpuCount"] = pool.gpuCount;
    j["tensorParallel"] = pool.tensorParallel;
    j["pricing"] = pricingModeName(pool.pricing);
    return j;
}

Json toJson(const RegionTraffic &traffic)
{
    Json j = Json::object();
    j["region"] = traffic.region;
    j["peakRps"] = numberToJson(traffic.peakRps);
    // Exactly one of the two is valid; both are written when both are set so nothing is lost.
    if (!traffic.hourly.empty())
        j["hourly"] = numbers(traffic.hourly);
    if (!traffic.preset.empty())
        j["preset"] = traffic.preset;
    return j;
}

Json toJson(const Distribution &distribution)
{
    Json j = Json::object();
    j["kind"] = distributionKindName(distribution.kind);
    switch (distribution.kind) {
    case DistributionKind::Constant:
        j["value"] = numberToJson(distribution.value);
        break;
    case DistributionKind::Uniform:
        break;
    case DistributionKind::Exponential:
        j["mean"] = numberToJson(distribution.mean);
        break;
    case DistributionKind::Lognormal:
        j["mu"] = numberToJson(distribution.mu);
        j["sigma"] = numberToJson(distribution.sigma);
        break;
    case DistributionKind::Empirical:
        j["values"] = numbers(distribution.values);
        if (!distribution.weights.empty())
            j["weights"] = numbers(distribution.weights);
        break;
    }
    // Uniform's bounds are its parameters; for the other kinds they are optional clamps.
    if (distribution.kind == DistributionKind::Uniform || distribution.min != 0.0)
        j["min"] = numberToJson(distribution.min);
    if (distribution.kind == DistributionKind::Uniform || distribution.max != 0.0)
        j["max"] = numberToJson(distribution.max);
    return j;
}

Json toJson(const WorkloadClass &workload)
{
    Json j = Json::object();
    j["id"] = workload.id;
    j["share"] = numberToJson(workload.share);
    j["model"] = workload.model;
    j["promptTokens"] = toJson(workload.promptTokens);
    j["outputTokens"] = toJson(workload.outputTokens);
    j["prefixGroups"] = workload.prefixGroups;
    j["prefixTokens"] = workload.prefixTokens;
    j["prefixZipf"] = numberToJson(workload.prefixZipf);
    j["sessionTurns"] = toJson(workload.sessionTurns);
    j["thinkTimeS"] = toJson(workload.thinkTimeS);
    j["residencyShare"] = numberToJson(workload.residencyShare);
    return j;
}

Json toJson(const Outage &outage)
{
    Json j = Json::object();
    j["target"] = outage.target;
    j["startS"] = numberToJson(outage.startS);
    j["durationS"] = numberToJson(outage.durationS);
    return j;
}

Json toJson(const ParamMap &params)
{
    Json j = Json::object();
    for (const auto &[name, value] : params)
        j[name] = numberToJson(value);
    return j;
}

Json toJson(const SlaTargets &sla)
{
    Json j = Json::object();
    j["ttftP99Ms"] = numberToJson(sla.ttftP99Ms);
    j["e2eP99Ms"] = numberToJson(sla.e2eP99Ms);
    return j;
}

Json toJson(const RoutingSettings &routing)
{
    Json j = Json::object();
    j["policy"] = routing.policy;
    j["params"] = toJson(routing.params);
    j["probeIntervalMs"] = numberToJson(routing.probeIntervalMs);
    return j;
}

Json toJson(const PlacementSettings &placement)
{
    Json j = Json::object();
    j["strategy"] = placement.strategy;
    j["params"] = toJson(placement.params);
    return j;
}

Json toJson(const OverflowSettings &overflow)
{
    Json j = Json::object();
    j["enabled"] = overflow.enabled;
    j["params"] = toJson(overflow.params);
    return j;
}

Json toJson(const FailoverSettings &failover)
{
    Json j = Json::object();
    j["outages"] = listToJson(failover.outages);
    j["params"] = toJson(failover.params);
    return j;
}

Json toJson(const SimulationSettings &simulation)
{
    Json j = Json::object();
    j["durationS"] = numberToJson(simulation.durationS);
    j["warmupS"] = numberToJson(simulation.warmupS);
    j["seed"] = simulation.seed;
    j["startUtcHour"] = numberToJson(simulation.startUtcHour);
    j["bucketS"] = numberToJson(simulation.bucketS);
    j["kvBlockTokens"] = simulation.kvBlockTokens;
    j["prefixCache"] = simulation.prefixCache;
    Json sampling = Json::object();
    sampling["enabled"] = simulation.sampling.enabled;
    sampling["windowS"] = numberToJson(simulation.sampling.windowS);
    sampling["warmupS"] = numberToJson(simulation.sampling.warmupS);
    j["sampling"] = std::move(sampling);
    return j;
}

std::string dumpDocument(const Json &document)
{
    // Strings are written as UTF-8; invalid bytes (which a loaded file cannot contain) are
    // replaced rather than thrown on, so saving never fails.
    return document.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

} // namespace longitude::engine
