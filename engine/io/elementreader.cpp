#include "elementreader.h"

#include <charconv>

namespace longitude::engine {

using Need = JsonReader::Need;

namespace {
constexpr Need kRequired = Need::Required;
constexpr Need kOptional = Need::Optional;

// Keys each distribution kind uses; "min"/"max" clamp every kind (and are the bounds of uniform).
constexpr std::string_view kDistributionKeysByKind[][3] = {
    {"value", "", ""},    // constant
    {"", "", ""},         // uniform (min, max)
    {"mean", "", ""},     // exponential
    {"mu", "sigma", ""},  // lognormal
    {"values", "weights", ""}, // empirical
};
} // namespace

ElementReader::ElementReader(JsonReader &reader)
    : m_reader(reader)
{}

template <typename Enum>
bool ElementReader::readEnum(const Json &object, const std::string &pointer, std::string_view key, Enum &out,
                             std::optional<Enum> (*fromName)(const std::string &), std::string_view choices)
{
    const Json *value = m_reader.member(object, pointer, key, kOptional);
    if (!value)
        return true;
    if (value->is_string()) {
        if (const auto parsed = fromName(value->get<std::string>())) {
            out = *parsed;
            return true;
        }
    }
    m_reader.error(JsonReader::child(pointer, key),
                   "must be one of " + std::string(choices) + ", got " + JsonReader::describe(*value));
    return false;
}

bool ElementReader::schema(const Json &root, std::string_view family, int version, std::string_view what)
{
    const std::string current = std::string(family) + "/" + std::to_string(version);
    const Json *value = m_reader.member(root, "", "schema", kOptional);
    if (!value) {
        m_reader.error("/schema", "required field is missing; " + std::string(what) + " starts with \"schema\": \""
                                      + current + "\"");
        return true;
    }
    if (!value->is_string()) {
        m_reader.error("/schema", "must be the string \"" + current + "\", got " + JsonReader::describe(*value));
        return true;
    }
    const std::string text = value->get<std::string>();
    const auto slash = text.rfind('/');
    const std::string textFamily = text.substr(0, slash);
    int textVersion = 0;
    bool versionOk = false;
    if (slash != std::string::npos) {
        const char *first = text.data() + slash + 1;
        const char *last = text.data() + text.size();
        const auto [end, ec] = std::from_chars(first, last, textVersion);
        versionOk = ec == std::errc() && end == last && first != last && textVersion >= 1;
    }
    if (slash != std::string::npos && textFamily == family && versionOk) {
        if (textVersion > version) {
            m_reader.error("/schema", "this file uses " + text + "; this build of Longitude reads up to version "
                                          + std::to_string(version) + " (update Longitude to open it)");
            return false;
        }
        return true;
    }
    if (slash != std::string::npos && versionOk && textFamily.rfind("longitude.", 0) == 0) {
        m_reader.error("/schema", "this is a " + textFamily.substr(10) + " file (" + text + "), not "
                                      + std::string(what) + " (\"" + current + "\")");
        return false;
    }
    m_reader.error("/schema", "unknown schema \"" + text + "\"; expected \""
                                  + current + "\" (this is not " + std::string(what) + ")");
    return false;
}

Region ElementReader::region(const Json &value, const std::string &pointer)
{
    Region region;
    if (!m_reader.expectObject(value, pointer, "a region object"))
        return region;
    m_reader.checkKeys(value, pointer, {"id", "name", "provider", "providerRegion", "lon", "lat", "utcOffsetHours",
                                        "zone", "gatewayLatencyMs"});
    m_reader.readString(value, pointer, "id", region.id, kRequired);
    region.name = region.id;
    m_reader.readString(value, pointer, "name", region.name);
    m_reader.readString(value, pointer, "provider", region.provider);
    m_reader.readString(value, pointer, "providerRegion", region.providerRegion);
    m_reader.readNumber(value, pointer, "lon", region.lon, kRequired);
    m_reader.readNumber(value, pointer, "lat", region.lat, kRequired);
    m_reader.readNumber(value, pointer, "utcOffsetHours", region.utcOffsetHours);
    m_reader.readString(value, pointer, "zone", region.zone, kRequired);
    m_reader.readNumber(value, pointer, "gatewayLatencyMs", region.gatewayLatencyMs);
    return region;
}

Link ElementReader::link(const Json &value, const std::string &pointer)
{
    Link link;
    if (!m_reader.expectObject(value, pointer, "a link object"))
        return link;
    m_reader.checkKeys(value, pointer, {"from", "to", "rttMs", "symmetric", "egressUsdPerGb", "source"});
    m_reader.readString(value, pointer, "from", link.from, kRequired);
    m_reader.readString(value, pointer, "to", link.to, kRequired);
    m_reader.readNumber(value, pointer, "rttMs", link.rttMs, kRequired);
    m_reader.readBool(value, pointer, "symmetric", link.symmetric);
    m_reader.readNumber(value, pointer, "egressUsdPerGb", link.egressUsdPerGb);
    m_reader.readString(value, pointer, "source", link.source);
    return link;
}

ResidencyZone ElementReader::zone(const Json &value, const std::string &pointer)
{
    ResidencyZone zone;
    if (!m_reader.expectObject(value, pointer, "a zone object"))
        return zone;
    m_reader.checkKeys(value, pointer, {"id", "name", "color"});
    m_reader.readString(value, pointer, "id", zone.id, kRequired);
    zone.name = zone.id;
    m_reader.readString(value, pointer, "name", zone.name);
    m_reader.readString(value, pointer, "color", zone.color);
    return zone;
}

GpuType ElementReader::gpuType(const Json &value, const std::string &pointer)
{
    GpuType gpu;
    if (!m_reader.expectObject(value, pointer, "a GPU type object"))
        return gpu;
    m_reader.checkKeys(value, pointer, {"id", "name", "memoryGb", "bf16Tflops", "fp8Tflops", "hbmTbPerS", "prices"});
    m_reader.readString(value, pointer, "id", gpu.id, kRequired);
    gpu.name = gpu.id;
    m_reader.readString(value, pointer, "name", gpu.name);
    m_reader.readNumber(value, pointer, "memoryGb", gpu.memoryGb, kRequired);
    m_reader.readNumber(value, pointer, "bf16Tflops", gpu.bf16Tflops);
    m_reader.readNumber(value, pointer, "fp8Tflops", gpu.fp8Tflops);
    m_reader.readNumber(value, pointer, "hbmTbPerS", gpu.hbmTbPerS, kRequired);
    if (const Json *prices = m_reader.objectMember(value, pointer, "prices", kOptional, "a prices object")) {
        const std::string p = JsonReader::child(pointer, "prices");
        m_reader.checkKeys(*prices, p, {"reservedUsdPerHour", "onDemandUsdPerHour", "spotUsdPerHour", "source", "asOf"});
        m_reader.readNumber(*prices, p, "reservedUsdPerHour", gpu.prices.reservedUsdPerHour);
        m_reader.readNumber(*prices, p, "onDemandUsdPerHour", gpu.prices.onDemandUsdPerHour);
        m_reader.readNumber(*prices, p, "spotUsdPerHour", gpu.prices.spotUsdPerHour);
        m_reader.readString(*prices, p, "source", gpu.prices.source);
        m_reader.readString(*prices, p, "asOf", gpu.prices.asOf);
    }
    return gpu;
}

Model ElementReader::model(const Json &value, const std::string &pointer)
{
    Model model;
    if (!m_reader.expectObject(value, pointer, "a model object"))
        return model;
    m_reader.checkKeys(value, pointer, {"id", "name", "paramsB", "activeParamsB", "bytesPerParam", "kvBytesPerToken",
                                        "profiles", "source"});
    m_reader.readString(value, pointer, "id", model.id, kRequired);
    model.name = model.id;
    m_reader.readString(value, pointer, "name", model.name);
    m_reader.readNumber(value, pointer, "paramsB", model.paramsB, kRequired);
    m_reader.readNumber(value, pointer, "activeParamsB", model.activeParamsB);
    m_reader.readNumber(value, pointer, "bytesPerParam", model.bytesPerParam);
    m_reader.readNumber(value, pointer, "kvBytesPerToken", model.kvBytesPerToken, kRequired);
    model.profiles = list(value, pointer, "profiles", kOptional,
                          [this](const Json &item, const std::string &p) { return profile(item, p); });
    m_reader.readString(value, pointer, "source", model.source);
    return model;
}

LatencyProfile ElementReader::profile(const Json &value, const std::string &pointer)
{
    LatencyProfile profile;
    if (!m_reader.expectObject(value, pointer, "a latency profile object"))
        return profile;
    m_reader.checkKeys(value, pointer, {"gpuType", "tensorParallel", "kind", "prefillTokensPerS", "decodeBaseMs",
                                        "decodePerSeqMs", "decodePerKContextMs", "etaPrefill", "etaMem", "etaDecode",
                                        "prefillMs", "decodeStepMs", "maxBatch", "kvUsableFraction", "source"});
    m_reader.readString(value, pointer, "gpuType", profile.gpuType, kRequired);
    m_reader.readInt(value, pointer, "tensorParallel", profile.tensorParallel, rules::kTensorParallel, kRequired);
    if (!readEnum(value, pointer, "kind", profile.kind, &profileKindFromName, "linear, roofline, constant")) {
        // Which terms apply depends on the kind: check none of them rather than the wrong ones.
        m_reader.markUnreliable(pointer);
        return profile;
    }

    // Only the kind's own terms are read; the others would be lost on save, so say so now.
    const bool linear = profile.kind == ProfileKind::Linear;
    const bool roofline = profile.kind == ProfileKind::Roofline;
    const bool constant = profile.kind == ProfileKind::Constant;
    const std::string why = std::string("is not used by a ") + profileKindName(profile.kind) + " profile";
    if (linear) {
        m_reader.readNumber(value, pointer, "prefillTokensPerS", profile.prefillTokensPerS, kRequired);
        m_reader.readNumber(value, pointer, "decodeBaseMs", profile.decodeBaseMs);
        m_reader.readNumber(value, pointer, "decodePerSeqMs", profile.decodePerSeqMs);
        m_reader.readNumber(value, pointer, "decodePerKContextMs", profile.decodePerKContextMs);
    } else {
        for (const auto key : {"prefillTokensPerS", "decodeBaseMs", "decodePerSeqMs", "decodePerKContextMs"})
            m_reader.warnIgnored(value, pointer, key, why);
    }
    if (roofline) {
        m_reader.readNumber(value, pointer, "etaPrefill", profile.etaPrefill, kRequired);
        m_reader.readNumber(value, pointer, "etaMem", profile.etaMem, kRequired);
        m_reader.readNumber(value, pointer, "etaDecode", profile.etaDecode, kRequired);
    } else {
        for (const auto key : {"etaPrefill", "etaMem", "etaDecode"})
            m_reader.warnIgnored(value, pointer, key, why);
    }
    if (constant) {
        m_reader.readNumber(value, pointer, "prefillMs", profile.prefillMs);
        m_reader.readNumber(value, pointer, "decodeStepMs", profile.decodeStepMs);
    } else {
        for (const auto key : {"prefillMs", "decodeStepMs"})
            m_reader.warnIgnored(value, pointer, key, why);
    }
    m_reader.readInt(value, pointer, "maxBatch", profile.maxBatch, rules::kMaxBatch);
    m_reader.readNumber(value, pointer, "kvUsableFraction", profile.kvUsableFraction);
    m_reader.readString(value, pointer, "source", profile.source);
    return profile;
}

Pool ElementReader::pool(const Json &value, const std::string &pointer)
{
    Pool pool;
    if (!m_reader.expectObject(value, pointer, "a pool object"))
        return pool;
    m_reader.checkKeys(value, pointer, {"id", "region", "gpuType", "model", "gpuCount", "tensorParallel", "pricing"});
    m_reader.readString(value, pointer, "id", pool.id, kRequired);
    m_reader.readString(value, pointer, "region", pool.region, kRequired);
    m_reader.readString(value, pointer, "gpuType", pool.gpuType, kRequired);
    m_reader.readString(value, pointer, "model", pool.model, kRequired);
    m_reader.readInt(value, pointer, "gpuCount", pool.gpuCount, rules::kGpuCount, kRequired);
    m_reader.readInt(value, pointer, "tensorParallel", pool.tensorParallel, rules::kTensorParallel);
    readEnum(value, pointer, "pricing", pool.pricing, &pricingModeFromName, "reserved, on-demand, spot");
    return pool;
}

RegionTraffic ElementReader::traffic(const Json &value, const std::string &pointer)
{
    RegionTraffic traffic;
    if (!m_reader.expectObject(value, pointer, "a traffic object"))
        return traffic;
    m_reader.checkKeys(value, pointer, {"region", "peakRps", "hourly", "preset"});
    m_reader.readString(value, pointer, "region", traffic.region, kRequired);
    m_reader.readNumber(value, pointer, "peakRps", traffic.peakRps, kRequired);
    m_reader.readNumberArray(value, pointer, "hourly", traffic.hourly);
    m_reader.readString(value, pointer, "preset", traffic.preset);
    return traffic;
}

Distribution ElementReader::distribution(const Json &value, const std::string &pointer)
{
    Distribution distribution;
    if (!m_reader.expectObject(value, pointer, "a distribution object such as {\"kind\": \"constant\", \"value\": 512}"))
        return distribution;
    m_reader.checkKeys(value, pointer, {"kind", "value", "min", "max", "mean", "mu", "sigma", "values", "weights"});
    if (!m_reader.member(value, pointer, "kind", kRequired)) {
        m_reader.markUnreliable(pointer);
        return distribution;
    }
    if (!readEnum(value, pointer, "kind", distribution.kind, &distributionKindFromName,
                  "constant, uniform, exponential, lognormal, empirical")) {
        m_reader.markUnreliable(pointer);
        return distribution;
    }

    const auto kindIndex = static_cast<std::size_t>(distribution.kind);
    const auto uses = [&](std::string_view key) {
        for (const auto used : kDistributionKeysByKind[kindIndex])
            if (used == key)
                return true;
        return false;
    };
    const std::string why = std::string("is not used by a ") + distributionKindName(distribution.kind)
                            + " distribution";
    for (const auto key : {"value", "mean", "mu", "sigma", "values", "weights"})
        if (!uses(key))
            m_reader.warnIgnored(value, pointer, key, why);

    switch (distribution.kind) {
    case DistributionKind::Constant:
        m_reader.readNumber(value, pointer, "value", distribution.value, kRequired);
        break;
    case DistributionKind::Uniform:
        break;
    case DistributionKind::Exponential:
        m_reader.readNumber(value, pointer, "mean", distribution.mean, kRequired);
        break;
    case DistributionKind::Lognormal:
        m_reader.readNumber(value, pointer, "mu", distribution.mu, kRequired);
        m_reader.readNumber(value, pointer, "sigma", distribution.sigma, kRequired);
        break;
    case DistributionKind::Empirical:
        m_reader.readNumberArray(value, pointer, "values", distribution.values, kRequired);
        m_reader.readNumberArray(value, pointer, "weights", distribution.weights);
        break;
    }
    const Need boundsNeed = distribution.kind == DistributionKind::Uniform ? kRequired : kOptional;
    m_reader.readNumber(value, pointer, "min", distribution.min, boundsNeed);
    m_reader.readNumber(value, pointer, "max", distribution.max, boundsNeed);
    return distribution;
}

Distribution ElementReader::readDistributionMember(const Json &object, const std::string &pointer,
                                                   std::string_view key, Need need, Distribution fallback)
{
    const Json *value = m_reader.member(object, pointer, key, need);
    if (!value)
        return fallback;
    return distribution(*value, JsonReader::child(pointer, key));
}

WorkloadClass ElementReader::workload(const Json &value, const std::string &pointer, const std::string &defaultModel)
{
    WorkloadClass workload;
    if (!m_reader.expectObject(value, pointer, "a workload object"))
        return workload;
    m_reader.checkKeys(value, pointer, {"id", "share", "model", "promptTokens", "outputTokens", "prefixGroups",
                                        "prefixTokens", "prefixZipf", "sessionTurns", "thinkTimeS", "residencyShare"});
    m_reader.readString(value, pointer, "id", workload.id, kRequired);
    m_reader.readNumber(value, pointer, "share", workload.share);
    workload.model = defaultModel;
    m_reader.readString(value, pointer, "model", workload.model);
    workload.promptTokens = readDistributionMember(value, pointer, "promptTokens", kRequired, {});
    workload.outputTokens = readDistributionMember(value, pointer, "outputTokens", kRequired, {});
    m_reader.readInt(value, pointer, "prefixGroups", workload.prefixGroups, rules::kPrefixGroups);
    m_reader.readInt(value, pointer, "prefixTokens", workload.prefixTokens, rules::kPrefixTokens);
    m_reader.readNumber(value, pointer, "prefixZipf", workload.prefixZipf);
    workload.sessionTurns = readDistributionMember(value, pointer, "sessionTurns", kOptional, workload.sessionTurns);
    workload.thinkTimeS = readDistributionMember(value, pointer, "thinkTimeS", kOptional, workload.thinkTimeS);
    m_reader.readNumber(value, pointer, "residencyShare", workload.residencyShare);
    return workload;
}

Outage ElementReader::outage(const Json &value, const std::string &pointer)
{
    Outage outage;
    if (!m_reader.expectObject(value, pointer, "an outage object"))
        return outage;
    m_reader.checkKeys(value, pointer, {"target", "startS", "durationS"});
    m_reader.readString(value, pointer, "target", outage.target, kRequired);
    m_reader.readNumber(value, pointer, "startS", outage.startS, kRequired);
    m_reader.readNumber(value, pointer, "durationS", outage.durationS, kRequired);
    return outage;
}

ParamMap ElementReader::params(const Json &value, const std::string &pointer)
{
    ParamMap params;
    if (!m_reader.expectObject(value, pointer, "an object of named numbers such as {\"tau\": 10}"))
        return params;
    for (auto it = value.begin(); it != value.end(); ++it) {
        const Json &item = it.value();
        if (item.is_boolean())
            params[it.key()] = item.get<bool>() ? 1.0 : 0.0;
        else if (item.is_number())
            params[it.key()] = item.get<double>();
        else
            m_reader.error(JsonReader::child(pointer, it.key()),
                           "must be a number (or true/false), got " + JsonReader::describe(item));
    }
    return params;
}

SlaTargets ElementReader::sla(const Json &value, const std::string &pointer)
{
    SlaTargets sla;
    if (!m_reader.expectObject(value, pointer, "an SLA object"))
        return sla;
    m_reader.checkKeys(value, pointer, {"ttftP99Ms", "e2eP99Ms"});
    m_reader.readNumber(value, pointer, "ttftP99Ms", sla.ttftP99Ms);
    m_reader.readNumber(value, pointer, "e2eP99Ms", sla.e2eP99Ms);
    return sla;
}

RoutingSettings ElementReader::routing(const Json &value, const std::string &pointer)
{
    RoutingSettings routing;
    if (!m_reader.expectObject(value, pointer, "a routing object"))
        return routing;
    m_reader.checkKeys(value, pointer, {"policy", "params", "probeIntervalMs"});
    m_reader.readString(value, pointer, "policy", routing.policy);
    if (const Json *p = m_reader.member(value, pointer, "params", kOptional))
        routing.params = params(*p, JsonReader::child(pointer, "params"));
    m_reader.readNumber(value, pointer, "probeIntervalMs", routing.probeIntervalMs);
    return routing;
}

PlacementSettings ElementReader::placement(const Json &value, const std::string &pointer)
{
    PlacementSettings placement;
    if (!m_reader.expectObject(value, pointer, "a placement object"))
        return placement;
    m_reader.checkKeys(value, pointer, {"strategy", "params"});
    m_reader.readString(value, pointer, "strategy", placement.strategy);
    if (const Json *p = m_reader.member(value, pointer, "params", kOptional))
        placement.params = params(*p, JsonReader::child(pointer, "params"));
    return placement;
}

OverflowSettings ElementReader::overflow(const Json &value, const std::string &pointer)
{
    OverflowSettings overflow;
    if (!m_reader.expectObject(value, pointer, "an overflow object"))
        return overflow;
    m_reader.checkKeys(value, pointer, {"enabled", "params"});
    m_reader.readBool(value, pointer, "enabled", overflow.enabled);
    if (const Json *p = m_reader.member(value, pointer, "params", kOptional))
        overflow.params = params(*p, JsonReader::child(pointer, "params"));
    return overflow;
}

FailoverSettings ElementReader::failover(const Json &value, const std::string &pointer)
{
    FailoverSettings failover;
    if (!m_reader.expectObject(value, pointer, "a failover object"))
        return failover;
    m_reader.checkKeys(value, pointer, {"outages", "params"});
    failover.outages = list(value, pointer, "outages", kOptional,
                            [this](const Json &item, const std::string &p) { return outage(item, p); });
    if (const Json *p = m_reader.member(value, pointer, "params", kOptional))
        failover.params = params(*p, JsonReader::child(pointer, "params"));
    return failover;
}

SimulationSettings ElementReader::simulation(const Json &value, const std::string &pointer)
{
    SimulationSettings simulation;
    if (!m_reader.expectObject(value, pointer, "a simulation object"))
        return simulation;
    m_reader.checkKeys(value, pointer, {"durationS", "warmupS", "seed", "startUtcHour", "bucketS", "kvBlockTokens",
                                        "prefixCache", "sampling"});
    m_reader.readNumber(value, pointer, "durationS", simulation.durationS);
    m_reader.readNumber(value, pointer, "warmupS", simulation.warmupS);
    m_reader.readUInt64(value, pointer, "seed", simulation.seed);
    m_reader.readNumber(value, pointer, "startUtcHour", simulation.startUtcHour);
    m_reader.readNumber(value, pointer, "bucketS", simulation.bucketS);
    m_reader.readInt(value, pointer, "kvBlockTokens", simulation.kvBlockTokens, rules::kKvBlockTokens);
    m_reader.readBool(value, pointer, "prefixCache", simulation.prefixCache);
    if (const Json *sampling = m_reader.objectMember(value, pointer, "sampling", kOptional, "a sampling object")) {
        const std::string p = JsonReader::child(pointer, "sampling");
        m_reader.checkKeys(*sampling, p, {"enabled", "windowS", "warmupS"});
        m_reader.readBool(*sampling, p, "enabled", simulation.sampling.enabled);
        m_reader.readNumber(*sampling, p, "windowS", simulation.sampling.windowS);
        m_reader.readNumber(*sampling, p, "warmupS", simulation.sampling.warmupS);
    }
    return simulation;
}

} // namespace longitude::engine
