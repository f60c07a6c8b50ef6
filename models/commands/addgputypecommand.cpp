#include "models/commands/addgputypecommand.h"

#include "models/scenariodocument.h"

namespace longitude::models {

AddGpuTypeCommand::AddGpuTypeCommand(ScenarioDocument *document, engine::GpuType gpuType, QUndoCommand *parent)
    : ScenarioCommand(document, QObject::tr("Add GPU type %1").arg(QString::fromStdString(gpuType.id)), parent)
    , m_gpuType(std::move(gpuType))
{
}

void AddGpuTypeCommand::redo()
{
    scenario().gpuTypes.push_back(m_gpuType);
    finishEdit();
    emit document()->hardwareChanged();
}

void AddGpuTypeCommand::undo()
{
    const int index = indexOfId(scenario().gpuTypes, m_gpuType.id);
    if (index < 0)
        return;
    eraseAt(scenario().gpuTypes, index);
    finishEdit();
    emit document()->hardwareChanged();
}

} // namespace longitude::models
