#pragma once

#include "engine/policies/routingpolicy.h"

namespace longitude::engine {

/// GORGO (seed 001; DOMAIN.md section 5.7), its v3 cost: the replica, in any allowed region,
/// minimising  w_rtt * RTT_ms + uncached_tokens + w_q * queued_tokens  (prefill weight fixed at
/// 1; w_rtt 0.276, w_q 0.5), where RTT is from the deciding region (0 locally), uncached tokens
/// are the prompt minus the replica's cached prefix and queued tokens are prompt tokens waiting
/// for prefill there. Ties at random. The queue term is what keeps it from sending everything to
/// the nearest warm cache.
class GorgoPolicy : public RoutingPolicy
{
public:
    GorgoPolicy(double wRtt, double wQueue) : m_wRtt(wRtt), m_wQueue(wQueue) {}
    RouteScope scope() const override { return RouteScope::Zone; }
    RouteChoice route(const RouteQuery &query) override;
    static double cost(double wRtt, double wQueue, double rttMs, double uncachedTokens, double queuedTokens)
    {
        return wRtt * rttMs + uncachedTokens + wQueue * queuedTokens;
    }

private:
    double m_wRtt;
    double m_wQueue;
};

} // namespace longitude::engine
