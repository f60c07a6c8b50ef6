#pragma once

/// @file catalogjson.h
/// Reading and writing `longitude.catalog/1` files: reusable regions, links, zones, GPU types and
/// models, each element in exactly the JSON shape it has inside a scenario (the same element
/// readers, writers and checks as scenariojson.h). See docs/scenario-format.md, "Catalogs".

#include "engine/io/catalog.h"
#include "engine/scenario/diagnostic.h"

#include <expected>
#include <string>

namespace longitude::engine {

inline constexpr const char *kCatalogSchema = "longitude.catalog/1";
inline constexpr int kCatalogSchemaVersion = 1;

/// Parses and checks one catalog file. References are resolved only against the lists the file
/// itself has (a file of links needs no regions). Returns every problem when there is an error;
/// warnings (unknown keys, ...) go to `warnings` when given.
std::expected<Catalog, Diagnostics> parseCatalog(const std::string &text, const std::string &fileName,
                                                 Diagnostics *warnings = nullptr);

/// Reads `path` and parses it as above; an unreadable file is one error naming the path.
std::expected<Catalog, Diagnostics> loadCatalogFile(const std::string &path, Diagnostics *warnings = nullptr);

/// Merges every `*.json` file of the folder `path`, in file-name order. Besides each file's own
/// problems, reports ids defined twice across files and references no file resolves (a link
/// whose region is in no file). An empty folder or a missing one is an error.
std::expected<Catalog, Diagnostics> loadCatalogDirectory(const std::string &path, Diagnostics *warnings = nullptr);

/// Stable JSON as saveScenario writes it: fixed key order, 2-space indent, trailing newline.
/// Lists that are empty are left out; `source` and `notes` are written when not empty.
std::string saveCatalog(const Catalog &catalog, const std::string &source = {}, const std::string &notes = {});

/// True when `text` is JSON whose "schema" names the catalog format (any version), so that a
/// tool can tell catalogs from scenarios before choosing a parser. Never throws.
bool isCatalogText(const std::string &text);

} // namespace longitude::engine
