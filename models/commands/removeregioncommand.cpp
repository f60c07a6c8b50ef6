#include "models/commands/removeregioncommand.h"

#include "models/scenariodocument.h"

#include <algorithm>

namespace longitude::models {

namespace {

/// Moves the elements matching `predicate` out of `items` into `removed`, remembering positions.
template<typename T, typename Predicate>
void extract(std::vector<T> &items, std::vector<std::pair<int, T>> &removed, Predicate predicate)
{
    removed.clear();
    for (int i = 0; i < static_cast<int>(items.size()); ++i) {
        if (predicate(items[static_cast<std::size_t>(i)]))
            removed.emplace_back(i, items[static_cast<std::size_t>(i)]);
    }
    for (auto it = removed.rbegin(); it != removed.rend(); ++it)
        items.erase(items.begin() + it->first);
}

template<typename T>
void restore(std::vector<T> &items, const std::vector<std::pair<int, T>> &removed)
{
    for (const auto &[index, value] : removed)
        items.insert(items.begin() + std::min<std::ptrdiff_t>(index, static_cast<std::ptrdiff_t>(items.size())), value);
}

} // namespace

RemoveRegionCommand::RemoveRegionCommand(ScenarioDocument *document, const QString &regionId, QUndoCommand *parent)
    : ScenarioCommand(document, QObject::tr("Remove region %1").arg(regionId), parent)
    , m_regionId(regionId.toStdString())
{
}

void RemoveRegionCommand::redo()
{
    auto &s = scenario();
    m_regionIndex = indexOfId(s.regions, m_regionId);
    if (m_regionIndex < 0)
        return;
    m_region = s.regions[static_cast<std::size_t>(m_regionIndex)];

    std::vector<std::string> poolIds;
    for (const auto &pool : s.pools) {
        if (pool.region == m_regionId)
            poolIds.push_back(pool.id);
    }
    extract(s.pools, m_pools, [&](const engine::Pool &pool) { return pool.region == m_regionId; });
    extract(s.links, m_links, [&](const engine::Link &link) { return link.from == m_regionId || link.to == m_regionId; });
    extract(s.traffic, m_traffic, [&](const engine::RegionTraffic &t) { return t.region == m_regionId; });
    extract(s.failover.outages, m_outages, [&](const engine::Outage &outage) {
        return outage.target == m_regionId
            || std::find(poolIds.begin(), poolIds.end(), outage.target) != poolIds.end();
    });
    eraseAt(s.regions, m_regionIndex);
    finishEdit();

    ScenarioDocument *doc = document();
    const QString id = QString::fromStdString(m_regionId);
    if (doc->currentRegionId() == id)
        doc->setCurrentRegionId({});
    if (!m_pools.empty())
        emit doc->poolsChanged();
    if (!m_links.empty())
        emit doc->linksChanged();
    if (!m_traffic.empty())
        emit doc->trafficChanged(id);
    if (!m_outages.empty())
        emit doc->settingsChanged();
    emit doc->regionRemoved(id);
}

void RemoveRegionCommand::undo()
{
    if (m_regionIndex < 0)
        return;
    auto &s = scenario();
    insertAt(s.regions, m_regionIndex, m_region);
    restore(s.pools, m_pools);
    restore(s.links, m_links);
    restore(s.traffic, m_traffic);
    restore(s.failover.outages, m_outages);
    finishEdit();

    ScenarioDocument *doc = document();
    const QString id = QString::fromStdString(m_regionId);
    emit doc->regionAdded(id);
    if (!m_pools.empty())
        emit doc->poolsChanged();
    if (!m_links.empty())
        emit doc->linksChanged();
    if (!m_traffic.empty())
        emit doc->trafficChanged(id);
    if (!m_outages.empty())
        emit doc->settingsChanged();
}

} // namespace longitude::models
