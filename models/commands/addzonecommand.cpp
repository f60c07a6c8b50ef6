#include "models/commands/addzonecommand.h"

#include "models/scenariodocument.h"

namespace longitude::models {

AddZoneCommand::AddZoneCommand(ScenarioDocument *document, engine::ResidencyZone zone, QUndoCommand *parent)
    : ScenarioCommand(document, QObject::tr("Add zone %1").arg(QString::fromStdString(zone.id)), parent)
    , m_zone(std::move(zone))
{
}

void AddZoneCommand::redo()
{
    scenario().zones.push_back(m_zone);
    finishEdit();
    emit document()->zonesChanged();
}

void AddZoneCommand::undo()
{
    const int index = indexOfId(scenario().zones, m_zone.id);
    if (index < 0)
        return;
    eraseAt(scenario().zones, index);
    finishEdit();
    emit document()->zonesChanged();
}

} // namespace longitude::models
