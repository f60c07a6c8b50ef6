#pragma once

#include "engine/io/catalog.h"
#include "engine/scenario/diagnostic.h"

#include <QString>

#include <expected>
#include <optional>

namespace longitude::models {

/// The default catalogs bundled with the application (resources/catalogs/*.json, compiled into
/// Qt resources under ":/catalogs/"): known regions with measured RTTs, zones, GPU types with
/// prices and models with latency profiles. Each file is parsed by engine::parseCatalog; the
/// repository merges them so that panels can offer "fill missing RTTs from measurements" or an
/// existing GPU type without the planner typing datasheet numbers.
class CatalogRepository
{
public:
    /// The folder of the bundled catalogs.
    static QString bundledFolder() { return QStringLiteral(":/catalogs"); }

    /// Reads every `*.json` file of `folder` (a directory or a ":/" resource folder) in file-name
    /// order and merges them. Every problem of every file is returned on failure, each naming its
    /// file; ids defined in two files are errors too.
    static std::expected<CatalogRepository, engine::Diagnostics> load(const QString &folder = bundledFolder());

    const engine::Catalog &catalog() const { return m_catalog; }

    /// The measured link from -> to (catalog links are directed), or nothing.
    std::optional<engine::Link> measuredLink(const std::string &from, const std::string &to) const;
    const engine::Region *findRegion(const std::string &id) const;
    const engine::GpuType *findGpuType(const std::string &id) const;
    const engine::Model *findModel(const std::string &id) const;

private:
    engine::Catalog m_catalog;
};

} // namespace longitude::models
