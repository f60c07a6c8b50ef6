#pragma once

#include "engine/policies/policyregistry.h"
#include "engine/scenario/scenario.h"

#include <expected>
#include <string>
#include <vector>

namespace longitude::engine {

/// scenario.failover resolved into numbers (docs/policies.md, "Failover"): how fast health
/// probes and circuit breakers notice an outage and a recovery, and whether lost requests are
/// retried. Rescuers are protected by the spill caps of OverflowConfig.
struct FailoverConfig
{
    double detectionDelayS = 10.0; ///< health probes mark a failed region or pool down after this
    double recoveryDelayS = 25.0;  ///< ... and a recovered one up again after this
    int retries = 0;               ///< times a lost or failed request is sent again
    double retryDelayMs = 25.0;    ///< client back-off before a retry (after the error travels back)
    int breakerFailures = 5;       ///< consecutive failed deliveries that open a pool's breaker; 0 = none
    double breakerOpenS = 30.0;    ///< how long an open breaker keeps a pool out of routing
    std::string degradeModel;      ///< empty = no degradation

    static const std::vector<PolicyParameter> &parameters();
    static std::expected<FailoverConfig, std::string> fromScenario(const FailoverSettings &settings);
};

} // namespace longitude::engine
