// Prefix cache: the data structure against a reference, then hit rates of whole simulations
// against counting by hand.
#include "engine/core/rng.h"
#include "engine/serving/prefixcache.h"
#include "engine/sim/simulation.h"
#include "enginetestscenarios.h"

#include <QtTest>

#include <map>

using namespace longitude::engine;
using namespace longitude::engine::test;

class TestPrefixCache : public QObject
{
    Q_OBJECT

private slots:
    void blockIdsAreStable()
    {
        QCOMPARE(PrefixCache::blockId(7, 3), PrefixCache::blockId(7, 3));
        QVERIFY(PrefixCache::blockId(7, 3) != PrefixCache::blockId(7, 4));
        QVERIFY(PrefixCache::blockId(7, 3) != PrefixCache::blockId(8, 3));
    }

    void lruTrimsTailBlocksOfLeastRecentlyUsed()
    {
        PrefixCache cache;
        const auto a = cache.acquire(101, true);
        cache.grow(a, 10);
        cache.release(a);
        const auto b = cache.acquire(202, true);
        cache.grow(b, 10);
        cache.release(b);
        QCOMPARE(cache.totalBlocks(), std::int64_t{20});
        // Touch a: b becomes least recently used.
        cache.release(cache.acquire(101, true));
        cache.evictTo(15);
        QCOMPARE(cache.cachedBlocks(101), 10);
        QCOMPARE(cache.cachedBlocks(202), 5); // tail trimmed, leading blocks kept
        cache.evictTo(8);
        QCOMPARE(cache.cachedBlocks(202), 0);
        QCOMPARE(cache.cachedBlocks(101), 8);
        QCOMPARE(cache.evictedBlocks(), std::int64_t{12});
    }

    void pinnedEntriesAreNeverEvicted()
    {
        PrefixCache cache;
        const auto a = cache.acquire(1, true);
        cache.grow(a, 10);
        QCOMPARE(cache.pinnedBlocks(), std::int64_t{10});
        cache.evictTo(0);
        QCOMPARE(cache.cachedBlocks(1), 10);
        cache.release(a);
        QCOMPARE(cache.pinnedBlocks(), std::int64_t{0});
        cache.evictTo(0);
        QCOMPARE(cache.cachedBlocks(1), 0);
        QCOMPARE(cache.entryCount(), std::size_t{0});
    }

    void directSlotsAnonymousAndEntriesShareOneLruOrder()
    {
        PrefixCache cache;
        cache.setDirectSlotCount(2);
        const auto direct = cache.acquireDirect(0);
        cache.grow(direct, 10);
        QCOMPARE(cache.directBlocks(0), 10);
        cache.release(direct);
        cache.addAnonymous(5);
        const auto entry = cache.acquire(7, true);
        cache.grow(entry, 3);
        cache.release(entry);
        QCOMPARE(cache.totalBlocks(), std::int64_t{18});
        // Oldest first: the system prompt (10 blocks) goes entirely.
        cache.evictTo(8);
        QCOMPARE(cache.directBlocks(0), 0);
        QCOMPARE(cache.cachedBlocks(7), 3);
        // Next oldest: the anonymous blocks, trimmed.
        cache.evictTo(6);
        QCOMPARE(cache.cachedBlocks(7), 3);
        QCOMPARE(cache.totalBlocks(), std::int64_t{6});
        // A pinned direct slot survives any eviction.
        const auto again = cache.acquireDirect(1);
        cache.grow(again, 4);
        cache.evictTo(0);
        QCOMPARE(cache.directBlocks(1), 4);
        QCOMPARE(cache.cachedBlocks(7), 0);
        cache.release(again);
        cache.evictTo(0);
        QCOMPARE(cache.directBlocks(1), 0);
        QCOMPARE(cache.totalBlocks(), std::int64_t{0});
    }

    void indexAgreesWithReferenceUnderChurn()
    {
        // Many inserts and evictions exercise growth and backward-shift deletion.
        PrefixCache cache;
        std::map<std::uint64_t, int> reference;
        Rng rng(9);
        for (int i = 0; i < 20000; ++i) {
            const std::uint64_t segment = 1 + rng.uniformInt(3000);
            const int blocks = 1 + static_cast<int>(rng.uniformInt(5));
            const auto e = cache.acquire(segment, true);
            cache.grow(e, blocks);
            cache.release(e);
            reference[segment] = std::max(reference[segment], blocks);
            if (i % 1000 == 999) {
                cache.evictTo(cache.totalBlocks() / 2);
                // Rebuild the reference from what survived: evicted ones must read 0 and
                // survivors must be a prefix of what was there.
                for (auto &[seg, n] : reference) {
                    const int now = cache.cachedBlocks(seg);
                    QVERIFY(now <= n);
                    n = now;
                }
            }
        }
        std::int64_t total = 0;
        for (const auto &[seg, n] : reference) {
            QCOMPARE(cache.cachedBlocks(seg), n);
            total += n;
        }
        QCOMPARE(cache.totalBlocks(), total);
    }

    void sharedPrefixesHitAsCountedByHand()
    {
        // 4 system prompts of 1024 tokens (64 blocks of 16) + 256 own tokens (16 blocks), rare
        // requests on one replica with ample KV: every request but the first of each group
        // hits its whole system prompt, nothing else.
        WorkloadClass w = workload(constant(256), constant(16));
        w.prefixGroups = 4;
        w.prefixTokens = 1024;
        Scenario s = singleRegion(linearProfile(), 1, 0.05, w);
        s.simulation.durationS = 40000.0;
        s.simulation.prefixCache = true;
        auto simulation = Simulation::create(s);
        QVERIFY(simulation.has_value());
        const auto big = simulation->run();
        QVERIFY(big.has_value());
        const double n = big->requests.completed;
        QVERIFY(n > 1000);
        const double hitRequests = n - 4;
        QCOMPARE(big->cache.hitRequests, hitRequests);
        QCOMPARE(big->cache.hitTokens, hitRequests * 1024);
        QCOMPARE(big->cache.hitBlocks, hitRequests * 64);
        QCOMPARE(big->cache.tokenHitRate(), hitRequests * 1024 / (n * 1280));
        QCOMPARE(big->cache.blockHitRate(), hitRequests * 64 / (n * 80));
        QCOMPARE(big->cache.requestHitRate(), hitRequests / n);

        // Shrink KV to 4000 tokens (250 blocks): own-token blocks of recent requests push system
        // prompts out of the LRU between uses, so the hit rate must fall.
        s.models[0].profiles[0].kvUsableFraction = (20e9 + 4000 * 1e5) / 80e9;
        auto smallSimulation = Simulation::create(s);
        QVERIFY(smallSimulation.has_value());
        const auto small = smallSimulation->run();
        QVERIFY(small.has_value());
        qInfo("token hit rate: ample KV %.4f, 4000-token KV %.4f", big->cache.tokenHitRate(),
              small->cache.tokenHitRate());
        QVERIFY(small->cache.tokenHitRate() < 0.9 * big->cache.tokenHitRate());
        QVERIFY(small->cache.tokenHitRate() > 0.0);
    }

    void sessionTurnsHitTheirHistory()
    {
        // 3 turns, 160 user tokens and 32 output tokens each, block 16, no system prompt.
        // Turn 1: prompt 160, hit 0. Cached after it: (160 + 32) / 16 = 12 blocks.
        // Turn 2: prompt 352, hit 12 blocks = 192. Cached after it: (352 + 32) / 16 = 24 blocks.
        // Turn 3: prompt 544, hit 24 blocks = 384. Rate = 576 / 1056.
        WorkloadClass w = workload(constant(160), constant(32));
        w.sessionTurns = constant(3);
        w.thinkTimeS = constant(1.0);
        Scenario s = singleRegion(linearProfile(), 1, 0.3, w);
        s.simulation.durationS = 20000.0;
        s.simulation.prefixCache = true;
        auto simulation = Simulation::create(s);
        QVERIFY(simulation.has_value());
        const auto result = simulation->run();
        QVERIFY(result.has_value());
        QVERIFY(result->requests.completed > 3000);
        qInfo("session token hit rate %.5f (hand: %.5f)", result->cache.tokenHitRate(), 576.0 / 1056.0);
        // Only sessions cut by the end of the run differ from the hand count.
        QVERIFY(std::abs(result->cache.tokenHitRate() - 576.0 / 1056.0) < 0.002);
        QVERIFY(std::abs(result->cache.requestHitRate() - 2.0 / 3.0) < 0.002);
    }
};

QTEST_APPLESS_MAIN(TestPrefixCache)
#include "tst_prefixcache.moc"
