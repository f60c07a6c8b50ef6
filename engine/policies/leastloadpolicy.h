#pragma once

#include "engine/policies/routingpolicy.h"

#include <vector>

namespace longitude::engine {

/// Join-the-shortest-queue: the candidate with the fewest outstanding requests (waiting + running
/// + in flight to it), ties broken uniformly at random. "Outstanding" rather than "waiting":
/// with continuous batching the wait queue is empty until a replica is full, so fewest-waiting
/// would be random routing below saturation.
///
/// O(1) per request at hundreds of replicas per region: each group keeps its routable replicas
/// in buckets by load, with the index of the lowest non-empty bucket; a load change moves one
/// replica between adjacent buckets. Loads are read as the group's own region router sees them.
/// Also the fallback of the affinity policies (they own one and forward the hooks to it).
class LeastLoadPolicy : public RoutingPolicy
{
public:
    void attach(const ClusterView &view, Rng &rng) override;
    RouteChoice route(const RouteQuery &query) override { return RouteChoice::serve(pick(query)); }
    void loadChanged(int replica) override;
    void viewRefreshed() override;
    void routableChanged() override;

    /// The least-loaded routable replica of query.group.
    int pick(const RouteQuery &query)
    {
        const Group &g = m_groups[static_cast<std::size_t>(query.group)];
        if (g.buckets.empty() || g.buckets[g.minLevel].empty())
            return query.candidates.front(); // the Router never asks for a group without a routable replica
        const auto &bucket = g.buckets[g.minLevel];
        if (bucket.size() == 1)
            return bucket.front();
        return bucket[static_cast<std::size_t>(m_rng->uniformInt(bucket.size()))];
    }

private:
    struct Group
    {
        std::vector<std::vector<int>> buckets; ///< buckets[k] = routable replicas with load k
        std::size_t minLevel = 0;
    };
    void place(int replica, int level);
    void remove(int replica);
    void settle(Group &g);

    std::vector<Group> m_groups;
    /// What the policy keeps per replica, together: a load change reads and writes all of it.
    struct Slot
    {
        int level = 0;     ///< load as last seen
        int position = -1; ///< index inside its bucket, -1 when not in one (unroutable)
        int group = 0;     ///< its candidate group (a copy of the cluster's, at hand)
    };
    std::vector<Slot> m_slots;
};

} // namespace longitude::engine
