#include "models/commands/addworkloadcommand.h"

#include "models/scenariodocument.h"

namespace longitude::models {

AddWorkloadCommand::AddWorkloadCommand(ScenarioDocument *document, engine::WorkloadClass workload,
                                       QUndoCommand *parent)
    : ScenarioCommand(document, QObject::tr("Add workload %1").arg(QString::fromStdString(workload.id)), parent)
    , m_workload(std::move(workload))
{
}

void AddWorkloadCommand::redo()
{
    scenario().workloads.push_back(m_workload);
    finishEdit();
    emit document()->workloadsChanged();
}

void AddWorkloadCommand::undo()
{
    const int index = indexOfId(scenario().workloads, m_workload.id);
    if (index < 0)
        return;
    eraseAt(scenario().workloads, index);
    finishEdit();
    emit document()->workloadsChanged();
}

} // namespace longitude::models
