#include "leastloadpolicy.h"

namespace longitude::engine {

void LeastLoadPolicy::attach(const ClusterView &view, Rng &rng)
{
    RoutingPolicy::attach(view, rng);
    m_groups.assign(static_cast<std::size_t>(view.groupCount()), Group{});
    m_level.assign(static_cast<std::size_t>(view.replicaCount()), 0);
    m_position.assign(static_cast<std::size_t>(view.replicaCount()), -1);
    for (int r = 0; r < view.replicaCount(); ++r)
        place(r, view.localLoad(r).outstanding);
    for (auto &g : m_groups)
        settle(g);
}

void LeastLoadPolicy::settle(Group &g)
{
    // Buckets below minLevel are empty: the lowest non-empty one is at or above it.
    while (!g.buckets.empty() && g.buckets[g.minLevel].empty() && g.minLevel + 1 < g.buckets.size())
        ++g.minLevel;
}

void LeastLoadPolicy::place(int replica, int level)
{
    const auto l = static_cast<std::size_t>(level < 0 ? 0 : level);
    m_level[static_cast<std::size_t>(replica)] = static_cast<int>(l);
    if (!m_view->routable(replica)) {
        m_position[static_cast<std::size_t>(replica)] = -1;
        return;
    }
    Group &g = m_groups[static_cast<std::size_t>(m_view->replicaGroup(replica))];
    if (l >= g.buckets.size())
        g.buckets.resize(l + 1);
    auto &bucket = g.buckets[l];
    m_position[static_cast<std::size_t>(replica)] = static_cast<int>(bucket.size());
    bucket.push_back(replica);
    if (l < g.minLevel)
        g.minLevel = l;
}

void LeastLoadPolicy::remove(int replica)
{
    const int pos = m_position[static_cast<std::size_t>(replica)];
    if (pos < 0)
        return;
    Group &g = m_groups[static_cast<std::size_t>(m_view->replicaGroup(replica))];
    auto &bucket = g.buckets[static_cast<std::size_t>(m_level[static_cast<std::size_t>(replica)])];
    const int last = bucket.back();
    bucket[static_cast<std::size_t>(pos)] = last;
    m_position[static_cast<std::size_t>(last)] = pos;
    bucket.pop_back();
    m_position[static_cast<std::size_t>(replica)] = -1;
}

void LeastLoadPolicy::loadChanged(int replica)
{
    const int level = m_view->localLoad(replica).outstanding;
    if (level == m_level[static_cast<std::size_t>(replica)])
        return;
    const bool placed = m_position[static_cast<std::size_t>(replica)] >= 0;
    if (!placed) {
        m_level[static_cast<std::size_t>(replica)] = level < 0 ? 0 : level;
        return;
    }
    remove(replica);
    place(replica, level);
    settle(m_groups[static_cast<std::size_t>(m_view->replicaGroup(replica))]);
}

void LeastLoadPolicy::viewRefreshed()
{
    for (int r = 0; r < m_view->replicaCount(); ++r)
        loadChanged(r);
}

void LeastLoadPolicy::routableChanged()
{
    for (int r = 0; r < m_view->replicaCount(); ++r) {
        remove(r);
        place(r, m_view->localLoad(r).outstanding);
    }
    for (auto &g : m_groups) {
        g.minLevel = 0;
        settle(g);
    }
}

int LeastLoadPolicy::pick(const RouteQuery &query)
{
    const Group &g = m_groups[static_cast<std::size_t>(query.group)];
    if (g.buckets.empty() || g.buckets[g.minLevel].empty())
        return query.candidates.front(); // the Router never asks for a group without a routable replica
    const auto &bucket = g.buckets[g.minLevel];
    if (bucket.size() == 1)
        return bucket.front();
    return bucket[static_cast<std::size_t>(m_rng->uniformInt(bucket.size()))];
}

} // namespace longitude::engine
