#pragma once

#include <string>
#include <vector>

namespace longitude::engine {

/// What overflow control did (scenario.overflow; DOMAIN.md section 6), over measured requests.
/// Doubles so that sampled hours can be weighted. Rescuers are indexed like the result's regions.
struct OverflowCounters
{
    struct Rescuer
    {
        double spilledIn = 0.0;  ///< served here because their own region was full
        double reroutedIn = 0.0; ///< served here because their region was down (failover)
        double peakPerSecond = 0.0; ///< most spilled-in + rerouted-in requests admitted in one second
        double refusals = 0.0;      ///< times its cap or its full replicas refused a request (whole run; a held request may be refused again)
    };

    double spilled = 0.0;       ///< served in another region by overflow
    double queued = 0.0;        ///< held in a router queue at least once
    double queueTimeouts = 0.0; ///< shed after waiting the longest allowed time in a router queue
    double shed = 0.0;          ///< shed by overflow control (no rescuer within budget and cap, queue full)
    double maxQueueLength = 0.0;
    std::vector<Rescuer> byRegion;

    void merge(const OverflowCounters &o, double w = 1.0)
    {
        spilled += o.spilled * w;
        queued += o.queued * w;
        queueTimeouts += o.queueTimeouts * w;
        shed += o.shed * w;
        maxQueueLength = maxQueueLength > o.maxQueueLength ? maxQueueLength : o.maxQueueLength;
        if (byRegion.size() < o.byRegion.size())
            byRegion.resize(o.byRegion.size());
        for (std::size_t r = 0; r < o.byRegion.size(); ++r) {
            byRegion[r].spilledIn += o.byRegion[r].spilledIn * w;
            byRegion[r].reroutedIn += o.byRegion[r].reroutedIn * w;
            byRegion[r].refusals += o.byRegion[r].refusals * w;
            if (o.byRegion[r].peakPerSecond > byRegion[r].peakPerSecond)
                byRegion[r].peakPerSecond = o.byRegion[r].peakPerSecond;
        }
    }
};

} // namespace longitude::engine
