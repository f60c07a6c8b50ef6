#pragma once

#include "models/commands/scenariocommand.h"

namespace longitude::models {

/// Replaces a region's fields (name, provider, coordinates, UTC offset, zone, gateway latency)
/// by those of a region with the same id, as the region inspector and table edit them.
class EditRegionCommand : public ScenarioCommand
{
public:
    EditRegionCommand(ScenarioDocument *document, engine::Region region, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

private:
    void apply(const engine::Region &region);

    engine::Region m_before;
    engine::Region m_after;
};

} // namespace longitude::models
