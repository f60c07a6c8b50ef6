// "No allocation per request in steady state": counts heap allocations of whole runs of
// different lengths. Per-request allocation would make the count grow with the number of
// requests; here only a few structures may grow (timeline buckets, histogram ranges, queue
// capacities reaching their peak).
#include "engine/sim/simulation.h"
#include "enginetestscenarios.h"

#include <QtTest>

#include <atomic>
#include <cstdlib>
#include <new>

namespace {
std::atomic<long long> g_allocations{0};
}

void *operator new(std::size_t size)
{
    ++g_allocations;
    if (void *p = std::malloc(size ? size : 1))
        return p;
    throw std::bad_alloc();
}
void operator delete(void *p) noexcept { std::free(p); }
void operator delete(void *p, std::size_t) noexcept { std::free(p); }

using namespace longitude::engine;
using namespace longitude::engine::test;

class TestAllocations : public QObject
{
    Q_OBJECT

    static std::pair<long long, double> run(double durationS)
    {
        Scenario s = threeRegions(12.0);
        s.simulation.durationS = durationS;
        s.simulation.warmupS = 60.0;
        s.simulation.startUtcHour = 14.0;
        s.traffic[0].preset = "flat";
        s.traffic[1].preset = "flat";
        auto simulation = Simulation::create(s);
        if (!simulation)
            qFatal("%s", simulation.error().c_str());
        const long long before = g_allocations.load();
        const auto result = simulation->run();
        const long long allocations = g_allocations.load() - before;
        return {allocations, static_cast<double>(result->generatedRequests)};
    }

private slots:
    void allocationsDoNotGrowWithRequests()
    {
        const auto [shortAllocs, shortRequests] = run(1200.0);
        const auto [longAllocs, longRequests] = run(4800.0);
        const double extraRequests = longRequests - shortRequests;
        const double extraAllocations = static_cast<double>(longAllocs - shortAllocs);
        qInfo("%.0f requests: %lld allocations; %.0f requests: %lld allocations (%.4f per extra request)",
              shortRequests, shortAllocs, longRequests, longAllocs, extraAllocations / extraRequests);
        QVERIFY(extraRequests > 50000);
        // The timeline adds a few allocations per 60 s bucket; anything per request would be >= 1.
        QVERIFY(extraAllocations / extraRequests < 0.01);
    }
};

QTEST_APPLESS_MAIN(TestAllocations)
#include "tst_allocations.moc"
