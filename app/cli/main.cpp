// longitude-cli: the headless front end of the engine (like OMNeT++'s Cmdenv). main() only
// dispatches to the self-registered commands (command.h) and turns anything unexpected into
// exit status 1 with a message, never a crash.
#include "commandregistry.h"

#include "engine/io/jsonreader.h"

#include <exception>
#include <iostream>

namespace {

using namespace longitude::app;

void printUsage(std::ostream &out)
{
    out << "usage: longitude-cli [--help] [--version] COMMAND [ARGS...]\n"
           "\n"
           "Capacity planner for multi-region LLM serving, without the GUI.\n"
           "\n"
           "commands:\n";
    std::size_t width = 0;
    for (const Command *command : CommandRegistry::instance().commands())
        width = std::max(width, command->name.size());
    for (const Command *command : CommandRegistry::instance().commands())
        out << "  " << command->name << std::string(width - command->name.size() + 3, ' ') << command->summary << '\n';
    out << "  help" << std::string(width > 4 ? width - 4 + 3 : 3, ' ') << "show the help of a command\n"
        << "\n"
           "Run 'longitude-cli help COMMAND' for a command's options. Exit status: 0 success,\n"
           "2 invalid input or usage error, 1 internal error.\n";
}

int unknownCommand(const std::string &name)
{
    std::vector<std::string> names = {"help"};
    for (const Command *command : CommandRegistry::instance().commands())
        names.push_back(command->name);
    std::cerr << "longitude-cli: unknown command '" << name << "'";
    if (const auto suggestion = longitude::engine::closestMatch(name, names); !suggestion.empty())
        std::cerr << "; did you mean '" << suggestion << "'?";
    std::cerr << "\nRun 'longitude-cli --help' for the list of commands.\n";
    return kExitInvalid;
}

int help(const CommandArgs &args)
{
    if (args.empty()) {
        printUsage(std::cout);
        return kExitOk;
    }
    if (args.size() > 1) {
        std::cerr << "longitude-cli help: takes at most one COMMAND\n";
        return kExitInvalid;
    }
    if (args[0] == "help") {
        std::cout << "usage: longitude-cli help [COMMAND]\n\nShows the list of commands, or the help of COMMAND.\n";
        return kExitOk;
    }
    const Command *command = CommandRegistry::instance().find(args[0]);
    if (!command)
        return unknownCommand(args[0]);
    std::cout << command->help;
    return kExitOk;
}

int run(int argc, char **argv)
{
    if (argc < 2) {
        printUsage(std::cerr);
        return kExitInvalid;
    }
    const std::string first = argv[1];
    const CommandArgs rest(argv + 2, argv + argc);
    if (first == "--help" || first == "-h") {
        printUsage(std::cout);
        return kExitOk;
    }
    if (first == "--version") {
        std::cout << "longitude-cli " << LONGITUDE_VERSION << '\n';
        return kExitOk;
    }
    if (first == "help")
        return help(rest);
    if (first.starts_with("-")) {
        std::cerr << "longitude-cli: unknown option '" << first << "'\n";
        printUsage(std::cerr);
        return kExitInvalid;
    }
    const Command *command = CommandRegistry::instance().find(first);
    if (!command)
        return unknownCommand(first);
    // Every command answers --help the same way, whatever its own options.
    if (!rest.empty() && (rest.front() == "--help" || rest.front() == "-h")) {
        std::cout << command->help;
        return kExitOk;
    }
    const int status = command->run(rest, std::cout, std::cerr);
    std::cout.flush();
    return status;
}

} // namespace

int main(int argc, char **argv)
{
    try {
        return run(argc, argv);
    } catch (const std::exception &ex) {
        std::cerr << "longitude-cli: internal error: " << ex.what() << '\n';
    } catch (...) {
        std::cerr << "longitude-cli: internal error: unknown exception\n";
    }
    return kExitInternal;
}
