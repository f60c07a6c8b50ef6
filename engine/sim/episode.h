#pragma once

#include "engine/core/rng.h"
#include "engine/core/scheduler.h"
#include "engine/policies/clusterview.h"
#include "engine/policies/policyregistry.h"
#include "engine/serving/replicaobserver.h"
#include "engine/serving/requestpool.h"
#include "engine/serving/servingcluster.h"
#include "engine/sim/failovercontroller.h"
#include "engine/sim/overflowconfig.h"
#include "engine/sim/requestroutes.h"
#include "engine/sim/router.h"
#include "engine/sim/routerqueues.h"
#include "engine/sim/simulationobserver.h"
#include "engine/sim/simulationsetup.h"
#include "engine/sim/spillguard.h"
#include "engine/sim/staleviews.h"
#include "engine/stats/metrics.h"
#include "engine/stats/simulationresult.h"
#include "engine/stats/utilizationtracker.h"
#include "engine/workload/arrivalprocess.h"
#include "engine/workload/requestfactory.h"

#include <expected>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace longitude::engine {

/// One continuous stretch of simulated time from an empty system: arrivals from `start` to
/// `measureTo`, measured from `measureFrom`, then drained until every admitted request finished.
/// A full run is one episode; the time-sampled mode runs one per hour. The episode wires the
/// parts together and dispatches events; the parts do the work (RequestFactory makes requests,
/// Router places them, Replica serves them, Metrics records them).
class Episode : public ReplicaObserver
{
public:
    struct Window
    {
        SimTime start = 0;
        SimTime measureFrom = 0;
        SimTime measureTo = 0;
        std::string streamSuffix; ///< added to random-stream keys ("" for a full run, "/h7" per hour)
    };

    Episode(const SimulationSetup &setup, const PolicyRegistry &registry, const Window &window,
            SimulationObserver *observer, double progressFrom, double progressTo);

    /// Runs to the end; fails only on a setup error (unknown policy, unbuildable pool).
    std::expected<SimulationResult, std::string> run();
    void requestFinished(std::int32_t request, SimTime now) override;
    bool wasCancelled() const { return m_cancelled; }

private:
    enum EventKind : std::uint32_t { SessionTurn = 0, Delivery = 1, BalancerArrival = 2, Retry = 3 };

    std::optional<std::string> build();
    void onArrivalTimer(int region, SimTime now);
    void onReplicaTimer(int replica, SimTime now);
    void onProbeTimer(SimTime now);
    void onFailoverTimer(SimTime now);
    void onQueueTimer(SimTime now);
    void admitNewRequest(std::int32_t index, SimTime now);
    /// Routes request `index` at the router of `atRegion` and acts on the decision.
    void routeAt(std::int32_t index, int atRegion, SimTime now);
    /// Acts on a routing decision; false when it was a Hold that could not be queued.
    void act(std::int32_t index, int atRegion, const Router::Decision &decision, SimTime now);
    void assign(std::int32_t index, int atRegion, const Router::Decision &decision, SimTime now);
    void deliver(std::int32_t index, SimTime now);
    void rescheduleReplica(int replica);
    void notifyLoad(int replica)
    {
        if (!m_staleView)
            m_policy->loadChanged(replica);
    }
    void release(std::int32_t index)
    {
        if (m_routesOn)
            m_routes[index].stage = RequestRoutes::Free;
        m_requests.release(index);
    }
    /// Drops a request that was admitted (arrival counted, in the system): shed, lost or failed.
    void drop(std::int32_t index, const char *reason, SimTime now);
    /// Undoes an assignment that will not complete (lost on a failed replica, failed delivery).
    void unassign(std::int32_t index);
    void retryOrFail(std::int32_t index, const char *reason, int fromRegion, SimTime now);
    void drainQueue(int region, SimTime now);
    void drainAllQueues(SimTime now);
    void scheduleQueueTimer();
    void applyHealthChange(SimTime now);
    void failPools(const std::vector<int> &pools, SimTime now);
    void countRescued(int region, SimTime now);
    void scheduleFailoverTimer(SimTime now);

    const SimulationSetup &m_setup;
    const PolicyRegistry &m_registry;
    Window m_window;
    SimulationObserver *m_observer;
    double m_progressFrom;
    double m_progressTo;
    bool m_cancelled = false;

    SimulationResult m_result;
    UtilizationTracker m_utilization;
    std::optional<ServingCluster> m_cluster;
    std::unique_ptr<RoutingPolicy> m_policy;
    StaleViews m_stale;
    std::optional<ClusterView> m_view;
    std::optional<Router> m_router;
    std::optional<Metrics> m_metrics;
    RequestFactory m_factory;
    RequestPool m_requests;
    Scheduler m_scheduler;
    std::vector<ArrivalProcess> m_arrivals;
    std::vector<double> m_nextArrivalUs;
    std::vector<Rng> m_arrivalRng;
    std::vector<Rng> m_requestRng;
    Rng m_sessionRng;
    Rng m_policyRng;
    int m_regionCount = 0;
    int m_replicaTimerBase = 0;
    int m_probeTimer = -1;
    int m_failoverTimer = -1;
    int m_queueTimer = -1;
    SimTime m_probeUs = 0;
    bool m_staleView = false;

    // Overflow, failover and balancer queues (DOMAIN.md section 6); off on the default path.
    OverflowConfig m_overflowConfig;
    SpillGuard m_guard;
    RouterQueues m_queues;
    RequestRoutes m_routes;
    bool m_routesOn = false;
    std::optional<FailoverController> m_failover;
    struct SecondCounter
    {
        SimTime second = -1;
        double count = 0.0;
    };
    std::vector<SecondCounter> m_rescuedThisSecond;
    std::vector<double> m_refusals; ///< per rescuer region, over the whole episode
};

} // namespace longitude::engine
