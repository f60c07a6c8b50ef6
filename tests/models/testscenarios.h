#pragma once

// Small hand-written scenarios shared by the models tests. Numbers are illustrative, not defaults.

#include "engine/scenario/scenario.h"

namespace longitude::tests {

inline engine::Region makeRegion(const char *id, double lon, double lat, double utcOffset, const char *zone)
{
    engine::Region region;
    region.id = id;
    region.name = id;
    region.provider = "custom";
    region.lon = lon;
    region.lat = lat;
    region.utcOffsetHours = utcOffset;
    region.zone = zone;
    return region;
}

inline engine::Link makeLink(const char *from, const char *to, double rttMs, bool symmetric = true)
{
    engine::Link link;
    link.from = from;
    link.to = to;
    link.rttMs = rttMs;
    link.symmetric = symmetric;
    return link;
}

inline engine::Pool makePool(const char *id, const char *region, int gpuCount, int tp = 2)
{
    engine::Pool pool;
    pool.id = id;
    pool.region = region;
    pool.gpuType = "H100";
    pool.model = "llama-70b";
    pool.gpuCount = gpuCount;
    pool.tensorParallel = tp;
    return pool;
}

/// Three regions in three zones (a fourth zone, UK, is unused): us-east <-> eu-west 80 ms, eu-west <-> ap-ne 220 ms and no
/// direct us-east <-> ap-ne link (its shortest path is 300 ms through eu-west). Two pools, an
/// outage on pool us-a, traffic for us-east (preset) and eu-west (explicit), one workload.
inline engine::Scenario threeRegions()
{
    engine::Scenario s;
    s.name = "Three regions (test)";
    s.zones = {{"US", "United States", ""}, {"EU", "European Union", "#3b6fd4"}, {"APAC", "Asia-Pacific", ""},
               {"UK", "United Kingdom", ""}};
    s.regions = {makeRegion("us-east", -77.5, 39.0, -5, "US"), makeRegion("eu-west", -6.3, 53.3, 0, "EU"),
                 makeRegion("ap-ne", 139.7, 35.7, 9, "APAC")};
    s.links = {makeLink("us-east", "eu-west", 80), makeLink("eu-west", "ap-ne", 220)};

    engine::GpuType h100;
    h100.id = "H100";
    h100.name = "NVIDIA H100 SXM 80GB";
    h100.memoryGb = 80;
    h100.bf16Tflops = 989;
    h100.fp8Tflops = 1979;
    h100.hbmTbPerS = 3.35;
    h100.prices.onDemandUsdPerHour = 6.88;
    h100.prices.reservedUsdPerHour = 4.33;
    h100.prices.spotUsdPerHour = 2.5;
    s.gpuTypes = {h100};

    engine::Model model;
    model.id = "llama-70b";
    model.name = "Llama 70B FP8";
    model.paramsB = 70;
    model.bytesPerParam = 1;
    model.kvBytesPerToken = 163840;
    engine::LatencyProfile tp2;
    tp2.gpuType = "H100";
    tp2.tensorParallel = 2;
    tp2.prefillTokensPerS = 12200;
    tp2.decodeBaseMs = 15;
    tp2.decodePerSeqMs = 0.1;
    engine::LatencyProfile tp4 = tp2;
    tp4.tensorParallel = 4;
    model.profiles = {tp2, tp4};
    s.models = {model};

    s.pools = {makePool("us-a", "us-east", 16), makePool("eu-a", "eu-west", 8)};

    engine::RegionTraffic us;
    us.region = "us-east";
    us.peakRps = 100;
    us.preset = "business-day";
    engine::RegionTraffic eu;
    eu.region = "eu-west";
    eu.peakRps = 50;
    eu.hourly = std::vector<double>(24, 0.5);
    s.traffic = {us, eu};

    engine::WorkloadClass chat;
    chat.id = "chat";
    chat.model = "llama-70b";
    chat.promptTokens.kind = engine::DistributionKind::Uniform;
    chat.promptTokens.min = 100;
    chat.promptTokens.max = 2000;
    chat.outputTokens.value = 300;
    chat.sessionTurns.value = 1;
    s.workloads = {chat};

    s.failover.outages = {{"us-a", 600, 900}, {"ap-ne", 100, 50}};
    return s;
}

} // namespace longitude::tests
