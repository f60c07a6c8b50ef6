#include "episode.h"

#include <cmath>
#include <stdexcept>

namespace longitude::engine {

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

    m_probeUs = simTimeFromMs(scenario.routing.probeIntervalMs);
    m_staleView = m_probeUs > 0;
    m_snapshot = m_cluster->loads();
    m_view.emplace(*m_cluster, m_setup.rttMs, m_staleView ? m_snapshot : m_cluster->loads());
    m_policy->attach(*m_view, m_policyRng);
    m_router.emplace(*m_cluster, m_setup, *m_policy);

    const auto &pools = m_cluster->pools();
    m_result.scenario = scenario.name;
    m_result.policy = m_setup.policy;
    m_result.seed = m_setup.seed;
    m_result.slaTtftP99Ms = scenario.sla.ttftP99Ms;
    for (const auto &id : m_setup.regionIds)
        m_result.regions.push_back(SimulationResult::Region{id, {}, LatencySet{}, {}, 0.0, 0.0});
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
    m_scheduler.reset(m_probeTimer + 1, m_window.start, m_regionCount);

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
            m_scheduler.scheduleTimer(r, static_cast<SimTime>(std::ceil(first)), EventPriority::Arrival);
    }
    if (m_staleView)
        m_scheduler.scheduleTimer(m_probeTimer, m_window.start + m_probeUs, EventPriority::Housekeeping);
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
            else
                onProbeTimer(now);
            continue;
        }
        switch (dispatch.event.kind) {
        case SessionTurn:
            admitNewRequest(m_factory.nextTurn(static_cast<std::int32_t>(dispatch.event.arg), now, m_sessionRng,
                                               m_requests),
                            now);
            break;
        case Delivery: deliver(static_cast<std::int32_t>(dispatch.event.arg), now); break;
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
        for (std::size_t b = 0; b < m_result.timeline.size(); ++b)
            m_result.timeline[b].poolRunningSlotUs[p] = m_utilization.bucketRunningArea(b, static_cast<int>(p));
    }
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
        m_scheduler.scheduleTimer(region, static_cast<SimTime>(std::ceil(next)), EventPriority::Arrival);
    else
        m_scheduler.cancelTimer(region);
}

void Episode::admitNewRequest(std::int32_t index, SimTime now)
{
    Request &request = m_requests[index];
    ++m_result.generatedRequests;
    request.measured = m_metrics->inWindow(now) ? 1 : 0;
    m_metrics->arrived(request);
    const Router::Decision decision = m_router->route(request, now);
    if (decision.replica < 0) {
        m_metrics->shed(request, decision.shedReason);
        m_factory.abandon(request);
        m_requests.release(index);
        return;
    }
    Request &r = m_requests[index];
    ++m_cluster->load(decision.replica).outstanding;
    notifyLoad(decision.replica);
    m_metrics->inSystemChange(now, +1);
    r.replica = decision.replica;
    const int origin = r.originRegion;
    const int serving = m_cluster->replica(decision.replica).config().region;
    const double gatewayUs = m_setup.gatewayUs[static_cast<std::size_t>(origin)];
    if (serving == origin) {
        r.networkReturnUs = static_cast<float>(gatewayUs);
        deliver(index, now);
        return;
    }
    // Forwarded: the request travels half the RTT there; the first token travels half back.
    const double halfRttUs = 0.5e3 * m_setup.rttMs[static_cast<std::size_t>(origin * m_regionCount + serving)];
    r.forwarded = 1;
    r.networkReturnUs = static_cast<float>(gatewayUs + halfRttUs);
    m_scheduler.push(now + roundNonNegative(halfRttUs), EventPriority::Delivery, Delivery, static_cast<std::uint32_t>(index));
}

void Episode::deliver(std::int32_t index, SimTime now)
{
    Request &request = m_requests[index];
    const int replica = request.replica;
    Replica &target = m_cluster->replica(replica);
    if (request.tagged
        && m_setup.regionZone[static_cast<std::size_t>(target.config().region)]
               != m_setup.regionZone[static_cast<std::size_t>(request.originRegion)])
        m_metrics->residencyViolation(request);
    target.enqueue(index, now, m_requests);
    rescheduleReplica(replica);
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
    const SimTime think = m_factory.finishTurn(request, m_sessionRng);
    if (think >= 0) {
        // The client reads the answer (return trip), thinks, and sends the next turn (gateway trip).
        const SimTime next = now + static_cast<SimTime>(request.networkReturnUs) + think;
        if (next < m_window.measureTo)
            m_scheduler.push(next, EventPriority::Arrival, SessionTurn, static_cast<std::uint32_t>(request.session));
        else
            m_factory.abandon(request);
    }
    m_requests.release(index);
}

void Episode::onProbeTimer(SimTime now)
{
    m_snapshot = m_cluster->loads();
    m_policy->viewRefreshed();
    if (now + m_probeUs < m_window.measureTo)
        m_scheduler.scheduleTimer(m_probeTimer, now + m_probeUs, EventPriority::Housekeeping);
    else
        m_scheduler.cancelTimer(m_probeTimer);
}

} // namespace longitude::engine
