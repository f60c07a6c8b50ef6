#include "leastloadpolicy.h"

namespace longitude::engine {

void LeastLoadPolicy::attach(const ClusterView &view, Rng &rng)
{
    RoutingPolicy::attach(view, rng);
    m_groups.assign(static_cast<std::size_t>(view.groupCount()), Group{});
    m_slots.assign(static_cast<std::size_t>(view.replicaCount()), Slot{});
    for (int r = 0; r < view.replicaCount(); ++r)
        m_slots[static_cast<std::size_t>(r)].group = view.replicaGroup(r);
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
    Slot &slot = m_slots[static_cast<std::size_t>(replica)];
    slot.level = static_cast<int>(l);
    if (!m_view->routable(replica)) {
        slot.position = -1;
        return;
    }
    Group &g = m_groups[static_cast<std::size_t>(slot.group)];
    if (l >= g.buckets.size())
        g.buckets.resize(l + 1);
    auto &bucket = g.buckets[l];
    slot.position = static_cast<int>(bucket.size());
    bucket.push_back(replica);
    if (l < g.minLevel)
        g.minLevel = l;
}

void LeastLoadPolicy::remove(int replica)
{
    Slot &slot = m_slots[static_cast<std::size_t>(replica)];
    const int pos = slot.position;
    if (pos < 0)
        return;
    Group &g = m_groups[static_cast<std::size_t>(slot.group)];
    auto &bucket = g.buckets[static_cast<std::size_t>(slot.level)];
    const int last = bucket.back();
    bucket[static_cast<std::size_t>(pos)] = last;
    m_slots[static_cast<std::size_t>(last)].position = pos;
    bucket.pop_back();
    slot.position = -1;
}

void LeastLoadPolicy::loadChanged(int replica)
{
    Slot &slot = m_slots[static_cast<std::size_t>(replica)];
    const int level = m_view->localLoad(replica).outstanding;
    if (level == slot.level)
        return;
    const int pos = slot.position;
    if (pos < 0) { // not routable: remember the load for when it is again
        slot.level = level < 0 ? 0 : level;
        return;
    }
    // Move the replica from its bucket to the bucket of its new load (one group, looked up once).
    Group &g = m_groups[static_cast<std::size_t>(slot.group)];
    auto &from = g.buckets[static_cast<std::size_t>(slot.level)];
    const int last = from.back();
    from[static_cast<std::size_t>(pos)] = last;
    m_slots[static_cast<std::size_t>(last)].position = pos;
    from.pop_back();
    const auto l = static_cast<std::size_t>(level < 0 ? 0 : level);
    if (l >= g.buckets.size())
        g.buckets.resize(l + 1);
    auto &to = g.buckets[l];
    slot.position = static_cast<int>(to.size());
    to.push_back(replica);
    slot.level = static_cast<int>(l);
    if (l < g.minLevel)
        g.minLevel = l;
    settle(g);
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

} // namespace longitude::engine
