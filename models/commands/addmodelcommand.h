#pragma once

#include "models/commands/scenariocommand.h"

namespace longitude::models {

/// Adds an LLM with its latency profiles, typically copied from the catalog when a pool or a
/// workload class switches to a model the scenario did not list yet.
class AddModelCommand : public ScenarioCommand
{
public:
    /// `model.id` must not be taken (ScenarioDocument::addModel checks).
    AddModelCommand(ScenarioDocument *document, engine::Model model, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

private:
    engine::Model m_model;
};

} // namespace longitude::models
