#include "models/commands/editzonecommand.h"

#include "models/scenariodocument.h"

namespace longitude::models {

EditZoneCommand::EditZoneCommand(ScenarioDocument *document, engine::ResidencyZone zone, QUndoCommand *parent)
    : ScenarioCommand(document, QObject::tr("Edit zone %1").arg(QString::fromStdString(zone.id)), parent)
    , m_after(std::move(zone))
{
    if (const engine::ResidencyZone *current = document->scenario().findZone(m_after.id))
        m_before = *current;
}

void EditZoneCommand::redo()
{
    apply(m_after);
}

void EditZoneCommand::undo()
{
    apply(m_before);
}

void EditZoneCommand::apply(const engine::ResidencyZone &zone)
{
    const int index = indexOfId(scenario().zones, zone.id);
    if (index < 0)
        return;
    scenario().zones[static_cast<std::size_t>(index)] = zone;
    finishEdit();
    emit document()->zonesChanged();
}

} // namespace longitude::models
