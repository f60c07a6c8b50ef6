// Compute utilisation (docs/engine.md, "Utilisation"): the work a replica does, i.e. its prefill
// time plus, per decode step, the share of a full batch's step its sequences use, checked
// against hand computation on single replicas, at saturation (100 %) and under light load (rho).
#include "engine/serving/latencymodel.h"
#include "engine/serving/replica.h"
#include "engine/sim/simulation.h"
#include "engine/stats/utilizationtracker.h"
#include "enginetestscenarios.h"

#include <QtTest>

#include <cmath>

using namespace longitude::engine;
using namespace longitude::engine::test;

namespace {
class Ignore : public ReplicaObserver
{
public:
    void requestFinished(std::int32_t, SimTime now) override { last = now; }
    SimTime last = 0;
};

/// Drives `replica` through its wake-ups until it is idle; returns the last completion time.
SimTime runToIdle(Replica &replica, RequestPool &pool)
{
    Ignore observer;
    while (replica.wakeTimeUs() != kSimTimeNever)
        replica.wake(replica.wakeTimeUs(), pool, observer);
    return observer.last;
}

std::int32_t addRequest(RequestPool &pool, int prompt, int out)
{
    const std::int32_t index = pool.allocate();
    pool[index].promptTokens = prompt;
    pool[index].outputTokens = out;
    pool[index].streamSegment = static_cast<std::uint64_t>(index) + 1;
    return index;
}

// The linear test profile (enginetestscenarios.h): prefill 100 us per token; a step of b
// sequences holding C tokens takes 10 ms + 0.5 ms x b + 1 us x C; maxBatch 8. A full batch's
// step has base 10 + 0.5 x 8 = 14 ms, so a step of b sequences uses b/8 x 14 ms + 1 us x C of
// capacity. A sequence's k-th output token (k = 0..n-1) is computed with prompt + k tokens of
// context.
double linearWorkUs(int batch, double contextTokens) { return batch / 8.0 * 14000.0 + contextTokens; }

LatencyProfile rooflineProfile(int maxBatch)
{
    LatencyProfile p;
    p.gpuType = "G";
    p.tensorParallel = 1;
    p.kind = ProfileKind::Roofline;
    p.etaPrefill = 0.5;
    p.etaMem = 0.75;
    p.etaDecode = 0.25;
    p.maxBatch = maxBatch;
    p.kvUsableFraction = 0.9;
    return p;
}
} // namespace

class TestUtilization : public QObject
{
    Q_OBJECT

private slots:
    void capacityStepIsTheBatchShareOfAFullStep()
    {
        for (const LatencyProfile &profile : {linearProfile(), rooflineProfile(64), constantProfile(10.0, 4)}) {
            const auto model = LatencyModel::compile(profile, testGpu(), testModel(profile));
            QVERIFY(model.has_value());
            const int full = model->maxBatch();
            for (const double perSeq : {10.0, 500.0, 50000.0}) {
                // A full batch uses exactly its step.
                QVERIFY(qFuzzyCompare(model->capacityStep(full).at(full * perSeq), model->stepUs(full, full * perSeq)));
                for (int b = 1; b <= full; ++b) {
                    // b/M of a full batch's step at the same context per sequence, never more than the step.
                    const double share = b / static_cast<double>(full) * model->stepUs(full, full * perSeq);
                    QVERIFY(qFuzzyCompare(model->capacityStep(b).at(b * perSeq), share));
                    QVERIFY(model->capacityStep(b).at(b * perSeq) <= model->stepUs(b, b * perSeq) * (1.0 + 1e-12));
                }
            }
        }
    }

    void linearSingleRequestByHand()
    {
        const auto model = LatencyModel::compile(linearProfile(), testGpu(), testModel(linearProfile()));
        QVERIFY(model.has_value());
        UtilizationTracker tracker;
        tracker.configure(1, 0, 0, kSimTimeNever / 2, 0);
        ReplicaLoad load;
        Replica::Config config;
        config.model = &*model;
        config.prefixCache = false;
        Replica replica(config, &load, &tracker);
        RequestPool pool;
        const int prompt = 1000;
        const int out = 100;
        replica.enqueue(addRequest(pool, prompt, out), 5000000, pool);
        runToIdle(replica, pool);
        // Prefill 100 ms, then 100 steps of batch 1.
        double expected = 100.0 * prompt;
        for (int k = 0; k < out; ++k)
            expected += linearWorkUs(1, prompt + k);
        QCOMPARE(expected, 379950.0); // 100,000 + 100 x (1,750 + 1,000) + 4,950
        qInfo("work %.6f us, by hand %.0f us", tracker.workArea(0), expected);
        QVERIFY2(std::abs(tracker.workArea(0) - expected) < 1.0, qPrintable(QString::number(tracker.workArea(0), 'f', 3)));
    }

    void linearTwoRequestsByHand()
    {
        const auto model = LatencyModel::compile(linearProfile(), testGpu(), testModel(linearProfile()));
        QVERIFY(model.has_value());
        UtilizationTracker tracker;
        tracker.configure(1, 0, 0, kSimTimeNever / 2, 0);
        ReplicaLoad load;
        Replica::Config config;
        config.model = &*model;
        config.prefixCache = false;
        Replica replica(config, &load, &tracker);
        RequestPool pool;
        // A (1,000 prompt, 100 out) and B (500, 50) arrive together: A prefills 100 ms, B 50 ms
        // (decode waits), then both decode from the same step: 50 steps of batch 2, then A alone.
        replica.enqueue(addRequest(pool, 1000, 100), 0, pool);
        replica.enqueue(addRequest(pool, 500, 50), 0, pool);
        runToIdle(replica, pool);
        double expected = 150000.0;
        for (int k = 0; k < 50; ++k)
            expected += linearWorkUs(2, (1000 + k) + (500 + k));
        for (int k = 50; k < 100; ++k)
            expected += linearWorkUs(1, 1000 + k);
        QCOMPARE(expected, 543675.0); // 150,000 + 252,450 + 141,225
        qInfo("work %.6f us, by hand %.0f us", tracker.workArea(0), expected);
        QVERIFY2(std::abs(tracker.workArea(0) - expected) < 2.0, qPrintable(QString::number(tracker.workArea(0), 'f', 3)));
    }

    void windowAndBucketEdgesSplitExactly()
    {
        const auto model = LatencyModel::compile(linearProfile(), testGpu(), testModel(linearProfile()));
        QVERIFY(model.has_value());
        // Measure from the end of A's 10th decode step to the end of its 60th: steps of batch 1
        // take 11,500 + k us, so the window is [t0 + 100,000 + 115,045, t0 + 100,000 + 691,770].
        const SimTime t0 = 1000000;
        const SimTime from = t0 + 100000 + 115045;
        const SimTime to = t0 + 100000 + 691770;
        UtilizationTracker tracker;
        const SimTime bucketUs = 50000; // edges inside steps, to be split too
        tracker.configure(1, 0, from, to, bucketUs);
        ReplicaLoad load;
        Replica::Config config;
        config.model = &*model;
        config.prefixCache = false;
        Replica replica(config, &load, &tracker);
        RequestPool pool;
        replica.enqueue(addRequest(pool, 1000, 100), t0, pool);
        runToIdle(replica, pool);
        double expected = 0.0;
        for (int k = 10; k < 60; ++k)
            expected += linearWorkUs(1, 1000 + k);
        QCOMPARE(expected, 139225.0);
        qInfo("work in the window %.6f us, by hand %.0f us", tracker.workArea(0), expected);
        QVERIFY2(std::abs(tracker.workArea(0) - expected) < 1e-3, qPrintable(QString::number(tracker.workArea(0), 'f', 6)));
        double buckets = 0.0;
        for (std::size_t b = 0; b < tracker.bucketCount() + 1; ++b)
            buckets += tracker.bucketWorkArea(b, 0);
        QVERIFY(std::abs(buckets - tracker.workArea(0)) < 1e-6);
        // Nothing outside the window.
        QCOMPARE(tracker.bucketWorkArea(static_cast<std::size_t>(from / bucketUs) - 1, 0), 0.0);

        // A window opening in the middle of the prefill counts the rest of it: 60 of its 100 ms.
        UtilizationTracker late;
        late.configure(1, 0, t0 + 40000, kSimTimeNever / 2, 0);
        ReplicaLoad load2;
        Replica replica2(config, &load2, &late);
        RequestPool pool2;
        replica2.enqueue(addRequest(pool2, 1000, 100), t0, pool2);
        runToIdle(replica2, pool2);
        QVERIFY(std::abs(late.workArea(0) - (379950.0 - 40000.0)) < 1.0);
    }

    void fullBatchesUseAllCapacity()
    {
        // A backlog on a roofline replica: it prefills one request at a time (decode waits) until
        // its 8 slots are full, decodes the full batch, and refills. Prefilling or stepping a full
        // batch, it works all the time: compute utilisation 1, although the memory term sets the
        // step (the batch, not the compute, is the limit). Slot utilisation reads less: slots
        // stand empty while the batch refills.
        const LatencyProfile profile = rooflineProfile(8);
        const auto model = LatencyModel::compile(profile, testGpu(), testModel(profile));
        QVERIFY(model.has_value());
        QVERIFY(model->stepUs(8, 8 * 120.0) > model->capacityStep(1).floorUs * 8); // memory-bound
        UtilizationTracker tracker;
        tracker.configure(1, 0, 0, kSimTimeNever / 2, 0);
        ReplicaLoad load;
        Replica::Config config;
        config.model = &*model;
        config.prefixCache = false;
        Replica replica(config, &load, &tracker);
        RequestPool pool;
        for (int i = 0; i < 64; ++i)
            replica.enqueue(addRequest(pool, 100, 20), 0, pool);
        const SimTime end = runToIdle(replica, pool);
        tracker.flushAll(end);
        QVERIFY(end > 0);
        QVERIFY2(std::abs(tracker.workArea(0) / static_cast<double>(end) - 1.0) < 1e-9,
                 qPrintable(QString::number(tracker.workArea(0) / static_cast<double>(end), 'f', 12)));
        QVERIFY(tracker.runningArea(0) / (8.0 * static_cast<double>(end)) < 0.99);
    }

    void lightLoadComputeUtilizationIsRho()
    {
        // Roofline test model (10 B parameters, BF16, on a 1,000 TFLOP/s, 3 TB/s GPU), 256 slots:
        // prefill 2 x 10e9 / (1,000e12 x 0.5) = 40 us per token; a decode step costs at least
        // 2 x 10e9 / (1,000e12 x 0.25) = 80 us per sequence, more than a full batch's memory
        // share (20 GB / (3 TB/s x 0.75) / 256 = 34.7 us, plus 0.044 us per context token), so a
        // saturated replica spends 200 x 40 us + 100 x 80 us = 16 ms per request (200-token
        // prompt, 100 output tokens): 62.5 req/s. At 125 req/s on 4 replicas, rho = 0.5.
        const LatencyProfile profile = rooflineProfile(256);
        Scenario s = singleRegion(profile, 4, 125.0, workload(constant(200), constant(100)));
        s.simulation.durationS = 1200.0;
        s.simulation.warmupS = 60.0;
        auto simulation = Simulation::create(s);
        QVERIFY2(simulation.has_value(), simulation ? "" : simulation.error().c_str());
        const auto r = simulation->run();
        QVERIFY(r.has_value());
        const double rho = 125.0 / 4.0 * 0.016;
        const double compute = r->computeUtilizationMean();
        qInfo("compute utilisation %.4f (rho %.4f), slot utilisation %.4f", compute, rho, r->utilizationMean());
        // Poisson arrivals: ~142,000 requests measured, relative noise ~0.3 %.
        QVERIFY(std::abs(compute / rho - 1.0) < 0.015);
        QCOMPARE(r->pools[0].computeUtilization(r->measuredUs), compute);
        QCOMPARE(r->regions[0].computeUtilization(), compute);
        // The batch-slot measure says far less: small batches step on the memory term.
        QVERIFY(r->utilizationMean() < 0.5 * compute);
        // The time series adds up to the same work.
        double work = 0.0;
        for (const auto &bucket : r->timeline)
            for (const double w : bucket.poolComputeWorkUs)
                work += w;
        QVERIFY(std::abs(work / r->pools[0].computeWorkUs - 1.0) < 1e-9);
    }
};

QTEST_APPLESS_MAIN(TestUtilization)
#include "tst_utilization.moc"
