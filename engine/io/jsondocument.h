#pragma once

/// @file jsondocument.h
/// Turns file text into a JSON value for the loaders of engine/io, reporting malformed input the
/// way a planner can act on: line and column of a syntax error, an empty or binary file, absurd
/// nesting, keys given twice. nlohmann types stay inside engine/io.

#include "engine/scenario/diagnostic.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace longitude::engine {

/// JSON value that keeps the file's key order, so diagnostics come out in reading order and
/// saved files keep the documented order.
using Json = nlohmann::ordered_json;

/// The outcome of parsing text: `root` is empty when the text is not JSON at all; `diagnostics`
/// may hold errors even when `root` is set (a key given twice).
struct JsonDocument
{
    std::optional<Json> root;
    Diagnostics diagnostics;
};

/// Parses `text` strictly (RFC 8259, no comments). `fileName` labels the diagnostics and `what`
/// names what the file should be ("a Longitude scenario") in the messages. Never throws.
JsonDocument parseJsonDocument(const std::string &text, const std::string &fileName, const std::string &what);

/// 1-based line and column (in characters, not bytes) of the byte at `offset` (0-based) in
/// `text`; an offset past the end points just after the last character.
std::pair<int, int> lineAndColumn(const std::string &text, std::size_t offset);

/// Reads a whole file into `text`; false (and `text` untouched) when it cannot be read.
bool readTextFile(const std::string &path, std::string &text);

} // namespace longitude::engine
