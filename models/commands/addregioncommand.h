#pragma once

#include "models/commands/scenariocommand.h"

namespace longitude::models {

/// Adds one region at the end of the region list (map "add region" tool, region list).
class AddRegionCommand : public ScenarioCommand
{
public:
    /// `region.id` must be unique in the document (ScenarioDocument::addRegion ensures it).
    AddRegionCommand(ScenarioDocument *document, engine::Region region, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

private:
    engine::Region m_region;
};

} // namespace longitude::models
