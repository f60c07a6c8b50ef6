#pragma once

#include "models/commands/scenariocommand.h"

namespace longitude::models {

/// Adds a residency zone (a legal boundary tagged requests never leave).
class AddZoneCommand : public ScenarioCommand
{
public:
    AddZoneCommand(ScenarioDocument *document, engine::ResidencyZone zone, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

private:
    engine::ResidencyZone m_zone;
};

} // namespace longitude::models
