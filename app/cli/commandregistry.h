#pragma once

/// @file commandregistry.h

#include "command.h"

#include <vector>

namespace longitude::app {

/// The table of longitude-cli's sub-commands.
///
/// It exists so that each command is one self-registering file (command.h) and main.cpp never
/// changes when a command is added. It is filled by static CommandRegistration objects before
/// main() starts and only read afterwards.
class CommandRegistry
{
public:
    static CommandRegistry &instance();

    void add(Command command);
    /// nullptr if there is no command of that name.
    const Command *find(const std::string &name) const;
    /// Every command, sorted by name.
    std::vector<const Command *> commands() const;

private:
    CommandRegistry() = default;
    std::vector<Command> m_commands;
};

/// Registers a command at program start (define one in an anonymous namespace per command file).
struct CommandRegistration
{
    explicit CommandRegistration(Command command);
};

} // namespace longitude::app
