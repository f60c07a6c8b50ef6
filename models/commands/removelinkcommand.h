#pragma once

#include "models/commands/scenariocommand.h"

namespace longitude::models {

/// Removes the link with exactly this (from, to); undo puts it back at its position.
class RemoveLinkCommand : public ScenarioCommand
{
public:
    RemoveLinkCommand(ScenarioDocument *document, const QString &from, const QString &to,
                      QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

private:
    std::string m_from;
    std::string m_to;
    engine::Link m_link;
    int m_index = -1;
};

} // namespace longitude::models
