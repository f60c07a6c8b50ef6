#include "models/commands/editworkloadcommand.h"

#include "models/scenariodocument.h"

namespace longitude::models {

EditWorkloadCommand::EditWorkloadCommand(ScenarioDocument *document, const QString &workloadId,
                                         engine::WorkloadClass workload, QUndoCommand *parent)
    : ScenarioCommand(document, QObject::tr("Edit workload %1").arg(workloadId), parent)
    , m_after(std::move(workload))
{
    for (const auto &existing : document->scenario().workloads) {
        if (existing.id == workloadId.toStdString())
            m_before = existing;
    }
}

void EditWorkloadCommand::redo()
{
    apply(m_before, m_after);
}

void EditWorkloadCommand::undo()
{
    apply(m_after, m_before);
}

void EditWorkloadCommand::apply(const engine::WorkloadClass &from, const engine::WorkloadClass &to)
{
    const int index = indexOfId(scenario().workloads, from.id);
    if (index < 0)
        return;
    scenario().workloads[static_cast<std::size_t>(index)] = to;
    finishEdit();
    emit document()->workloadsChanged();
}

} // namespace longitude::models
