#include "simulation.h"

#include "engine/planning/costmodel.h"
#include "engine/sim/episode.h"
#include "engine/sim/failoverconfig.h"
#include "engine/sim/overflowconfig.h"
#include "engine/workload/arrivalprocess.h"

#include <algorithm>
#include <chrono>
#include <atomic>
#include <cmath>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace longitude::engine {

std::expected<Simulation, std::string> Simulation::create(const Scenario &scenario, const SimulationOptions &options,
                                                          PolicyRegistry registry)
{
    auto setup = SimulationSetup::resolve(scenario);
    if (!setup)
        return std::unexpected(setup.error());
    Simulation simulation;
    simulation.m_setup = std::move(*setup);
    if (options.seed)
        simulation.m_setup.seed = *options.seed;
    if (options.durationS)
        simulation.m_setup.durationS = *options.durationS;
    if (options.policy && *options.policy != simulation.m_setup.policy) {
        simulation.m_setup.policy = *options.policy;
        simulation.m_setup.policyParams.clear();
    }
    if (options.policyParams)
        simulation.m_setup.policyParams = *options.policyParams;
    if (!(simulation.m_setup.durationS > 0.0))
        return std::unexpected("the simulated duration must be positive");
    if (auto policy = registry.create(simulation.m_setup.policy, simulation.m_setup.policyParams); !policy)
        return std::unexpected(policy.error());
    if (auto overflow = OverflowConfig::fromScenario(scenario.overflow); !overflow)
        return std::unexpected(overflow.error());
    auto failover = FailoverConfig::fromScenario(scenario.failover);
    if (!failover)
        return std::unexpected(failover.error());
    if (!failover->degradeModel.empty()) {
        const auto &ids = simulation.m_setup.modelIds;
        const bool known = std::find(ids.begin(), ids.end(), failover->degradeModel) != ids.end();
        const bool served = std::any_of(scenario.pools.begin(), scenario.pools.end(),
                                        [&](const Pool &pool) { return pool.model == failover->degradeModel; });
        if (!known || !served)
            return std::unexpected("failover/degradeModel: '" + failover->degradeModel + "' must be a model with pools");
    }
    simulation.m_registry = std::move(registry);
    simulation.m_observer = options.observer;
    simulation.m_threads = options.threads;
    return simulation;
}

void Simulation::finishResult(SimulationResult &result) const
{
    result.requests = RequestCounters{};
    result.latency = LatencySet{};
    result.cache = CacheCounters{};
    for (auto &region : result.regions) {
        result.requests.merge(region.requests);
        result.latency.merge(region.latency);
        result.cache.merge(region.cache);
    }
    // Regions' capacity and usage for per-region utilisation.
    for (auto &region : result.regions) {
        region.slotCapacityUs = 0.0;
        region.runningSlotUs = 0.0;
        region.gpuTimeUs = 0.0;
        region.computeGpuUs = 0.0;
        for (const auto &pool : result.pools)
            if (pool.region == region.id) {
                region.slotCapacityUs += static_cast<double>(pool.replicas) * pool.maxBatch * result.measuredUs;
                region.runningSlotUs += pool.runningSlotUs;
                if (pool.replicas > 0) {
                    region.gpuTimeUs += static_cast<double>(pool.gpus) * result.measuredUs;
                    region.computeGpuUs += pool.computeWorkUs * static_cast<double>(pool.gpus) / pool.replicas;
                }
            }
    }
    const double hours = result.measuredUs / 3.6e9;
    result.gpuUsd = 0.0;
    const auto &pools = m_setup.scenario.pools;
    for (std::size_t p = 0; p < result.pools.size() && p < pools.size(); ++p) {
        const GpuType *gpu = m_setup.scenario.findGpuType(pools[p].gpuType);
        const double price = gpu ? CostModel::usdPerGpuHour(*gpu, pools[p].pricing) : 0.0;
        result.pools[p].gpuUsd = CostModel::gpuUsd(result.pools[p].gpus, price, hours);
        result.gpuUsd += result.pools[p].gpuUsd;
    }
    result.scenario = m_setup.scenario.name;
    result.policy = m_setup.policy;
    result.seed = m_setup.seed;
    result.slaTtftP99Ms = m_setup.scenario.sla.ttftP99Ms;
}

std::expected<SimulationResult, std::string> Simulation::run()
{
    const auto started = std::chrono::steady_clock::now();
    std::expected<SimulationResult, std::string> result;
    if (m_setup.scenario.simulation.sampling.enabled) {
        result = runSampled();
    } else {
        Episode::Window window;
        window.start = 0;
        window.measureTo = simTimeFromSeconds(m_setup.durationS);
        window.measureFrom = std::min(window.measureTo, simTimeFromSeconds(m_setup.scenario.simulation.warmupS));
        Episode episode(m_setup, m_registry, window, m_observer, 0.0, 1.0);
        result = episode.run();
    }
    if (!result)
        return result;
    finishResult(*result);
    result->wallSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (m_observer)
        m_observer->progress(1.0);
    return result;
}

namespace {
// Adds `part` into `total`: counts and histograms weighted by traffic, time integrals by time.
void mergeInto(SimulationResult &total, const SimulationResult &part, double countWeight, double timeWeight)
{
    for (std::size_t r = 0; r < total.regions.size(); ++r) {
        total.regions[r].requests.merge(part.regions[r].requests, countWeight);
        total.regions[r].latency.merge(part.regions[r].latency, countWeight);
        total.regions[r].cache.merge(part.regions[r].cache, countWeight);
    }
    for (std::size_t p = 0; p < total.pools.size(); ++p) {
        total.pools[p].requests.merge(part.pools[p].requests, countWeight);
        total.pools[p].latency.merge(part.pools[p].latency, countWeight);
        total.pools[p].cache.merge(part.pools[p].cache, countWeight);
        total.pools[p].runningSlotUs += part.pools[p].runningSlotUs * timeWeight;
        total.pools[p].busyReplicaUs += part.pools[p].busyReplicaUs * timeWeight;
        total.pools[p].computeWorkUs += part.pools[p].computeWorkUs * timeWeight;
    }
    // The timeline shows the simulated windows as they were, unweighted.
    if (total.timeline.size() < part.timeline.size())
        total.timeline.resize(part.timeline.size());
    for (std::size_t b = 0; b < part.timeline.size(); ++b) {
        auto &dst = total.timeline[b];
        const auto &src = part.timeline[b];
        dst.startUs = src.startUs;
        dst.requests.merge(src.requests);
        dst.latency.merge(src.latency);
        if (dst.poolRunningSlotUs.size() < src.poolRunningSlotUs.size())
            dst.poolRunningSlotUs.resize(src.poolRunningSlotUs.size(), 0.0);
        for (std::size_t p = 0; p < src.poolRunningSlotUs.size(); ++p)
            dst.poolRunningSlotUs[p] += src.poolRunningSlotUs[p];
        if (dst.poolComputeWorkUs.size() < src.poolComputeWorkUs.size())
            dst.poolComputeWorkUs.resize(src.poolComputeWorkUs.size(), 0.0);
        for (std::size_t p = 0; p < src.poolComputeWorkUs.size(); ++p)
            dst.poolComputeWorkUs[p] += src.poolComputeWorkUs[p];
    }
    for (const auto &[reason, count] : part.shedReasons)
        total.shedReasons[reason] += count * countWeight;
    total.egressUsd += part.egressUsd * countWeight;
    total.egressBytes += part.egressBytes * countWeight;
    total.inSystemArea += part.inSystemArea * timeWeight;
    total.residenceSumUs += part.residenceSumUs * countWeight;
    total.residenceCount += part.residenceCount * countWeight;
    total.measuredUs += part.measuredUs * timeWeight;
    total.events += part.events;
    total.generatedRequests += part.generatedRequests;
    total.overflowEnabled = part.overflowEnabled;
    total.failoverEnabled = part.failoverEnabled;
    total.probeIntervalMs = part.probeIntervalMs;
    total.overflow.merge(part.overflow, countWeight);
    total.failover.merge(part.failover, countWeight);
}
} // namespace

std::expected<SimulationResult, std::string> Simulation::runSampled()
{
    const SamplingSettings &sampling = m_setup.scenario.simulation.sampling;
    const SimTime duration = simTimeFromSeconds(m_setup.durationS);
    const SimTime warmup = simTimeFromSeconds(std::max(0.0, sampling.warmupS));
    const SimTime window = std::max<SimTime>(1, simTimeFromSeconds(sampling.windowS));
    const int hours = static_cast<int>((duration + kMicrosPerHour - 1) / kMicrosPerHour);

    // Expected request rate integrated over an interval, all regions together.
    std::vector<ArrivalProcess> processes;
    for (std::size_t r = 0; r < m_setup.regionIds.size(); ++r)
        processes.emplace_back(m_setup.requestRate[r], m_setup.utcOffsetHours[r], m_setup.scenario.simulation.startUtcHour);
    auto expected = [&](SimTime from, SimTime to) {
        double total = 0.0;
        for (const auto &p : processes)
            total += p.expected(static_cast<double>(from), static_cast<double>(to));
        return total;
    };

    std::vector<Episode::Window> windows;
    for (int h = 0; h < hours; ++h) {
        const SimTime hourStart = static_cast<SimTime>(h) * kMicrosPerHour;
        const SimTime hourEnd = std::min(duration, hourStart + kMicrosPerHour);
        Episode::Window w;
        w.start = hourStart;
        w.measureFrom = std::min(hourEnd, hourStart + warmup);
        w.measureTo = std::min(hourEnd, w.measureFrom + window);
        w.streamSuffix = "/h" + std::to_string(h);
        if (w.measureTo > w.measureFrom)
            windows.push_back(w);
    }

    // The hours are independent (own state, own random streams): run them on worker threads and
    // merge in hour order, so the result is the same whatever the number of threads.
    std::vector<std::optional<std::expected<SimulationResult, std::string>>> parts(windows.size());
    std::atomic<std::size_t> next{0};
    std::atomic<bool> cancel{false};
    std::mutex mutex;
    std::condition_variable doneChanged;
    std::size_t done = 0;
    class CancelFlag : public SimulationObserver
    {
    public:
        explicit CancelFlag(std::atomic<bool> &flag) : m_flag(flag) {}
        bool cancelled() override { return m_flag.load(); }

    private:
        std::atomic<bool> &m_flag;
    };
    CancelFlag cancelFlag(cancel);
    const auto work = [&] {
        for (std::size_t i = next++; i < windows.size() && !cancel.load(); i = next++) {
            Episode episode(m_setup, m_registry, windows[i], &cancelFlag, 0.0, 1.0);
            auto part = episode.run();
            std::lock_guard lock(mutex);
            parts[i] = std::move(part);
            ++done;
            doneChanged.notify_all();
        }
    };
    int threads = m_threads > 0 ? m_threads : static_cast<int>(std::thread::hardware_concurrency());
    threads = std::clamp(threads, 1, std::max(1, static_cast<int>(windows.size())));
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t)
        workers.emplace_back(work);
    {
        std::unique_lock lock(mutex);
        while (done < windows.size()) {
            doneChanged.wait_for(lock, std::chrono::milliseconds(200));
            if (m_observer) {
                const double fraction = static_cast<double>(done) / static_cast<double>(windows.size());
                lock.unlock();
                m_observer->progress(fraction);
                if (m_observer->cancelled())
                    cancel = true;
                lock.lock();
            }
            if (cancel.load() && next.load() >= windows.size())
                break;
            if (cancel.load())
                next = windows.size();
        }
    }
    for (auto &worker : workers)
        worker.join();

    SimulationResult total;
    total.sampled = true;
    for (std::size_t i = 0; i < windows.size(); ++i) {
        if (!parts[i])
            break; // cancelled before this hour ran
        auto &part = *parts[i];
        if (!part)
            return std::unexpected(part.error());
        const Episode::Window &w = windows[i];
        const SimTime hourStart = w.start;
        const SimTime hourEnd = std::min(duration, hourStart + kMicrosPerHour);
        if (total.regions.empty()) {
            total.regions = part->regions;
            total.pools = part->pools;
            for (auto &r : total.regions)
                r = SimulationResult::Region{r.id, {}, LatencySet{}, {}, 0.0, 0.0, 0.0, 0.0};
            for (auto &p : total.pools) {
                p.requests = {};
                p.latency = LatencySet{};
                p.cache = {};
                p.runningSlotUs = p.busyReplicaUs = p.computeWorkUs = 0.0;
            }
            total.bucketUs = part->bucketUs;
        }
        const double inWindow = expected(w.measureFrom, w.measureTo);
        const double inHour = expected(hourStart, hourEnd);
        const double timeWeight = static_cast<double>(hourEnd - hourStart) / static_cast<double>(w.measureTo - w.measureFrom);
        const double countWeight = inWindow > 0.0 ? inHour / inWindow : timeWeight;
        mergeInto(total, *part, countWeight, timeWeight);
    }
    total.simulatedSeconds = total.measuredUs * 1e-6;
    return total;
}

} // namespace longitude::engine
