#include "scenariojson.h"

#include "engine/io/elementreader.h"
#include "engine/io/elementwriter.h"
#include "engine/io/jsondocument.h"
#include "engine/io/scenariovalidator.h"

namespace longitude::engine {

namespace {

constexpr const char *kWhat = "a Longitude scenario";

void appendWithFile(Diagnostics &to, Diagnostics from, const std::string &fileName)
{
    for (auto &d : from) {
        d.file = fileName;
        to.push_back(std::move(d));
    }
}

Scenario readScenario(const Json &root, ElementReader &elements, JsonReader &reader)
{
    using Need = JsonReader::Need;
    reader.checkKeys(root, "", {"schema", "name", "description", "regions", "links", "zones", "gpuTypes", "models",
                                "pools", "traffic", "workloads", "sla", "routing", "placement", "overflow", "failover",
                                "simulation"});
    Scenario s;
    reader.readString(root, "", "name", s.name);
    reader.readString(root, "", "description", s.description);
    const auto read = [&](auto readOne) {
        return [&elements, readOne](const Json &item, const std::string &pointer) {
            return (elements.*readOne)(item, pointer);
        };
    };
    s.regions = elements.list(root, "", "regions", Need::Required, read(&ElementReader::region));
    s.links = elements.list(root, "", "links", Need::Optional, read(&ElementReader::link));
    s.zones = elements.list(root, "", "zones", Need::Optional, read(&ElementReader::zone));
    s.gpuTypes = elements.list(root, "", "gpuTypes", Need::Required, read(&ElementReader::gpuType));
    s.models = elements.list(root, "", "models", Need::Required, read(&ElementReader::model));
    s.pools = elements.list(root, "", "pools", Need::Required, read(&ElementReader::pool));
    s.traffic = elements.list(root, "", "traffic", Need::Required, read(&ElementReader::traffic));
    const std::string defaultModel = s.models.empty() ? std::string() : s.models.front().id;
    s.workloads = elements.list(root, "", "workloads", Need::Required,
                                [&](const Json &item, const std::string &pointer) {
                                    return elements.workload(item, pointer, defaultModel);
                                });
    if (const Json *v = reader.member(root, "", "sla", Need::Optional))
        s.sla = elements.sla(*v, "/sla");
    if (const Json *v = reader.member(root, "", "routing", Need::Optional))
        s.routing = elements.routing(*v, "/routing");
    if (const Json *v = reader.member(root, "", "placement", Need::Optional))
        s.placement = elements.placement(*v, "/placement");
    if (const Json *v = reader.member(root, "", "overflow", Need::Optional))
        s.overflow = elements.overflow(*v, "/overflow");
    if (const Json *v = reader.member(root, "", "failover", Need::Optional))
        s.failover = elements.failover(*v, "/failover");
    if (const Json *v = reader.member(root, "", "simulation", Need::Optional))
        s.simulation = elements.simulation(*v, "/simulation");
    return s;
}

} // namespace

std::expected<LoadedScenario, Diagnostics> parseScenario(const std::string &text, const std::string &fileName)
{
    JsonDocument document = parseJsonDocument(text, fileName, kWhat);
    if (!document.root)
        return std::unexpected(std::move(document.diagnostics));

    Diagnostics all = std::move(document.diagnostics);
    JsonReader reader(fileName);
    ElementReader elements(reader);
    const Json &root = *document.root;
    if (!reader.expectObject(root, "", "a JSON object holding a Longitude scenario")
        || !elements.schema(root, "longitude.scenario", kScenarioSchemaVersion, kWhat)) {
        appendWithFile(all, reader.diagnostics(), fileName);
        return std::unexpected(std::move(all));
    }

    LoadedScenario loaded;
    loaded.scenario = readScenario(root, elements, reader);
    // Older versions are read as this one and saved as this one.
    loaded.scenario.schema = kScenarioSchema;
    appendWithFile(all, reader.diagnostics(), fileName);
    appendWithFile(all, ScenarioValidator(reader.unreliablePointers()).validate(loaded.scenario), fileName);
    if (hasErrors(all))
        return std::unexpected(std::move(all));
    loaded.warnings = std::move(all);
    return loaded;
}

std::expected<LoadedScenario, Diagnostics> loadScenarioFile(const std::string &path)
{
    std::string text;
    if (!readTextFile(path, text))
        return std::unexpected(Diagnostics{
            Diagnostic{Severity::Error, path, {}, 0, 0, "cannot read the file (it does not exist or is not readable)"}});
    return parseScenario(text, path);
}

std::string saveScenario(const Scenario &scenario)
{
    Json j = Json::object();
    j["schema"] = kScenarioSchema;
    j["name"] = scenario.name;
    j["description"] = scenario.description;
    j["regions"] = listToJson(scenario.regions);
    j["links"] = listToJson(scenario.links);
    j["zones"] = listToJson(scenario.zones);
    j["gpuTypes"] = listToJson(scenario.gpuTypes);
    j["models"] = listToJson(scenario.models);
    j["pools"] = listToJson(scenario.pools);
    j["traffic"] = listToJson(scenario.traffic);
    j["workloads"] = listToJson(scenario.workloads);
    j["sla"] = toJson(scenario.sla);
    j["routing"] = toJson(scenario.routing);
    j["placement"] = toJson(scenario.placement);
    j["overflow"] = toJson(scenario.overflow);
    j["failover"] = toJson(scenario.failover);
    j["simulation"] = toJson(scenario.simulation);
    return dumpDocument(j);
}

Diagnostics validateScenario(const Scenario &scenario)
{
    return ScenarioValidator().validate(scenario);
}

} // namespace longitude::engine
