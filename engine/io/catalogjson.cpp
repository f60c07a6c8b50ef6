#include "catalogjson.h"

#include "engine/io/elementreader.h"
#include "engine/io/elementwriter.h"
#include "engine/io/jsondocument.h"
#include "engine/io/scenariovalidator.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>

namespace longitude::engine {

namespace {

constexpr const char *kWhat = "a Longitude catalog";

void appendWithFile(Diagnostics &to, Diagnostics from, const std::string &fileName)
{
    for (auto &d : from) {
        d.file = fileName;
        to.push_back(std::move(d));
    }
}

void splitWarnings(Diagnostics &all, Diagnostics *warnings)
{
    if (!warnings)
        return;
    for (const auto &d : all)
        if (d.severity == Severity::Warning)
            warnings->push_back(d);
}

struct ParsedCatalog
{
    std::optional<Catalog> catalog; ///< set unless the file could not be read as a catalog at all
    Diagnostics diagnostics;
    CatalogReferences present{false, false, false}; ///< which reference targets the file lists
};

ParsedCatalog parseCatalogDetailed(const std::string &text, const std::string &fileName)
{
    using Need = JsonReader::Need;
    ParsedCatalog parsed;
    JsonDocument document = parseJsonDocument(text, fileName, kWhat);
    parsed.diagnostics = std::move(document.diagnostics);
    if (!document.root)
        return parsed;

    JsonReader reader(fileName);
    ElementReader elements(reader);
    const Json &root = *document.root;
    if (!reader.expectObject(root, "", "a JSON object holding a Longitude catalog")
        || !elements.schema(root, "longitude.catalog", kCatalogSchemaVersion, kWhat)) {
        appendWithFile(parsed.diagnostics, reader.diagnostics(), fileName);
        return parsed;
    }
    reader.checkKeys(root, "", {"schema", "source", "notes", "regions", "links", "zones", "gpuTypes", "models"});
    std::string ignored;
    reader.readString(root, "", "source", ignored);
    reader.readString(root, "", "notes", ignored);

    Catalog catalog;
    const auto read = [&](auto readOne) {
        return [&elements, readOne](const Json &item, const std::string &pointer) {
            return (elements.*readOne)(item, pointer);
        };
    };
    catalog.regions = elements.list(root, "", "regions", Need::Optional, read(&ElementReader::region));
    catalog.links = elements.list(root, "", "links", Need::Optional, read(&ElementReader::link));
    catalog.zones = elements.list(root, "", "zones", Need::Optional, read(&ElementReader::zone));
    catalog.gpuTypes = elements.list(root, "", "gpuTypes", Need::Optional, read(&ElementReader::gpuType));
    catalog.models = elements.list(root, "", "models", Need::Optional, read(&ElementReader::model));
    parsed.present = CatalogReferences{root.contains("regions"), root.contains("zones"), root.contains("gpuTypes")};

    appendWithFile(parsed.diagnostics, reader.diagnostics(), fileName);
    appendWithFile(parsed.diagnostics,
                   ScenarioValidator(reader.unreliablePointers()).validateCatalog(catalog, parsed.present), fileName);
    parsed.catalog = std::move(catalog);
    return parsed;
}

// Reports ids that a later file defines again; `origin` remembers where each id came from.
template <typename T>
void checkDuplicatesAcrossFiles(const std::vector<T> &items, const char *list, const std::string &fileName,
                                std::map<std::string, std::pair<std::string, std::size_t>> &origin,
                                Diagnostics &diagnostics)
{
    for (std::size_t i = 0; i < items.size(); ++i) {
        const auto [it, inserted] = origin.emplace(items[i].id, std::pair(fileName, i));
        if (!inserted && it->second.first != fileName)
            diagnostics.push_back(Diagnostic{Severity::Error, fileName,
                                             "/" + std::string(list) + "/" + std::to_string(i) + "/id", 0, 0,
                                             "duplicate id \"" + items[i].id + "\": already defined in "
                                                 + it->second.first + " at /" + list + "/"
                                                 + std::to_string(it->second.second)});
    }
}

template <typename T>
void append(std::vector<T> &to, const std::vector<T> &from)
{
    to.insert(to.end(), from.begin(), from.end());
}

} // namespace

std::expected<Catalog, Diagnostics> parseCatalog(const std::string &text, const std::string &fileName,
                                                 Diagnostics *warnings)
{
    ParsedCatalog parsed = parseCatalogDetailed(text, fileName);
    if (!parsed.catalog || hasErrors(parsed.diagnostics))
        return std::unexpected(std::move(parsed.diagnostics));
    splitWarnings(parsed.diagnostics, warnings);
    return std::move(*parsed.catalog);
}

std::expected<Catalog, Diagnostics> loadCatalogFile(const std::string &path, Diagnostics *warnings)
{
    std::string text;
    if (!readTextFile(path, text))
        return std::unexpected(Diagnostics{
            Diagnostic{Severity::Error, path, {}, 0, 0, "cannot read the file (it does not exist or is not readable)"}});
    return parseCatalog(text, path, warnings);
}

std::expected<Catalog, Diagnostics> loadCatalogDirectory(const std::string &path, Diagnostics *warnings)
{
    namespace fs = std::filesystem;
    const auto fail = [&](std::string message) {
        return std::unexpected(Diagnostics{Diagnostic{Severity::Error, path, {}, 0, 0, std::move(message)}});
    };
    std::error_code ec;
    if (!fs::is_directory(path, ec))
        return fail("is not a folder (expected a folder of catalog *.json files)");
    std::vector<fs::path> files;
    for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec))
        if (it->path().extension() == ".json" && it->is_regular_file(ec))
            files.push_back(it->path());
    if (ec)
        return fail("cannot list the folder: " + ec.message());
    if (files.empty())
        return fail("holds no catalog files (*.json)");
    std::sort(files.begin(), files.end(), [](const fs::path &a, const fs::path &b) { return a.filename() < b.filename(); });

    Diagnostics all;
    Catalog merged;
    std::vector<std::pair<std::string, ParsedCatalog>> parts;
    std::map<std::string, std::pair<std::string, std::size_t>> regionOrigin, zoneOrigin, gpuOrigin, modelOrigin;
    for (const auto &file : files) {
        const std::string fileName = file.string();
        std::string text;
        if (!readTextFile(fileName, text)) {
            all.push_back(Diagnostic{Severity::Error, fileName, {}, 0, 0,
                                     "cannot read the file (it does not exist or is not readable)"});
            continue;
        }
        ParsedCatalog parsed = parseCatalogDetailed(text, fileName);
        append(all, parsed.diagnostics);
        if (!parsed.catalog)
            continue;
        const Catalog &catalog = *parsed.catalog;
        checkDuplicatesAcrossFiles(catalog.regions, "regions", fileName, regionOrigin, all);
        checkDuplicatesAcrossFiles(catalog.zones, "zones", fileName, zoneOrigin, all);
        checkDuplicatesAcrossFiles(catalog.gpuTypes, "gpuTypes", fileName, gpuOrigin, all);
        checkDuplicatesAcrossFiles(catalog.models, "models", fileName, modelOrigin, all);
        append(merged.regions, catalog.regions);
        append(merged.links, catalog.links);
        append(merged.zones, catalog.zones);
        append(merged.gpuTypes, catalog.gpuTypes);
        append(merged.models, catalog.models);
        parts.emplace_back(fileName, std::move(parsed));
    }
    // References a file could not resolve on its own must resolve in the merged catalog.
    for (const auto &[fileName, parsed] : parts) {
        const CatalogReferences unresolved{!parsed.present.regions, !parsed.present.zones, !parsed.present.gpuTypes};
        appendWithFile(all, ScenarioValidator().validateCatalogReferences(*parsed.catalog, merged, unresolved), fileName);
    }
    if (hasErrors(all))
        return std::unexpected(std::move(all));
    splitWarnings(all, warnings);
    return merged;
}

std::string saveCatalog(const Catalog &catalog, const std::string &source, const std::string &notes)
{
    Json j = Json::object();
    j["schema"] = kCatalogSchema;
    if (!source.empty())
        j["source"] = source;
    if (!notes.empty())
        j["notes"] = notes;
    if (!catalog.regions.empty())
        j["regions"] = listToJson(catalog.regions);
    if (!catalog.links.empty())
        j["links"] = listToJson(catalog.links);
    if (!catalog.zones.empty())
        j["zones"] = listToJson(catalog.zones);
    if (!catalog.gpuTypes.empty())
        j["gpuTypes"] = listToJson(catalog.gpuTypes);
    if (!catalog.models.empty())
        j["models"] = listToJson(catalog.models);
    return dumpDocument(j);
}

bool isCatalogText(const std::string &text)
{
    const JsonDocument document = parseJsonDocument(text, {}, kWhat);
    if (!document.root || !document.root->is_object())
        return false;
    const auto it = document.root->find("schema");
    return it != document.root->end() && it->is_string()
           && it->get<std::string>().rfind("longitude.catalog/", 0) == 0;
}

} // namespace longitude::engine
