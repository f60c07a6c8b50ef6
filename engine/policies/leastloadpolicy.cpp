#include "leastloadpolicy.h"

namespace longitude::engine {

void LeastLoadPolicy::attach(const ClusterView &view, Rng &rng)
{
    RoutingPolicy::attach(view, rng);
    m_groups.assign(static_cast<std::size_t>(view.groupCount()), Group{});
    m_level.assign(static_cast<std::size_t>(view.replicaCount()), 0);
    m_position.assign(static_cast<std::size_t>(view.replicaCount()), -1);
    for (int r = 0; r < view.replicaCount(); ++r)
        place(r, view.load(r).outstanding);
    for (auto &g : m_groups)
        while (!g.buckets.empty() && g.buckets[g.minLevel].empty() && g.minLevel + 1 < g.buckets.size())
            ++g.minLevel;
}

void LeastLoadPolicy::place(int replica, int level)
{
    Group &g = m_groups[static_cast<std::size_t>(m_view->replicaGroup(replica))];
    const auto l = static_cast<std::size_t>(level < 0 ? 0 : level);
    if (l >= g.buckets.size())
        g.buckets.resize(l + 1);
    auto &bucket = g.buckets[l];
    m_position[static_cast<std::size_t>(replica)] = static_cast<int>(bucket.size());
    bucket.push_back(replica);
    m_level[static_cast<std::size_t>(replica)] = static_cast<int>(l);
    if (l < g.minLevel)
        g.minLevel = l;
}

void LeastLoadPolicy::remove(int replica)
{
    Group &g = m_groups[static_cast<std::size_t>(m_view->replicaGroup(replica))];
    auto &bucket = g.buckets[static_cast<std::size_t>(m_level[static_cast<std::size_t>(replica)])];
    const int pos = m_position[static_cast<std::size_t>(replica)];
    const int last = bucket.back();
    bucket[static_cast<std::size_t>(pos)] = last;
    m_position[static_cast<std::size_t>(last)] = pos;
    bucket.pop_back();
    m_position[static_cast<std::size_t>(replica)] = -1;
}

void LeastLoadPolicy::loadChanged(int replica)
{
    const int level = m_view->load(replica).outstanding;
    if (level == m_level[static_cast<std::size_t>(replica)])
        return;
    remove(replica);
    place(replica, level);
    // Buckets below minLevel are empty: the lowest non-empty one is at or above it.
    Group &g = m_groups[static_cast<std::size_t>(m_view->replicaGroup(replica))];
    while (g.buckets[g.minLevel].empty() && g.minLevel + 1 < g.buckets.size())
        ++g.minLevel;
}

void LeastLoadPolicy::viewRefreshed()
{
    for (int r = 0; r < m_view->replicaCount(); ++r)
        loadChanged(r);
}

int LeastLoadPolicy::route(const RouteQuery &query)
{
    const Group &g = m_groups[static_cast<std::size_t>(query.group)];
    const auto &bucket = g.buckets[g.minLevel];
    if (bucket.size() == 1)
        return bucket.front();
    return bucket[static_cast<std::size_t>(m_rng->uniformInt(bucket.size()))];
}

} // namespace longitude::engine
