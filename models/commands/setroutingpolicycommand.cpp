#include "models/commands/setroutingpolicycommand.h"

#include "models/scenariodocument.h"

namespace longitude::models {

SetRoutingPolicyCommand::SetRoutingPolicyCommand(ScenarioDocument *document, std::string policy,
                                                 engine::ParamMap params, QUndoCommand *parent)
    : ScenarioCommand(document, QObject::tr("Route with %1").arg(QString::fromStdString(policy)), parent)
    , m_beforePolicy(document->scenario().routing.policy)
    , m_beforeParams(document->scenario().routing.params)
    , m_afterPolicy(std::move(policy))
    , m_afterParams(std::move(params))
{
}

void SetRoutingPolicyCommand::redo()
{
    apply(m_afterPolicy, m_afterParams);
}

void SetRoutingPolicyCommand::undo()
{
    apply(m_beforePolicy, m_beforeParams);
}

void SetRoutingPolicyCommand::apply(const std::string &policy, const engine::ParamMap &params)
{
    scenario().routing.policy = policy;
    scenario().routing.params = params;
    finishEdit();
    emit document()->settingsChanged();
}

} // namespace longitude::models
