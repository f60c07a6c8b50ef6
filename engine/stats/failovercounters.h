#pragma once

#include <string>
#include <vector>

namespace longitude::engine {

/// What happened during outages (scenario.failover; DOMAIN.md section 6), over measured requests
/// except the per-outage timings, which are properties of the outage itself.
struct FailoverCounters
{
    struct Outage
    {
        std::string target;
        double startS = 0.0;
        double endS = 0.0;
        double detectedAfterS = -1.0;  ///< routers stopped using it this long after it failed; -1 = never
        double recoveredAfterS = -1.0; ///< routers used it again this long after it came back; -1 = not in the run
    };

    double lostInFlight = 0.0;     ///< on a replica (queued, prefilling or decoding) when it failed
    double failedDeliveries = 0.0; ///< sent to a failed replica before the routers knew
    double retried = 0.0;          ///< lost or failed requests sent again
    double failed = 0.0;           ///< lost or failed for good (counted in shed as outage-lost / outage-failed)
    double rerouted = 0.0;         ///< served away from their nearest region because it was down
    double shedRescuer = 0.0;      ///< refused to protect a rescuer (its spill cap)
    double shedNoHealthy = 0.0;    ///< no healthy replica of the model left in the request's zone
    double degraded = 0.0;         ///< served by the smaller degradation model instead
    std::vector<Outage> outages;

    void merge(const FailoverCounters &o, double w = 1.0)
    {
        lostInFlight += o.lostInFlight * w;
        failedDeliveries += o.failedDeliveries * w;
        retried += o.retried * w;
        failed += o.failed * w;
        rerouted += o.rerouted * w;
        shedRescuer += o.shedRescuer * w;
        shedNoHealthy += o.shedNoHealthy * w;
        degraded += o.degraded * w;
        for (const auto &outage : o.outages) {
            bool known = false;
            for (auto &mine : outages)
                if (mine.target == outage.target && mine.startS == outage.startS) {
                    known = true;
                    if (mine.detectedAfterS < 0.0)
                        mine.detectedAfterS = outage.detectedAfterS;
                    if (mine.recoveredAfterS < 0.0)
                        mine.recoveredAfterS = outage.recoveredAfterS;
                }
            if (!known)
                outages.push_back(outage);
        }
    }
};

} // namespace longitude::engine
