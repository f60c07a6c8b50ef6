#pragma once

#include "engine/core/rng.h"
#include "engine/policies/clusterview.h"
#include "engine/policies/routechoice.h"
#include "engine/policies/routequery.h"

namespace longitude::engine {

/// Which candidates the Router offers a policy (residency and health are applied either way).
enum class RouteScope : unsigned char {
    LocalGroup, ///< the replicas of one region (the origin's, or the nearest region running the model)
    Zone        ///< every region the request may be served in: cross-region policies
};

/// A request-routing strategy (round-robin, least-load, prefix-, session-, network- and
/// balancer-aware ones; docs/policies.md). Policies are created by name from a PolicyRegistry,
/// see the cluster through a ClusterView and draw randomness only from the stream they are given,
/// so a run stays deterministic. Policies that keep incremental structures (load buckets, hash
/// rings) update them from the hooks instead of scanning on every request.
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
    /// The candidates this policy needs (fixed for the policy's lifetime).
    virtual RouteScope scope() const { return RouteScope::LocalGroup; }
    /// Probe interval the policy's design assumes when the scenario sets none (SkyLB probes every
    /// 100 ms); 0 = the live view.
    virtual SimTime defaultProbeIntervalUs() const { return 0; }
    /// True for balancer-style policies that may Hold a request in their region's router queue
    /// or Forward it to a peer region's balancer; for any other policy such a choice is a bug
    /// the Router sheds as "policy-invalid-choice".
    virtual bool usesRouterQueues() const { return false; }
    /// Chooses among query.candidates (or holds / forwards, for balancer-style policies).
    virtual RouteChoice route(const RouteQuery &query) = 0;
    /// The view of `replica` changed (live view: after every assignment and completion).
    virtual void loadChanged(int replica) { (void)replica; }
    /// The stale view was refreshed (every probe interval).
    virtual void viewRefreshed() {}
    /// Some replicas became routable or unroutable (failover detected an outage or a recovery).
    virtual void routableChanged() { viewRefreshed(); }

protected:
    const ClusterView *m_view = nullptr;
    Rng *m_rng = nullptr;
};

} // namespace longitude::engine
