#include "models/commands/moveregioncommand.h"

#include "models/scenariodocument.h"

namespace longitude::models {

MoveRegionCommand::MoveRegionCommand(ScenarioDocument *document, const QString &regionId, double lon, double lat,
                                     bool continuesDrag, QUndoCommand *parent)
    : ScenarioCommand(document, QObject::tr("Move region %1").arg(regionId), parent)
    , m_regionId(regionId.toStdString())
    , m_newLon(lon)
    , m_newLat(lat)
    , m_continuesDrag(continuesDrag)
{
    if (const engine::Region *region = document->scenario().findRegion(m_regionId)) {
        m_oldLon = region->lon;
        m_oldLat = region->lat;
    }
}

void MoveRegionCommand::redo()
{
    apply(m_newLon, m_newLat);
}

void MoveRegionCommand::undo()
{
    apply(m_oldLon, m_oldLat);
}

bool MoveRegionCommand::mergeWith(const QUndoCommand *other)
{
    const auto *move = dynamic_cast<const MoveRegionCommand *>(other);
    if (move == nullptr || !move->m_continuesDrag || move->m_regionId != m_regionId)
        return false;
    m_newLon = move->m_newLon;
    m_newLat = move->m_newLat;
    // A drag that ends where it began leaves nothing to undo.
    setObsolete(m_newLon == m_oldLon && m_newLat == m_oldLat);
    return true;
}

void MoveRegionCommand::apply(double lon, double lat)
{
    const int index = indexOfId(scenario().regions, m_regionId);
    if (index < 0)
        return;
    engine::Region &region = scenario().regions[static_cast<std::size_t>(index)];
    region.lon = lon;
    region.lat = lat;
    finishEdit();
    emit document()->regionChanged(QString::fromStdString(m_regionId));
}

} // namespace longitude::models
