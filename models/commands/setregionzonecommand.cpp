#include "models/commands/setregionzonecommand.h"

#include "models/scenariodocument.h"

namespace longitude::models {

SetRegionZoneCommand::SetRegionZoneCommand(ScenarioDocument *document, const QString &regionId,
                                           const QString &zoneId, QUndoCommand *parent)
    : ScenarioCommand(document, QObject::tr("Put %1 in zone %2").arg(regionId, zoneId), parent)
    , m_regionId(regionId.toStdString())
    , m_newZone(zoneId.toStdString())
{
    if (const engine::Region *region = document->scenario().findRegion(m_regionId))
        m_oldZone = region->zone;
}

void SetRegionZoneCommand::redo()
{
    apply(m_newZone);
}

void SetRegionZoneCommand::undo()
{
    apply(m_oldZone);
}

void SetRegionZoneCommand::apply(const std::string &zoneId)
{
    const int index = indexOfId(scenario().regions, m_regionId);
    if (index < 0)
        return;
    scenario().regions[static_cast<std::size_t>(index)].zone = zoneId;
    finishEdit();
    emit document()->regionChanged(QString::fromStdString(m_regionId));
    // Zone membership counts shown by the zone list change too.
    emit document()->zonesChanged();
}

} // namespace longitude::models
