#pragma once

#include "models/commands/scenariocommand.h"

namespace longitude::models {

/// Replaces one pool's fields (region, GPU type, count, model, tensor parallelism, pricing, id)
/// as the pool table and inspector edit them.
class EditPoolCommand : public ScenarioCommand
{
public:
    /// Replaces the pool whose id is `poolId` by `pool`; a different `pool.id` renames it.
    EditPoolCommand(ScenarioDocument *document, const QString &poolId, engine::Pool pool,
                    QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

private:
    void apply(const engine::Pool &from, const engine::Pool &to);

    engine::Pool m_before;
    engine::Pool m_after;
};

} // namespace longitude::models
