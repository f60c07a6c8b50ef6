#include "scenariovalidator.h"

#include "engine/io/jsonreader.h"
#include "engine/network/regiongraph.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <numeric>
#include <set>

namespace longitude::engine {

namespace {

std::string child(const std::string &pointer, std::string_view key) { return JsonReader::child(pointer, key); }
std::string child(const std::string &pointer, std::size_t index) { return JsonReader::child(pointer, index); }

std::string quote(const std::string &text) { return "\"" + text + "\""; }

// "a", "b" and 3 more
std::string quotedList(const std::vector<std::string> &names, std::size_t max = 5)
{
    std::string out;
    for (std::size_t i = 0; i < names.size() && i < max; ++i) {
        if (i > 0)
            out += (i + 1 == names.size() && names.size() <= max) ? " and " : ", ";
        out += quote(names[i]);
    }
    if (names.size() > max)
        out += " and " + std::to_string(names.size() - max) + " more";
    return out;
}

std::vector<std::string> keysOf(const std::map<std::string, std::size_t> &index)
{
    std::vector<std::string> keys;
    for (const auto &[key, position] : index)
        keys.push_back(key);
    return keys;
}

// Gigabytes with one decimal: "140", "70.6".
std::string gb(double bytes)
{
    return formatNumber(std::round(bytes / 1e8) / 10.0);
}

bool isColor(const std::string &text)
{
    return text.size() == 7 && text[0] == '#'
           && std::all_of(text.begin() + 1, text.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
}

// Fills an index with the first position of every id, so that references can be checked even
// before (or without) the list's own checks.
template <typename T>
void indexIds(std::map<std::string, std::size_t> &index, const std::vector<T> &items)
{
    index.clear();
    for (std::size_t i = 0; i < items.size(); ++i)
        index.emplace(items[i].id, i);
}

} // namespace

ScenarioValidator::ScenarioValidator(std::vector<std::string> unreliablePointers)
    : m_unreliable(unreliablePointers.begin(), unreliablePointers.end())
{}

void ScenarioValidator::error(const std::string &pointer, std::string message)
{
    if (reliable(pointer))
        m_diagnostics.push_back(Diagnostic{Severity::Error, {}, pointer, 0, 0, std::move(message)});
}

void ScenarioValidator::warning(const std::string &pointer, std::string message)
{
    if (reliable(pointer))
        m_diagnostics.push_back(Diagnostic{Severity::Warning, {}, pointer, 0, 0, std::move(message)});
}

bool ScenarioValidator::reliable(const std::string &pointer) const
{
    if (m_unreliable.empty())
        return true;
    // The pointer itself or any of its ancestors ("", "/pools", "/pools/3", ...).
    for (std::size_t end = 0; end != std::string::npos; end = pointer.find('/', end + 1))
        if (m_unreliable.contains(pointer.substr(0, end)))
            return false;
    return !m_unreliable.contains(pointer);
}

bool ScenarioValidator::listReliable(const std::string &listPointer) const
{
    // A list whose ids could not all be read cannot tell that an id is unknown.
    if (const auto cached = m_listReliable.find(listPointer); cached != m_listReliable.end())
        return cached->second;
    bool ok = reliable(listPointer);
    const std::string prefix = listPointer + "/";
    for (auto it = m_unreliable.lower_bound(prefix); ok && it != m_unreliable.end() && it->starts_with(prefix); ++it) {
        const std::string rest = it->substr(prefix.size());
        const auto slash = rest.find('/');
        if (slash == std::string::npos || rest.substr(slash) == "/id")
            ok = false;
    }
    m_listReliable[listPointer] = ok;
    return ok;
}

void ScenarioValidator::checkNumber(double value, const NumberRange &range, const std::string &pointer)
{
    if (const auto message = engine::checkNumber(value, range))
        error(pointer, *message);
}

void ScenarioValidator::checkInt(int value, IntRange range, const std::string &pointer)
{
    if (const auto message = engine::checkInt(static_cast<double>(value), range))
        error(pointer, *message);
}

void ScenarioValidator::checkId(const std::string &id, const std::string &pointer, const char *what, IdIndex &index,
                                const std::string &listPointer, std::size_t position)
{
    if (id.empty()) {
        error(pointer, std::string("must not be empty: every ") + what + " needs an id");
        return;
    }
    const auto [it, inserted] = index.emplace(id, position);
    if (!inserted)
        error(pointer, "duplicate id " + quote(id) + ": already used by " + child(listPointer, it->second));
}

bool ScenarioValidator::checkReference(const std::string &id, const std::string &pointer, const char *what,
                                       const IdIndex &known, const std::string &listPointer)
{
    if (known.contains(id))
        return true;
    if (!listReliable(listPointer))
        return false;
    if (id.empty()) {
        error(pointer, std::string("must name a ") + what + ", got an empty string");
        return false;
    }
    std::string message = std::string("unknown ") + what + " " + quote(id);
    const auto names = keysOf(known);
    if (const auto suggestion = closestMatch(id, names); !suggestion.empty())
        message += "; did you mean " + quote(suggestion) + "?";
    else if (names.empty())
        message += std::string(" (no ") + what + " is defined in " + listPointer.substr(1) + ")";
    else
        message += " (known: " + quotedList(names, 8) + ")";
    error(pointer, message);
    return false;
}

Diagnostics ScenarioValidator::validate(const Scenario &scenario)
{
    m_diagnostics.clear();
    indexIds(m_regionIndex, scenario.regions);
    indexIds(m_zoneIndex, scenario.zones);
    indexIds(m_gpuIndex, scenario.gpuTypes);
    indexIds(m_modelIndex, scenario.models);
    indexIds(m_poolIndex, scenario.pools);

    if (scenario.regions.empty())
        error("/regions", "must list at least one region");
    checkListSizes({{"regions", scenario.regions.size()}, {"links", scenario.links.size()},
                    {"zones", scenario.zones.size()}, {"gpuTypes", scenario.gpuTypes.size()},
                    {"models", scenario.models.size()}, {"pools", scenario.pools.size()},
                    {"traffic", scenario.traffic.size()}, {"workloads", scenario.workloads.size()}});
    checkRegions(scenario.regions, &scenario.zones);
    checkLinks(scenario.links, &scenario.regions);
    checkZones(scenario.zones);
    checkGpuTypes(scenario.gpuTypes);
    checkModels(scenario.models, &scenario.gpuTypes);
    checkPools(scenario);
    checkTraffic(scenario);
    checkWorkloads(scenario);
    checkSettings(scenario);
    checkConnectivity(scenario);
    checkResidency(scenario);
    return std::move(m_diagnostics);
}

Diagnostics ScenarioValidator::validateCatalog(const Catalog &catalog, CatalogReferences references)
{
    m_diagnostics.clear();
    indexIds(m_regionIndex, catalog.regions);
    indexIds(m_zoneIndex, catalog.zones);
    indexIds(m_gpuIndex, catalog.gpuTypes);
    checkListSizes({{"regions", catalog.regions.size()}, {"links", catalog.links.size()},
                    {"zones", catalog.zones.size()}, {"gpuTypes", catalog.gpuTypes.size()},
                    {"models", catalog.models.size()}});
    checkRegions(catalog.regions, references.zones ? &catalog.zones : nullptr);
    checkLinks(catalog.links, references.regions ? &catalog.regions : nullptr);
    checkZones(catalog.zones);
    checkGpuTypes(catalog.gpuTypes);
    checkModels(catalog.models, references.gpuTypes ? &catalog.gpuTypes : nullptr);
    return std::move(m_diagnostics);
}

void ScenarioValidator::checkListSizes(const std::vector<std::pair<const char *, std::size_t>> &lists)
{
    for (const auto &[name, size] : lists) {
        const std::size_t limit = std::string_view(name) == "regions" ? rules::kMaxRegions : rules::kMaxListItems;
        if (size > limit)
            error("/" + std::string(name), "lists " + std::to_string(size) + " items; at most " + std::to_string(limit)
                                               + " are supported");
    }
}

Diagnostics ScenarioValidator::validateCatalogReferences(const Catalog &part, const Catalog &known,
                                                        CatalogReferences references)
{
    m_diagnostics.clear();
    indexIds(m_regionIndex, known.regions);
    indexIds(m_zoneIndex, known.zones);
    indexIds(m_gpuIndex, known.gpuTypes);
    if (references.zones)
        for (std::size_t i = 0; i < part.regions.size(); ++i)
            checkReference(part.regions[i].zone, child(child("/regions", i), "zone"), "residency zone", m_zoneIndex,
                           "/zones");
    if (references.regions)
        for (std::size_t i = 0; i < part.links.size(); ++i) {
            checkReference(part.links[i].from, child(child("/links", i), "from"), "region", m_regionIndex, "/regions");
            checkReference(part.links[i].to, child(child("/links", i), "to"), "region", m_regionIndex, "/regions");
        }
    if (references.gpuTypes)
        for (std::size_t i = 0; i < part.models.size(); ++i)
            for (std::size_t k = 0; k < part.models[i].profiles.size(); ++k)
                checkReference(part.models[i].profiles[k].gpuType,
                               child(child(child(child("/models", i), "profiles"), k), "gpuType"), "GPU type",
                               m_gpuIndex, "/gpuTypes");
    return std::move(m_diagnostics);
}

void ScenarioValidator::checkRegions(const std::vector<Region> &regions, const std::vector<ResidencyZone> *zones)
{
    IdIndex seen;
    for (std::size_t i = 0; i < regions.size(); ++i) {
        const Region &region = regions[i];
        const std::string p = child("/regions", i);
        checkId(region.id, child(p, "id"), "region", seen, "/regions", i);
        if (region.provider != "aws" && region.provider != "gcp" && region.provider != "azure"
            && region.provider != "custom")
            warning(child(p, "provider"), "unknown provider " + quote(region.provider)
                                              + "; expected \"aws\", \"gcp\", \"azure\" or \"custom\"");
        checkNumber(region.lon, rules::kLongitude, child(p, "lon"));
        checkNumber(region.lat, rules::kLatitude, child(p, "lat"));
        checkNumber(region.utcOffsetHours, rules::kUtcOffsetHours, child(p, "utcOffsetHours"));
        if (zones)
            checkReference(region.zone, child(p, "zone"), "residency zone", m_zoneIndex, "/zones");
        else if (region.zone.empty())
            error(child(p, "zone"), "must name a residency zone, got an empty string");
        checkNumber(region.gatewayLatencyMs, rules::kLatencyMs, child(p, "gatewayLatencyMs"));
    }
}

void ScenarioValidator::checkLinks(const std::vector<Link> &links, const std::vector<Region> *regions)
{
    m_linksResolved = true;
    std::map<std::pair<std::string, std::string>, std::size_t> pairs; // direction -> first link
    for (std::size_t i = 0; i < links.size(); ++i) {
        const Link &link = links[i];
        const std::string p = child("/links", i);
        bool ok = true;
        if (regions) {
            ok = checkReference(link.from, child(p, "from"), "region", m_regionIndex, "/regions") && ok;
            ok = checkReference(link.to, child(p, "to"), "region", m_regionIndex, "/regions") && ok;
        } else {
            if (link.from.empty())
                error(child(p, "from"), "must name a region, got an empty string");
            if (link.to.empty())
                error(child(p, "to"), "must name a region, got an empty string");
            ok = !link.from.empty() && !link.to.empty();
        }
        if (ok && link.from == link.to) {
            error(child(p, "to"), "must differ from \"from\" (" + quote(link.from) + "): a link joins two regions");
            ok = false;
        }
        checkNumber(link.rttMs, rules::kRttMs, child(p, "rttMs"));
        checkNumber(link.egressUsdPerGb, rules::kUsdPerGb, child(p, "egressUsdPerGb"));
        // A link the graph cannot use makes "no path" messages a consequence, not a new problem.
        if (engine::checkNumber(link.rttMs, rules::kRttMs) || !reliable(child(p, "rttMs")))
            m_linksResolved = false;
        if (!ok || !reliable(child(p, "from")) || !reliable(child(p, "to"))) {
            m_linksResolved = false;
            continue;
        }
        std::vector<std::pair<std::string, std::string>> directions = {{link.from, link.to}};
        if (link.symmetric)
            directions.emplace_back(link.to, link.from);
        for (const auto &direction : directions) {
            const auto [it, inserted] = pairs.emplace(direction, i);
            if (!inserted) {
                error(p, "duplicate link: the RTT from " + quote(direction.first) + " to " + quote(direction.second)
                             + " is already given by " + child("/links", it->second));
                break;
            }
        }
    }
}

void ScenarioValidator::checkZones(const std::vector<ResidencyZone> &zones)
{
    IdIndex seen;
    for (std::size_t i = 0; i < zones.size(); ++i) {
        const ResidencyZone &zone = zones[i];
        const std::string p = child("/zones", i);
        checkId(zone.id, child(p, "id"), "zone", seen, "/zones", i);
        if (!zone.color.empty() && !isColor(zone.color))
            error(child(p, "color"), "must be a color such as \"#3b6fd4\" (or empty for automatic), got "
                                         + quote(zone.color));
    }
}

void ScenarioValidator::checkGpuTypes(const std::vector<GpuType> &gpuTypes)
{
    IdIndex seen;
    for (std::size_t i = 0; i < gpuTypes.size(); ++i) {
        const GpuType &gpu = gpuTypes[i];
        const std::string p = child("/gpuTypes", i);
        checkId(gpu.id, child(p, "id"), "GPU type", seen, "/gpuTypes", i);
        checkNumber(gpu.memoryGb, rules::kMemoryGb, child(p, "memoryGb"));
        checkNumber(gpu.bf16Tflops, rules::kTflops, child(p, "bf16Tflops"));
        checkNumber(gpu.fp8Tflops, rules::kTflops, child(p, "fp8Tflops"));
        checkNumber(gpu.hbmTbPerS, rules::kHbmTbPerS, child(p, "hbmTbPerS"));
        const std::string prices = child(p, "prices");
        checkNumber(gpu.prices.reservedUsdPerHour, rules::kUsdPerHour, child(prices, "reservedUsdPerHour"));
        checkNumber(gpu.prices.onDemandUsdPerHour, rules::kUsdPerHour, child(prices, "onDemandUsdPerHour"));
        checkNumber(gpu.prices.spotUsdPerHour, rules::kUsdPerHour, child(prices, "spotUsdPerHour"));
    }
}

void ScenarioValidator::checkModels(const std::vector<Model> &models, const std::vector<GpuType> *gpuTypes)
{
    IdIndex seen;
    for (std::size_t i = 0; i < models.size(); ++i) {
        const Model &model = models[i];
        const std::string p = child("/models", i);
        checkId(model.id, child(p, "id"), "model", seen, "/models", i);
        checkNumber(model.paramsB, rules::kParamsB, child(p, "paramsB"));
        checkNumber(model.activeParamsB, rules::kActiveParamsB, child(p, "activeParamsB"));
        if (std::isfinite(model.activeParamsB) && std::isfinite(model.paramsB) && model.paramsB > 0.0
            && model.activeParamsB > model.paramsB && reliable(child(p, "paramsB")))
            error(child(p, "activeParamsB"), "must not exceed paramsB (" + formatNumber(model.paramsB) + "), got "
                                                 + formatNumber(model.activeParamsB));
        checkNumber(model.bytesPerParam, rules::kBytesPerParam, child(p, "bytesPerParam"));
        checkNumber(model.kvBytesPerToken, rules::kKvBytesPerToken, child(p, "kvBytesPerToken"));
        std::map<std::pair<std::string, int>, std::size_t> configurations;
        for (std::size_t k = 0; k < model.profiles.size(); ++k) {
            const LatencyProfile &profile = model.profiles[k];
            const std::string pp = child(child(p, "profiles"), k);
            checkProfile(profile, model, pp, gpuTypes);
            const auto [it, inserted] = configurations.emplace(std::pair(profile.gpuType, profile.tensorParallel), k);
            if (!inserted && reliable(pp))
                error(child(pp, "tensorParallel"), "duplicate profile: " + quote(profile.gpuType) + " at tensorParallel "
                                                       + std::to_string(profile.tensorParallel) + " is already described by "
                                                       + child(child(p, "profiles"), it->second));
        }
    }
}

void ScenarioValidator::checkProfile(const LatencyProfile &profile, const Model &model, const std::string &pointer,
                                     const std::vector<GpuType> *gpuTypes)
{
    const GpuType *gpu = nullptr;
    if (gpuTypes) {
        if (checkReference(profile.gpuType, child(pointer, "gpuType"), "GPU type", m_gpuIndex, "/gpuTypes"))
            gpu = &(*gpuTypes)[m_gpuIndex.at(profile.gpuType)];
    } else if (profile.gpuType.empty()) {
        error(child(pointer, "gpuType"), "must name a GPU type, got an empty string");
    }
    checkInt(profile.tensorParallel, rules::kTensorParallel, child(pointer, "tensorParallel"));
    switch (profile.kind) {
    case ProfileKind::Linear:
        checkNumber(profile.prefillTokensPerS, rules::kTokensPerS, child(pointer, "prefillTokensPerS"));
        checkNumber(profile.decodeBaseMs, rules::kStepMs, child(pointer, "decodeBaseMs"));
        checkNumber(profile.decodePerSeqMs, rules::kStepMs, child(pointer, "decodePerSeqMs"));
        checkNumber(profile.decodePerKContextMs, rules::kStepMs, child(pointer, "decodePerKContextMs"));
        if (profile.decodeBaseMs == 0.0 && profile.decodePerSeqMs == 0.0 && profile.decodePerKContextMs == 0.0)
            error(child(pointer, "decodeBaseMs"), "the decode step must take some time: decodeBaseMs, decodePerSeqMs "
                                                  "and decodePerKContextMs are all 0");
        break;
    case ProfileKind::Roofline:
        checkNumber(profile.etaPrefill, rules::kEfficiency, child(pointer, "etaPrefill"));
        checkNumber(profile.etaMem, rules::kEfficiency, child(pointer, "etaMem"));
        checkNumber(profile.etaDecode, rules::kEfficiency, child(pointer, "etaDecode"));
        if (gpu) {
            // FP8 weights run at the FP8 peak when the GPU has one, else at the BF16 peak.
            const bool fp8 = model.bytesPerParam <= 1.0 && gpu->fp8Tflops > 0.0;
            if (!fp8 && !(gpu->bf16Tflops > 0.0))
                error(child(pointer, "kind"), "a roofline profile needs the GPU's peak compute, but GPU type "
                                                  + quote(gpu->id) + " has bf16Tflops 0");
        }
        break;
    case ProfileKind::Constant:
        checkNumber(profile.prefillMs, rules::kStepMs, child(pointer, "prefillMs"));
        checkNumber(profile.decodeStepMs, rules::kStepMs, child(pointer, "decodeStepMs"));
        break;
    }
    checkInt(profile.maxBatch, rules::kMaxBatch, child(pointer, "maxBatch"));
    checkNumber(profile.kvUsableFraction, rules::kKvUsableFraction, child(pointer, "kvUsableFraction"));
}

void ScenarioValidator::checkPools(const Scenario &scenario)
{
    const std::size_t diagnosticsBefore = m_diagnostics.size();
    IdIndex seen;
    for (std::size_t i = 0; i < scenario.pools.size(); ++i) {
        const Pool &pool = scenario.pools[i];
        const std::string p = child("/pools", i);
        checkId(pool.id, child(p, "id"), "pool", seen, "/pools", i);
        checkReference(pool.region, child(p, "region"), "region", m_regionIndex, "/regions");
        const bool gpuOk = checkReference(pool.gpuType, child(p, "gpuType"), "GPU type", m_gpuIndex, "/gpuTypes");
        const bool modelOk = checkReference(pool.model, child(p, "model"), "model", m_modelIndex, "/models");
        checkInt(pool.gpuCount, rules::kGpuCount, child(p, "gpuCount"));
        checkInt(pool.tensorParallel, rules::kTensorParallel, child(p, "tensorParallel"));
        const bool countsOk = !engine::checkInt(pool.gpuCount, rules::kGpuCount)
                              && !engine::checkInt(pool.tensorParallel, rules::kTensorParallel)
                              && reliable(child(p, "gpuCount")) && reliable(child(p, "tensorParallel"));
        if (countsOk && pool.gpuCount % pool.tensorParallel != 0)
            error(child(p, "gpuCount"), "must be a multiple of tensorParallel (" + std::to_string(pool.tensorParallel)
                                            + "), got " + std::to_string(pool.gpuCount));
        if (!gpuOk || !modelOk || !countsOk)
            continue;

        const std::size_t gpuIndex = m_gpuIndex.at(pool.gpuType);
        const std::size_t modelIndex = m_modelIndex.at(pool.model);
        const GpuType &gpu = scenario.gpuTypes[gpuIndex];
        const Model &model = scenario.models[modelIndex];
        const LatencyProfile *profile = findProfile(model, pool.gpuType, pool.tensorParallel);
        if (!profile) {
            std::vector<std::string> available;
            for (const auto &candidate : model.profiles)
                if (!candidate.gpuType.empty())
                    available.push_back(candidate.gpuType + " at tensorParallel " + std::to_string(candidate.tensorParallel));
            std::string list;
            for (std::size_t k = 0; k < available.size(); ++k)
                list += (k == 0 ? "" : ", ") + available[k];
            error(child(p, "tensorParallel"),
                  "model " + quote(model.id) + " has no latency profile for GPU type " + quote(pool.gpuType)
                      + " at tensorParallel " + std::to_string(pool.tensorParallel)
                      + (available.empty() ? std::string(" (it has no profiles)") : " (it has: " + list + ")"));
            continue;
        }

        // The model must fit: weights below TP x memory x usable fraction, the rest is KV room.
        const std::string modelPointer = child("/models", modelIndex);
        const std::string gpuPointer = child("/gpuTypes", gpuIndex);
        const auto profileIndex = static_cast<std::size_t>(profile - model.profiles.data());
        const std::string profilePointer = child(child(modelPointer, "profiles"), profileIndex);
        const bool inputsOk = !engine::checkNumber(model.paramsB, rules::kParamsB)
                              && !engine::checkNumber(model.bytesPerParam, rules::kBytesPerParam)
                              && !engine::checkNumber(gpu.memoryGb, rules::kMemoryGb)
                              && !engine::checkNumber(profile->kvUsableFraction, rules::kKvUsableFraction)
                              && reliable(child(modelPointer, "paramsB")) && reliable(child(modelPointer, "bytesPerParam"))
                              && reliable(child(gpuPointer, "memoryGb")) && reliable(profilePointer);
        if (!inputsOk)
            continue;
        const double weightsBytes = model.paramsB * 1e9 * model.bytesPerParam;
        const double usableBytes = pool.tensorParallel * gpu.memoryGb * 1e9 * profile->kvUsableFraction;
        if (weightsBytes >= usableBytes)
            error(child(p, "tensorParallel"),
                  "model " + quote(model.id) + " does not fit: its weights need " + gb(weightsBytes) + " GB ("
                      + formatNumber(model.paramsB) + "B params x " + formatNumber(model.bytesPerParam)
                      + " bytes) but " + std::to_string(pool.tensorParallel) + " x " + quote(gpu.id) + " leave "
                      + gb(usableBytes) + " GB (" + formatNumber(gpu.memoryGb) + " GB x "
                      + formatNumber(profile->kvUsableFraction)
                      + " usable each), with no room for the KV cache; use a larger tensorParallel or a bigger GPU");
    }
    // Warnings about what the pools serve mean nothing while the pools themselves are wrong.
    m_poolsClean = m_diagnostics.size() == diagnosticsBefore && !unreliableUnder("/pools");
}

bool ScenarioValidator::unreliableUnder(const std::string &pointer) const
{
    if (!reliable(pointer))
        return true;
    const auto it = m_unreliable.lower_bound(pointer + "/");
    return it != m_unreliable.end() && it->starts_with(pointer + "/");
}

void ScenarioValidator::checkTraffic(const Scenario &scenario)
{
    std::map<std::string, std::size_t> regions;
    for (std::size_t i = 0; i < scenario.traffic.size(); ++i) {
        const RegionTraffic &traffic = scenario.traffic[i];
        const std::string p = child("/traffic", i);
        if (checkReference(traffic.region, child(p, "region"), "region", m_regionIndex, "/regions")
            && reliable(child(p, "region"))) {
            const auto [it, inserted] = regions.emplace(traffic.region, i);
            if (!inserted)
                error(child(p, "region"), "region " + quote(traffic.region) + " already has a traffic entry ("
                                              + child("/traffic", it->second) + "); give one entry per region");
        }
        checkNumber(traffic.peakRps, rules::kPeakRps, child(p, "peakRps"));
        const bool hourlyReliable = reliable(child(p, "hourly"));
        const bool presetReliable = reliable(child(p, "preset"));
        if (hourlyReliable && presetReliable) {
            if (!traffic.hourly.empty() && !traffic.preset.empty())
                error(child(p, "preset"), "give either \"hourly\" (24 numbers) or \"preset\", not both");
            else if (traffic.hourly.empty() && traffic.preset.empty())
                error(child(p, "hourly"), "required: give \"hourly\" (24 multipliers of peakRps, local hours 0-23) "
                                          "or \"preset\"");
        }
        if (!traffic.hourly.empty()) {
            if (traffic.hourly.size() != 24)
                error(child(p, "hourly"), "must have exactly 24 values (local hours 0-23), got "
                                              + std::to_string(traffic.hourly.size()));
            for (std::size_t h = 0; h < traffic.hourly.size(); ++h)
                checkNumber(traffic.hourly[h], rules::kHourlyMultiplier, child(child(p, "hourly"), h));
        }
        if (!traffic.preset.empty()
            && std::find(kTrafficPresets.begin(), kTrafficPresets.end(), traffic.preset) == kTrafficPresets.end()) {
            const std::vector<std::string> names(kTrafficPresets.begin(), kTrafficPresets.end());
            std::string message = "unknown preset " + quote(traffic.preset);
            if (const auto suggestion = closestMatch(traffic.preset, names); !suggestion.empty())
                message += "; did you mean " + quote(suggestion) + "?";
            else
                message += "; expected one of " + quotedList(names);
            error(child(p, "preset"), message);
        }
    }
}

void ScenarioValidator::checkDistribution(const Distribution &d, const std::string &pointer, double minSample)
{
    const NumberRange sampleRange{minSample, rules::kSampleValue.max};
    switch (d.kind) {
    case DistributionKind::Constant:
        checkNumber(d.value, sampleRange, child(pointer, "value"));
        break;
    case DistributionKind::Uniform:
        checkNumber(d.min, sampleRange, child(pointer, "min"));
        checkNumber(d.max, sampleRange, child(pointer, "max"));
        if (std::isfinite(d.min) && std::isfinite(d.max) && d.max < d.min)
            error(child(pointer, "max"), "must be at least min (" + formatNumber(d.min) + "), got " + formatNumber(d.max));
        break;
    case DistributionKind::Exponential:
        checkNumber(d.mean, rules::kExponentialMean, child(pointer, "mean"));
        break;
    case DistributionKind::Lognormal:
        checkNumber(d.mu, rules::kLognormalMu, child(pointer, "mu"));
        checkNumber(d.sigma, rules::kLognormalSigma, child(pointer, "sigma"));
        break;
    case DistributionKind::Empirical: {
        if (d.values.empty())
            error(child(pointer, "values"), "must list at least one value");
        for (std::size_t i = 0; i < d.values.size(); ++i)
            checkNumber(d.values[i], sampleRange, child(child(pointer, "values"), i));
        if (!d.weights.empty()) {
            if (d.weights.size() != d.values.size()) {
                error(child(pointer, "weights"), "must have one weight per value (" + std::to_string(d.values.size())
                                                     + " values), got " + std::to_string(d.weights.size()));
            }
            bool finite = true;
            for (std::size_t i = 0; i < d.weights.size(); ++i) {
                checkNumber(d.weights[i], rules::kWeight, child(child(pointer, "weights"), i));
                finite = finite && std::isfinite(d.weights[i]) && d.weights[i] >= 0.0;
            }
            if (finite && std::accumulate(d.weights.begin(), d.weights.end(), 0.0) <= 0.0)
                error(child(pointer, "weights"), "must not all be 0");
        }
        break;
    }
    }
    if (d.kind != DistributionKind::Uniform) {
        // min/max clamp samples when set.
        if (d.min != 0.0)
            checkNumber(d.min, rules::kSampleValue, child(pointer, "min"));
        if (d.max != 0.0)
            checkNumber(d.max, rules::kSampleValue, child(pointer, "max"));
        if (d.min > 0.0 && d.max > 0.0 && std::isfinite(d.max) && d.max < d.min)
            error(child(pointer, "max"), "must be at least min (" + formatNumber(d.min) + "), got " + formatNumber(d.max));
    }
}

void ScenarioValidator::checkWorkloads(const Scenario &scenario)
{
    IdIndex seen;
    std::set<std::string> servedModels;
    for (const Pool &pool : scenario.pools)
        servedModels.insert(pool.model);
    const bool anyTraffic = std::any_of(scenario.traffic.begin(), scenario.traffic.end(),
                                        [](const RegionTraffic &t) { return t.peakRps > 0.0; });
    if (scenario.workloads.empty() && anyTraffic && reliable("/workloads"))
        error("/workloads", "must list at least one workload class: the traffic has nothing to request");
    for (std::size_t i = 0; i < scenario.workloads.size(); ++i) {
        const WorkloadClass &workload = scenario.workloads[i];
        const std::string p = child("/workloads", i);
        checkId(workload.id, child(p, "id"), "workload class", seen, "/workloads", i);
        checkNumber(workload.share, rules::kShare, child(p, "share"));
        if (checkReference(workload.model, child(p, "model"), "model", m_modelIndex, "/models")
            && reliable(child(p, "model")) && m_poolsClean) {
            if (!servedModels.contains(workload.model))
                warning(child(p, "model"), "no pool serves model " + quote(workload.model)
                                               + ": every request of this class will be rejected");
        }
        checkDistribution(workload.promptTokens, child(p, "promptTokens"), 0.0);
        checkDistribution(workload.outputTokens, child(p, "outputTokens"), 1.0);
        checkInt(workload.prefixGroups, rules::kPrefixGroups, child(p, "prefixGroups"));
        checkInt(workload.prefixTokens, rules::kPrefixTokens, child(p, "prefixTokens"));
        if (workload.prefixGroups > 0 && workload.prefixTokens == 0)
            warning(child(p, "prefixTokens"), "is 0 although prefixGroups is " + std::to_string(workload.prefixGroups)
                                                  + ": the shared system prompts are empty");
        checkNumber(workload.prefixZipf, rules::kPrefixZipf, child(p, "prefixZipf"));
        checkDistribution(workload.sessionTurns, child(p, "sessionTurns"), 1.0);
        checkDistribution(workload.thinkTimeS, child(p, "thinkTimeS"), 0.0);
        checkNumber(workload.residencyShare, rules::kFraction, child(p, "residencyShare"));
    }
}

void ScenarioValidator::checkParams(const ParamMap &params, const std::string &pointer)
{
    for (const auto &[name, value] : params) {
        if (name.empty())
            error(child(pointer, name), "a parameter needs a name");
        checkNumber(value, rules::kParam, child(pointer, name));
    }
}

void ScenarioValidator::checkSettings(const Scenario &scenario)
{
    checkNumber(scenario.sla.ttftP99Ms, rules::kSlaMs, "/sla/ttftP99Ms");
    checkNumber(scenario.sla.e2eP99Ms, rules::kOptionalSlaMs, "/sla/e2eP99Ms");

    if (scenario.routing.policy.empty())
        error("/routing/policy", "must name a routing policy, got an empty string");
    checkParams(scenario.routing.params, "/routing/params");
    checkNumber(scenario.routing.probeIntervalMs, rules::kProbeIntervalMs, "/routing/probeIntervalMs");
    if (scenario.placement.strategy.empty())
        error("/placement/strategy", "must name a placement strategy, got an empty string");
    checkParams(scenario.placement.params, "/placement/params");
    checkParams(scenario.overflow.params, "/overflow/params");
    checkParams(scenario.failover.params, "/failover/params");

    const SimulationSettings &sim = scenario.simulation;
    for (std::size_t i = 0; i < scenario.failover.outages.size(); ++i) {
        const Outage &outage = scenario.failover.outages[i];
        const std::string p = child("/failover/outages", i);
        const bool region = m_regionIndex.contains(outage.target);
        const bool pool = m_poolIndex.contains(outage.target);
        if (region && pool) {
            error(child(p, "target"), quote(outage.target) + " is both a region and a pool; rename one of them");
        } else if (!region && !pool && listReliable("/regions") && listReliable("/pools")) {
            std::vector<std::string> names = keysOf(m_regionIndex);
            const auto pools = keysOf(m_poolIndex);
            names.insert(names.end(), pools.begin(), pools.end());
            std::string message = outage.target.empty() ? std::string("must name a region or a pool, got an empty string")
                                                        : "unknown region or pool " + quote(outage.target);
            if (const auto suggestion = closestMatch(outage.target, names); !suggestion.empty() && !outage.target.empty())
                message += "; did you mean " + quote(suggestion) + "?";
            error(child(p, "target"), message);
        }
        checkNumber(outage.startS, rules::kOutageStartS, child(p, "startS"));
        checkNumber(outage.durationS, rules::kOutageDurationS, child(p, "durationS"));
        if (std::isfinite(outage.startS) && std::isfinite(sim.durationS) && sim.durationS > 0.0
            && outage.startS >= sim.durationS)
            warning(child(p, "startS"), "starts after the simulation ends (durationS " + formatNumber(sim.durationS)
                                            + "): it has no effect");
    }

    checkNumber(sim.durationS, rules::kDurationS, "/simulation/durationS");
    checkNumber(sim.warmupS, rules::kWarmupS, "/simulation/warmupS");
    if (std::isfinite(sim.warmupS) && std::isfinite(sim.durationS) && sim.durationS > 0.0 && sim.warmupS >= sim.durationS
        && reliable("/simulation/durationS"))
        error("/simulation/warmupS", "must be less than durationS (" + formatNumber(sim.durationS) + "), got "
                                         + formatNumber(sim.warmupS));
    checkNumber(sim.startUtcHour, rules::kStartUtcHour, "/simulation/startUtcHour");
    checkNumber(sim.bucketS, rules::kBucketS, "/simulation/bucketS");
    checkInt(sim.kvBlockTokens, rules::kKvBlockTokens, "/simulation/kvBlockTokens");
    checkNumber(sim.sampling.windowS, rules::kSamplingWindowS, "/simulation/sampling/windowS");
    checkNumber(sim.sampling.warmupS, rules::kSamplingWarmupS, "/simulation/sampling/warmupS");
    if (sim.sampling.enabled && sim.sampling.windowS + sim.sampling.warmupS > 3600.0
        && !engine::checkNumber(sim.sampling.windowS, rules::kSamplingWindowS)
        && !engine::checkNumber(sim.sampling.warmupS, rules::kSamplingWarmupS))
        error("/simulation/sampling/windowS", "windowS + warmupS must fit in an hour (3600 s), got "
                                                  + formatNumber(sim.sampling.windowS + sim.sampling.warmupS));
}

void ScenarioValidator::checkConnectivity(const Scenario &scenario)
{
    const std::size_t n = scenario.regions.size();
    // A link that names no known region is already reported; a "no path" message on top of it
    // would point at the wrong fix.
    if (n < 2 || !m_linksResolved || m_regionIndex.size() != n || !listReliable("/regions") || !reliable("/links")
        || n > rules::kMaxRegions || scenario.links.size() > rules::kMaxListItems)
        return;
    const RegionGraph graph(scenario);
    if (graph.connected())
        return;
    const auto &rtt = graph.rttMatrixMs();
    const auto reaches = [&](std::size_t a, std::size_t b) { return std::isfinite(rtt[a][b]) || std::isfinite(rtt[b][a]); };

    // Groups of regions joined by links in either direction.
    std::vector<int> group(n, -1);
    int groups = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (group[i] >= 0)
            continue;
        std::vector<std::size_t> stack = {i};
        group[i] = groups;
        while (!stack.empty()) {
            const std::size_t a = stack.back();
            stack.pop_back();
            for (std::size_t b = 0; b < n; ++b)
                if (group[b] < 0 && reaches(a, b)) {
                    group[b] = groups;
                    stack.push_back(b);
                }
        }
        ++groups;
    }
    const auto members = [&](int g) {
        std::vector<std::string> names;
        for (std::size_t i = 0; i < n; ++i)
            if (group[i] == g)
                names.push_back(scenario.regions[i].id);
        return names;
    };
    if (groups > 1) {
        const auto mainGroup = members(0);
        for (int g = 1; g < groups; ++g) {
            const auto names = members(g);
            const std::size_t first = static_cast<std::size_t>(std::find(group.begin(), group.end(), g) - group.begin());
            const std::string cutOff = names.size() == 1 ? "region " + quote(names.front()) + " is"
                                                         : "regions " + quotedList(names) + " are";
            error(child("/regions", first), "no path of links from " + quote(names.front()) + " to "
                                                + quote(mainGroup.front()) + ": " + cutOff + " not connected to "
                                                + quotedList(mainGroup) + "; add a link (an RTT) between them");
        }
        return;
    }
    // One group, but some one-way links leave a region unable to reach another.
    for (std::size_t i = 0; i < n; ++i) {
        std::vector<std::string> unreachable;
        for (std::size_t j = 0; j < n; ++j)
            if (!std::isfinite(rtt[i][j]))
                unreachable.push_back(scenario.regions[j].id);
        if (!unreachable.empty())
            error(child("/regions", i), "no path of links from " + quote(scenario.regions[i].id) + " to "
                                            + quotedList(unreachable)
                                            + ": the links there are one-way; make one symmetric or add the reverse link");
    }
}

void ScenarioValidator::checkResidency(const Scenario &scenario)
{
    // Tagged requests may only be served inside their zone (DOMAIN.md section 5): a zone with
    // traffic but no pool of the class's model rejects every tagged request.
    if (!m_poolsClean || unreliableUnder("/regions") || unreliableUnder("/traffic"))
        return;
    std::set<std::pair<std::string, std::string>> servedInZones; // (zone, model)
    for (const Pool &pool : scenario.pools)
        if (const auto where = m_regionIndex.find(pool.region); where != m_regionIndex.end())
            servedInZones.emplace(scenario.regions[where->second].zone, pool.model);
    for (std::size_t w = 0; w < scenario.workloads.size(); ++w) {
        const WorkloadClass &workload = scenario.workloads[w];
        if (!(workload.residencyShare > 0.0) || !m_modelIndex.contains(workload.model))
            continue;
        std::set<std::string> reported;
        for (const RegionTraffic &traffic : scenario.traffic) {
            const auto found = m_regionIndex.find(traffic.region);
            if (found == m_regionIndex.end() || !(traffic.peakRps > 0.0))
                continue;
            const Region *origin = &scenario.regions[found->second];
            if (reported.contains(origin->zone))
                continue;
            if (!servedInZones.contains({origin->zone, workload.model})) {
                reported.insert(origin->zone);
                warning(child(child("/workloads", w), "residencyShare"),
                        "requests tagged to zone " + quote(origin->zone) + " (from region " + quote(origin->id)
                            + ") have no pool of model " + quote(workload.model)
                            + " inside that zone: they will be rejected");
            }
        }
    }
}

} // namespace longitude::engine
