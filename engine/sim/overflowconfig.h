#pragma once

#include "engine/policies/policyregistry.h"
#include "engine/scenario/scenario.h"

#include <expected>
#include <string>
#include <vector>

namespace longitude::engine {

/// scenario.overflow resolved into numbers (docs/policies.md, "Overflow"). With overflow enabled,
/// a request whose chosen local replica is full spills to the nearest region of its residency
/// zone whose extra RTT still fits the TTFT budget and whose cap allows it; else it waits briefly
/// in its router's queue, else it is shed. The rescuer caps (maxSpillRps, maxSpillShare) also bound
/// failover reroutes, whether or not overflow is enabled.
struct OverflowConfig
{
    bool enabled = false;
    double reserveMs = 660.0;     ///< TTFT kept for the rescuer's own queue + prefill + margin
    int spillQueue = 1;           ///< the local replica is full from this many waiting requests
    double maxSpillRps = 0.0;     ///< per rescuer; 0 = no rate cap
    double maxSpillShare = 0.0;   ///< spilled-in in flight / rescuer batch slots; 0 = no share cap
    double burstS = 0.1;          ///< depth of the rate cap's token bucket, in seconds of rate
    long long queueLimit = 10000; ///< requests per region router queue
    double maxQueueMs = 100.0;    ///< longest wait in a router queue before shedding

    /// Parameters of overflow.params with defaults and sources, for list-policies and the GUI.
    static const std::vector<PolicyParameter> &parameters();
    /// Unknown or out-of-range parameters are errors naming the field.
    static std::expected<OverflowConfig, std::string> fromScenario(const OverflowSettings &settings);
};

} // namespace longitude::engine
