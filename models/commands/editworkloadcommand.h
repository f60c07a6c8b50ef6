#pragma once

#include "models/commands/scenariocommand.h"

namespace longitude::models {

/// Replaces one workload class (lengths, share, prefixes, sessions, residency share, id).
class EditWorkloadCommand : public ScenarioCommand
{
public:
    /// Replaces the class whose id is `workloadId`; a different `workload.id` renames it.
    EditWorkloadCommand(ScenarioDocument *document, const QString &workloadId, engine::WorkloadClass workload,
                        QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

private:
    void apply(const engine::WorkloadClass &from, const engine::WorkloadClass &to);

    engine::WorkloadClass m_before;
    engine::WorkloadClass m_after;
};

} // namespace longitude::models
