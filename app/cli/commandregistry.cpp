#include "commandregistry.h"

#include <algorithm>

namespace longitude::app {

CommandRegistry &CommandRegistry::instance()
{
    static CommandRegistry registry;
    return registry;
}

void CommandRegistry::add(Command command)
{
    m_commands.push_back(std::move(command));
}

const Command *CommandRegistry::find(const std::string &name) const
{
    for (const auto &command : m_commands)
        if (command.name == name)
            return &command;
    return nullptr;
}

std::vector<const Command *> CommandRegistry::commands() const
{
    std::vector<const Command *> sorted;
    for (const auto &command : m_commands)
        sorted.push_back(&command);
    std::sort(sorted.begin(), sorted.end(), [](const Command *a, const Command *b) { return a->name < b->name; });
    return sorted;
}

CommandRegistration::CommandRegistration(Command command)
{
    CommandRegistry::instance().add(std::move(command));
}

int usageError(const Command &command, const std::string &message, std::ostream &err)
{
    err << "longitude-cli " << command.name << ": " << message << '\n';
    const auto end = command.help.find('\n');
    err << command.help.substr(0, end) << '\n';
    err << "Run 'longitude-cli help " << command.name << "' for details.\n";
    return kExitInvalid;
}

} // namespace longitude::app
