#include "models/commands/editregioncommand.h"

#include "models/scenariodocument.h"

namespace longitude::models {

EditRegionCommand::EditRegionCommand(ScenarioDocument *document, engine::Region region, QUndoCommand *parent)
    : ScenarioCommand(document, QObject::tr("Edit region %1").arg(QString::fromStdString(region.id)), parent)
    , m_after(std::move(region))
{
    if (const engine::Region *current = document->scenario().findRegion(m_after.id))
        m_before = *current;
}

void EditRegionCommand::redo()
{
    apply(m_after);
}

void EditRegionCommand::undo()
{
    apply(m_before);
}

void EditRegionCommand::apply(const engine::Region &region)
{
    const int index = indexOfId(scenario().regions, region.id);
    if (index < 0)
        return;
    scenario().regions[static_cast<std::size_t>(index)] = region;
    finishEdit();
    emit document()->regionChanged(QString::fromStdString(region.id));
}

} // namespace longitude::models
