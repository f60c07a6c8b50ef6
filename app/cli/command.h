#pragma once

/// @file command.h
/// One sub-command of longitude-cli (`validate`, `run`, ...). A command lives in its own file
/// and registers itself, so adding one touches no other file:
///
///     namespace {
///     int runMyCommand(const longitude::app::CommandArgs &args, std::ostream &out, std::ostream &err);
///     const longitude::app::CommandRegistration registration({"name", "one-line summary",
///                                                             "usage and options text", &runMyCommand});
///     }

#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace longitude::app {

/// Exit status of longitude-cli and of every command (documented in docs/cli.md).
enum ExitCode : int {
    kExitOk = 0,       ///< success; warnings allowed
    kExitInternal = 1, ///< a bug: an unexpected exception or state
    kExitInvalid = 2,  ///< invalid input, an unreadable file, or a usage error
};

/// The arguments after the command name.
using CommandArgs = std::vector<std::string>;

/// A sub-command: its name, a one-line summary for `--help`, the full text for `help NAME`
/// (starting with a "usage:" line), and the function that runs it. `run` writes results to
/// `out`, usage errors to `err`, and returns an ExitCode.
struct Command
{
    std::string name;
    std::string summary;
    std::string help;
    std::function<int(const CommandArgs &args, std::ostream &out, std::ostream &err)> run;
};

/// Writes "longitude-cli NAME: MESSAGE" and the command's usage line to `err`; returns kExitInvalid.
int usageError(const Command &command, const std::string &message, std::ostream &err);

} // namespace longitude::app
