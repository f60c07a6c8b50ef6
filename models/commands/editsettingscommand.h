#pragma once

#include "models/commands/scenariocommand.h"
#include "models/scenariosettings.h"

namespace longitude::models {

/// Replaces the scenario-wide settings (name, SLA, routing, placement, overflow, failover,
/// simulation) in one step, as a settings form applies its edited copy.
class EditSettingsCommand : public ScenarioCommand
{
public:
    EditSettingsCommand(ScenarioDocument *document, ScenarioSettings settings, const QString &text,
                        QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

private:
    void apply(const ScenarioSettings &settings);

    ScenarioSettings m_before;
    ScenarioSettings m_after;
};

} // namespace longitude::models
