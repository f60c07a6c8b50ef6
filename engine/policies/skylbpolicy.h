#pragma once

#include "engine/policies/routingpolicy.h"

namespace longitude::engine {

/// SkyLB / SkyWalker (seed 003; DOMAIN.md section 5.8): one balancer per region, each with its
/// own FIFO queue (the Router's queue of that region).
///  - A replica is *available* only when its engine wait queue is empty, as last probed (every
///    100 ms by default, so the view is stale: the engine runs this policy on probed loads).
///  - Local policy, a prefix tree: the available local replica with the longest cached prefix if
///    that prefix covers more than half the prompt, else the available one with the fewest
///    requests in flight.
///  - No local replica available and the request has not crossed a region yet: forward it to a
///    peer balancer whose queue is no longer than this one's and at most `peerQueueLimit` (10),
///    that has an available replica; among those, by the same prefix tree over balancers (the
///    peer with the longest match if > 0.5, else the one with the fewest requests in flight).
///  - Otherwise hold the request in this balancer's queue; a request crosses at most once.
/// Scans the local replicas per decision, and the peers' replicas only when forwarding.
class SkyLbPolicy : public RoutingPolicy
{
public:
    SkyLbPolicy(SimTime probeIntervalUs, int peerQueueLimit, double matchThreshold)
        : m_probeUs(probeIntervalUs), m_peerQueueLimit(peerQueueLimit), m_matchThreshold(matchThreshold)
    {
    }
    RouteScope scope() const override { return RouteScope::Zone; }
    SimTime defaultProbeIntervalUs() const override { return m_probeUs; }
    bool usesRouterQueues() const override { return true; }
    RouteChoice route(const RouteQuery &query) override;

    /// What the prefix tree knows about one balancer's available replicas.
    struct Balancer
    {
        int available = 0;        ///< replicas with an empty wait queue
        int bestMatch = -1;       ///< available replica with the longest cached prefix
        double bestFraction = 0.0; ///< its matched share of the prompt
        int leastInFlight = -1;   ///< available replica with the fewest outstanding requests
        long long inFlight = 0;   ///< outstanding requests over all its available replicas
    };

private:
    Balancer survey(int group, const Request &request);

    SimTime m_probeUs;
    int m_peerQueueLimit;
    double m_matchThreshold;
};

} // namespace longitude::engine
