#pragma once

// The global-service scenario of the performance target, built in code so that the benchmark
// does not depend on a sample file: ~1,050 H100 at TP2 (525 replicas) in six regions on three
// continents (seed 002: US ~600, EU ~300, APAC ~150 GPUs), ~50,000 req/s of regional peaks,
// Llama-3.3-70B FP8 with a roofline profile calibrated on DOMAIN.md section 3, prefix cache on.
#include "engine/scenario/scenario.h"

#include <string>
#include <vector>

namespace longitude::bench {

inline engine::Scenario globalServiceScenario()
{
    using namespace longitude::engine;
    Scenario s;
    s.name = "global-service (bench)";
    // Mirrors samples/global-service.longitude.json: a short-answer service whose regional
    // peaks are 67-79 % of the replicas' measured saturation capacity (~157 req/s each), all
    // regions on one business-day curve in local time (global peak ~50,300 req/s at 19:00 UTC).
    const std::vector<double> curve = {0.3,  0.24, 0.2,  0.18, 0.18, 0.22, 0.32, 0.48, 0.66, 0.8,  0.88, 0.93,
                                       0.96, 0.98, 1.0,  0.99, 0.96, 0.92, 0.88, 0.84, 0.76, 0.62, 0.48, 0.38};
    struct R
    {
        const char *id;
        const char *zone;
        double lon, lat, utc;
        int gpus;
        double peakRps;
    };
    const R regions[] = {
        {"us-east-1", "US", -77.5, 39.0, -5, 320, 19800},    {"us-west-2", "US", -119.7, 45.8, -8, 280, 17300},
        {"eu-west-1", "EU", -6.3, 53.3, 0, 160, 8600},        {"eu-central-1", "EU", 8.7, 50.1, 1, 140, 7400},
        {"ap-northeast-1", "APAC", 139.7, 35.7, 9, 80, 4700}, {"ap-southeast-1", "APAC", 103.8, 1.3, 8, 70, 3900},
    };
    for (const R &r : regions) {
        Region region;
        region.id = r.id;
        region.name = r.id;
        region.provider = "aws";
        region.providerRegion = r.id;
        region.lon = r.lon;
        region.lat = r.lat;
        region.utcOffsetHours = r.utc;
        region.zone = r.zone;
        region.gatewayLatencyMs = 10.0;
        s.regions.push_back(region);
        Pool pool;
        pool.id = std::string(r.id) + "-h100";
        pool.region = r.id;
        pool.gpuType = "H100";
        pool.gpuCount = r.gpus;
        pool.model = "llama-3.3-70b-fp8";
        pool.tensorParallel = 2;
        pool.pricing = PricingMode::Reserved;
        s.pools.push_back(pool);
        RegionTraffic traffic;
        traffic.region = r.id;
        traffic.peakRps = r.peakRps;
        traffic.hourly = curve;
        s.traffic.push_back(traffic);
    }
    s.zones = {{"US", "United States", ""}, {"EU", "European Union", ""}, {"APAC", "Asia-Pacific", ""}};
    // Round numbers of the AWS cloudping p50 magnitudes (DOMAIN.md section 4).
    auto link = [&](const char *a, const char *b, double rtt) {
        Link l;
        l.from = a;
        l.to = b;
        l.rttMs = rtt;
        s.links.push_back(l);
    };
    link("us-east-1", "us-west-2", 65);
    link("us-east-1", "eu-west-1", 70);
    link("eu-west-1", "eu-central-1", 27);
    link("us-west-2", "ap-northeast-1", 100);
    link("ap-northeast-1", "ap-southeast-1", 70);
    link("eu-central-1", "ap-southeast-1", 160);

    GpuType h100;
    h100.id = "H100";
    h100.name = "NVIDIA H100 SXM 80GB";
    h100.memoryGb = 80;
    h100.bf16Tflops = 989;
    h100.fp8Tflops = 1979;
    h100.hbmTbPerS = 3.35;
    h100.prices.onDemandUsdPerHour = 6.88; // AWS p5.48xlarge us-east-1 $55.04/h / 8 (June 2025)
    h100.prices.reservedUsdPerHour = 4.7725;
    h100.prices.spotUsdPerHour = 3.9348;
    h100.prices.source = "samples/global-service.longitude.json";
    s.gpuTypes.push_back(h100);

    Model llama;
    llama.id = "llama-3.3-70b-fp8";
    llama.name = "Llama-3.3-70B FP8";
    llama.paramsB = 70.6;
    llama.bytesPerParam = 1.0;
    llama.kvBytesPerToken = 163840; // 80 layers x 8 KV heads x 128 x K,V x 1 byte
    LatencyProfile profile;
    profile.gpuType = "H100";
    profile.tensorParallel = 2;
    profile.kind = ProfileKind::Roofline;
    profile.etaPrefill = 0.435; // TRT-LLM >= 6,100 input tok/s per GPU at ISL 2048
    profile.etaMem = 0.735;     // ITL ~20 ms at low batch on one H200
    profile.etaDecode = 0.235;  // ~3,300 output tok/s per GPU at saturation
    profile.maxBatch = 256;
    profile.kvUsableFraction = 0.9;
    llama.profiles.push_back(profile);
    s.models.push_back(llama);

    auto workload = [&](const char *id, double share, double residency) {
        WorkloadClass w;
        w.id = id;
        w.share = share;
        w.model = llama.id;
        w.promptTokens.kind = DistributionKind::Uniform;
        w.promptTokens.min = 16;
        w.promptTokens.max = 64;
        w.outputTokens.kind = DistributionKind::Uniform;
        w.outputTokens.min = 8;
        w.outputTokens.max = 24;
        w.prefixGroups = 32;
        w.prefixTokens = 1000;
        w.prefixZipf = 0.6;
        w.residencyShare = residency;
        return w;
    };
    s.workloads = {workload("open", 0.6, 0.0), workload("personal-data", 0.4, 1.0)};
    s.sla.ttftP99Ms = 800;
    s.sla.e2eP99Ms = 1200;
    s.routing.policy = "least-load";
    s.simulation.durationS = 300;
    s.simulation.warmupS = 60;
    s.simulation.startUtcHour = 19; // the global peak
    s.simulation.prefixCache = true;
    return s;
}

/// A chat variant of the same fleet: multi-turn sessions whose prompts grow with the history,
/// so that the prefix cache holds per-session streams as well as shared system prompts.
inline engine::Scenario globalChatScenario()
{
    using namespace longitude::engine;
    Scenario s = globalServiceScenario();
    s.name = "global-chat (bench)";
    for (auto &t : s.traffic)
        t.peakRps *= 0.6;
    for (auto &w : s.workloads) {
        w.sessionTurns.kind = DistributionKind::Constant;
        w.sessionTurns.value = 3;
        w.thinkTimeS.kind = DistributionKind::Exponential;
        w.thinkTimeS.mean = 20;
    }
    return s;
}

} // namespace longitude::bench
