#pragma once

#include "models/commands/scenariocommand.h"

namespace longitude::models {

/// Changes a zone's name or legend colour (its id stays, since regions refer to it).
class EditZoneCommand : public ScenarioCommand
{
public:
    EditZoneCommand(ScenarioDocument *document, engine::ResidencyZone zone, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

private:
    void apply(const engine::ResidencyZone &zone);

    engine::ResidencyZone m_before;
    engine::ResidencyZone m_after;
};

} // namespace longitude::models
