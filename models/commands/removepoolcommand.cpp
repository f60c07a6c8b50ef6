#include "models/commands/removepoolcommand.h"

#include "models/scenariodocument.h"

namespace longitude::models {

RemovePoolCommand::RemovePoolCommand(ScenarioDocument *document, const QString &poolId, QUndoCommand *parent)
    : ScenarioCommand(document, QObject::tr("Remove pool %1").arg(poolId), parent)
    , m_poolId(poolId.toStdString())
{
}

void RemovePoolCommand::redo()
{
    auto &s = scenario();
    m_index = indexOfId(s.pools, m_poolId);
    if (m_index < 0)
        return;
    m_pool = s.pools[static_cast<std::size_t>(m_index)];
    eraseAt(s.pools, m_index);

    m_outages.clear();
    auto &outages = s.failover.outages;
    for (int i = 0; i < static_cast<int>(outages.size()); ++i) {
        if (outages[static_cast<std::size_t>(i)].target == m_poolId)
            m_outages.emplace_back(i, outages[static_cast<std::size_t>(i)]);
    }
    for (auto it = m_outages.rbegin(); it != m_outages.rend(); ++it)
        eraseAt(outages, it->first);
    finishEdit();
    emit document()->poolsChanged();
    if (!m_outages.empty())
        emit document()->settingsChanged();
}

void RemovePoolCommand::undo()
{
    if (m_index < 0)
        return;
    auto &s = scenario();
    insertAt(s.pools, m_index, m_pool);
    for (const auto &[index, outage] : m_outages)
        insertAt(s.failover.outages, index, outage);
    finishEdit();
    emit document()->poolsChanged();
    if (!m_outages.empty())
        emit document()->settingsChanged();
}

} // namespace longitude::models
