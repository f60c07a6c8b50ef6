#include "models/commands/addregioncommand.h"

#include "models/scenariodocument.h"

namespace longitude::models {

AddRegionCommand::AddRegionCommand(ScenarioDocument *document, engine::Region region, QUndoCommand *parent)
    : ScenarioCommand(document, QObject::tr("Add region %1").arg(QString::fromStdString(region.id)), parent)
    , m_region(std::move(region))
{
}

void AddRegionCommand::redo()
{
    scenario().regions.push_back(m_region);
    finishEdit();
    emit document()->regionAdded(QString::fromStdString(m_region.id));
}

void AddRegionCommand::undo()
{
    auto &regions = scenario().regions;
    const int index = indexOfId(regions, m_region.id);
    if (index < 0)
        return;
    eraseAt(regions, index);
    finishEdit();
    emit document()->regionRemoved(QString::fromStdString(m_region.id));
}

} // namespace longitude::models
