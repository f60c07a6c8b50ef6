#pragma once

#include "models/commands/scenariocommand.h"

namespace longitude::models {

/// Adds a planned outage (a region or a pool down for a while) to failover.outages.
class AddOutageCommand : public ScenarioCommand
{
public:
    AddOutageCommand(ScenarioDocument *document, engine::Outage outage, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

private:
    engine::Outage m_outage;
    int m_index;
};

} // namespace longitude::models
