#pragma once

#include "engine/policies/routingpolicy.h"

namespace longitude::engine {

/// GORGO's first, distributed form (seed 001; DOMAIN.md section 5.7): keep the request in its
/// region unless a remote replica p is cheaper,
///   RTT_p + ms_tok * unmatched_p  <  ms_tok * local_queued_tokens + ms_tok * unmatched_local
/// (ms_tok 0.094 ms per prefill token, GORGO's default). The local side is the local replica
/// with the lowest such cost; the remote side the remote replica with the lowest RTT + prefill
/// (the remote queue is not seen). Forwards only on a strict improvement; ties at random within
/// a side. With no local replica of the model the cheapest remote one serves.
class GorgoV1Policy : public RoutingPolicy
{
public:
    explicit GorgoV1Policy(double msPerToken) : m_msPerToken(msPerToken) {}
    RouteScope scope() const override { return RouteScope::Zone; }
    RouteChoice route(const RouteQuery &query) override;
    static double localCostMs(double msPerToken, double queuedTokens, double unmatchedTokens)
    {
        return msPerToken * queuedTokens + msPerToken * unmatchedTokens;
    }
    static double remoteCostMs(double msPerToken, double rttMs, double unmatchedTokens)
    {
        return rttMs + msPerToken * unmatchedTokens;
    }

private:
    double m_msPerToken;
};

} // namespace longitude::engine
