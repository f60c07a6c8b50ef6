#pragma once

#include "engine/core/simtime.h"
#include "engine/scenario/scenario.h"
#include "engine/serving/servingcluster.h"
#include "engine/sim/failoverconfig.h"
#include "engine/stats/failovercounters.h"

#include <cstdint>
#include <expected>
#include <string>
#include <vector>

namespace longitude::engine {

/// The truth and the routers' knowledge of outages (scenario.failover; DOMAIN.md section 6).
///
/// Truth: each outage takes its pools (a region's, or one pool) down from startS for durationS.
/// Knowledge: health probes mark them down `detectionDelayS` after the start (if still down then)
/// and up `recoveryDelayS` after the end; a pool's circuit breaker opens earlier when
/// `breakerFailures` consecutive deliveries to it fail, and keeps it out for `breakerOpenS`.
/// Routers route only to replicas they believe healthy (`routable()`); the simulation loses the
/// work of replicas that truly fail (`takeFailedPools()`).
class FailoverController
{
public:
    /// Pools and timings from the scenario; `pools` are the cluster's, in cluster order.
    std::optional<std::string> configure(const Scenario &scenario, const ServingCluster &cluster,
                                         const std::vector<std::string> &regionIds, const FailoverConfig &config,
                                         SimTime start, SimTime end);

    /// Time of the next scheduled change (kSimTimeNever if none before the end).
    SimTime nextEventUs() const;
    /// Applies every change due at or before `now`. Returns true when what routers know changed.
    bool advance(SimTime now);
    /// Pools that went down since the last call (their in-flight work is lost).
    std::vector<int> takeFailedPools();

    bool poolUp(int pool) const { return m_trueDown[static_cast<std::size_t>(pool)] == 0; }
    /// One flag per replica: 1 when routers believe its pool healthy.
    const std::vector<std::uint8_t> &routable() const { return m_routable; }
    /// A delivery to `pool` failed (it is down); returns true when that opened its breaker.
    bool deliveryFailed(int pool, SimTime now);
    void deliverySucceeded(int pool) { m_consecutiveFailures[static_cast<std::size_t>(pool)] = 0; }

    const FailoverConfig &config() const { return m_config; }
    /// Per-outage timings (request counters are kept by the simulation).
    const std::vector<FailoverCounters::Outage> &outages() const { return m_outageLog; }

private:
    enum class Kind : int { Start, Detect, End, Recover, BreakerClose };
    struct Change
    {
        SimTime atUs = 0;
        Kind kind = Kind::Start;
        int index = 0; ///< outage index, or pool for BreakerClose
        std::uint64_t seq = 0;
    };
    struct OutageState
    {
        std::vector<int> pools;
        SimTime startUs = 0;
        SimTime endUs = 0;
        bool active = false;
        bool probed = false;   ///< health probes marked its pools down
        SimTime detectedUs = -1;
        SimTime recoveredUs = -1;
    };
    void schedule(SimTime at, Kind kind, int index);
    bool refreshKnown(SimTime now);
    bool apply(const Change &change, SimTime now);

    FailoverConfig m_config;
    SimTime m_endUs = kSimTimeNever;
    std::vector<Change> m_changes; ///< pending, unsorted (few)
    std::uint64_t m_seq = 0;
    std::vector<OutageState> m_outages;
    std::vector<FailoverCounters::Outage> m_outageLog;
    std::vector<int> m_trueDown;   ///< per pool: active outages
    std::vector<int> m_probeDown;  ///< per pool: outages the probes detected and have not seen recover
    std::vector<SimTime> m_breakerUntil;
    std::vector<int> m_consecutiveFailures;
    std::vector<std::uint8_t> m_knownUp; ///< per pool, as last refreshed
    std::vector<std::uint8_t> m_routable; ///< per replica
    std::vector<std::pair<int, int>> m_poolReplicas; ///< first replica, count
    std::vector<int> m_failedPools;
};

} // namespace longitude::engine
