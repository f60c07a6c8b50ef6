#include "failovercontroller.h"

#include <algorithm>

namespace longitude::engine {

std::optional<std::string> FailoverController::configure(const Scenario &scenario, const ServingCluster &cluster,
                                                         const std::vector<std::string> &regionIds,
                                                         const FailoverConfig &config, SimTime start, SimTime end)
{
    m_config = config;
    m_endUs = end;
    const auto &pools = cluster.pools();
    const std::size_t poolCount = pools.size();
    m_trueDown.assign(poolCount, 0);
    m_probeDown.assign(poolCount, 0);
    m_breakerUntil.assign(poolCount, start);
    m_consecutiveFailures.assign(poolCount, 0);
    m_knownUp.assign(poolCount, 1);
    m_routable.assign(static_cast<std::size_t>(cluster.replicaCount()), 1);
    m_poolReplicas.clear();
    for (const auto &pool : pools)
        m_poolReplicas.emplace_back(pool.firstReplica, pool.replicas);

    m_outages.clear();
    m_outageLog.clear();
    m_changes.clear();
    for (std::size_t i = 0; i < scenario.failover.outages.size(); ++i) {
        const Outage &outage = scenario.failover.outages[i];
        OutageState state;
        for (std::size_t p = 0; p < poolCount; ++p)
            if (pools[p].id == outage.target || regionIds[static_cast<std::size_t>(pools[p].region)] == outage.target)
                state.pools.push_back(static_cast<int>(p));
        const bool isRegion = std::find(regionIds.begin(), regionIds.end(), outage.target) != regionIds.end();
        if (state.pools.empty() && !isRegion)
            return "failover/outages/" + std::to_string(i) + "/target: unknown region or pool '" + outage.target + "'";
        if (!(outage.durationS >= 0.0) || !(outage.startS >= 0.0))
            return "failover/outages/" + std::to_string(i) + ": startS and durationS must be >= 0";
        state.startUs = simTimeFromSeconds(outage.startS);
        state.endUs = simTimeFromSeconds(outage.startS + outage.durationS);
        m_outages.push_back(state);
        FailoverCounters::Outage log;
        log.target = outage.target;
        log.startS = outage.startS;
        log.endS = outage.startS + outage.durationS;
        m_outageLog.push_back(log);
        const int index = static_cast<int>(m_outages.size() - 1);
        if (state.endUs > state.startUs) {
            schedule(state.startUs, Kind::Start, index);
            schedule(state.startUs + simTimeFromSeconds(config.detectionDelayS), Kind::Detect, index);
            schedule(state.endUs, Kind::End, index);
            schedule(state.endUs + simTimeFromSeconds(config.recoveryDelayS), Kind::Recover, index);
        }
    }
    return std::nullopt;
}

void FailoverController::schedule(SimTime at, Kind kind, int index)
{
    m_changes.push_back({at, kind, index, m_seq++});
}

SimTime FailoverController::nextEventUs() const
{
    SimTime next = kSimTimeNever;
    for (const Change &c : m_changes)
        next = std::min(next, c.atUs);
    return next < m_endUs ? next : kSimTimeNever;
}

bool FailoverController::apply(const Change &change, SimTime now)
{
    switch (change.kind) {
    case Kind::Start: {
        OutageState &o = m_outages[static_cast<std::size_t>(change.index)];
        o.active = true;
        for (const int p : o.pools) {
            if (m_trueDown[static_cast<std::size_t>(p)]++ == 0)
                m_failedPools.push_back(p);
        }
        return false;
    }
    case Kind::Detect: {
        OutageState &o = m_outages[static_cast<std::size_t>(change.index)];
        // A probe sees the pool down only if it still is.
        if (o.active && !o.probed) {
            o.probed = true;
            for (const int p : o.pools)
                ++m_probeDown[static_cast<std::size_t>(p)];
            return true;
        }
        return false;
    }
    case Kind::End: {
        OutageState &o = m_outages[static_cast<std::size_t>(change.index)];
        o.active = false;
        for (const int p : o.pools)
            --m_trueDown[static_cast<std::size_t>(p)];
        return false;
    }
    case Kind::Recover: {
        OutageState &o = m_outages[static_cast<std::size_t>(change.index)];
        if (o.probed) {
            o.probed = false;
            for (const int p : o.pools)
                --m_probeDown[static_cast<std::size_t>(p)];
            return true;
        }
        return false;
    }
    case Kind::BreakerClose: return m_breakerUntil[static_cast<std::size_t>(change.index)] <= now;
    }
    return false;
}

bool FailoverController::advance(SimTime now)
{
    bool touched = false;
    for (;;) {
        auto due = m_changes.end();
        for (auto it = m_changes.begin(); it != m_changes.end(); ++it)
            if (it->atUs <= now && (due == m_changes.end() || it->atUs < due->atUs
                                    || (it->atUs == due->atUs && it->seq < due->seq)))
                due = it;
        if (due == m_changes.end())
            break;
        const Change change = *due;
        m_changes.erase(due);
        touched = apply(change, now) || touched;
    }
    return refreshKnown(now) || touched;
}

std::vector<int> FailoverController::takeFailedPools()
{
    std::vector<int> failed;
    failed.swap(m_failedPools);
    return failed;
}

bool FailoverController::deliveryFailed(int pool, SimTime now)
{
    int &failures = m_consecutiveFailures[static_cast<std::size_t>(pool)];
    ++failures;
    if (m_config.breakerFailures <= 0 || failures < m_config.breakerFailures
        || m_breakerUntil[static_cast<std::size_t>(pool)] > now)
        return false;
    failures = 0;
    m_breakerUntil[static_cast<std::size_t>(pool)] = now + simTimeFromSeconds(m_config.breakerOpenS);
    schedule(m_breakerUntil[static_cast<std::size_t>(pool)], Kind::BreakerClose, pool);
    return refreshKnown(now);
}

bool FailoverController::refreshKnown(SimTime now)
{
    bool changed = false;
    for (std::size_t p = 0; p < m_knownUp.size(); ++p) {
        const std::uint8_t up = m_probeDown[p] == 0 && m_breakerUntil[p] <= now ? 1 : 0;
        if (up == m_knownUp[p])
            continue;
        changed = true;
        m_knownUp[p] = up;
        const auto [first, count] = m_poolReplicas[p];
        std::fill(m_routable.begin() + first, m_routable.begin() + first + count, up);
        for (std::size_t i = 0; i < m_outages.size(); ++i) {
            OutageState &o = m_outages[i];
            if (std::find(o.pools.begin(), o.pools.end(), static_cast<int>(p)) == o.pools.end())
                continue;
            if (!up && o.active && o.detectedUs < 0) {
                o.detectedUs = now;
                m_outageLog[i].detectedAfterS = simTimeToSeconds(now - o.startUs);
            }
            if (up && !o.active && now >= o.endUs && o.detectedUs >= 0 && o.recoveredUs < 0) {
                o.recoveredUs = now;
                m_outageLog[i].recoveredAfterS = simTimeToSeconds(now - o.endUs);
            }
        }
    }
    return changed;
}

} // namespace longitude::engine
