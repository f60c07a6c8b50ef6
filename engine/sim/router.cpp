#include "router.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace longitude::engine {

Router::Router(const ServingCluster &cluster, const SimulationSetup &setup, RoutingPolicy &policy, ClusterView &view)
    : m_cluster(cluster)
    , m_policy(policy)
    , m_view(view)
    , m_setup(setup)
    , m_scope(policy.scope())
    , m_models(cluster.modelCount())
    , m_replicaCount(cluster.replicaCount())
    , m_slaMs(setup.scenario.sla.ttftP99Ms)
{
    const int regions = cluster.regionCount();
    for (const int z : setup.regionZone)
        m_zones = std::max(m_zones, z + 1);
    m_groupModel.assign(static_cast<std::size_t>(cluster.groupCount()), -1);
    m_groupIds.resize(static_cast<std::size_t>(cluster.groupCount()));
    std::iota(m_groupIds.begin(), m_groupIds.end(), 0);
    m_replicaModel.assign(static_cast<std::size_t>(cluster.replicaCount()), -1);
    for (const auto &pool : cluster.pools())
        for (int r = pool.firstReplica; r < pool.firstReplica + pool.replicas; ++r) {
            m_replicaModel[static_cast<std::size_t>(r)] = pool.model;
            m_groupModel[static_cast<std::size_t>(cluster.replicaGroup(r))] = pool.model;
        }
    m_nominal.assign(static_cast<std::size_t>(regions * m_models * 2), -1);
    for (int origin = 0; origin < regions; ++origin)
        for (int model = 0; model < m_models; ++model)
            for (int tagged = 0; tagged < 2; ++tagged) {
                int best = -1;
                double bestRtt = std::numeric_limits<double>::infinity();
                bool anyOutsideZone = false;
                for (int r = 0; r < regions; ++r) {
                    const int g = cluster.group(r, model);
                    if (g < 0)
                        continue;
                    if (!inZone(r, origin, tagged != 0)) {
                        anyOutsideZone = true;
                        continue;
                    }
                    // The origin itself always wins (RTT 0); otherwise the nearest, lowest index on ties.
                    const double rtt = r == origin ? -1.0 : setup.rttMs[static_cast<std::size_t>(origin * regions + r)];
                    if (rtt < bestRtt) {
                        bestRtt = rtt;
                        best = g;
                    }
                }
                if (best < 0 && anyOutsideZone)
                    best = -2;
                m_nominal[key(origin, model, tagged != 0)] = best;
            }
    for (const auto &c : setup.factory.classes())
        m_workloadModel.push_back(c.model);
    m_plain = m_scope == RouteScope::LocalGroup;
    rebuild();
}

void Router::setHealth(const std::uint8_t *routable, int degradeModel)
{
    m_routable = routable;
    m_degradeModel = degradeModel;
    m_plain = m_scope == RouteScope::LocalGroup && !m_overflow && !m_routable;
    rebuild();
}

void Router::rebuild()
{
    const int regions = m_cluster.regionCount();
    const int groups = m_cluster.groupCount();
    m_groupCandidates.assign(static_cast<std::size_t>(groups), {});
    for (int g = 0; g < groups; ++g)
        for (const int r : m_cluster.groupReplicas(g))
            if (routable(r))
                m_groupCandidates[static_cast<std::size_t>(g)].push_back(r);

    m_current.assign(m_nominal.size(), -1);
    m_ordered.assign(m_nominal.size(), {});
    for (int at = 0; at < regions; ++at)
        for (int model = 0; model < m_models; ++model)
            for (int tagged = 0; tagged < 2; ++tagged) {
                std::vector<std::pair<double, int>> byRtt;
                for (int r = 0; r < regions; ++r) {
                    const int g = m_cluster.group(r, model);
                    if (g < 0 || m_groupCandidates[static_cast<std::size_t>(g)].empty() || !inZone(r, at, tagged != 0))
                        continue;
                    const double rtt = r == at ? -1.0 : m_setup.rttMs[static_cast<std::size_t>(at * regions + r)];
                    if (std::isfinite(rtt))
                        byRtt.emplace_back(rtt, g);
                }
                std::stable_sort(byRtt.begin(), byRtt.end(),
                                 [](const auto &a, const auto &b) { return a.first < b.first; });
                auto &ordered = m_ordered[key(at, model, tagged != 0)];
                for (const auto &[rtt, g] : byRtt)
                    ordered.push_back(g);
                m_current[key(at, model, tagged != 0)] = ordered.empty() ? -1 : ordered.front();
            }

    m_zoneCandidates.clear();
    if (m_scope == RouteScope::Zone) {
        m_zoneCandidates.assign(static_cast<std::size_t>((m_zones + 1) * m_models), {});
        for (int zone = 0; zone <= m_zones; ++zone)
            for (int g = 0; g < groups; ++g) {
                const int region = m_cluster.groupRegion(g);
                if (zone < m_zones && m_setup.regionZone[static_cast<std::size_t>(region)] != zone)
                    continue;
                auto &list = m_zoneCandidates[static_cast<std::size_t>(zone * m_models + m_groupModel[static_cast<std::size_t>(g)])];
                const auto &replicas = m_groupCandidates[static_cast<std::size_t>(g)];
                list.insert(list.end(), replicas.begin(), replicas.end());
            }
    }
}

Router::Decision Router::check(const Decision &d, const Request &request, int model, int atRegion, bool crossed,
                               int localGroup)
{
    const bool tagged = request.tagged != 0;
    switch (d.kind) {
    case Decision::Kind::Serve: {
        const int r = d.replica;
        if (r < 0 || r >= m_cluster.replicaCount())
            return shed("policy-invalid-choice");
        // The common case: a replica of the group offered. The group was chosen inside the zone,
        // for the model, among reachable regions, so only health and memory remain to check.
        if (localGroup >= 0 && m_cluster.replicaGroup(r) == localGroup && !d.degraded) {
            if (!routable(r))
                return shed("policy-invalid-choice");
            const Replica &chosen = m_cluster.replica(r);
            if (chosen.blocksNeeded(request) > chosen.kvCapacityBlocks())
                return shed("exceeds-kv-capacity");
            return d;
        }
        const int region = m_view.replicaRegion(r);
        if (!inZone(region, request.originRegion, tagged)) {
            Decision violation = shed("residency-violation");
            violation.residencyViolation = true;
            return violation;
        }
        const int allowedModel = d.degraded ? m_degradeModel : model;
        if (!routable(r) || m_replicaModel[static_cast<std::size_t>(r)] != allowedModel
            || (localGroup >= 0 && m_cluster.replicaGroup(r) != localGroup)
            || !std::isfinite(m_view.rttMs(atRegion, region)))
            return shed("policy-invalid-choice");
        const Replica &chosen = m_cluster.replica(r);
        if (chosen.blocksNeeded(request) > chosen.kvCapacityBlocks())
            return shed("exceeds-kv-capacity");
        return d;
    }
    case Decision::Kind::Forward: {
        const int p = d.region;
        if (!m_policy.usesRouterQueues() || crossed || p < 0 || p >= m_cluster.regionCount() || p == atRegion)
            return shed("policy-invalid-choice");
        if (!inZone(p, request.originRegion, tagged)) {
            Decision violation = shed("residency-violation");
            violation.residencyViolation = true;
            return violation;
        }
        const int g = m_cluster.group(p, model);
        if (g < 0 || m_groupCandidates[static_cast<std::size_t>(g)].empty()
            || !std::isfinite(m_view.rttMs(atRegion, p)))
            return shed("policy-invalid-choice");
        return d;
    }
    case Decision::Kind::Hold:
        return m_policy.usesRouterQueues() ? d : shed("policy-invalid-choice");
    case Decision::Kind::Shed: return shed("policy");
    }
    return shed("policy-invalid-choice");
}

namespace {
Router::Decision fromChoice(const RouteChoice &choice)
{
    Router::Decision d;
    switch (choice.kind) {
    case RouteChoice::Kind::Serve: d.kind = Router::Decision::Kind::Serve; break;
    case RouteChoice::Kind::Forward: d.kind = Router::Decision::Kind::Forward; break;
    case RouteChoice::Kind::Hold: d.kind = Router::Decision::Kind::Hold; break;
    case RouteChoice::Kind::Shed: d.kind = Router::Decision::Kind::Shed; break;
    }
    d.replica = choice.replica;
    d.region = choice.region;
    return d;
}
} // namespace

Router::Decision Router::askLocal(const Request &request, int group, int model, int atRegion, bool crossed, SimTime now)
{
    RouteQuery query;
    query.request = &request;
    query.originRegion = request.originRegion;
    query.atRegion = atRegion;
    query.group = group;
    query.model = model;
    query.crossed = crossed;
    query.candidates = m_groupCandidates[static_cast<std::size_t>(group)];
    query.groups = std::span<const int>(&m_groupIds[static_cast<std::size_t>(group)], 1);
    query.now = now;
    // The group's own region routes inside it: its view of its replicas.
    m_view.setObserver(m_cluster.groupRegion(group));
    return check(fromChoice(m_policy.route(query)), request, model, atRegion, crossed, group);
}

Router::Decision Router::route(const Request &request, int atRegion, bool crossed, SimTime now)
{
    const int model = modelOf(request);
    const bool tagged = request.tagged != 0;
    if (!m_plain) [[unlikely]]
        return routeGeneral(request, atRegion, crossed, now, model, tagged);
    // The default path (no overflow, no failover): the nearest group, one question to the policy.
    const int group = m_nominal[key(atRegion, model, tagged)];
    if (group < 0) [[unlikely]]
        return shed(group == -2 ? "no-replica-in-zone" : "no-replica");
    RouteQuery query;
    query.request = &request;
    query.originRegion = request.originRegion;
    query.atRegion = atRegion;
    query.group = group;
    query.model = model;
    query.crossed = crossed;
    query.candidates = m_cluster.groupReplicas(group);
    query.groups = std::span<const int>(&m_groupIds[static_cast<std::size_t>(group)], 1);
    query.now = now;
    m_view.setObserver(m_cluster.groupRegion(group));
    const RouteChoice choice = m_policy.route(query);
    const int r = choice.replica;
    if (choice.kind == RouteChoice::Kind::Serve && static_cast<unsigned>(r) < static_cast<unsigned>(m_replicaCount)
        && m_cluster.replicaGroup(r) == group) {
        // A replica of the group offered: inside the zone by construction; only memory to check.
        const Replica &chosen = m_cluster.replica(r);
        if (chosen.blocksNeeded(request) > chosen.kvCapacityBlocks())
            return shed("exceeds-kv-capacity");
        Decision d;
        d.kind = Decision::Kind::Serve;
        d.replica = r;
        return d;
    }
    return check(fromChoice(choice), request, model, atRegion, crossed, group);
}

Router::Decision Router::routeGeneral(const Request &request, int atRegion, bool crossed, SimTime now, int model,
                                      bool tagged)
{
    if (m_scope == RouteScope::Zone)
        return routeZone(request, atRegion, crossed, now, model, tagged);
    return routeLocal(request, atRegion, crossed, now, model, tagged);
}

Router::Decision Router::routeLocal(const Request &request, int atRegion, bool crossed, SimTime now, int model,
                                    bool tagged)
{
    const std::size_t k = key(atRegion, model, tagged);
    const int nominal = m_nominal[k];
    if (nominal < 0)
        return shed(nominal == -2 ? "no-replica-in-zone" : "no-replica");
    const int group = m_current[k];
    if (group < 0)
        return degradeOrShed(request, atRegion, tagged, "no-healthy-replica-in-zone");
    if (group != nominal)
        return rescue(request, atRegion, crossed, now, model, tagged, m_cluster.groupRegion(nominal), false);
    Decision d = askLocal(request, group, model, atRegion, crossed, now);
    if (d.kind != Decision::Kind::Serve || !m_overflow
        || m_view.load(d.replica).waiting < m_overflow->spillQueue)
        return d;
    const Decision spill = rescue(request, atRegion, crossed, now, model, tagged, m_cluster.groupRegion(group), true);
    if (spill.kind == Decision::Kind::Serve)
        return spill;
    Decision hold;
    hold.kind = Decision::Kind::Hold;
    hold.overflowHold = true;
    return hold;
}

Router::Decision Router::rescue(const Request &request, int atRegion, bool crossed, SimTime now, int model,
                                bool tagged, int excludeRegion, bool overflow)
{
    const double spentMs = m_setup.gatewayUs[static_cast<std::size_t>(request.originRegion)] * 1e-3
                           + simTimeToMs(now - request.arrivalUs);
    bool refused = false;
    for (const int g : m_ordered[key(atRegion, model, tagged)]) {
        const int region = m_cluster.groupRegion(g);
        if (region == excludeRegion)
            continue;
        // Overflow pays the RTT inside the TTFT budget; rescuers are sorted by RTT, so the first
        // that does not fit ends the search. Failover reroutes have no choice: a degraded SLA.
        if (overflow && spentMs + m_view.rttMs(atRegion, region) + m_overflow->reserveMs > m_slaMs)
            break;
        if (m_guard && !m_guard->allows(region, now)) {
            refused = true;
            if (m_refusals)
                ++(*m_refusals)[static_cast<std::size_t>(region)];
            continue;
        }
        Decision d = askLocal(request, g, model, atRegion, crossed, now);
        if (d.kind != Decision::Kind::Serve)
            continue;
        // A rescuer whose chosen replica is itself full sheds the extra load rather than queue it.
        if (m_fullQueue > 0 && m_view.load(d.replica).waiting >= m_fullQueue) {
            refused = true;
            if (m_refusals)
                ++(*m_refusals)[static_cast<std::size_t>(region)];
            continue;
        }
        if (m_guard) {
            m_guard->commit(region);
            d.guardRegion = region;
        }
        (overflow ? d.spilled : d.rerouted) = true;
        return d;
    }
    if (overflow)
        return shed("overflow-shed");
    return degradeOrShed(request, atRegion, tagged, refused ? "rescuer-protection" : "no-healthy-replica-in-zone");
}

Router::Decision Router::routeZone(const Request &request, int atRegion, bool crossed, SimTime now, int model,
                                   bool tagged)
{
    const int origin = request.originRegion;
    const int nominal = m_nominal[key(atRegion, model, tagged)];
    if (nominal < 0)
        return shed(nominal == -2 ? "no-replica-in-zone" : "no-replica");
    const int zoneKey = tagged ? m_setup.regionZone[static_cast<std::size_t>(origin)] : m_zones;
    const auto &candidates = m_zoneCandidates[static_cast<std::size_t>(zoneKey * m_models + model)];
    const auto &groups = m_ordered[key(atRegion, model, tagged)];
    if (candidates.empty() || groups.empty())
        return degradeOrShed(request, atRegion, tagged, "no-healthy-replica-in-zone");
    RouteQuery query;
    query.request = &request;
    query.originRegion = origin;
    query.atRegion = atRegion;
    query.group = groups.front();
    query.model = model;
    query.crossed = crossed;
    query.candidates = candidates;
    query.groups = groups;
    query.now = now;
    m_view.setObserver(atRegion);
    Decision d = check(fromChoice(m_policy.route(query)), request, model, atRegion, crossed, -1);
    if (d.kind != Decision::Kind::Serve)
        return d;
    // The origin's nearest region is down: serving elsewhere is a reroute, and rescuers are protected.
    const std::size_t home = key(origin, model, tagged);
    const int region = m_view.replicaRegion(d.replica);
    if (m_current[home] != m_nominal[home] && m_nominal[home] >= 0 && region != m_cluster.groupRegion(m_nominal[home])) {
        if (m_guard && !m_guard->allows(region, now)) {
            if (m_refusals)
                ++(*m_refusals)[static_cast<std::size_t>(region)];
            return degradeOrShed(request, atRegion, tagged, "rescuer-protection");
        }
        if (m_guard) {
            m_guard->commit(region);
            d.guardRegion = region;
        }
        d.rerouted = true;
    }
    return d;
}

Router::Decision Router::degradeOrShed(const Request &request, int atRegion, bool tagged, const char *reason)
{
    if (m_degradeModel < 0 || m_degradeModel == modelOf(request))
        return shed(reason);
    const int g = m_current[key(atRegion, m_degradeModel, tagged)];
    if (g < 0)
        return shed(reason);
    m_view.setObserver(m_cluster.groupRegion(g));
    int best = -1;
    for (const int r : m_groupCandidates[static_cast<std::size_t>(g)])
        if (best < 0 || m_view.load(r).outstanding < m_view.load(best).outstanding)
            best = r;
    // The smaller model's replicas shed load like any rescuer rather than queue it.
    if (m_fullQueue > 0 && m_view.load(best).waiting >= m_fullQueue) {
        if (m_refusals)
            ++(*m_refusals)[static_cast<std::size_t>(m_cluster.groupRegion(g))];
        return shed(reason);
    }
    Decision d;
    d.kind = Decision::Kind::Serve;
    d.replica = best;
    d.degraded = true;
    return check(d, request, modelOf(request), atRegion, false, g);
}

} // namespace longitude::engine
