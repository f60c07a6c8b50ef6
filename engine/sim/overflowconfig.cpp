#include "overflowconfig.h"

#include <cmath>

namespace longitude::engine {

const std::vector<PolicyParameter> &OverflowConfig::parameters()
{
    static const std::vector<PolicyParameter> table = {
        {"reserveMs", 660.0,
         "TTFT budget kept for the rescuer: spill only if time spent + RTT + reserveMs <= sla.ttftP99Ms "
         "(default 660: seed 002's 800 ms budget, inference ~600 + margin ~60)",
         0.0, 1e7},
        {"spillQueue", 1.0,
         "the chosen local replica is full when this many requests wait in its queue (default 1: SkyLB's "
         "availability rule, an engine wait queue is non-empty only when the batch is full; DOMAIN.md 5.8)",
         1.0, 1e9, true},
        {"maxSpillRps", 0.0,
         "rate cap per rescuer region, requests/s, on spilled-in and rerouted-in requests; 0 = none "
         "(seed 002: 'rate cap at the rescuer', no figure given)",
         0.0, 1e9},
        {"maxSpillShare", 0.0,
         "share cap per rescuer: spilled-in + rerouted-in requests in flight at most this share of its batch "
         "slots; 0 = none (seed 002: 'bound spillover', no figure given)",
         0.0, 1.0},
        {"burstS", 0.1, "depth of the rate cap's token bucket in seconds of the rate (default 0.1: Longitude "
                        "assumption, 2026-11-26)",
         0.0, 3600.0},
        {"queueLimit", 10000.0,
         "requests each region's router may hold (default 10,000: Longitude assumption, a memory bound; "
         "maxQueueMs binds first)",
         0.0, 1e9, true},
        {"maxQueueMs", 100.0, "longest wait in a router queue before the request is shed (default 100: seed 002's "
                              "queue slice of the 800 ms budget)",
         0.0, 1e7},
    };
    return table;
}

std::expected<OverflowConfig, std::string> OverflowConfig::fromScenario(const OverflowSettings &settings)
{
    auto resolved = PolicyRegistry::resolve(parameters(), settings.params, "overflow");
    if (!resolved)
        return std::unexpected(resolved.error());
    const ParamMap &p = *resolved;
    OverflowConfig c;
    c.enabled = settings.enabled;
    c.reserveMs = p.at("reserveMs");
    c.spillQueue = static_cast<int>(std::llround(p.at("spillQueue")));
    c.maxSpillRps = p.at("maxSpillRps");
    c.maxSpillShare = p.at("maxSpillShare");
    c.burstS = p.at("burstS");
    c.queueLimit = std::llround(p.at("queueLimit"));
    c.maxQueueMs = p.at("maxQueueMs");
    return c;
}

} // namespace longitude::engine
