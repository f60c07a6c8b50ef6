#pragma once

#include "engine/policies/routingpolicy.h"

#include <vector>

namespace longitude::engine {

/// Join-the-shortest-queue: the candidate with the fewest outstanding requests (waiting + running
/// + in flight to it), ties broken uniformly at random. "Outstanding" rather than "waiting":
/// with continuous batching the wait queue is empty until a replica is full, so fewest-waiting
/// would be random routing below saturation.
///
/// O(1) per request at hundreds of replicas per region: each group keeps its replicas in buckets
/// by load, with the index of the lowest non-empty bucket; a load change moves one replica
/// between adjacent buckets.
class LeastLoadPolicy : public RoutingPolicy
{
public:
    void attach(const ClusterView &view, Rng &rng) override;
    int route(const RouteQuery &query) override;
    void loadChanged(int replica) override;
    void viewRefreshed() override;

private:
    struct Group
    {
        std::vector<std::vector<int>> buckets; ///< buckets[k] = replicas with load k
        std::size_t minLevel = 0;
    };
    void place(int replica, int level);
    void remove(int replica);

    std::vector<Group> m_groups;
    std::vector<int> m_level;    ///< load of each replica as last seen
    std::vector<int> m_position; ///< index inside its bucket
};

} // namespace longitude::engine
