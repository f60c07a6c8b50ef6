#include "models/commands/removeoutagecommand.h"

#include "models/scenariodocument.h"

namespace longitude::models {

RemoveOutageCommand::RemoveOutageCommand(ScenarioDocument *document, int index, QUndoCommand *parent)
    : ScenarioCommand(document, QString(), parent)
    , m_index(index)
    , m_outage(document->scenario().failover.outages.at(static_cast<std::size_t>(index)))
{
    setText(QObject::tr("Remove outage of %1").arg(QString::fromStdString(m_outage.target)));
}

void RemoveOutageCommand::redo()
{
    eraseAt(scenario().failover.outages, m_index);
    finishEdit();
    emit document()->settingsChanged();
}

void RemoveOutageCommand::undo()
{
    insertAt(scenario().failover.outages, m_index, m_outage);
    finishEdit();
    emit document()->settingsChanged();
}

} // namespace longitude::models
