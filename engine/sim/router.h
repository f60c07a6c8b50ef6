#pragma once

#include "engine/policies/routingpolicy.h"
#include "engine/serving/servingcluster.h"
#include "engine/sim/overflowconfig.h"
#include "engine/sim/simulationsetup.h"
#include "engine/sim/spillguard.h"

#include <cstdint>
#include <vector>

namespace longitude::engine {

/// Decides where a request is served, in the order the product promises:
///  1. residency: a tagged request only ever sees regions of its origin's zone, and only
///     replicas the routers believe healthy (failover) — both before any policy sees candidates;
///  2. scope: a LocalGroup policy chooses among the serving region's replicas (the origin's, else
///     the nearest region running the model; the nearest healthy one during an outage), a Zone
///     policy among every allowed region's replicas;
///  3. the policy's choice is checked against what was offered: a choice outside the zone is
///     caught, counted as a residency violation and shed, never served;
///  4. rescuer protection (reroutes away from a failed region go to the nearest rescuer whose
///     SpillGuard cap allows it and whose chosen replica is not full (load shedding), then to a
///     smaller model (degradation), else they are shed) and overflow (a full
///     local replica spills to the nearest rescuer within the TTFT budget and cap, else waits in
///     the router queue, else is shed).
/// Episode::deliver keeps a last residency check at serve time.
class Router
{
public:
    struct Decision
    {
        enum class Kind : unsigned char { Serve, Forward, Hold, Shed };
        Kind kind = Kind::Shed;
        int replica = -1;
        int region = -1;               ///< Forward: the peer balancer's region
        int guardRegion = -1;          ///< rescuer charged in the SpillGuard
        const char *shedReason = nullptr;
        bool rerouted = false;
        bool spilled = false;
        bool degraded = false;
        bool residencyViolation = false;
        bool overflowHold = false;     ///< Hold because overflow found no room (vs. a balancer's hold)
    };

    Router(const ServingCluster &cluster, const SimulationSetup &setup, RoutingPolicy &policy, ClusterView &view);

    /// Overflow control and the rescuer caps (both optional; the guard may exist without overflow).
    void setOverflow(const OverflowConfig *config, SpillGuard *guard)
    {
        m_overflow = config && config->enabled ? config : nullptr;
        m_fullQueue = config ? config->spillQueue : 0;
        m_guard = guard;
        m_plain = m_scope == RouteScope::LocalGroup && !m_overflow && !m_routable;
    }
    /// Counts, per rescuer region, every time its cap or its load refused a spill or a reroute.
    void setRefusalCounter(std::vector<double> *perRegion) { m_refusals = perRegion; }
    /// Routers' belief about replica health (nullptr = all healthy) and the degradation model (-1 none).
    void setHealth(const std::uint8_t *routable, int degradeModel);
    /// Recomputes the candidate tables after `routable` changed.
    void rebuild();

    /// Routes `request` at the router of `atRegion` (its origin unless a balancer forwarded it).
    Decision route(const Request &request, int atRegion, bool crossed, SimTime now);

    /// The nearest group of `model` from `origin` ignoring health, or -1 (no replica) / -2 (none in zone).
    int targetGroup(int origin, int model, bool tagged) const { return m_nominal[key(origin, model, tagged)]; }
    int modelOf(const Request &request) const { return m_workloadModel[static_cast<std::size_t>(request.workload)]; }
    RouteScope scope() const { return m_scope; }

private:
    std::size_t key(int region, int model, bool tagged) const
    {
        return static_cast<std::size_t>(((region * m_models) + model) * 2 + (tagged ? 1 : 0));
    }
    bool routable(int replica) const { return !m_routable || m_routable[replica] != 0; }
    bool inZone(int region, int origin, bool tagged) const
    {
        return !tagged || m_setup.regionZone[static_cast<std::size_t>(region)]
                              == m_setup.regionZone[static_cast<std::size_t>(origin)];
    }
    [[gnu::noinline]] Decision routeGeneral(const Request &request, int atRegion, bool crossed, SimTime now, int model,
                                            bool tagged);
    Decision askLocal(const Request &request, int group, int model, int atRegion, bool crossed, SimTime now);
    [[gnu::noinline]] Decision check(const Decision &d, const Request &request, int model, int atRegion, bool crossed,
                                     int localGroup);
    Decision routeLocal(const Request &request, int atRegion, bool crossed, SimTime now, int model, bool tagged);
    Decision routeZone(const Request &request, int atRegion, bool crossed, SimTime now, int model, bool tagged);
    Decision rescue(const Request &request, int atRegion, bool crossed, SimTime now, int model, bool tagged,
                    int excludeRegion, bool overflow);
    Decision degradeOrShed(const Request &request, int atRegion, bool tagged, const char *reason);
    static Decision shed(const char *reason)
    {
        Decision d;
        d.shedReason = reason;
        return d;
    }

    const ServingCluster &m_cluster;
    RoutingPolicy &m_policy;
    ClusterView &m_view;
    const SimulationSetup &m_setup;
    RouteScope m_scope = RouteScope::LocalGroup;
    bool m_plain = true; ///< LocalGroup scope, no overflow, no failover: the default path
    int m_models = 0;
    int m_replicaCount = 0;
    int m_zones = 0;
    const OverflowConfig *m_overflow = nullptr;
    SpillGuard *m_guard = nullptr;
    std::vector<double> *m_refusals = nullptr;
    int m_fullQueue = 0; ///< a replica with this many waiting is full (no spill or reroute into it); 0 = never
    const std::uint8_t *m_routable = nullptr;
    int m_degradeModel = -1;
    double m_slaMs = 0.0;

    std::vector<int> m_nominal;       ///< (region, model, tagged) -> nearest group, or -1 / -2, ignoring health
    std::vector<int> m_current;       ///< same, among groups with a routable replica (-1 when none)
    std::vector<std::vector<int>> m_ordered;   ///< (region, model, tagged) -> routable groups by RTT, own first
    std::vector<std::vector<int>> m_groupCandidates; ///< group -> routable replicas
    std::vector<std::vector<int>> m_zoneCandidates;  ///< (zone or "any", model) -> routable replicas
    std::vector<int> m_groupModel;
    std::vector<int> m_groupIds; ///< g at index g: one-group spans for LocalGroup queries
    std::vector<int> m_replicaModel;
    std::vector<int> m_workloadModel; ///< model index of each workload class
};

} // namespace longitude::engine
