#pragma once

/// @file commandfiles.h
/// The file handling that commands share, so that every command reads its scenario and writes
/// its outputs with the same messages (docs/cli.md).

#include "command.h"

#include "engine/io/scenariojson.h"

#include <optional>
#include <ostream>
#include <string>

namespace longitude::app {

/// Loads the scenario `file`; on failure prints every diagnostic to `err` and returns nullopt
/// (the command exits kExitInvalid). Warnings go to `err` too unless `quiet`.
std::optional<engine::LoadedScenario> loadScenarioForCommand(const std::string &file, bool quiet, std::ostream &err);

/// Writes `text` to `path` (truncating it); on failure prints "longitude-cli NAME: cannot write
/// PATH" to `err` and returns false.
bool writeCommandOutput(const Command &command, const std::string &path, const std::string &text, std::ostream &err);

} // namespace longitude::app
