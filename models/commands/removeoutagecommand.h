#pragma once

#include "models/commands/scenariocommand.h"

namespace longitude::models {

/// Removes one outage from failover.outages; undo puts it back at the same place.
class RemoveOutageCommand : public ScenarioCommand
{
public:
    RemoveOutageCommand(ScenarioDocument *document, int index, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

private:
    int m_index;
    engine::Outage m_outage;
};

} // namespace longitude::models
