#include "models/catalogrepository.h"

#include "engine/io/catalogjson.h"

#include <QDir>
#include <QFile>

#include <algorithm>
#include <map>

namespace longitude::models {

namespace {

engine::Diagnostic error(const QString &file, const std::string &pointer, const std::string &message)
{
    engine::Diagnostic d;
    d.file = file.toStdString();
    d.pointer = pointer;
    d.message = message;
    return d;
}

/// Appends `items` to `into`, reporting an id another file already defined.
template<typename T>
void mergeList(std::vector<T> &into, const std::vector<T> &items, const char *listName, const QString &file,
               std::map<std::string, QString> &definedIn, engine::Diagnostics &problems)
{
    for (std::size_t i = 0; i < items.size(); ++i) {
        const auto [it, inserted] = definedIn.emplace(std::string(listName) + '/' + items[i].id, file);
        if (!inserted) {
            problems.push_back(error(file, "/" + std::string(listName) + "/" + std::to_string(i) + "/id",
                                     "id \"" + items[i].id + "\" is already defined in " + it->second.toStdString()));
            continue;
        }
        into.push_back(items[i]);
    }
}

template<typename T>
const T *findById(const std::vector<T> &items, const std::string &id)
{
    const auto it = std::find_if(items.begin(), items.end(), [&](const T &item) { return item.id == id; });
    return it == items.end() ? nullptr : &*it;
}

} // namespace

std::expected<CatalogRepository, engine::Diagnostics> CatalogRepository::load(const QString &folder)
{
    const QDir dir(folder);
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    if (files.isEmpty())
        return std::unexpected(engine::Diagnostics{error(folder, "", "no catalog files (*.json) found")});

    CatalogRepository repository;
    engine::Diagnostics problems;
    std::map<std::string, QString> definedIn;
    for (const QString &name : files) {
        const QString path = dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            problems.push_back(error(path, "", "cannot open the file: " + file.errorString().toStdString()));
            continue;
        }
        auto parsed = engine::parseCatalog(file.readAll().toStdString(), path.toStdString());
        if (!parsed) {
            problems.insert(problems.end(), parsed.error().begin(), parsed.error().end());
            continue;
        }
        engine::Catalog &into = repository.m_catalog;
        mergeList(into.regions, parsed->regions, "regions", path, definedIn, problems);
        mergeList(into.zones, parsed->zones, "zones", path, definedIn, problems);
        mergeList(into.gpuTypes, parsed->gpuTypes, "gpuTypes", path, definedIn, problems);
        mergeList(into.models, parsed->models, "models", path, definedIn, problems);
        into.links.insert(into.links.end(), parsed->links.begin(), parsed->links.end());
    }
    if (engine::hasErrors(problems))
        return std::unexpected(problems);
    return repository;
}

std::optional<engine::Link> CatalogRepository::measuredLink(const std::string &from, const std::string &to) const
{
    for (const auto &link : m_catalog.links) {
        if (link.from == from && link.to == to)
            return link;
    }
    for (const auto &link : m_catalog.links) {
        if (link.symmetric && link.from == to && link.to == from) {
            engine::Link reversed = link;
            std::swap(reversed.from, reversed.to);
            return reversed;
        }
    }
    return std::nullopt;
}

const engine::Region *CatalogRepository::findRegion(const std::string &id) const
{
    return findById(m_catalog.regions, id);
}

const engine::GpuType *CatalogRepository::findGpuType(const std::string &id) const
{
    return findById(m_catalog.gpuTypes, id);
}

const engine::Model *CatalogRepository::findModel(const std::string &id) const
{
    return findById(m_catalog.models, id);
}

} // namespace longitude::models
