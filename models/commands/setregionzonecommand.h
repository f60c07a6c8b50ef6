#pragma once

#include "models/commands/scenariocommand.h"

namespace longitude::models {

/// Puts a region into a residency zone (map "paint zone" tool, zone column of the region table).
class SetRegionZoneCommand : public ScenarioCommand
{
public:
    SetRegionZoneCommand(ScenarioDocument *document, const QString &regionId, const QString &zoneId,
                         QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

private:
    void apply(const std::string &zoneId);

    std::string m_regionId;
    std::string m_oldZone;
    std::string m_newZone;
};

} // namespace longitude::models
