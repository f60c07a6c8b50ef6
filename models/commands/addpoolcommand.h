#pragma once

#include "models/commands/scenariocommand.h"

namespace longitude::models {

/// Adds a GPU pool at the end of the pool list.
class AddPoolCommand : public ScenarioCommand
{
public:
    /// `pool.id` must be unique in the document (ScenarioDocument::addPool ensures it).
    AddPoolCommand(ScenarioDocument *document, engine::Pool pool, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

private:
    engine::Pool m_pool;
};

} // namespace longitude::models
