#include "models/commands/editpoolcommand.h"

#include "models/scenariodocument.h"

namespace longitude::models {

EditPoolCommand::EditPoolCommand(ScenarioDocument *document, const QString &poolId, engine::Pool pool,
                                 QUndoCommand *parent)
    : ScenarioCommand(document, QObject::tr("Edit pool %1").arg(poolId), parent)
    , m_after(std::move(pool))
{
    if (const engine::Pool *current = document->scenario().findPool(poolId.toStdString()))
        m_before = *current;
}

void EditPoolCommand::redo()
{
    apply(m_before, m_after);
}

void EditPoolCommand::undo()
{
    apply(m_after, m_before);
}

void EditPoolCommand::apply(const engine::Pool &from, const engine::Pool &to)
{
    const int index = indexOfId(scenario().pools, from.id);
    if (index < 0)
        return;
    scenario().pools[static_cast<std::size_t>(index)] = to;
    finishEdit();
    emit document()->poolsChanged();
}

} // namespace longitude::models
