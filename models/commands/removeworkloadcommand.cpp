#include "models/commands/removeworkloadcommand.h"

#include "models/scenariodocument.h"

namespace longitude::models {

RemoveWorkloadCommand::RemoveWorkloadCommand(ScenarioDocument *document, const QString &workloadId,
                                             QUndoCommand *parent)
    : ScenarioCommand(document, QObject::tr("Remove workload %1").arg(workloadId), parent)
    , m_workloadId(workloadId.toStdString())
{
}

void RemoveWorkloadCommand::redo()
{
    m_index = indexOfId(scenario().workloads, m_workloadId);
    if (m_index < 0)
        return;
    m_workload = scenario().workloads[static_cast<std::size_t>(m_index)];
    eraseAt(scenario().workloads, m_index);
    finishEdit();
    emit document()->workloadsChanged();
}

void RemoveWorkloadCommand::undo()
{
    if (m_index < 0)
        return;
    insertAt(scenario().workloads, m_index, m_workload);
    finishEdit();
    emit document()->workloadsChanged();
}

} // namespace longitude::models
