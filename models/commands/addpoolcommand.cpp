#include "models/commands/addpoolcommand.h"

#include "models/scenariodocument.h"

namespace longitude::models {

AddPoolCommand::AddPoolCommand(ScenarioDocument *document, engine::Pool pool, QUndoCommand *parent)
    : ScenarioCommand(document, QObject::tr("Add pool %1").arg(QString::fromStdString(pool.id)), parent)
    , m_pool(std::move(pool))
{
}

void AddPoolCommand::redo()
{
    scenario().pools.push_back(m_pool);
    finishEdit();
    emit document()->poolsChanged();
}

void AddPoolCommand::undo()
{
    const int index = indexOfId(scenario().pools, m_pool.id);
    if (index < 0)
        return;
    eraseAt(scenario().pools, index);
    finishEdit();
    emit document()->poolsChanged();
}

} // namespace longitude::models
