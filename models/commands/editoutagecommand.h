#pragma once

#include "models/commands/scenariocommand.h"

namespace longitude::models {

/// Changes one outage's target, start or duration. Successive edits of the same outage merge
/// into one step (stepping its start with the arrow keys is undone at once).
class EditOutageCommand : public ScenarioCommand
{
public:
    EditOutageCommand(ScenarioDocument *document, int index, engine::Outage outage, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;
    int id() const override { return EditOutageMergeId; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    void apply(const engine::Outage &outage);

    int m_index;
    engine::Outage m_before;
    engine::Outage m_after;
};

} // namespace longitude::models
