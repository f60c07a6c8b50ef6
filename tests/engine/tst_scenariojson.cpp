// The scenario format: defaults, round trips, and one row per kind of problem the loader must
// report (file, JSON pointer, sentence). Inputs are tests/data/valid/*.longitude.json, changed
// one field at a time through a JSON pointer so that each row states exactly what is wrong.
#include "engine/io/catalogjson.h"
#include "engine/io/scenariojson.h"
#include "engine/sim/policychecks.h"
#include "engine/io/valuerules.h"

#include <nlohmann/json.hpp>

#include <QtTest>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

using namespace longitude::engine;
namespace fs = std::filesystem;

namespace {

fs::path sourceDir()
{
    const QByteArray fromEnv = qgetenv("LONGITUDE_SOURCE_DIR");
    return fs::path(fromEnv.isEmpty() ? LONGITUDE_SOURCE_DIR : fromEnv.constData());
}

std::string readFile(const fs::path &path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

std::string validFile(const char *name)
{
    return readFile(sourceDir() / "tests" / "data" / "valid" / name);
}

nlohmann::ordered_json fullJson()
{
    return nlohmann::ordered_json::parse(validFile("full.longitude.json"));
}

// "<remove>" removes the value at `pointer`; anything else is JSON text set there.
std::string withChange(nlohmann::ordered_json document, const std::string &pointer, const std::string &valueText)
{
    const nlohmann::ordered_json::json_pointer where(pointer);
    if (valueText == "<remove>") {
        auto &parent = document[where.parent_pointer()];
        if (parent.is_array())
            parent.erase(std::stoul(where.back()));
        else
            parent.erase(where.back());
    } else if (where.back() == "-") {
        document[where.parent_pointer()].push_back(nlohmann::ordered_json::parse(valueText));
    } else {
        document[where] = nlohmann::ordered_json::parse(valueText);
    }
    return document.dump(2);
}

QString describe(const Diagnostics &diagnostics)
{
    QStringList lines;
    for (const auto &d : diagnostics)
        lines << QString::fromStdString(formatDiagnostic(d));
    return lines.join('\n');
}

int countErrors(const Diagnostics &diagnostics)
{
    return static_cast<int>(std::count_if(diagnostics.begin(), diagnostics.end(),
                                          [](const Diagnostic &d) { return d.severity == Severity::Error; }));
}

const Diagnostic *findDiagnostic(const Diagnostics &diagnostics, const std::string &pointer)
{
    for (const auto &d : diagnostics)
        if (d.pointer == pointer)
            return &d;
    return nullptr;
}

Scenario loadValid(const char *name)
{
    auto loaded = parseScenario(validFile(name), name);
    if (!loaded)
        qFatal("%s does not load:\n%s", name, qPrintable(describe(loaded.error())));
    return loaded->scenario;
}

} // namespace

class TestScenarioJson : public QObject
{
    Q_OBJECT

private slots:
    void validFilesLoadWithoutWarnings_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("minimal") << "minimal.longitude.json";
        QTest::newRow("full") << "full.longitude.json";
    }

    void validFilesLoadWithoutWarnings()
    {
        QFETCH(QString, file);
        const auto loaded = parseScenario(validFile(qPrintable(file)), file.toStdString());
        QVERIFY2(loaded.has_value(), qPrintable(loaded ? QString() : describe(loaded.error())));
        QVERIFY2(loaded->warnings.empty(), qPrintable(describe(loaded->warnings)));
    }

    void defaultsFollowTheFormat()
    {
        // minimal.longitude.json gives only required fields; everything else is the documented default.
        const Scenario s = loadValid("minimal.longitude.json");
        QCOMPARE(s.schema, std::string("longitude.scenario/1"));
        QCOMPARE(s.name, std::string());
        QVERIFY(s.links.empty());
        const Region &region = s.regions.at(0);
        QCOMPARE(region.name, std::string("us-east-1"));
        QCOMPARE(region.provider, std::string("custom"));
        QCOMPARE(region.providerRegion, std::string());
        QCOMPARE(region.utcOffsetHours, 0.0);
        QCOMPARE(region.gatewayLatencyMs, 10.0);
        QCOMPARE(region.lon, -77.4875);
        QCOMPARE(s.zones.at(0).name, std::string("US"));
        QCOMPARE(s.zones.at(0).color, std::string());
        const GpuType &gpu = s.gpuTypes.at(0);
        QCOMPARE(gpu.name, std::string("H100"));
        QCOMPARE(gpu.prices, GpuPrices{});
        const Model &model = s.models.at(0);
        QCOMPARE(model.name, std::string("llama-3-8b"));
        QCOMPARE(model.bytesPerParam, 2.0);
        QCOMPARE(model.activeParamsB, 0.0);
        const LatencyProfile &profile = model.profiles.at(0);
        QCOMPARE(profile.kind, ProfileKind::Linear);
        QCOMPARE(profile.maxBatch, 256);
        QCOMPARE(profile.kvUsableFraction, 0.9);
        QCOMPARE(profile.decodePerSeqMs, 0.0);
        const Pool &pool = s.pools.at(0);
        QCOMPARE(pool.tensorParallel, 1);
        QCOMPARE(pool.pricing, PricingMode::OnDemand);
        QCOMPARE(s.traffic.at(0).preset, std::string("flat"));
        QVERIFY(s.traffic.at(0).hourly.empty());
        const WorkloadClass &w = s.workloads.at(0);
        QCOMPARE(w.share, 1.0);
        QCOMPARE(w.model, std::string("llama-3-8b")); // the first model
        QCOMPARE(w.prefixGroups, 0);
        QCOMPARE(w.prefixTokens, 0);
        QCOMPARE(w.prefixZipf, 0.0);
        QCOMPARE(w.sessionTurns.kind, DistributionKind::Constant);
        QCOMPARE(w.sessionTurns.value, 1.0);
        QCOMPARE(w.thinkTimeS.kind, DistributionKind::Constant);
        QCOMPARE(w.thinkTimeS.value, 0.0);
        QCOMPARE(w.residencyShare, 0.0);
        QCOMPARE(s.sla.ttftP99Ms, 800.0);
        QCOMPARE(s.sla.e2eP99Ms, 0.0);
        QCOMPARE(s.routing.policy, std::string("least-load"));
        QVERIFY(s.routing.params.empty());
        QCOMPARE(s.routing.probeIntervalMs, 0.0);
        QCOMPARE(s.placement.strategy, std::string("static"));
        QVERIFY(!s.overflow.enabled);
        QVERIFY(s.failover.outages.empty());
        QCOMPARE(s.simulation, SimulationSettings{});
        QCOMPARE(s.simulation.durationS, 3600.0);
        QCOMPARE(s.simulation.seed, std::uint64_t(1));
        QCOMPARE(s.simulation.kvBlockTokens, 16);
        QVERIFY(s.simulation.prefixCache);
        QCOMPARE(s.simulation.sampling.windowS, 60.0);
        QCOMPARE(s.simulation.sampling.warmupS, 30.0);
    }

    void fullFileValuesAreRead()
    {
        const Scenario s = loadValid("full.longitude.json");
        QCOMPARE(s.regions.size(), std::size_t(4));
        QCOMPARE(s.links.at(2).symmetric, false);
        QCOMPARE(s.links.at(2).egressUsdPerGb, 0.09);
        QCOMPARE(s.links.at(0).egressUsdPerGb, 0.02); // default
        QCOMPARE(s.gpuTypes.at(0).prices.asOf, std::string("2025-06-05"));
        QCOMPARE(s.models.at(0).profiles.at(1).kind, ProfileKind::Roofline);
        QCOMPARE(s.models.at(0).profiles.at(1).etaMem, 0.73);
        QCOMPARE(s.models.at(0).profiles.at(2).kind, ProfileKind::Constant);
        QCOMPARE(s.models.at(0).profiles.at(2).decodeStepMs, 21.5);
        QCOMPARE(s.pools.at(0).pricing, PricingMode::Reserved);
        QCOMPARE(s.pools.at(3).pricing, PricingMode::Spot);
        QCOMPARE(s.traffic.at(1).hourly.size(), std::size_t(24));
        QCOMPARE(s.traffic.at(1).hourly.at(23), 0.125);
        QCOMPARE(s.workloads.at(0).promptTokens.kind, DistributionKind::Lognormal);
        QCOMPARE(s.workloads.at(0).promptTokens.sigma, 0.8);
        QCOMPARE(s.workloads.at(0).promptTokens.max, 8000.0);
        QCOMPARE(s.workloads.at(0).sessionTurns.weights, (std::vector<double>{0.5, 0.3, 0.2}));
        QCOMPARE(s.workloads.at(2).model, std::string("llama-3.3-70b-fp8")); // default: first model
        QCOMPARE(s.overflow.params.at("spillQueue"), 1.0); // booleans as 0/1
        QCOMPARE(s.routing.params.at("wRtt"), 0.276);
        QCOMPARE(s.failover.outages.at(1).startS, 1200.5);
        QCOMPARE(s.simulation.seed, std::uint64_t(18446744073709551615ULL));
        QCOMPARE(s.simulation.startUtcHour, 13.5);
        QVERIFY(!s.simulation.prefixCache);
        QVERIFY(s.simulation.sampling.enabled);
    }

    void roundTrip_data()
    {
        QTest::addColumn<QString>("path");
        for (const char *name : {"minimal.longitude.json", "full.longitude.json", "warnings.longitude.json"})
            QTest::newRow(name) << QString::fromStdString((sourceDir() / "tests" / "data" / "valid" / name).string());
        const fs::path samples = sourceDir() / "samples";
        if (fs::is_directory(samples))
            for (const auto &entry : fs::directory_iterator(samples))
                if (entry.path().string().ends_with(".longitude.json"))
                    QTest::newRow(entry.path().filename().string().c_str()) << QString::fromStdString(entry.path().string());
    }

    void roundTrip()
    {
        QFETCH(QString, path);
        const auto first = loadScenarioFile(path.toStdString());
        QVERIFY2(first.has_value(), qPrintable(first ? QString() : describe(first.error())));
        const std::string saved = saveScenario(first->scenario);
        const auto second = parseScenario(saved, "saved");
        QVERIFY2(second.has_value(), qPrintable(second ? QString() : describe(second.error())));
        QVERIFY(second->warnings.empty());
        QVERIFY(second->scenario == first->scenario);
        // Saving is stable: the saved form saves to itself, byte for byte.
        QCOMPARE(saveScenario(second->scenario), saved);
    }

    void savedLayout()
    {
        const std::string saved = saveScenario(loadValid("full.longitude.json"));
        QVERIFY(saved.starts_with("{\n  \"schema\": \"longitude.scenario/1\",\n  \"name\": \"Every feature\",\n"));
        QVERIFY(saved.ends_with("}\n"));
        QVERIFY(saved.find('\t') == std::string::npos);
        // Keys in the documented order, every top-level field written.
        const auto document = nlohmann::ordered_json::parse(saved);
        std::vector<std::string> keys;
        for (auto it = document.begin(); it != document.end(); ++it)
            keys.push_back(it.key());
        const std::vector<std::string> expected = {"schema", "name", "description", "regions", "links", "zones",
                                                   "gpuTypes", "models", "pools", "traffic", "workloads", "sla",
                                                   "routing", "placement", "overflow", "failover", "simulation"};
        QCOMPARE(keys, expected);
        std::vector<std::string> poolKeys;
        for (auto it = document["pools"][0].begin(); it != document["pools"][0].end(); ++it)
            poolKeys.push_back(it.key());
        QCOMPARE(poolKeys, (std::vector<std::string>{"id", "region", "gpuType", "model", "gpuCount", "tensorParallel",
                                                      "pricing"}));
        // Integral numbers are written as integers, others as they were given.
        QVERIFY(saved.find("\"durationS\": 3600,") != std::string::npos);
        QVERIFY(saved.find("\"gpuCount\": 16,") != std::string::npos);
        QVERIFY(saved.find("\"rttMs\": 69.558,") != std::string::npos);
        QVERIFY(saved.find("\"seed\": 18446744073709551615,") != std::string::npos);
        QVERIFY(!std::regex_search(saved, std::regex("[0-9]\\.0[,\\n]")));
        // Defaults are written out.
        QVERIFY(saved.find("\"gatewayLatencyMs\": 10\n") != std::string::npos);
    }

    void awkwardNumbersRoundTripExactly()
    {
        Scenario s = loadValid("full.longitude.json");
        const std::vector<double> awkward = {0.1, 1.0 / 3.0, 2.0 / 3.0, 1e-7, 123456.789, 0.30000000000000004,
                                             5e-324, 9007199254740993.0, 1e15 + 0.5};
        // Hourly multipliers are checked against a guard of 1000, so scale the big ones down.
        s.traffic.at(1).hourly.assign(24, 1.0 / 7.0);
        for (std::size_t i = 0; i < awkward.size(); ++i)
            s.traffic.at(1).hourly[i] = awkward[i] > 1000.0 ? awkward[i] / 1e13 : awkward[i];
        s.regions.at(0).lon = -77.48750000000001;
        s.links.at(0).rttMs = 69.55800000000001;
        s.workloads.at(0).promptTokens.mu = 6.199999999999999;
        s.simulation.durationS = 86399.99999999999;
        QVERIFY2(validateScenario(s).empty(), qPrintable(describe(validateScenario(s))));
        const auto reloaded = parseScenario(saveScenario(s), "saved");
        QVERIFY2(reloaded.has_value(), qPrintable(reloaded ? QString() : describe(reloaded.error())));
        QVERIFY(reloaded->scenario == s);
        QCOMPARE(reloaded->scenario.traffic.at(1).hourly[23], 1.0 / 7.0);
        QCOMPARE(reloaded->scenario.regions.at(0).lon, -77.48750000000001);
    }

    void inMemoryScenarioSavesAndLoads()
    {
        // What the GUI builds from scratch: defaults from scenario.h, a few fields set.
        Scenario s;
        s.regions.push_back(Region{"r1", "R1", "custom", "", 2.35, 48.86, 1.0, "EU", 10.0});
        s.zones.push_back(ResidencyZone{"EU", "EU", ""});
        GpuType gpu;
        gpu.id = "H100";
        gpu.memoryGb = 80;
        gpu.hbmTbPerS = 3.35;
        s.gpuTypes.push_back(gpu);
        Model model;
        model.id = "m";
        model.paramsB = 8;
        model.kvBytesPerToken = 131072;
        LatencyProfile profile;
        profile.gpuType = "H100";
        profile.prefillTokensPerS = 10000;
        profile.decodeBaseMs = 10;
        model.profiles.push_back(profile);
        s.models.push_back(model);
        s.pools.push_back(Pool{"p", "r1", "H100", 2, "m", 1, PricingMode::Spot});
        s.traffic.push_back(RegionTraffic{"r1", 10, {}, "flat"});
        WorkloadClass w;
        w.id = "w";
        w.model = "m";
        w.promptTokens = Distribution::constant(100);
        w.outputTokens = Distribution::constant(10);
        s.workloads.push_back(w);
        QVERIFY2(validateScenario(s).empty(), qPrintable(describe(validateScenario(s))));
        const auto reloaded = parseScenario(saveScenario(s), "saved");
        QVERIFY2(reloaded.has_value(), qPrintable(reloaded ? QString() : describe(reloaded.error())));
        QVERIFY(reloaded->scenario == s);
    }

    void reportsEachProblem_data()
    {
        QTest::addColumn<QString>("change");   // JSON pointer into full.longitude.json
        QTest::addColumn<QString>("value");    // JSON text, or <remove>
        QTest::addColumn<QString>("pointer");  // expected diagnostic pointer
        QTest::addColumn<QString>("fragment"); // expected part of its message

        const auto row = [](const char *name, const char *change, const char *value, const char *pointer,
                            const char *fragment) {
            QTest::newRow(name) << change << value << pointer << fragment;
        };
        // Wrong types
        row("string for number", "/regions/0/lon", "\"west\"", "/regions/0/lon", "must be a number, got the string \"west\"");
        row("string for count", "/pools/0/gpuCount", "\"eight\"", "/pools/0/gpuCount", "must be a positive integer, got the string \"eight\"");
        row("null", "/regions/0/lat", "null", "/regions/0/lat", "must be a number, got null");
        row("bool for number", "/sla/ttftP99Ms", "true", "/sla/ttftP99Ms", "must be a number, got true");
        row("number for string", "/pools/0/region", "7", "/pools/0/region", "must be a string, got 7");
        row("number for bool", "/links/0/symmetric", "1", "/links/0/symmetric", "must be true or false, got 1");
        row("element not object", "/pools/2", "42", "/pools/2", "must be a pool object, got 42");
        row("list not array", "/zones", "{}", "/zones", "must be an array, got an object");
        row("distribution not object", "/workloads/0/outputTokens", "300", "/workloads/0/outputTokens", "must be a distribution object");
        row("param not number", "/routing/params/wRtt", "\"high\"", "/routing/params/wRtt", "must be a number (or true/false), got the string \"high\"");
        row("unknown pricing", "/pools/0/pricing", "\"cheap\"", "/pools/0/pricing", "must be one of reserved, on-demand, spot, got the string \"cheap\"");
        row("unknown profile kind", "/models/0/profiles/0/kind", "\"magic\"", "/models/0/profiles/0/kind", "must be one of linear, roofline, constant");
        row("unknown distribution kind", "/workloads/0/thinkTimeS/kind", "\"gamma\"", "/workloads/0/thinkTimeS/kind", "must be one of constant, uniform, exponential, lognormal, empirical");
        // Missing fields
        row("missing field", "/pools/0/region", "<remove>", "/pools/0/region", "required field is missing");
        row("missing list", "/workloads", "<remove>", "/workloads", "required field is missing");
        row("missing distribution kind", "/workloads/0/thinkTimeS/kind", "<remove>", "/workloads/0/thinkTimeS/kind", "required field is missing");
        row("missing profile rate", "/models/1/profiles/0/prefillTokensPerS", "<remove>", "/models/1/profiles/0/prefillTokensPerS", "required field is missing");
        row("missing schema", "/schema", "<remove>", "/schema", "required field is missing; a Longitude scenario starts with \"schema\": \"longitude.scenario/1\"");
        // Unknown ids
        row("pool region", "/pools/1/region", "\"us-est-1\"", "/pools/1/region", "unknown region \"us-est-1\"; did you mean \"us-east-1\"?");
        row("pool gpu", "/pools/0/gpuType", "\"B200\"", "/pools/0/gpuType", "unknown GPU type \"B200\"");
        row("pool model", "/pools/0/model", "\"gpt-5\"", "/pools/0/model", "unknown model \"gpt-5\"");
        row("link endpoint", "/links/0/to", "\"mars-1\"", "/links/0/to", "unknown region \"mars-1\"");
        row("traffic region", "/traffic/0/region", "\"moon\"", "/traffic/0/region", "unknown region \"moon\"");
        row("region zone", "/regions/0/zone", "\"USA\"", "/regions/0/zone", "unknown residency zone \"USA\"");
        row("workload model", "/workloads/0/model", "\"nope\"", "/workloads/0/model", "unknown model \"nope\"");
        row("profile gpu", "/models/1/profiles/0/gpuType", "\"A100\"", "/models/1/profiles/0/gpuType", "unknown GPU type \"A100\"");
        row("outage target", "/failover/outages/0/target", "\"eu-west-9\"", "/failover/outages/0/target", "unknown region or pool \"eu-west-9\"");
        // Duplicates
        row("duplicate region", "/regions/2/id", "\"eu-west-1\"", "/regions/2/id", "duplicate id \"eu-west-1\": already used by /regions/1");
        row("duplicate pool", "/pools/1/id", "\"us-h100\"", "/pools/1/id", "duplicate id \"us-h100\": already used by /pools/0");
        row("duplicate link", "/links/-", "{\"from\": \"eu-west-1\", \"to\": \"us-east-1\", \"rttMs\": 70}", "/links/5", "duplicate link: the RTT from \"eu-west-1\" to \"us-east-1\" is already given by /links/0");
        row("duplicate traffic", "/traffic/3/region", "\"us-east-1\"", "/traffic/3/region", "region \"us-east-1\" already has a traffic entry (/traffic/0)");
        row("duplicate profile", "/models/0/profiles/2/tensorParallel", "2", "/models/0/profiles/2/tensorParallel", "duplicate profile: \"H100\" at tensorParallel 2 is already described by /models/0/profiles/0");
        row("empty id", "/pools/0/id", "\"\"", "/pools/0/id", "must not be empty");
        row("ambiguous target", "/pools/0/id", "\"eu-west-1\"", "/failover/outages/0/target", "\"eu-west-1\" is both a region and a pool");
        // Counts and ranges
        row("negative gpus", "/pools/0/gpuCount", "-4", "/pools/0/gpuCount", "must be a positive integer, got -4");
        row("zero gpus", "/pools/0/gpuCount", "0", "/pools/0/gpuCount", "must be a positive integer, got 0");
        row("fractional gpus", "/pools/0/gpuCount", "2.5", "/pools/0/gpuCount", "must be a positive integer, got 2.5");
        row("absurd gpus", "/pools/0/gpuCount", "1e300", "/pools/0/gpuCount", "must be a positive integer no larger than 1000000, got 1e+300");
        row("large but int gpus", "/pools/0/gpuCount", "2000000", "/pools/0/gpuCount", "must be a positive integer no larger than 1000000, got 2000000");
        row("tp too large", "/pools/0/tensorParallel", "128", "/pools/0/tensorParallel", "no larger than 64, got 128");
        row("absurd rps", "/traffic/0/peakRps", "1e300", "/traffic/0/peakRps", "must be at most 100000000, got 1e+300");
        row("latitude", "/regions/0/lat", "95", "/regions/0/lat", "must be between -90 and 90, got 95");
        row("utc offset", "/regions/0/utcOffsetHours", "15", "/regions/0/utcOffsetHours", "must be between -12 and 14, got 15");
        row("zero rtt", "/links/0/rttMs", "0", "/links/0/rttMs", "must be greater than 0, got 0");
        row("zero sla", "/sla/ttftP99Ms", "0", "/sla/ttftP99Ms", "must be greater than 0, got 0");
        row("residency above 1", "/workloads/0/residencyShare", "1.5", "/workloads/0/residencyShare", "must be between 0 and 1, got 1.5");
        row("residency below 0", "/workloads/0/residencyShare", "-0.1", "/workloads/0/residencyShare", "must be between 0 and 1, got -0.1");
        row("kv fraction", "/models/0/profiles/1/kvUsableFraction", "0", "/models/0/profiles/1/kvUsableFraction", "must be greater than 0 and at most 1, got 0");
        row("active params", "/models/2/activeParamsB", "40", "/models/2/activeParamsB", "must not exceed paramsB (30.5), got 40");
        row("bad color", "/zones/0/color", "\"red\"", "/zones/0/color", "must be a color such as \"#3b6fd4\"");
        row("warmup", "/simulation/warmupS", "3600", "/simulation/warmupS", "must be less than durationS (3600), got 3600");
        row("start hour", "/simulation/startUtcHour", "24", "/simulation/startUtcHour", "must be at least 0 and less than 24, got 24");
        row("seed", "/simulation/seed", "-1", "/simulation/seed", "must be an integer between 0 and 18446744073709551615, got -1");
        row("sampling hour", "/simulation/sampling/windowS", "3590", "/simulation/sampling/windowS", "windowS + warmupS must fit in an hour (3600 s), got 3620");
        row("outage duration", "/failover/outages/0/durationS", "0", "/failover/outages/0/durationS", "must be greater than 0, got 0");
        row("decode free", "/models/1/profiles/0/decodeBaseMs", "0", "/models/1/profiles/0/decodeBaseMs", "the decode step must take some time");
        // Pools
        row("not multiple of tp", "/pools/0/gpuCount", "15", "/pools/0/gpuCount", "must be a multiple of tensorParallel (2), got 15");
        row("no profile", "/pools/1/tensorParallel", "2", "/pools/1/tensorParallel", "model \"llama-3-8b\" has no latency profile for GPU type \"H100\" at tensorParallel 2 (it has: H100 at tensorParallel 1)");
        // 80B params x 2 bytes = 160 GB of weights > 1 x 80 GB x 0.9 = 72 GB.
        row("model does not fit", "/models/1/paramsB", "80", "/pools/1/tensorParallel", "model \"llama-3-8b\" does not fit: its weights need 160 GB (80B params x 2 bytes) but 1 x \"H100\" leave 72 GB (80 GB x 0.9 usable each)");
        // Traffic curves
        row("23 hours", "/traffic/1/hourly/23", "<remove>", "/traffic/1/hourly", "must have exactly 24 values (local hours 0-23), got 23");
        row("negative hour", "/traffic/1/hourly/3", "-1", "/traffic/1/hourly/3", "must be at least 0, got -1");
        row("both hourly and preset", "/traffic/1/preset", "\"flat\"", "/traffic/1/preset", "give either \"hourly\" (24 numbers) or \"preset\", not both");
        row("neither hourly nor preset", "/traffic/0/preset", "<remove>", "/traffic/0/hourly", "required: give \"hourly\"");
        row("unknown preset", "/traffic/0/preset", "\"bussiness-day\"", "/traffic/0/preset", "unknown preset \"bussiness-day\"; did you mean \"business-day\"?");
        // Distributions
        row("uniform max below min", "/workloads/1/promptTokens/max", "50", "/workloads/1/promptTokens/max", "must be at least min (100), got 50");
        row("exponential mean", "/workloads/0/outputTokens/mean", "0", "/workloads/0/outputTokens/mean", "must be greater than 0, got 0");
        row("lognormal sigma", "/workloads/0/promptTokens/sigma", "-0.8", "/workloads/0/promptTokens/sigma", "must be greater than 0, got -0.8");
        row("weights mismatch", "/workloads/0/sessionTurns/weights", "[0.5, 0.5]", "/workloads/0/sessionTurns/weights", "must have one weight per value (3 values), got 2");
        row("weights zero", "/workloads/0/sessionTurns/weights", "[0, 0, 0]", "/workloads/0/sessionTurns/weights", "must not all be 0");
        row("empirical empty", "/workloads/1/sessionTurns/values", "[]", "/workloads/1/sessionTurns/values", "must list at least one value");
        row("zero output tokens", "/workloads/2/outputTokens/min", "0", "/workloads/2/outputTokens/min", "must be at least 1, got 0");
        row("zero turns", "/workloads/1/sessionTurns/values/0", "0", "/workloads/1/sessionTurns/values/0", "must be at least 1, got 0");
        // Network
        row("disconnected region", "/links/4", "<remove>", "/regions/3", "no path of links from \"lab\" to \"us-east-1\": region \"lab\" is not connected");
        row("one-way link", "/links/4/symmetric", "false", "/regions/0", "no path of links from \"us-east-1\" to \"lab\": the links there are one-way");
        // Lists
        row("no regions", "/regions", "[]", "/regions", "must list at least one region");
        row("no workloads", "/workloads", "[]", "/workloads", "must list at least one workload class");
        // Schema
        row("newer schema", "/schema", "\"longitude.scenario/2\"", "/schema", "this file uses longitude.scenario/2; this build of Longitude reads up to version 1");
        row("foreign schema", "/schema", "\"acme.plan/3\"", "/schema", "unknown schema \"acme.plan/3\"; expected \"longitude.scenario/1\"");
        row("catalog schema", "/schema", "\"longitude.catalog/1\"", "/schema", "this is a catalog file (longitude.catalog/1), not a Longitude scenario");
        row("schema not string", "/schema", "1", "/schema", "must be the string \"longitude.scenario/1\", got 1");
    }

    void reportsEachProblem()
    {
        QFETCH(QString, change);
        QFETCH(QString, value);
        QFETCH(QString, pointer);
        QFETCH(QString, fragment);
        const std::string text = withChange(fullJson(), change.toStdString(), value.toStdString());
        const auto result = parseScenario(text, "broken.longitude.json");
        QVERIFY2(!result.has_value(), "the broken scenario loaded");
        const Diagnostics &diagnostics = result.error();
        const Diagnostic *d = findDiagnostic(diagnostics, pointer.toStdString());
        QVERIFY2(d, qPrintable("no diagnostic at " + pointer + "; got:\n" + describe(diagnostics)));
        QCOMPARE(d->severity, Severity::Error);
        QCOMPARE(d->file, std::string("broken.longitude.json"));
        QVERIFY2(d->message.find(fragment.toStdString()) != std::string::npos,
                 qPrintable("message: " + QString::fromStdString(d->message)));
    }

    void allErrorsAreCollected()
    {
        auto document = fullJson();
        document["pools"][0]["gpuCount"] = -4;
        document["regions"][1]["lat"] = "north";
        document["traffic"][0]["preset"] = "weekly";
        document["links"][0]["to"] = "nowhere";
        document["simulation"]["kvBlockTokens"] = 0;
        const auto result = parseScenario(document.dump(), "five.longitude.json");
        QVERIFY(!result.has_value());
        QCOMPARE(countErrors(result.error()), 5);
        QVERIFY(findDiagnostic(result.error(), "/pools/0/gpuCount"));
        QVERIFY(findDiagnostic(result.error(), "/regions/1/lat"));
        QVERIFY(findDiagnostic(result.error(), "/traffic/0/preset"));
        QVERIFY(findDiagnostic(result.error(), "/links/0/to"));
        QVERIFY(findDiagnostic(result.error(), "/simulation/kvBlockTokens"));
    }

    void oneMistakeOneMessage_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("value");
        QTest::newRow("count of wrong type") << "/pools/0/gpuCount" << "\"eight\"";
        QTest::newRow("region id of wrong type") << "/regions/0/id" << "5";
        QTest::newRow("gpu memory of wrong type") << "/gpuTypes/0/memoryGb" << "\"80GB\"";
        QTest::newRow("zones not a list") << "/zones" << "{}";
        QTest::newRow("hourly of wrong type") << "/traffic/1/hourly" << "\"peaky\"";
        QTest::newRow("unknown profile kind") << "/models/0/profiles/0/kind" << "\"fast\"";
        QTest::newRow("link endpoint typo") << "/links/4/to" << "\"eu-west-2\"";
    }

    void oneMistakeOneMessage()
    {
        // A value that cannot be read is replaced by its default; that default must not trigger
        // a second message (gpuCount 0, unknown zone, no path, ...).
        QFETCH(QString, change);
        QFETCH(QString, value);
        const auto result = parseScenario(withChange(fullJson(), change.toStdString(), value.toStdString()), "f");
        QVERIFY(!result.has_value());
        QVERIFY2(countErrors(result.error()) == 1, qPrintable(describe(result.error())));
    }

    void sameWordsForFileAndMemory()
    {
        // validateScenario (after a GUI edit) and parseScenario (a file) say the same thing.
        Scenario s = loadValid("full.longitude.json");
        s.pools[0].gpuCount = -4;
        s.regions[0].lat = 95;
        s.traffic[1].hourly.pop_back();
        s.workloads[0].residencyShare = 1.5;
        s.models[1].paramsB = 80;
        const Diagnostics memory = validateScenario(s);
        QCOMPARE(countErrors(memory), 5);

        auto document = fullJson();
        document["pools"][0]["gpuCount"] = -4;
        document["regions"][0]["lat"] = 95;
        document["traffic"][1]["hourly"].erase(23);
        document["workloads"][0]["residencyShare"] = 1.5;
        document["models"][1]["paramsB"] = 80;
        const auto file = parseScenario(document.dump(), "f");
        QVERIFY(!file.has_value());
        QCOMPARE(countErrors(file.error()), 5);
        for (const auto &d : memory) {
            QVERIFY(d.file.empty());
            const Diagnostic *same = findDiagnostic(file.error(), d.pointer);
            QVERIFY2(same, d.pointer.c_str());
            QCOMPARE(same->message, d.message);
        }
    }

    void warningsDoNotStopLoading()
    {
        const auto loaded = parseScenario(validFile("warnings.longitude.json"), "warnings.longitude.json");
        QVERIFY2(loaded.has_value(), qPrintable(loaded ? QString() : describe(loaded.error())));
        const Diagnostics &w = loaded->warnings;
        QCOMPARE(w.size(), std::size_t(5));
        for (const auto &d : w)
            QCOMPARE(d.severity, Severity::Warning);
        QCOMPARE(findDiagnostic(w, "/simulaton")->message,
                 std::string("unknown key \"simulaton\" is ignored; did you mean \"simulation\"?"));
        QCOMPARE(findDiagnostic(w, "/zones/0/colour")->message,
                 std::string("unknown key \"colour\" is ignored; did you mean \"color\"?"));
        QVERIFY(findDiagnostic(w, "/regions/0/utcOfset"));
        QCOMPARE(findDiagnostic(w, "/models/0/profiles/0/etaMem")->message,
                 std::string("\"etaMem\" is not used by a linear profile and is ignored"));
        QCOMPARE(findDiagnostic(w, "/workloads/0/promptTokens/mean")->message,
                 std::string("\"mean\" is not used by a constant distribution and is ignored"));
        // The ignored values are gone, the rest is read.
        QCOMPARE(loaded->scenario.workloads[0].promptTokens.mean, 0.0);
        QCOMPARE(loaded->scenario.simulation.durationS, 3600.0);
        QCOMPARE(loaded->scenario.regions[0].provider, std::string("aws"));
    }

    void semanticWarnings()
    {
        // Residency: tagged EU requests with no pool of the class's model inside the EU.
        auto document = fullJson();
        document["pools"][2]["region"] = "us-east-1";
        const auto loaded = parseScenario(document.dump(), "f");
        QVERIFY2(loaded.has_value(), qPrintable(loaded ? QString() : describe(loaded.error())));
        const Diagnostic *d = findDiagnostic(loaded->warnings, "/workloads/0/residencyShare");
        QVERIFY(d);
        QCOMPARE(d->message, std::string("requests tagged to zone \"EU\" (from region \"eu-west-1\") have no pool of "
                                         "model \"llama-3.3-70b-fp8\" inside that zone: they will be rejected"));
    }

    void malformedJsonHasLineAndColumn_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("fragment");
        // Positions counted by hand (1-based, in characters).
        QTest::newRow("stray comma") << "{\n  \"schema\": \"longitude.scenario/1\",\n  \"regions\": [,]\n}" << 3 << 15
                                     << "malformed JSON: syntax error while parsing value";
        // End of input: just after the 14 characters of line 3.
        QTest::newRow("truncated") << "{\n  \"regions\": [\n    {\"id\": \"a\"" << 3 << 15 << "unexpected end of input";
        QTest::newRow("after utf-8") << QString::fromUtf8("{\"name\": \"Z\xc3\xbcrich\" x}") << 1 << 19 << "malformed JSON";
        QTest::newRow("infinite number") << "{\n  \"peakRps\": 1e999\n}" << 2 << 14
                                         << "the number 1e999 is too large to represent; numbers must be finite";
        QTest::newRow("NaN literal") << "{\"lat\": NaN}" << 1 << 9 << "malformed JSON";
        QTest::newRow("trailing garbage") << "{} {}" << 1 << 4 << "malformed JSON";
        QTest::newRow("empty") << "" << 1 << 1 << "the file is empty; expected a Longitude scenario";
        QTest::newRow("blank") << "  \n\n " << 1 << 1 << "the file is empty";
        QTest::newRow("binary") << QString::fromLatin1("{\"a\"\x01\x02\x03") << 1 << 5 << "this is not a text file";
        QTest::newRow("deep") << QString(100, '[') << 1 << 65 << "nested more than 64 levels deep";
    }

    void malformedJsonHasLineAndColumn()
    {
        QFETCH(QString, text);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, fragment);
        const auto result = parseScenario(text.toStdString(), "bad.json");
        QVERIFY(!result.has_value());
        QCOMPARE(result.error().size(), std::size_t(1));
        const Diagnostic &d = result.error().front();
        QCOMPARE(d.file, std::string("bad.json"));
        QCOMPARE(d.line, line);
        QCOMPARE(d.column, column);
        QVERIFY2(d.message.find(fragment.toStdString()) != std::string::npos, d.message.c_str());
        QVERIFY(formatDiagnostic(d).starts_with("bad.json:" + std::to_string(line) + ":" + std::to_string(column) + ": error: "));
    }

    void invalidUtf8AndNulBytes()
    {
        const std::string withNul = std::string("{\"name\": \"a") + '\0' + "b\"}";
        const auto nul = parseScenario(withNul, "nul.json");
        QVERIFY(!nul.has_value());
        QVERIFY(nul.error().front().message.starts_with("this is not a text file"));
        const auto latin1 = parseScenario("{\"name\": \"Z\xfc" "rich\"}", "latin1.json");
        QVERIFY(!latin1.has_value());
        QCOMPARE(latin1.error().front().column, 12);
    }

    void duplicateKeys()
    {
        const std::string text = withChange(fullJson(), "/sla", "{\"ttftP99Ms\": 800}");
        const std::string twice = text.substr(0, text.find("\"ttftP99Ms\": 800"))
                                  + "\"ttftP99Ms\": 500, \"ttftP99Ms\": 800" + text.substr(text.find("\"ttftP99Ms\": 800") + 16);
        const auto result = parseScenario(twice, "f");
        QVERIFY(!result.has_value());
        QCOMPARE(countErrors(result.error()), 1);
        QCOMPARE(result.error().front().pointer, std::string("/sla/ttftP99Ms"));
        QVERIFY(result.error().front().message.find("appears more than once") != std::string::npos);
    }

    void topLevelMustBeObject()
    {
        const auto result = parseScenario("[1, 2]", "array.json");
        QVERIFY(!result.has_value());
        QCOMPARE(result.error().front().message,
                 std::string("must be a JSON object holding a Longitude scenario, got an array"));
    }

    void byteOrderMarkIsAccepted()
    {
        const auto loaded = parseScenario("\xEF\xBB\xBF" + validFile("minimal.longitude.json"), "bom.json");
        QVERIFY2(loaded.has_value(), qPrintable(loaded ? QString() : describe(loaded.error())));
    }

    void newerSchemaIsRefusedAlone()
    {
        // A newer file is not read further: its other fields may mean something else.
        auto document = fullJson();
        document["schema"] = "longitude.scenario/2";
        document["pools"][0]["gpuCount"] = -4;
        const auto result = parseScenario(document.dump(), "new.json");
        QVERIFY(!result.has_value());
        QCOMPARE(result.error().size(), std::size_t(1));
        QCOMPARE(result.error().front().message,
                 std::string("this file uses longitude.scenario/2; this build of Longitude reads up to version 1 "
                             "(update Longitude to open it)"));
    }

    void missingSchemaStillReportsEverything()
    {
        auto document = fullJson();
        document.erase("schema");
        document["pools"][0]["gpuCount"] = -4;
        const auto result = parseScenario(document.dump(), "f");
        QVERIFY(!result.has_value());
        QCOMPARE(countErrors(result.error()), 2);
        QVERIFY(findDiagnostic(result.error(), "/pools/0/gpuCount"));
    }

    void modelFitBoundary()
    {
        // Llama 70.6B FP8 on one H100 (80 GB): 70.6 GB of weights against 80 x 0.9 = 72 GB fits;
        // at a usable fraction of 0.88 only 70.4 GB remain and it does not.
        auto document = fullJson();
        document["models"][0]["profiles"].push_back({{"gpuType", "H100"}, {"tensorParallel", 1},
                                                     {"prefillTokensPerS", 6100}, {"decodeBaseMs", 20}});
        document["pools"][3]["tensorParallel"] = 1;
        QVERIFY(parseScenario(document.dump(), "fits").has_value());
        document["models"][0]["profiles"][3]["kvUsableFraction"] = 0.88;
        const auto result = parseScenario(document.dump(), "tight");
        QVERIFY(!result.has_value());
        const Diagnostic *d = findDiagnostic(result.error(), "/pools/3/tensorParallel");
        QVERIFY2(d, qPrintable(describe(result.error())));
        QVERIFY(d->message.find("its weights need 70.6 GB") != std::string::npos);
        QVERIFY(d->message.find("leave 70.4 GB") != std::string::npos);
    }

    void tooManyRegions()
    {
        // All-pairs RTTs grow with the square of the regions: 1,000 is the documented limit.
        Scenario s = loadValid("minimal.longitude.json");
        const Region first = s.regions.front();
        for (int i = 1; i <= 1000; ++i) {
            Region region = first;
            region.id = "r" + std::to_string(i);
            s.regions.push_back(region);
            s.links.push_back(Link{first.id, region.id, 10.0, true, 0.02, {}});
        }
        const Diagnostics diagnostics = validateScenario(s);
        QCOMPARE(countErrors(diagnostics), 1);
        QCOMPARE(diagnostics.front().pointer, std::string("/regions"));
        QCOMPARE(diagnostics.front().message, std::string("lists 1001 items; at most 1000 are supported"));
        s.regions.pop_back();
        s.links.pop_back();
        QVERIFY(validateScenario(s).empty());
    }

    void singleRegionNeedsNoLinks()
    {
        const Scenario s = loadValid("minimal.longitude.json");
        QVERIFY(s.links.empty());
        QVERIFY(validateScenario(s).empty());
    }

    void unreadableFile()
    {
        const auto result = loadScenarioFile("/nonexistent/dir/x.longitude.json");
        QVERIFY(!result.has_value());
        QCOMPARE(result.error().front().file, std::string("/nonexistent/dir/x.longitude.json"));
        QVERIFY(result.error().front().message.starts_with("cannot read the file"));
    }

    void brokenCorpus()
    {
        // tests/data/broken (also run through the CLI in tests/cli): each file is refused with
        // a diagnostic at the expected pointer or line:column, containing the expected words.
        const fs::path folder = sourceDir() / "tests" / "data" / "broken";
        const auto expected = nlohmann::json::parse(readFile(folder / "expectations.json"));
        QVERIFY(expected.size() >= 25);
        for (const auto &[name, e] : expected.items()) {
            const std::string text = readFile(folder / name);
            Diagnostics diagnostics;
            if (isCatalogText(text)) {
                const auto catalog = parseCatalog(text, name);
                QVERIFY2(!catalog.has_value(), name.c_str());
                diagnostics = catalog.error();
            } else if (e.value("stage", "") == "policies") {
                // Loads (a file naming a newer build's policy must open), but a run and
                // `longitude-cli validate` refuse it through checkPolicies.
                const auto scenario = parseScenario(text, name);
                QVERIFY2(scenario.has_value(), name.c_str());
                diagnostics = checkPolicies(scenario->scenario, PolicyRegistry::builtins());
                for (auto &d : diagnostics)
                    d.file = name;
            } else {
                const auto scenario = parseScenario(text, name);
                QVERIFY2(!scenario.has_value(), name.c_str());
                diagnostics = scenario.error();
            }
            const std::string fragment = e["contains"].get<std::string>();
            const bool found = std::any_of(diagnostics.begin(), diagnostics.end(), [&](const Diagnostic &d) {
                const bool place = e.contains("line")
                                       ? d.line == e["line"].get<int>() && d.column == e["column"].get<int>()
                                       : d.pointer == e["pointer"].get<std::string>();
                return place && d.file == name && d.severity == Severity::Error
                       && d.message.find(fragment) != std::string::npos;
            });
            QVERIFY2(found, qPrintable(QString::fromStdString(name) + ":\n" + describe(diagnostics)));
        }
    }

    void valueRulesWording()
    {
        QCOMPARE(checkInt(-4, rules::kGpuCount).value(), std::string("must be a positive integer, got -4"));
        QCOMPARE(checkInt(8, rules::kGpuCount), std::optional<std::string>());
        QCOMPARE(checkNumber(std::numeric_limits<double>::infinity(), rules::kPeakRps).value(),
                 std::string("must be a finite number, got infinity"));
        QCOMPARE(checkNumber(std::nan(""), rules::kPeakRps).value(), std::string("must be a finite number, got NaN"));
        QCOMPARE(formatNumber(0.1), std::string("0.1"));
        QCOMPARE(formatNumber(-4), std::string("-4"));
        QCOMPARE(formatNumber(1e300), std::string("1e+300"));
    }
};

QTEST_APPLESS_MAIN(TestScenarioJson)
#include "tst_scenariojson.moc"
