#include "models/commands/addmodelcommand.h"

#include "models/scenariodocument.h"

namespace longitude::models {

AddModelCommand::AddModelCommand(ScenarioDocument *document, engine::Model model, QUndoCommand *parent)
    : ScenarioCommand(document, QObject::tr("Add model %1").arg(QString::fromStdString(model.id)), parent)
    , m_model(std::move(model))
{
}

void AddModelCommand::redo()
{
    scenario().models.push_back(m_model);
    finishEdit();
    emit document()->hardwareChanged();
}

void AddModelCommand::undo()
{
    const int index = indexOfId(scenario().models, m_model.id);
    if (index < 0)
        return;
    eraseAt(scenario().models, index);
    finishEdit();
    emit document()->hardwareChanged();
}

} // namespace longitude::models
