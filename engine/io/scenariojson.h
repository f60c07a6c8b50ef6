#pragma once

/// @file scenariojson.h
/// Reading and writing `longitude.scenario/1` files (docs/scenario-format.md). This is the one
/// parser of the format: the CLI, the GUI document and the tests all go through it. nlohmann
/// exceptions never leave engine/io.

#include "engine/scenario/diagnostic.h"
#include "engine/scenario/scenario.h"

#include <expected>
#include <string>

namespace longitude::engine {

/// A scenario that loaded, with the warnings found on the way (unknown keys, ...).
struct LoadedScenario
{
    Scenario scenario;
    Diagnostics warnings;
};

/// Parses and validates scenario JSON text. `fileName` is only used to label diagnostics.
/// Returns every problem found (errors and warnings) when there is at least one error;
/// malformed JSON yields one error with line and column.
std::expected<LoadedScenario, Diagnostics> parseScenario(const std::string &text, const std::string &fileName);

/// Reads `path` and parses it as above; an unreadable file is one error naming the path.
std::expected<LoadedScenario, Diagnostics> loadScenarioFile(const std::string &path);

/// Stable, human-diffable JSON: fixed key order, 2-space indent, trailing newline.
/// parseScenario(saveScenario(s)) == s for every valid scenario s.
std::string saveScenario(const Scenario &scenario);

/// Checks references, ranges and feasibility of an in-memory scenario (the GUI calls this after
/// every edit). Pointers in the diagnostics are JSON pointers into the saved form.
Diagnostics validateScenario(const Scenario &scenario);

} // namespace longitude::engine
