#pragma once

#include "engine/core/simtime.h"

#include <vector>

namespace longitude::engine {

/// Bounds the work a region takes on behalf of others (overflow spill and failover reroutes),
/// so that one busy or failed region cannot tip its neighbours over (seed 002: "bounded
/// spillover", "rate cap at the rescuer", load shedding). Two caps per rescuer region, each off
/// when 0:
///  - a rate: a token bucket of `maxRps` requests/s holding at most `burstS` seconds of tokens;
///  - a share: spilled-in requests in flight at most `maxShare` x the region's batch slots
///    (replicas x maxBatch).
class SpillGuard
{
public:
    void configure(const std::vector<double> &slotsPerRegion, double maxRps, double maxShare, double burstS,
                   SimTime start);

    /// Whether `region` may take one more spilled-in request at `now` (consumes nothing).
    bool allows(int region, SimTime now);
    /// Takes one: a token and a place in flight.
    void commit(int region);
    /// A spilled-in request finished or was lost.
    void release(int region) { --m_regions[static_cast<std::size_t>(region)].inFlight; }
    int inFlight(int region) const { return m_regions[static_cast<std::size_t>(region)].inFlight; }
    double maxRps() const { return m_maxRps; }
    double burstTokens() const { return m_burst; }

private:
    struct State
    {
        double tokens = 0.0;
        SimTime lastUs = 0;
        int inFlight = 0;
        double shareLimit = 0.0;
    };
    std::vector<State> m_regions;
    double m_maxRps = 0.0;
    double m_burst = 0.0;
};

} // namespace longitude::engine
