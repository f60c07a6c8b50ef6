// `longitude-cli validate FILE...`: checks scenario files, catalog files and catalog folders
// and prints every problem compiler-style, then one verdict line per input.
#include "commandregistry.h"

#include "engine/io/catalogjson.h"
#include "engine/io/jsondocument.h"
#include "engine/io/scenariojson.h"
#include "engine/sim/policychecks.h"

#include <filesystem>
#include <numeric>

namespace longitude::app {

namespace {

using namespace longitude::engine;

int countOf(const Diagnostics &diagnostics, Severity severity)
{
    return static_cast<int>(std::count_if(diagnostics.begin(), diagnostics.end(),
                                          [&](const Diagnostic &d) { return d.severity == severity; }));
}

std::string plural(int count, const std::string &word)
{
    if (count == 1)
        return "1 " + word;
    return std::to_string(count) + " " + word + (word.ends_with("s") ? "es" : "s");
}

std::string problems(const Diagnostics &diagnostics)
{
    const int errors = countOf(diagnostics, Severity::Error);
    const int warnings = countOf(diagnostics, Severity::Warning);
    std::string out;
    if (errors > 0)
        out = plural(errors, "error");
    if (warnings > 0)
        out += (out.empty() ? "" : ", ") + plural(warnings, "warning");
    return out.empty() ? out : " (" + out + ")";
}

std::string describeScenario(const Scenario &s)
{
    const int gpus = std::accumulate(s.pools.begin(), s.pools.end(), 0,
                                     [](int sum, const Pool &pool) { return sum + pool.gpuCount; });
    std::string out = "valid scenario";
    if (!s.name.empty())
        out += " \"" + s.name + "\"";
    return out + ": " + plural(static_cast<int>(s.regions.size()), "region") + ", "
           + plural(static_cast<int>(s.pools.size()), "pool") + " (" + plural(gpus, "GPU") + "), "
           + plural(static_cast<int>(s.workloads.size()), "workload class");
}

std::string describeCatalog(const Catalog &c)
{
    std::string parts;
    const auto add = [&](std::size_t count, const char *word) {
        if (count > 0)
            parts += (parts.empty() ? "" : ", ") + plural(static_cast<int>(count), word);
    };
    add(c.regions.size(), "region");
    add(c.links.size(), "link");
    add(c.zones.size(), "zone");
    add(c.gpuTypes.size(), "GPU type");
    add(c.models.size(), "model");
    return "valid catalog: " + (parts.empty() ? std::string("empty") : parts);
}

/// Checks one input; prints its diagnostics unless `quiet`, and its verdict. True if valid.
bool validateOne(const std::string &path, bool quiet, std::ostream &out)
{
    Diagnostics diagnostics;
    std::string verdict;
    bool valid = false;
    std::error_code ec;
    std::string text;
    if (std::filesystem::is_directory(path, ec)) {
        auto catalog = loadCatalogDirectory(path, &diagnostics);
        valid = catalog.has_value();
        if (valid)
            verdict = describeCatalog(*catalog);
        else
            diagnostics = std::move(catalog.error());
    } else if (!readTextFile(path, text)) {
        diagnostics.push_back(
            Diagnostic{Severity::Error, path, {}, 0, 0, "cannot read the file (it does not exist or is not readable)"});
    } else if (isCatalogText(text)) {
        auto catalog = parseCatalog(text, path, &diagnostics);
        valid = catalog.has_value();
        if (valid)
            verdict = describeCatalog(*catalog);
        else
            diagnostics = std::move(catalog.error());
    } else {
        auto scenario = parseScenario(text, path);
        valid = scenario.has_value();
        if (valid) {
            verdict = describeScenario(scenario->scenario);
            diagnostics = std::move(scenario->warnings);
            // What `run` would refuse (unknown policy, a parameter out of range) is an error here
            // too, so that a file that validates also runs.
            for (Diagnostic d : checkPolicies(scenario->scenario, PolicyRegistry::builtins())) {
                d.file = path;
                valid = valid && d.severity != Severity::Error;
                diagnostics.push_back(std::move(d));
            }
        } else {
            diagnostics = std::move(scenario.error());
        }
    }
    if (!quiet)
        for (const auto &d : diagnostics)
            out << formatDiagnostic(d) << '\n';
    out << path << ": " << (valid ? verdict : std::string("invalid")) << problems(diagnostics) << '\n';
    return valid;
}

const char *kHelp =
    "usage: longitude-cli validate [--quiet] FILE...\n"
    "\n"
    "Checks each FILE and prints every problem found, one per line, as\n"
    "  FILE[:LINE:COLUMN]: error|warning: /json/pointer: message\n"
    "then one verdict line per FILE. A FILE may be a scenario (*.longitude.json), a catalog\n"
    "file (\"schema\": \"longitude.catalog/1\") or a folder of catalog files.\n"
    "\n"
    "options:\n"
    "  -q, --quiet   print only the verdict lines\n"
    "\n"
    "exit status: 0 all inputs valid (warnings allowed), 2 an input is invalid or unreadable\n"
    "or the command line is wrong, 1 internal error.\n";

int runValidate(const CommandArgs &args, std::ostream &out, std::ostream &err);

const CommandRegistration registration({"validate", "check scenario and catalog files, report every problem",
                                        kHelp, &runValidate});

int runValidate(const CommandArgs &args, std::ostream &out, std::ostream &err)
{
    const Command &self = *CommandRegistry::instance().find("validate");
    bool quiet = false;
    bool optionsEnded = false;
    std::vector<std::string> files;
    for (const auto &arg : args) {
        if (!optionsEnded && arg == "--") {
            optionsEnded = true;
        } else if (!optionsEnded && (arg == "-q" || arg == "--quiet")) {
            quiet = true;
        } else if (!optionsEnded && (arg == "-h" || arg == "--help")) {
            out << self.help;
            return kExitOk;
        } else if (!optionsEnded && arg.size() > 1 && arg[0] == '-') {
            return usageError(self, "unknown option '" + arg + "'", err);
        } else {
            files.push_back(arg);
        }
    }
    if (files.empty())
        return usageError(self, "no FILE given", err);

    bool allValid = true;
    for (const auto &file : files)
        allValid = validateOne(file, quiet, out) && allValid;
    return allValid ? kExitOk : kExitInvalid;
}

} // namespace

} // namespace longitude::app
