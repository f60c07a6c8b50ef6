#pragma once

#include "engine/core/rng.h"
#include "engine/policies/clusterview.h"
#include "engine/policies/routequery.h"

namespace longitude::engine {

/// A request-routing strategy (round-robin, least-load, and later prefix-, session-, network- and
/// cost-aware ones). Policies are created by name from a PolicyRegistry, see the cluster through
/// a ClusterView and draw randomness only from the stream they are given, so a run stays
/// deterministic. Policies that keep incremental structures (load buckets, hash rings) update
/// them from loadChanged/viewRefreshed instead of scanning on every request.
class RoutingPolicy
{
public:
    virtual ~RoutingPolicy() = default;

    /// Called once before the run. `view` and `rng` outlive the policy's use.
    virtual void attach(const ClusterView &view, Rng &rng)
    {
        m_view = &view;
        m_rng = &rng;
    }
    /// Chooses a replica among query.candidates; -1 sheds the request.
    virtual int route(const RouteQuery &query) = 0;
    /// The view of `replica` changed (live view: after every assignment and completion).
    virtual void loadChanged(int replica) { (void)replica; }
    /// A stale view was refreshed as a whole (every probe interval).
    virtual void viewRefreshed() {}

protected:
    const ClusterView *m_view = nullptr;
    Rng *m_rng = nullptr;
};

} // namespace longitude::engine
