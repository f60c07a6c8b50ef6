#pragma once

// The global-service scenario of the performance target, built in code so that the benchmark
// does not depend on a sample file: ~1,050 H100 at TP2 (525 replicas) in six regions on three
// continents (seed 002: US ~600, EU ~300, APAC ~150 GPUs), ~50,000 req/s of regional peaks,
// Llama-3.3-70B FP8 with a roofline profile calibrated on DOMAIN.md section 3, prefix cache on.
#include "engine/scenario/scenario.h"

namespace longitude::bench {

inline engine::Scenario globalServiceScenario()
{
    using namespace longitude::engine;
    Scenario s;
    s.name = "global-service (bench)";
    struct R
    {
        const char *id;
        const char *zone;
        double lon, lat, utc;
        int gpus;
        double peakRps;
        const char *preset;
    };
    const R regions[] = {
        {"us-east-1", "US", -77.5, 39.0, -5, 360, 15000, "business-day"},
        {"us-west-2", "US", -119.7, 45.8, -8, 240, 10000, "consumer-evening"},
        {"eu-west-1", "EU", -6.3, 53.3, 0, 150, 8000, "business-day"},
        {"eu-central-1", "EU", 8.7, 50.1, 1, 150, 7000, "consumer-evening"},
        {"ap-northeast-1", "APAC", 139.7, 35.7, 9, 90, 6000, "consumer-evening"},
        {"ap-southeast-1", "APAC", 103.8, 1.3, 8, 60, 4000, "business-day"},
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
        traffic.preset = r.preset;
        s.traffic.push_back(traffic);
    }
    s.zones = {{"US", "United States", ""}, {"EU", "European Union", ""}, {"APAC", "Asia-Pacific", ""}};
    // Azure P95 style magnitudes (DOMAIN.md section 4).
    auto link = [&](const char *a, const char *b, double rtt) {
        Link l;
        l.from = a;
        l.to = b;
        l.rttMs = rtt;
        s.links.push_back(l);
    };
    link("us-east-1", "us-west-2", 70);
    link("us-east-1", "eu-west-1", 75);
    link("eu-west-1", "eu-central-1", 25);
    link("us-west-2", "ap-northeast-1", 105);
    link("ap-northeast-1", "ap-southeast-1", 70);
    link("eu-central-1", "ap-southeast-1", 160);

    GpuType h100;
    h100.id = "H100";
    h100.name = "NVIDIA H100 SXM 80GB";
    h100.memoryGb = 80;
    h100.bf16Tflops = 989;
    h100.fp8Tflops = 1979;
    h100.hbmTbPerS = 3.35;
    h100.prices.onDemandUsdPerHour = 55.04 / 8; // AWS p5.48xlarge us-east-1, June 2025
    h100.prices.reservedUsdPerHour = 0.63 * 55.04 / 8;
    h100.prices.spotUsdPerHour = 0.35 * 55.04 / 8;
    h100.prices.source = "DOMAIN.md section 4";
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
    profile.etaPrefill = 0.43; // TRT-LLM >= 6,100 input tok/s per GPU at ISL 2048
    profile.etaMem = 0.73;     // ITL ~20 ms at low batch on one H200
    profile.etaDecode = 0.24;  // ~3,300 output tok/s per GPU at saturation
    profile.maxBatch = 256;
    profile.kvUsableFraction = 0.9;
    llama.profiles.push_back(profile);
    s.models.push_back(llama);

    WorkloadClass chat;
    chat.id = "chat";
    chat.share = 0.6;
    chat.model = llama.id;
    chat.promptTokens.kind = DistributionKind::Lognormal;
    chat.promptTokens.mu = 3.6; // ~40 tokens per user message
    chat.promptTokens.sigma = 0.7;
    chat.promptTokens.max = 4000;
    chat.outputTokens.kind = DistributionKind::Lognormal;
    chat.outputTokens.mu = 3.3; // ~32 tokens
    chat.outputTokens.sigma = 0.6;
    chat.outputTokens.max = 2000;
    chat.prefixGroups = 20;
    chat.prefixTokens = 800;
    chat.prefixZipf = 1.1;
    chat.sessionTurns.kind = DistributionKind::Constant;
    chat.sessionTurns.value = 3;
    chat.thinkTimeS.kind = DistributionKind::Exponential;
    chat.thinkTimeS.mean = 30;
    chat.residencyShare = 0.1;
    WorkloadClass api;
    api.id = "api";
    api.share = 0.4;
    api.model = llama.id;
    api.promptTokens.kind = DistributionKind::Lognormal;
    api.promptTokens.mu = 4.0; // ~75 tokens
    api.promptTokens.sigma = 0.8;
    api.promptTokens.max = 8000;
    api.outputTokens.kind = DistributionKind::Exponential;
    api.outputTokens.mean = 20;
    api.sessionTurns.kind = DistributionKind::Constant;
    api.sessionTurns.value = 1;
    s.workloads = {chat, api};
    s.routing.policy = "least-load";
    s.simulation.durationS = 600;
    s.simulation.startUtcHour = 14; // US morning, EU afternoon: near the global peak
    s.simulation.prefixCache = true;
    return s;
}

} // namespace longitude::bench
