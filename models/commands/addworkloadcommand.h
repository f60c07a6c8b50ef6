#pragma once

#include "models/commands/scenariocommand.h"

namespace longitude::models {

/// Adds a workload class (a kind of request: lengths, shared prompts, sessions, residency).
class AddWorkloadCommand : public ScenarioCommand
{
public:
    AddWorkloadCommand(ScenarioDocument *document, engine::WorkloadClass workload, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

private:
    engine::WorkloadClass m_workload;
};

} // namespace longitude::models
