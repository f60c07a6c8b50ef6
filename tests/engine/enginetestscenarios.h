#pragma once

// Small scenarios built in code for engine tests, with round numbers so that expected values
// can be computed by hand.
#include "engine/scenario/scenario.h"

namespace longitude::engine::test {

inline Distribution constant(double value)
{
    Distribution d;
    d.kind = DistributionKind::Constant;
    d.value = value;
    return d;
}

inline Distribution exponential(double mean)
{
    Distribution d;
    d.kind = DistributionKind::Exponential;
    d.mean = mean;
    return d;
}

inline GpuType testGpu()
{
    GpuType gpu;
    gpu.id = "G";
    gpu.name = "test GPU";
    gpu.memoryGb = 80.0;
    gpu.bf16Tflops = 1000.0;
    gpu.fp8Tflops = 2000.0;
    gpu.hbmTbPerS = 3.0;
    gpu.prices.reservedUsdPerHour = 1.0;
    gpu.prices.onDemandUsdPerHour = 2.0;
    gpu.prices.spotUsdPerHour = 0.5;
    return gpu;
}

/// Model "m": 10B params in BF16 (20 GB), 100 kB of KV per token, one profile for G at TP1.
/// KV capacity = (80 GB x 0.9 - 20 GB) / 100 kB = 520,000 tokens.
inline Model testModel(const LatencyProfile &profile)
{
    Model m;
    m.id = "m";
    m.name = "test model";
    m.paramsB = 10.0;
    m.bytesPerParam = 2.0;
    m.kvBytesPerToken = 1e5;
    m.profiles.push_back(profile);
    return m;
}

inline LatencyProfile linearProfile()
{
    LatencyProfile p;
    p.gpuType = "G";
    p.tensorParallel = 1;
    p.kind = ProfileKind::Linear;
    p.prefillTokensPerS = 10000.0; // 100 us per token
    p.decodeBaseMs = 10.0;
    p.decodePerSeqMs = 0.5;
    p.decodePerKContextMs = 1.0;   // 1 us per context token
    p.maxBatch = 8;
    p.kvUsableFraction = 0.9;
    return p;
}

inline LatencyProfile constantProfile(double stepMs, int maxBatch)
{
    LatencyProfile p;
    p.gpuType = "G";
    p.tensorParallel = 1;
    p.kind = ProfileKind::Constant;
    p.prefillMs = 0.0;
    p.decodeStepMs = stepMs;
    p.maxBatch = maxBatch;
    p.kvUsableFraction = 0.9;
    return p;
}

inline Region region(const std::string &id, const std::string &zone, double utcOffset = 0.0, double gatewayMs = 0.0)
{
    Region r;
    r.id = id;
    r.name = id;
    r.zone = zone;
    r.utcOffsetHours = utcOffset;
    r.gatewayLatencyMs = gatewayMs;
    return r;
}

inline Pool pool(const std::string &id, const std::string &region, int gpus)
{
    Pool p;
    p.id = id;
    p.region = region;
    p.gpuType = "G";
    p.gpuCount = gpus;
    p.model = "m";
    p.tensorParallel = 1;
    p.pricing = PricingMode::OnDemand;
    return p;
}

inline RegionTraffic flatTraffic(const std::string &region, double rps)
{
    RegionTraffic t;
    t.region = region;
    t.peakRps = rps;
    t.preset = "flat";
    return t;
}

inline WorkloadClass workload(const Distribution &prompt, const Distribution &output)
{
    WorkloadClass w;
    w.id = "w";
    w.model = "m";
    w.promptTokens = prompt;
    w.outputTokens = output;
    w.sessionTurns = constant(1);
    w.thinkTimeS = constant(0);
    return w;
}

/// One region, one pool of `gpus` replicas, flat traffic.
inline Scenario singleRegion(const LatencyProfile &profile, int gpus, double rps, const WorkloadClass &w)
{
    Scenario s;
    s.name = "test";
    s.regions.push_back(region("r", "Z"));
    s.zones.push_back({"Z", "Z", ""});
    s.gpuTypes.push_back(testGpu());
    s.models.push_back(testModel(profile));
    s.pools.push_back(pool("p", "r", gpus));
    s.traffic.push_back(flatTraffic("r", rps));
    s.workloads.push_back(w);
    s.routing.policy = "least-load";
    s.simulation.durationS = 3600.0;
    s.simulation.prefixCache = false;
    return s;
}

} // namespace longitude::engine::test

namespace longitude::engine::test {

inline Link link(const std::string &from, const std::string &to, double rttMs)
{
    Link l;
    l.from = from;
    l.to = to;
    l.rttMs = rttMs;
    return l;
}

/// Three regions on three continents: GPUs in "us" (8 replicas) and "eu" (4), none in "ap"
/// (served from the nearest region, "us"). EU and AP clients tag some requests to their zone;
/// AP's tagged requests have no replica in their zone and must be shed. Two workload classes:
/// chat sessions with a shared system prompt, single-shot API calls.
inline Scenario threeRegions(double peakRps)
{
    Scenario s;
    s.name = "three regions";
    s.regions = {region("us", "US", -5.0, 10.0), region("eu", "EU", 1.0, 10.0), region("ap", "APAC", 9.0, 15.0)};
    s.zones = {{"US", "US", ""}, {"EU", "EU", ""}, {"APAC", "APAC", ""}};
    s.links = {link("us", "eu", 80.0), link("us", "ap", 150.0), link("eu", "ap", 200.0)};
    s.gpuTypes.push_back(testGpu());
    LatencyProfile profile = linearProfile();
    profile.maxBatch = 16;
    profile.decodePerSeqMs = 0.2;
    s.models.push_back(testModel(profile));
    s.pools = {pool("us-pool", "us", 8), pool("eu-pool", "eu", 4)};
    s.traffic = {flatTraffic("us", peakRps), flatTraffic("eu", 0.5 * peakRps), flatTraffic("ap", 0.3 * peakRps)};
    s.traffic[0].preset = "business-day";
    s.traffic[1].preset = "consumer-evening";

    Distribution prompt;
    prompt.kind = DistributionKind::Lognormal;
    prompt.mu = 5.5;
    prompt.sigma = 0.7;
    prompt.max = 4000;
    WorkloadClass chat = workload(prompt, exponential(150.0));
    chat.id = "chat";
    chat.share = 0.7;
    chat.prefixGroups = 5;
    chat.prefixTokens = 512;
    chat.prefixZipf = 1.0;
    chat.sessionTurns = constant(3);
    chat.thinkTimeS = exponential(20.0);
    chat.residencyShare = 0.4;
    WorkloadClass api = workload(exponential(800.0), exponential(60.0));
    api.id = "api";
    api.share = 0.3;
    api.residencyShare = 0.2;
    s.workloads = {chat, api};
    s.routing.policy = "least-load";
    s.simulation.durationS = 3600.0;
    s.simulation.warmupS = 300.0;
    s.simulation.startUtcHour = 14.0;
    s.simulation.prefixCache = true;
    return s;
}

} // namespace longitude::engine::test
