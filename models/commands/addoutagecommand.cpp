#include "models/commands/addoutagecommand.h"

#include "models/scenariodocument.h"

namespace longitude::models {

AddOutageCommand::AddOutageCommand(ScenarioDocument *document, engine::Outage outage, QUndoCommand *parent)
    : ScenarioCommand(document, QObject::tr("Add outage of %1").arg(QString::fromStdString(outage.target)), parent)
    , m_outage(std::move(outage))
    , m_index(static_cast<int>(document->scenario().failover.outages.size()))
{
}

void AddOutageCommand::redo()
{
    insertAt(scenario().failover.outages, m_index, m_outage);
    finishEdit();
    emit document()->settingsChanged();
}

void AddOutageCommand::undo()
{
    eraseAt(scenario().failover.outages, m_index);
    finishEdit();
    emit document()->settingsChanged();
}

} // namespace longitude::models
