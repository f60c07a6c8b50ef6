#include "failoverconfig.h"

#include <cmath>

namespace longitude::engine {

const std::vector<PolicyParameter> &FailoverConfig::parameters()
{
    static const std::vector<PolicyParameter> table = {
        {"detectionDelayS", 10.0,
         "health probes mark a failed region or pool down this long after it fails (default 10: two failed "
         "probes 5 s apart, AWS ALB's shortest interval and default unhealthy threshold; seed 002: 'within "
         "seconds, not DNS-TTL minutes')",
         0.0, 1e7},
        {"recoveryDelayS", 25.0,
         "... and a recovered one up again this long after it recovers (default 25: five healthy probes 5 s "
         "apart, AWS ALB's default healthy threshold)",
         0.0, 1e7},
        {"retries", 0.0,
         "times a request lost in flight or sent to a failed replica is sent again (default 0: lost and counted)",
         0.0, 10.0, true},
        {"retryDelayMs", 25.0,
         "back-off before a retry, after the error has travelled back to the client (default 25: Envoy's "
         "retry_back_off base_interval)",
         0.0, 1e7},
        {"breakerFailures", 5.0,
         "consecutive failed deliveries that open a pool's circuit breaker; 0 = no breaker (default 5: Envoy "
         "outlier detection consecutive_5xx)",
         0.0, 1e9, true},
        {"breakerOpenS", 30.0,
         "how long an open breaker keeps the pool out of routing (default 30: Envoy outlier detection "
         "base_ejection_time)",
         0.0, 1e7},
    };
    return table;
}

std::expected<FailoverConfig, std::string> FailoverConfig::fromScenario(const FailoverSettings &settings)
{
    auto resolved = PolicyRegistry::resolve(parameters(), settings.params, "failover");
    if (!resolved)
        return std::unexpected(resolved.error());
    const ParamMap &p = *resolved;
    FailoverConfig c;
    c.detectionDelayS = p.at("detectionDelayS");
    c.recoveryDelayS = p.at("recoveryDelayS");
    c.retries = static_cast<int>(std::llround(p.at("retries")));
    c.retryDelayMs = p.at("retryDelayMs");
    c.breakerFailures = static_cast<int>(std::llround(p.at("breakerFailures")));
    c.breakerOpenS = p.at("breakerOpenS");
    c.degradeModel = settings.degradeModel;
    return c;
}

} // namespace longitude::engine
