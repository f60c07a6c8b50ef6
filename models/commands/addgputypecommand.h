#pragma once

#include "models/commands/scenariocommand.h"

namespace longitude::models {

/// Adds a GPU type (datasheet numbers and prices), typically copied from the catalog when a pool
/// switches to hardware the scenario did not list yet.
class AddGpuTypeCommand : public ScenarioCommand
{
public:
    /// `gpuType.id` must not be taken (ScenarioDocument::addGpuType checks).
    AddGpuTypeCommand(ScenarioDocument *document, engine::GpuType gpuType, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

private:
    engine::GpuType m_gpuType;
};

} // namespace longitude::models
