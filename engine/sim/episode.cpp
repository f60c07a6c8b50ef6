#include "episode.h"

#include <cmath>
#include <stdexcept>

namespace longitude::engine {

namespace {
// A client waits this long for a balancer that holds its request when overflow control sets no
// limit (SkyLB's queues): the OpenAI Python client's default timeout of 600 s (openai-python
// DEFAULT_TIMEOUT, 2025).
constexpr SimTime kClientTimeoutUs = 600 * kMicrosPerSecond;
} // namespace

Episode::Episode(const SimulationSetup &setup, const PolicyRegistry &registry, const Window &window,
                 SimulationObserver *observer, double progressFrom, double progressTo)
    : m_setup(setup)
    , m_registry(registry)
    , m_window(window)
    , m_observer(observer)
    , m_progressFrom(progressFrom)
    , m_progressTo(progressTo)
    , m_factory(setup.factory)
    , m_sessionRng(setup.seed, "sessions" + window.streamSuffix)
    , m_policyRng(setup.seed, "policy/" + setup.policy + window.streamSuffix)
{
}

std::optional<std::string> Episode::build()
{
    const Scenario &scenario = m_setup.scenario;
    m_regionCount = static_cast<int>(m_setup.regionIds.size());
    auto cluster = ServingCluster::build(scenario, m_setup.regionIds, m_setup.modelIds, &m_utilization);
    if (!cluster)
        return cluster.error();
    m_cluster.emplace(std::move(*cluster));
    auto policy = m_registry.create(m_setup.policy, m_setup.policyParams);
    if (!policy)
        return policy.error();
    m_policy = std::move(*policy);
    auto overflow = OverflowConfig::fromScenario(scenario.overflow);
    if (!overflow)
        return overflow.error();
    m_overflowConfig = *overflow;
    auto failoverConfig = FailoverConfig::fromScenario(scenario.failover);
    if (!failoverConfig)
        return failoverConfig.error();

    // A scenario's probe interval wins; else the policy's own (SkyLB probes every 100 ms).
    m_probeUs = scenario.routing.probeIntervalMs > 0.0 ? simTimeFromMs(scenario.routing.probeIntervalMs)
                                                       : m_policy->defaultProbeIntervalUs();
    m_staleView = m_probeUs > 0;
    m_view.emplace(*m_cluster, m_setup.rttMs);
    if (m_staleView) {
        m_stale.configure(*m_cluster, m_setup.rttMs, m_probeUs, m_window.start);
        m_view->setLoadViews(m_stale.base(), m_stale.stride());
    }

    const bool failover = !scenario.failover.outages.empty();
    m_routesOn = failover || m_overflowConfig.enabled || m_policy->usesRouterQueues();
    m_queues.configure(m_regionCount, m_overflowConfig.enabled ? m_overflowConfig.queueLimit : (1ll << 40),
                       m_overflowConfig.enabled ? simTimeFromMs(m_overflowConfig.maxQueueMs) : kClientTimeoutUs);
    m_view->setRouterQueues(m_queues.lengths());
    if (failover) {
        m_failover.emplace();
        if (auto error = m_failover->configure(scenario, *m_cluster, m_setup.regionIds, *failoverConfig, m_window.start,
                                               m_window.measureTo))
            return error;
        m_view->setRoutable(m_failover->routable().data());
    }
    m_policy->attach(*m_view, m_policyRng);
    m_router.emplace(*m_cluster, m_setup, *m_policy, *m_view);
    if (failover || m_overflowConfig.enabled) {
        std::vector<double> slots(static_cast<std::size_t>(m_regionCount), 0.0);
        for (const auto &pool : m_cluster->pools())
            slots[static_cast<std::size_t>(pool.region)] += static_cast<double>(pool.replicas) * pool.maxBatch;
        m_guard.configure(slots, m_overflowConfig.maxSpillRps, m_overflowConfig.maxSpillShare, m_overflowConfig.burstS,
                          m_window.start);
        m_router->setOverflow(&m_overflowConfig, &m_guard);
        m_refusals.assign(static_cast<std::size_t>(m_regionCount), 0.0);
        m_router->setRefusalCounter(&m_refusals);
        m_rescuedThisSecond.assign(static_cast<std::size_t>(m_regionCount), SecondCounter{});
    }
    if (failover) {
        int degrade = -1;
        for (std::size_t m = 0; m < m_setup.modelIds.size(); ++m)
            if (m_setup.modelIds[m] == failoverConfig->degradeModel)
                degrade = static_cast<int>(m);
        m_router->setHealth(m_failover->routable().data(), degrade);
    }

    const auto &pools = m_cluster->pools();
    m_result.scenario = scenario.name;
    m_result.policy = m_setup.policy;
    m_result.seed = m_setup.seed;
    m_result.slaTtftP99Ms = scenario.sla.ttftP99Ms;
    m_result.overflowEnabled = m_overflowConfig.enabled;
    m_result.failoverEnabled = failover;
    m_result.probeIntervalMs = simTimeToMs(m_probeUs);
    m_result.overflow.byRegion.assign(static_cast<std::size_t>(m_regionCount), OverflowCounters::Rescuer{});
    for (const auto &id : m_setup.regionIds)
        m_result.regions.push_back(SimulationResult::Region{id, {}, LatencySet{}, {}, 0.0, 0.0, 0.0, 0.0});
    for (const auto &pool : pools) {
        SimulationResult::Pool p;
        p.id = pool.id;
        p.region = m_setup.regionIds[static_cast<std::size_t>(pool.region)];
        p.replicas = pool.replicas;
        p.gpus = pool.gpus;
        p.maxBatch = pool.maxBatch;
        m_result.pools.push_back(std::move(p));
    }
    const SimTime bucketUs = std::max<SimTime>(1, simTimeFromSeconds(scenario.simulation.bucketS));
    m_utilization.configure(static_cast<int>(pools.size()), m_window.start, m_window.measureFrom, m_window.measureTo,
                            bucketUs);
    Metrics::Config metrics;
    metrics.measureFrom = m_window.measureFrom;
    metrics.measureTo = m_window.measureTo;
    metrics.bucketUs = bucketUs;
    metrics.slaTtftUs = simTimeFromMs(scenario.sla.ttftP99Ms);
    metrics.cost = &m_setup.cost;
    metrics.blockTokens = scenario.simulation.kvBlockTokens > 0 ? scenario.simulation.kvBlockTokens : 16;
    m_metrics.emplace(m_result, metrics);

    m_replicaTimerBase = m_regionCount;
    m_probeTimer = m_replicaTimerBase + m_cluster->replicaCount();
    m_failoverTimer = m_probeTimer + 1;
    m_queueTimer = m_probeTimer + 2;
    m_scheduler.reset(m_queueTimer + 1, m_window.start, m_regionCount);

    for (int r = 0; r < m_regionCount; ++r) {
        const std::string &id = m_setup.regionIds[static_cast<std::size_t>(r)];
        std::array<double, 24> starts = m_setup.requestRate[static_cast<std::size_t>(r)];
        for (double &rate : starts)
            rate *= m_factory.startsPerRequest();
        m_arrivals.emplace_back(starts, m_setup.utcOffsetHours[static_cast<std::size_t>(r)],
                                scenario.simulation.startUtcHour);
        m_arrivalRng.emplace_back(m_setup.seed, "arrivals/" + id + m_window.streamSuffix);
        m_requestRng.emplace_back(m_setup.seed, "requests/" + id + m_window.streamSuffix);
        const double first = m_arrivals.back().next(static_cast<double>(m_window.start), m_arrivalRng.back());
        m_nextArrivalUs.push_back(first);
        if (first < static_cast<double>(m_window.measureTo))
            m_scheduler.scheduleTimer(r, ceilToInt(first), EventPriority::Arrival);
    }
    if (m_staleView)
        m_scheduler.scheduleTimer(m_probeTimer, m_stale.nextEventUs(), EventPriority::Housekeeping);
    if (m_failover) {
        // Outages under way when the window opens (time-sampled hours) are in force from its start.
        onFailoverTimer(m_window.start);
    }
    return std::nullopt;
}

std::expected<SimulationResult, std::string> Episode::run()
{
    if (auto error = build())
        return std::unexpected(*error);
    const double span = static_cast<double>(m_window.measureTo - m_window.start);
    Scheduler::Dispatch dispatch;
    std::uint64_t events = 0;
    while (m_scheduler.next(dispatch)) {
        ++events;
        const SimTime now = m_scheduler.now();
        if ((events & 0x3FFFF) == 0 && m_observer) {
            const double done = std::min(1.0, static_cast<double>(now - m_window.start) / span);
            m_observer->progress(m_progressFrom + (m_progressTo - m_progressFrom) * done);
            if (m_observer->cancelled()) {
                m_cancelled = true;
                break;
            }
        }
        if (dispatch.isTimer) {
            const int id = dispatch.timerId;
            if (id < m_replicaTimerBase)
                onArrivalTimer(id, now);
            else if (id < m_probeTimer)
                onReplicaTimer(id - m_replicaTimerBase, now);
            else if (id == m_probeTimer)
                onProbeTimer(now);
            else if (id == m_failoverTimer)
                onFailoverTimer(now);
            else
                onQueueTimer(now);
            continue;
        }
        switch (dispatch.event.kind) {
        case SessionTurn:
            admitNewRequest(m_factory.nextTurn(static_cast<std::int32_t>(dispatch.event.arg), now, m_sessionRng,
                                               m_requests),
                            now);
            break;
        case Delivery: deliver(static_cast<std::int32_t>(dispatch.event.arg), now); break;
        case BalancerArrival:
        case Retry: {
            const auto index = static_cast<std::int32_t>(dispatch.event.arg);
            routeAt(index, m_routes[index].atRegion, now);
            break;
        }
        default: throw std::logic_error("unknown event kind");
        }
    }
    const SimTime end = std::max(m_scheduler.now(), m_window.measureTo);
    m_metrics->finish(end);
    m_utilization.flushAll(end);
    for (std::size_t p = 0; p < m_result.pools.size(); ++p) {
        auto &pool = m_result.pools[p];
        pool.runningSlotUs = m_utilization.runningArea(static_cast<int>(p));
        pool.busyReplicaUs = m_utilization.busyArea(static_cast<int>(p));
        pool.computeWorkUs = m_utilization.workArea(static_cast<int>(p));
        for (std::size_t b = 0; b < m_result.timeline.size(); ++b) {
            m_result.timeline[b].poolRunningSlotUs[p] = m_utilization.bucketRunningArea(b, static_cast<int>(p));
            m_result.timeline[b].poolComputeWorkUs[p] = m_utilization.bucketWorkArea(b, static_cast<int>(p));
        }
    }
    for (std::size_t r = 0; r < m_rescuedThisSecond.size(); ++r) {
        auto &rescuer = m_result.overflow.byRegion[r];
        rescuer.peakPerSecond = std::max(rescuer.peakPerSecond, m_rescuedThisSecond[r].count);
        rescuer.refusals = m_refusals[r];
    }
    m_result.overflow.maxQueueLength = m_queues.maxLength();
    if (m_failover)
        m_result.failover.outages = m_failover->outages();
    m_result.measuredUs = static_cast<double>(m_window.measureTo - m_window.measureFrom);
    m_result.simulatedSeconds = m_result.measuredUs * 1e-6;
    m_result.events = events;
    return std::move(m_result);
}

void Episode::onArrivalTimer(int region, SimTime now)
{
    admitNewRequest(m_factory.startConversation(region, now, m_requestRng[static_cast<std::size_t>(region)], m_requests),
                    now);
    double &next = m_nextArrivalUs[static_cast<std::size_t>(region)];
    next = m_arrivals[static_cast<std::size_t>(region)].next(next, m_arrivalRng[static_cast<std::size_t>(region)]);
    if (next < static_cast<double>(m_window.measureTo))
        m_scheduler.scheduleTimer(region, ceilToInt(next), EventPriority::Arrival);
    else
        m_scheduler.cancelTimer(region);
}

void Episode::admitNewRequest(std::int32_t index, SimTime now)
{
    Request &request = m_requests[index];
    ++m_result.generatedRequests;
    request.measured = m_metrics->inWindow(now) ? 1 : 0;
    m_metrics->arrived(request);
    m_metrics->inSystemChange(now, +1);
    if (!m_routesOn) {
        // The default path: one decision, no queues, no failover.
        const Router::Decision decision = m_router->route(request, request.originRegion, false, now);
        if (decision.kind == Router::Decision::Kind::Serve)
            assign(index, request.originRegion, decision, now);
        else
            act(index, request.originRegion, decision, now);
        return;
    }
    RequestRoutes::Route &route = m_routes[index];
    route = RequestRoutes::Route{};
    route.atRegion = request.originRegion;
    route.stage = RequestRoutes::Routing;
    routeAt(index, request.originRegion, now);
}

void Episode::routeAt(std::int32_t index, int atRegion, SimTime now)
{
    if (m_routesOn) {
        m_routes[index].atRegion = static_cast<std::int16_t>(atRegion);
        // FIFO: nobody overtakes the requests this router already holds.
        if (!m_queues.empty(atRegion)) {
            Router::Decision hold;
            hold.kind = Router::Decision::Kind::Hold;
            hold.overflowHold = m_overflowConfig.enabled;
            act(index, atRegion, hold, now);
            drainQueue(atRegion, now);
            return;
        }
    }
    act(index, atRegion, m_router->route(m_requests[index], atRegion, m_routesOn && m_routes[index].crossed, now), now);
}

void Episode::act(std::int32_t index, int atRegion, const Router::Decision &decision, SimTime now)
{
    Request &request = m_requests[index];
    switch (decision.kind) {
    case Router::Decision::Kind::Serve: assign(index, atRegion, decision, now); return;
    case Router::Decision::Kind::Forward: {
        RequestRoutes::Route &route = m_routes[index];
        route.crossed = 1;
        route.atRegion = static_cast<std::int16_t>(decision.region);
        const double halfRttUs = 0.5e3 * m_setup.rttMs[static_cast<std::size_t>(atRegion * m_regionCount + decision.region)];
        m_scheduler.push(now + roundNonNegative(halfRttUs), EventPriority::Delivery, BalancerArrival,
                         static_cast<std::uint32_t>(index));
        return;
    }
    case Router::Decision::Kind::Hold: {
        if (!m_routesOn || !m_queues.push(atRegion, index, now)) {
            if (decision.overflowHold && request.measured)
                m_result.overflow.shed += 1.0;
            drop(index, decision.overflowHold ? "overflow-shed" : "router-queue-full", now);
            return;
        }
        RequestRoutes::Route &route = m_routes[index];
        if (!(route.flags & RequestRoutes::Queued)) {
            route.flags |= RequestRoutes::Queued;
            if (request.measured)
                m_result.overflow.queued += 1.0;
        }
        scheduleQueueTimer();
        return;
    }
    case Router::Decision::Kind::Shed: {
        if (decision.residencyViolation)
            m_metrics->residencyViolation(request);
        if (request.measured) {
            const std::string_view reason = decision.shedReason ? decision.shedReason : "";
            if (reason == "rescuer-protection")
                m_result.failover.shedRescuer += 1.0;
            else if (reason == "no-healthy-replica-in-zone")
                m_result.failover.shedNoHealthy += 1.0;
            else if (reason == "overflow-shed")
                m_result.overflow.shed += 1.0;
        }
        drop(index, decision.shedReason ? decision.shedReason : "policy", now);
        return;
    }
    }
}

void Episode::drop(std::int32_t index, const char *reason, SimTime now)
{
    Request &request = m_requests[index];
    m_metrics->shed(request, reason);
    m_metrics->inSystemChange(now, -1);
    m_factory.abandon(request);
    release(index);
}

void Episode::countRescued(int region, SimTime now)
{
    auto &rescuer = m_result.overflow.byRegion[static_cast<std::size_t>(region)];
    SecondCounter &counter = m_rescuedThisSecond[static_cast<std::size_t>(region)];
    const SimTime second = now / kMicrosPerSecond;
    if (second != counter.second) {
        rescuer.peakPerSecond = std::max(rescuer.peakPerSecond, counter.count);
        counter.second = second;
        counter.count = 0.0;
    }
    counter.count += 1.0;
}

void Episode::assign(std::int32_t index, int atRegion, const Router::Decision &decision, SimTime now)
{
    Request &r = m_requests[index];
    ++m_cluster->load(decision.replica).outstanding;
    notifyLoad(decision.replica);
    r.replica = decision.replica;
    const int origin = r.originRegion;
    const int serving = m_cluster->replica(decision.replica).config().region;
    const double gatewayUs = m_setup.gatewayUs[static_cast<std::size_t>(origin)];
    if (m_routesOn) {
        RequestRoutes::Route &route = m_routes[index];
        route.stage = RequestRoutes::InTransit;
        route.guardRegion = static_cast<std::int16_t>(decision.guardRegion);
        if (decision.rerouted || decision.spilled) {
            countRescued(serving, now);
            if (r.measured) {
                auto &rescuer = m_result.overflow.byRegion[static_cast<std::size_t>(serving)];
                if (decision.spilled) {
                    m_result.overflow.spilled += 1.0;
                    rescuer.spilledIn += 1.0;
                } else {
                    m_result.failover.rerouted += 1.0;
                    rescuer.reroutedIn += 1.0;
                }
            }
        }
        if (decision.degraded && r.measured)
            m_result.failover.degraded += 1.0;
    }
    if (serving == origin && serving == atRegion) {
        r.forwarded = 0;
        r.networkReturnUs = static_cast<float>(gatewayUs);
        deliver(index, now);
        return;
    }
    // Forwarded: the request travels half the RTT from its router to the serving region; the
    // first token travels half the RTT from there back to the origin's gateway.
    const double backUs = 0.5e3 * m_setup.rttMs[static_cast<std::size_t>(serving * m_regionCount + origin)];
    r.forwarded = serving != origin ? 1 : 0;
    r.networkReturnUs = static_cast<float>(gatewayUs + (serving != origin ? backUs : 0.0));
    if (serving == atRegion) {
        deliver(index, now);
        return;
    }
    const double halfRttUs = 0.5e3 * m_setup.rttMs[static_cast<std::size_t>(atRegion * m_regionCount + serving)];
    m_scheduler.push(now + roundNonNegative(halfRttUs), EventPriority::Delivery, Delivery, static_cast<std::uint32_t>(index));
}

void Episode::deliver(std::int32_t index, SimTime now)
{
    Request &request = m_requests[index];
    const int replica = request.replica;
    Replica &target = m_cluster->replica(replica);
    if (m_failover) {
        const int pool = target.config().pool;
        if (!m_failover->poolUp(pool)) {
            if (request.measured)
                m_result.failover.failedDeliveries += 1.0;
            unassign(index);
            if (m_failover->deliveryFailed(pool, now)) {
                applyHealthChange(now);
                scheduleFailoverTimer(now);
            }
            retryOrFail(index, "outage-failed", target.config().region, now);
            return;
        }
        m_failover->deliverySucceeded(pool);
    }
    if (request.tagged
        && m_setup.regionZone[static_cast<std::size_t>(target.config().region)]
               != m_setup.regionZone[static_cast<std::size_t>(request.originRegion)])
        m_metrics->residencyViolation(request);
    if (m_routesOn)
        m_routes[index].stage = RequestRoutes::AtReplica;
    target.enqueue(index, now, m_requests);
    rescheduleReplica(replica);
}

void Episode::unassign(std::int32_t index)
{
    Request &request = m_requests[index];
    --m_cluster->load(request.replica).outstanding;
    notifyLoad(request.replica);
    RequestRoutes::Route &route = m_routes[index];
    if (route.guardRegion >= 0) {
        m_guard.release(route.guardRegion);
        route.guardRegion = -1;
    }
    route.stage = RequestRoutes::Routing;
}

void Episode::retryOrFail(std::int32_t index, const char *reason, int fromRegion, SimTime now)
{
    Request &request = m_requests[index];
    RequestRoutes::Route &route = m_routes[index];
    if (route.retries < m_failover->config().retries) {
        ++route.retries;
        if (request.measured)
            m_result.failover.retried += 1.0;
        // The client learns of the failure when the error travels back, then sends the request again.
        request.replica = -1;
        request.hitTokens = 0;
        request.reservedBlocks = 0;
        request.groupEntry = request.streamEntry = -1;
        request.firstTokenUs = -1;
        request.forwarded = 0;
        route.crossed = 0;
        route.atRegion = request.originRegion;
        const double backUs = 0.5e3 * m_setup.rttMs[static_cast<std::size_t>(fromRegion * m_regionCount + request.originRegion)];
        const double delayUs = (std::isfinite(backUs) ? backUs : 0.0) + m_failover->config().retryDelayMs * 1e3;
        m_scheduler.push(now + roundNonNegative(delayUs), EventPriority::Arrival, Retry, static_cast<std::uint32_t>(index));
        return;
    }
    if (request.measured)
        m_result.failover.failed += 1.0;
    drop(index, reason, now);
}

void Episode::rescheduleReplica(int replica)
{
    const SimTime wake = m_cluster->replica(replica).wakeTimeUs();
    if (wake == kSimTimeNever)
        m_scheduler.cancelTimer(m_replicaTimerBase + replica);
    else
        m_scheduler.moveTimer(m_replicaTimerBase + replica, wake, EventPriority::Replica);
}

void Episode::onReplicaTimer(int replica, SimTime now)
{
    m_cluster->replica(replica).wake(now, m_requests, *this);
    rescheduleReplica(replica);
}

void Episode::requestFinished(std::int32_t index, SimTime now)
{
    const Request &request = m_requests[index];
    const Replica &replica = m_cluster->replica(request.replica);
    m_metrics->completed(request, replica.config().pool, replica.config().region, now);
    m_metrics->inSystemChange(now, -1);
    --m_cluster->load(request.replica).outstanding;
    notifyLoad(request.replica);
    if (m_routesOn) {
        const std::int16_t guard = m_routes[index].guardRegion;
        if (guard >= 0)
            m_guard.release(guard);
    }
    const SimTime think = m_factory.finishTurn(request, m_sessionRng);
    if (think >= 0) {
        // The client reads the answer (return trip), thinks, and sends the next turn (gateway trip).
        const SimTime next = now + static_cast<SimTime>(request.networkReturnUs) + think;
        if (next < m_window.measureTo)
            m_scheduler.push(next, EventPriority::Arrival, SessionTurn, static_cast<std::uint32_t>(request.session));
        else
            m_factory.abandon(request);
    }
    release(index);
    // Live view: a finished request frees room that held requests may take now.
    if (m_queues.held() > 0 && !m_staleView)
        drainAllQueues(now);
}

void Episode::drainQueue(int region, SimTime now)
{
    while (!m_queues.empty(region)) {
        const std::int32_t index = m_queues.front(region).request;
        const Router::Decision decision = m_router->route(m_requests[index], region, m_routes[index].crossed != 0, now);
        if (decision.kind == Router::Decision::Kind::Hold)
            break;
        m_queues.pop(region);
        act(index, region, decision, now);
    }
    scheduleQueueTimer();
}

void Episode::drainAllQueues(SimTime now)
{
    for (int r = 0; r < m_regionCount && m_queues.held() > 0; ++r)
        if (!m_queues.empty(r))
            drainQueue(r, now);
}

void Episode::scheduleQueueTimer()
{
    const SimTime deadline = m_queues.nextDeadline();
    if (deadline == kSimTimeNever)
        m_scheduler.cancelTimer(m_queueTimer);
    else
        m_scheduler.scheduleTimer(m_queueTimer, std::max(deadline, m_scheduler.now()), EventPriority::Housekeeping);
}

void Episode::onQueueTimer(SimTime now)
{
    for (int r = 0; r < m_regionCount; ++r)
        while (!m_queues.empty(r) && m_queues.front(r).sinceUs + m_queues.maxWaitUs() <= now) {
            const std::int32_t index = m_queues.front(r).request;
            m_queues.pop(r);
            if (m_requests[index].measured)
                m_result.overflow.queueTimeouts += 1.0;
            drop(index, "queue-timeout", now);
        }
    scheduleQueueTimer();
}

void Episode::onProbeTimer(SimTime now)
{
    const bool localRefreshed = m_stale.advance(now, m_cluster->loads());
    if (localRefreshed)
        m_policy->viewRefreshed();
    if (m_queues.held() > 0)
        drainAllQueues(now);
    // Probes go on while requests arrive, and while routers still hold requests to place.
    const SimTime next = m_stale.nextEventUs();
    if (next < m_window.measureTo || m_queues.held() > 0)
        m_scheduler.scheduleTimer(m_probeTimer, next, EventPriority::Housekeeping);
    else
        m_scheduler.cancelTimer(m_probeTimer);
}

void Episode::applyHealthChange(SimTime now)
{
    m_router->rebuild();
    m_policy->routableChanged();
    if (m_queues.held() > 0)
        drainAllQueues(now);
}

void Episode::failPools(const std::vector<int> &pools, SimTime now)
{
    // Work on a failed replica is lost: find it (requests sitting on those replicas), then
    // restart the replicas empty, caches cold.
    std::vector<char> failed(static_cast<std::size_t>(m_cluster->replicaCount()), 0);
    for (const int p : pools) {
        const auto &pool = m_cluster->pools()[static_cast<std::size_t>(p)];
        for (int r = pool.firstReplica; r < pool.firstReplica + pool.replicas; ++r)
            failed[static_cast<std::size_t>(r)] = 1;
    }
    std::vector<std::int32_t> lost;
    for (std::size_t i = 0; i < m_routes.size() && i < m_requests.capacity(); ++i) {
        const auto &route = m_routes.at(i);
        if (route.stage == RequestRoutes::AtReplica && failed[static_cast<std::size_t>(m_requests[static_cast<std::int32_t>(i)].replica)])
            lost.push_back(static_cast<std::int32_t>(i));
    }
    for (std::size_t r = 0; r < failed.size(); ++r) {
        if (!failed[r])
            continue;
        Replica &replica = m_cluster->replica(static_cast<int>(r));
        ReplicaLoad &load = m_cluster->load(static_cast<int>(r));
        replica.reportWorkUntil(now);
        if (load.running > 0)
            m_utilization.change(replica.config().pool, now, -load.running, -1);
        const Replica::Config config = replica.config();
        replica = Replica(config, &load, &m_utilization);
        load.waiting = 0;
        load.running = 0;
        load.queuedTokens = 0;
        load.kvUsage = 0.0f;
        rescheduleReplica(static_cast<int>(r));
    }
    for (const std::int32_t index : lost) {
        if (m_requests[index].measured)
            m_result.failover.lostInFlight += 1.0;
        const int region = m_cluster->replica(m_requests[index].replica).config().region;
        unassign(index);
        retryOrFail(index, "outage-lost", region, now);
    }
}

void Episode::onFailoverTimer(SimTime now)
{
    const bool knownChanged = m_failover->advance(now);
    const std::vector<int> failed = m_failover->takeFailedPools();
    if (!failed.empty())
        failPools(failed, now);
    if (knownChanged)
        applyHealthChange(now);
    scheduleFailoverTimer(now);
}

void Episode::scheduleFailoverTimer(SimTime now)
{
    const SimTime next = m_failover->nextEventUs();
    if (next == kSimTimeNever)
        m_scheduler.cancelTimer(m_failoverTimer);
    else
        m_scheduler.scheduleTimer(m_failoverTimer, std::max(next, now), EventPriority::Housekeeping);
}

} // namespace longitude::engine
