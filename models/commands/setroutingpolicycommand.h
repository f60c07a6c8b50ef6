#pragma once

#include "models/commands/scenariocommand.h"

namespace longitude::models {

/// Switches the routing policy together with its parameters: the document keeps those the new
/// policy takes and drops the rest (they would make the run fail), and undo brings back the old
/// policy with every parameter it had.
class SetRoutingPolicyCommand : public ScenarioCommand
{
public:
    SetRoutingPolicyCommand(ScenarioDocument *document, std::string policy, engine::ParamMap params,
                            QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

private:
    void apply(const std::string &policy, const engine::ParamMap &params);

    std::string m_beforePolicy;
    engine::ParamMap m_beforeParams;
    std::string m_afterPolicy;
    engine::ParamMap m_afterParams;
};

} // namespace longitude::models
