// Whole-simulation throughput in simulated requests per wall second (items_per_second), on the
// global-service fleet (525 replicas, six regions, prefix cache on) and on a single M/M/c
// replica. See docs/performance.md for the figures and how to reproduce them.
#include "bench/globalservicescenario.h"
#include "engine/sim/simulation.h"

#include <benchmark/benchmark.h>

using namespace longitude::engine;

namespace {
void runScenario(benchmark::State &state, const Scenario &scenario)
{
    double requests = 0.0;
    for (auto _ : state) {
        auto simulation = Simulation::create(scenario);
        if (!simulation) {
            state.SkipWithError(simulation.error().c_str());
            return;
        }
        const auto result = simulation->run();
        if (!result) {
            state.SkipWithError(result.error().c_str());
            return;
        }
        // Every request generated, warm-up included: that is the work done.
        requests += static_cast<double>(result->generatedRequests);
        state.counters["ttft_p99_ms"] = result->latency.ttft.quantile(0.99) / 1e3;
        state.counters["utilization"] = result->utilizationMean();
        state.counters["events"] = static_cast<double>(result->events);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(requests));
}
} // namespace

// The sample's fleet and workload at the global peak (19:00 UTC). `scale` multiplies the
// sample's request rates (percent): 100 is the sample, whose busiest regions run at 79 % of the
// replicas' measured capacity; 60 a lighter fleet (smaller batches, smaller working set).
static void BM_GlobalService(benchmark::State &state)
{
    Scenario s = longitude::bench::globalServiceScenario();
    const double scale = static_cast<double>(state.range(0)) / 100.0;
    for (auto &traffic : s.traffic)
        traffic.peakRps *= scale;
    s.simulation.durationS = static_cast<double>(state.range(1));
    s.simulation.warmupS = 10.0;
    runScenario(state, s);
}
BENCHMARK(BM_GlobalService)->Args({100, 60})->Args({60, 60})->Unit(benchmark::kMillisecond)->Iterations(1);

static void BM_GlobalChat(benchmark::State &state)
{
    Scenario s = longitude::bench::globalChatScenario();
    s.simulation.durationS = static_cast<double>(state.range(0));
    s.simulation.warmupS = 10.0;
    runScenario(state, s);
}
BENCHMARK(BM_GlobalChat)->Arg(120)->Unit(benchmark::kMillisecond)->Iterations(1);

// M/M/c at rho 0.9 on one replica: the kernel without the fleet's memory footprint.
static void BM_SingleReplicaMmc(benchmark::State &state)
{
    Scenario s;
    s.name = "mmc";
    Region region;
    region.id = "r";
    region.zone = "Z";
    region.gatewayLatencyMs = 0.0;
    s.regions.push_back(region);
    s.zones.push_back({"Z", "Z", ""});
    GpuType gpu;
    gpu.id = "G";
    gpu.memoryGb = 80;
    gpu.bf16Tflops = 1000;
    gpu.hbmTbPerS = 3;
    s.gpuTypes.push_back(gpu);
    Model model;
    model.id = "m";
    model.paramsB = 10;
    model.bytesPerParam = 2;
    model.kvBytesPerToken = 1e5;
    LatencyProfile profile;
    profile.gpuType = "G";
    profile.kind = ProfileKind::Constant;
    profile.decodeStepMs = 1.0;
    profile.maxBatch = 4;
    model.profiles.push_back(profile);
    s.models.push_back(model);
    Pool pool;
    pool.id = "p";
    pool.region = "r";
    pool.gpuType = "G";
    pool.gpuCount = 1;
    pool.model = "m";
    s.pools.push_back(pool);
    RegionTraffic traffic;
    traffic.region = "r";
    traffic.peakRps = 0.9 * 4 / 0.5;
    traffic.preset = "flat";
    s.traffic.push_back(traffic);
    WorkloadClass w;
    w.id = "w";
    w.model = "m";
    w.promptTokens.kind = DistributionKind::Constant;
    w.promptTokens.value = 1;
    w.outputTokens.kind = DistributionKind::Exponential;
    w.outputTokens.mean = 500;
    w.sessionTurns.value = 1;
    s.workloads.push_back(w);
    s.simulation.durationS = 200000;
    s.simulation.warmupS = 0;
    s.simulation.prefixCache = false;
    runScenario(state, s);
}
BENCHMARK(BM_SingleReplicaMmc)->Unit(benchmark::kMillisecond)->Iterations(1);

BENCHMARK_MAIN();
