#include "commandfiles.h"

#include <fstream>

namespace longitude::app {

std::optional<engine::LoadedScenario> loadScenarioForCommand(const std::string &file, bool quiet, std::ostream &err)
{
    auto loaded = engine::loadScenarioFile(file);
    if (!loaded) {
        for (const auto &d : loaded.error())
            err << engine::formatDiagnostic(d) << "\n";
        return std::nullopt;
    }
    if (!quiet)
        for (const auto &d : loaded->warnings)
            err << engine::formatDiagnostic(d) << "\n";
    return std::move(*loaded);
}

bool writeCommandOutput(const Command &command, const std::string &path, const std::string &text, std::ostream &err)
{
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    if (file)
        file << text;
    if (!file) {
        err << "longitude-cli " << command.name << ": cannot write " << path << "\n";
        return false;
    }
    return true;
}

} // namespace longitude::app
