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
