// Micro-benchmarks of the simulation kernel's building blocks (not timed tests: run by hand,
// see docs/performance.md).
#include "engine/core/aliastable.h"
#include "engine/core/eventqueue.h"
#include "engine/core/rng.h"
#include "engine/core/timercalendar.h"
#include "engine/core/timerheap.h"
#include "engine/stats/loghistogram.h"

#include <benchmark/benchmark.h>

using namespace longitude::engine;

// Hold model: a queue of N pending events; pop the earliest, push one at now + Exp(mean).
static void BM_EventQueueHold(benchmark::State &state)
{
    const auto pending = static_cast<int>(state.range(0));
    EventQueue queue;
    Rng rng(1);
    std::uint64_t seq = 0;
    const double meanUs = 30e6; // 30 s think times: most events sit in the calendar ring
    for (int i = 0; i < pending; ++i)
        queue.push({EventKey::make(static_cast<SimTime>(rng.exponential(meanUs)), EventPriority::Arrival, seq++), 0, 0});
    for (auto _ : state) {
        const SimTime now = queue.top().key.time;
        queue.pop();
        queue.push({EventKey::make(now + static_cast<SimTime>(rng.exponential(meanUs)), EventPriority::Arrival, seq++), 0, 0});
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_EventQueueHold)->Arg(1000)->Arg(100000)->Arg(1000000);

// A replica's timer moving later, as after every completion (525 replicas).
static void BM_TimerHeapReschedule(benchmark::State &state)
{
    const auto timers = static_cast<int>(state.range(0));
    TimerHeap heap(timers);
    Rng rng(2);
    std::uint64_t seq = 0;
    for (int i = 0; i < timers; ++i)
        heap.schedule(i, EventKey::make(static_cast<SimTime>(rng.uniformInt(1000000)), EventPriority::Replica, seq++));
    for (auto _ : state) {
        const int id = heap.topId();
        const SimTime t = heap.topKey().time;
        heap.schedule(id, EventKey::make(t + 1 + static_cast<SimTime>(rng.uniformInt(40000)), EventPriority::Replica, seq++));
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_TimerHeapReschedule)->Arg(64)->Arg(525)->Arg(4096);

// The same pattern on the calendar the scheduler uses for replica timers: the earliest timer
// fires and moves up to 40 ms later.
static void BM_TimerCalendarReschedule(benchmark::State &state)
{
    const auto timers = static_cast<int>(state.range(0));
    TimerCalendar calendar(timers);
    Rng rng(2);
    std::uint64_t seq = 0;
    for (int i = 0; i < timers; ++i)
        calendar.schedule(i, EventKey::make(static_cast<SimTime>(rng.uniformInt(40000)), EventPriority::Replica, seq++));
    for (auto _ : state) {
        const int id = calendar.topId();
        const SimTime t = calendar.topKey().time;
        calendar.schedule(id, EventKey::make(t + 1 + static_cast<SimTime>(rng.uniformInt(40000)), EventPriority::Replica, seq++));
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_TimerCalendarReschedule)->Arg(64)->Arg(525)->Arg(4096);

static void BM_RngExponential(benchmark::State &state)
{
    Rng rng(3);
    for (auto _ : state)
        benchmark::DoNotOptimize(rng.exponential(1.0));
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_RngExponential);

static void BM_RngLognormal(benchmark::State &state)
{
    Rng rng(4);
    for (auto _ : state)
        benchmark::DoNotOptimize(rng.lognormal(4.0, 0.8));
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_RngLognormal);

static void BM_AliasSample(benchmark::State &state)
{
    AliasTable table(AliasTable::zipfWeights(static_cast<int>(state.range(0)), 1.0));
    Rng rng(5);
    for (auto _ : state)
        benchmark::DoNotOptimize(table.sample(rng));
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_AliasSample)->Arg(32)->Arg(100000);

static void BM_LogHistogramRecord(benchmark::State &state)
{
    LogHistogram histogram;
    Rng rng(6);
    std::vector<std::int64_t> values(4096);
    for (auto &v : values)
        v = static_cast<std::int64_t>(rng.lognormal(11.0, 1.0)); // ~60 ms in microseconds
    std::size_t i = 0;
    for (auto _ : state)
        histogram.record(values[i++ & 4095]);
    benchmark::DoNotOptimize(histogram.count());
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_LogHistogramRecord);

BENCHMARK_MAIN();
