#pragma once

#include "models/commands/scenariocommand.h"
#include "models/scenariosettings.h"

#include <optional>

namespace longitude::models {

/// Sets one named parameter of a settings section (routing, placement, overflow, failover), or
/// removes it: back to the engine's default, or an unknown one dropped. Successive values of the
/// same parameter merge into one step, as Qt Designer merges edits of one property, so that
/// stepping a spin box is undone at once; a run of edits that ends on the start value leaves
/// nothing to undo.
class SetParameterCommand : public ScenarioCommand
{
public:
    SetParameterCommand(ScenarioDocument *document, ParamSection section, std::string name,
                        std::optional<double> value, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;
    int id() const override { return SetParameterMergeId; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    void apply(const std::optional<double> &value);
    void updateText();

    ParamSection m_section;
    std::string m_name;
    std::optional<double> m_before;
    std::optional<double> m_after;
};

} // namespace longitude::models
