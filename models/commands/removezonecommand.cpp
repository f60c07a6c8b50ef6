#include "models/commands/removezonecommand.h"

#include "models/scenariodocument.h"

namespace longitude::models {

RemoveZoneCommand::RemoveZoneCommand(ScenarioDocument *document, const QString &zoneId, QUndoCommand *parent)
    : ScenarioCommand(document, QObject::tr("Remove zone %1").arg(zoneId), parent)
    , m_zoneId(zoneId.toStdString())
{
}

void RemoveZoneCommand::redo()
{
    m_index = indexOfId(scenario().zones, m_zoneId);
    if (m_index < 0)
        return;
    m_zone = scenario().zones[static_cast<std::size_t>(m_index)];
    eraseAt(scenario().zones, m_index);
    finishEdit();
    emit document()->zonesChanged();
}

void RemoveZoneCommand::undo()
{
    if (m_index < 0)
        return;
    insertAt(scenario().zones, m_index, m_zone);
    finishEdit();
    emit document()->zonesChanged();
}

} // namespace longitude::models
