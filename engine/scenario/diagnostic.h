#pragma once

/// @file diagnostic.h
/// What a loader or validator tells the planner about a problem in their input.

#include <string>
#include <vector>

namespace longitude::engine {

enum class Severity { Error, Warning };

/// One problem found in a file or a scenario. `pointer` is an RFC 6901 JSON pointer
/// ("/pools/3/gpuCount") when the problem is inside a JSON document; `line`/`column` are
/// 1-based and set when known (0 otherwise). `message` is a plain sentence for a planner,
/// e.g. "must be a positive integer, got -4".
struct Diagnostic
{
    Severity severity = Severity::Error;
    std::string file;
    std::string pointer;
    int line = 0;
    int column = 0;
    std::string message;
    bool operator==(const Diagnostic &) const = default;
};

/// All problems found in one input, in the order they were found.
using Diagnostics = std::vector<Diagnostic>;

/// True if any diagnostic is an error (warnings alone do not make an input invalid).
bool hasErrors(const Diagnostics &diagnostics);

/// "file:line:col: /pointer: error: message" in the style compilers use.
std::string formatDiagnostic(const Diagnostic &diagnostic);

} // namespace longitude::engine
