#include "diagnostic.h"

#include <algorithm>

namespace longitude::engine {

bool hasErrors(const Diagnostics &diagnostics)
{
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic &d) { return d.severity == Severity::Error; });
}

std::string formatDiagnostic(const Diagnostic &d)
{
    std::string out;
    if (!d.file.empty()) {
        out += d.file;
        if (d.line > 0) {
            out += ':' + std::to_string(d.line);
            if (d.column > 0)
                out += ':' + std::to_string(d.column);
        }
        out += ": ";
    }
    out += d.severity == Severity::Error ? "error: " : "warning: ";
    if (!d.pointer.empty())
        out += d.pointer + ": ";
    out += d.message;
    return out;
}

} // namespace longitude::engine
