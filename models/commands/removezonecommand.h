#pragma once

#include "models/commands/scenariocommand.h"

namespace longitude::models {

/// Removes a residency zone that no region belongs to (the document refuses otherwise).
class RemoveZoneCommand : public ScenarioCommand
{
public:
    RemoveZoneCommand(ScenarioDocument *document, const QString &zoneId, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

private:
    std::string m_zoneId;
    engine::ResidencyZone m_zone;
    int m_index = -1;
};

} // namespace longitude::models
