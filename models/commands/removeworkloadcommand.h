#pragma once

#include "models/commands/scenariocommand.h"

namespace longitude::models {

/// Removes a workload class; undo puts it back at its position.
class RemoveWorkloadCommand : public ScenarioCommand
{
public:
    RemoveWorkloadCommand(ScenarioDocument *document, const QString &workloadId, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

private:
    std::string m_workloadId;
    engine::WorkloadClass m_workload;
    int m_index = -1;
};

} // namespace longitude::models
