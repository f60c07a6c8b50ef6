// Each routing policy in a small hand-built situation where its defining behaviour is worked
// out by hand (DOMAIN.md section 5): loads are set directly in the routers' view, caches are
// warmed by really serving a request, and the policy is asked one question.
#include "engine/policies/consistenthashring.h"
#include "engine/policies/gorgopolicy.h"
#include "engine/policies/gorgov1policy.h"
#include "engine/policies/lcapolicy.h"
#include "engine/policies/leastloadpolicy.h"
#include "engine/policies/llmdpolicy.h"
#include "engine/policies/policyregistry.h"
#include "engine/policies/skylbpolicy.h"
#include "engine/sim/simulation.h"
#include "policytestbed.h"

#include <QtTest>

#include <map>
#include <numeric>
#include <set>

using namespace longitude::engine;
using namespace longitude::engine::test;

namespace {

/// A balancer that always passes requests on to the other region: the Router must allow the
/// first crossing and refuse the second.
class AlwaysForward : public RoutingPolicy
{
public:
    RouteScope scope() const override { return RouteScope::Zone; }
    bool usesRouterQueues() const override { return true; }
    RouteChoice route(const RouteQuery &query) override { return RouteChoice::forward(1 - query.atRegion); }
};

std::unique_ptr<RoutingPolicy> make(const std::string &name, const ParamMap &params = {})
{
    auto policy = PolicyRegistry::builtins().create(name, params);
    if (!policy)
        qFatal("%s", policy.error().c_str());
    return std::move(*policy);
}

// Prefill is 100 us per token (linearProfile): a 2,000-token system prompt + 100 user tokens
// costs 210 ms on a miss, 10 ms on a hit (125 blocks of 16 tokens cached).
constexpr std::uint64_t kPrompt = 77;
constexpr int kPromptTokens = 2000;
constexpr int kUserTokens = 100;

Scenario oneRegion(int replicas)
{
    return policyScenario({{"a", "Z", replicas}}, {{0.0}});
}

Scenario twoRegions(double rttMs)
{
    return policyScenario({{"a", "Z", 2}, {"b", "Z", 2}}, {{0.0, rttMs}, {rttMs, 0.0}});
}

} // namespace

class TestPolicies : public QObject
{
    Q_OBJECT

private slots:
    void registryKnowsEveryPolicy()
    {
        const PolicyRegistry registry = PolicyRegistry::builtins();
        for (const char *name : {"round-robin", "least-load", "power-of-two", "session-affinity", "prefix-affinity", "lca",
                                 "llm-d", "cache-aware-regional", "cache-aware-global", "gorgo", "gorgo-v1", "skylb"})
            QVERIFY2(registry.find(name), name);
        // Defaults as DOMAIN.md gives them.
        const ParamMap lca = registry.withDefaults("lca", {});
        QCOMPARE(lca.at("alpha"), 0.7);
        QCOMPARE(lca.at("beta"), 0.3);
        const ParamMap gorgo = registry.withDefaults("gorgo", {});
        QCOMPARE(gorgo.at("wRtt"), 0.276);
        QCOMPARE(gorgo.at("wQueue"), 0.5);
        QCOMPARE(registry.withDefaults("gorgo-v1", {}).at("msPerToken"), 0.094);
        QCOMPARE(registry.withDefaults("prefix-affinity", {}).at("tau"), 10.0);
        const ParamMap llmd = registry.withDefaults("llm-d", {});
        QCOMPARE(llmd.at("queueWeight"), 2.0);
        QCOMPARE(llmd.at("kvWeight"), 2.0);
        QCOMPARE(llmd.at("prefixWeight"), 3.0);
        QCOMPARE(llmd.at("prefixBlockTokens"), 16.0);
        QCOMPARE(registry.withDefaults("skylb", {}).at("peerQueueLimit"), 10.0);
        QCOMPARE(registry.withDefaults("skylb", {}).at("probeIntervalMs"), 100.0);
    }

    void registryRejectsBadParameters()
    {
        const PolicyRegistry registry = PolicyRegistry::builtins();
        auto unknown = registry.create("lca", {{"gamma", 1.0}});
        QVERIFY(!unknown);
        QVERIFY(unknown.error().find("'gamma'") != std::string::npos);
        QVERIFY(unknown.error().find("alpha, beta") != std::string::npos);
        auto negative = registry.create("prefix-affinity", {{"tau", 0.5}});
        QVERIFY(!negative);
        QVERIFY(negative.error().find("integer") != std::string::npos);
        QVERIFY(!registry.create("least-load", {{"tau", 3.0}}));
    }

    void leastLoadMatchesBruteForce()
    {
        const Scenario scenario = singleRegion(linearProfile(), 8, 1.0, workload(constant(10), constant(10)));
        auto built = ServingCluster::build(scenario, {"r"}, {"m"}, nullptr);
        QVERIFY(built.has_value());
        ServingCluster &c = *built;
        const std::vector<double> rtt = {0.0};
        ClusterView view(c, rtt, c.loads());
        Rng rng(1);
        LeastLoadPolicy policy;
        policy.attach(view, rng);
        Rng changes(2);
        Request request;
        std::vector<int> picks(8, 0);
        for (int step = 0; step < 20000; ++step) {
            // Random load changes, reported as the engine reports them.
            const int r = static_cast<int>(changes.uniformInt(8));
            int &outstanding = c.load(r).outstanding;
            outstanding = std::max(0, outstanding + (changes.bernoulli(0.5) ? 1 : -1) * static_cast<int>(1 + changes.uniformInt(3)));
            policy.loadChanged(r);
            RouteQuery query;
            query.request = &request;
            query.group = 0;
            query.candidates = c.groupReplicas(0);
            const int chosen = policy.route(query).replica;
            int least = INT32_MAX;
            for (int i = 0; i < 8; ++i)
                least = std::min(least, c.loads()[static_cast<std::size_t>(i)].outstanding);
            QCOMPARE(c.loads()[static_cast<std::size_t>(chosen)].outstanding, least);
        }
        // Ties are broken uniformly: all idle, 8000 picks, each replica ~1000 (sd ~30).
        for (int i = 0; i < 8; ++i) {
            c.load(i).outstanding = 0;
            policy.loadChanged(i);
        }
        RouteQuery query;
        query.request = &request;
        query.candidates = c.groupReplicas(0);
        for (int k = 0; k < 8000; ++k)
            ++picks[static_cast<std::size_t>(policy.route(query).replica)];
        for (const int n : picks)
            QVERIFY2(n > 850 && n < 1150, qPrintable(QString::number(n)));
    }

    void registryNamesAndParameters()
    {
        const PolicyRegistry registry = PolicyRegistry::builtins();
        QVERIFY(registry.create("least-load", {}).has_value());
        const auto unknown = registry.create("gorgo-v9", {});
        QVERIFY(!unknown.has_value());
        QVERIFY(unknown.error().find("round-robin") != std::string::npos);
        const auto badParam = registry.create("least-load", {{"alpha", 0.7}});
        QVERIFY(!badParam.has_value());
        QVERIFY(badParam.error().find("alpha") != std::string::npos);
    }

    void staleViewHerds()
    {
        // 8 replicas near saturation. With a live view least-load spreads the load; with loads
        // probed once every 2 s every request between probes goes to the same "least loaded"
        // replica, which then queues: TTFT p99 must get worse.
        Scenario s = singleRegion(linearProfile(), 8, 36.0, workload(constant(200), constant(60)));
        s.simulation.durationS = 600.0;
        s.simulation.warmupS = 60.0;
        auto live = Simulation::create(s);
        QVERIFY(live.has_value());
        const auto liveResult = live->run();
        s.routing.probeIntervalMs = 2000.0;
        auto stale = Simulation::create(s);
        QVERIFY(stale.has_value());
        const auto staleResult = stale->run();
        QVERIFY(liveResult && staleResult);
        qInfo("TTFT p99: live %.1f ms, probed every 2 s %.1f ms", liveResult->latency.ttft.quantile(0.99) / 1e3,
              staleResult->latency.ttft.quantile(0.99) / 1e3);
        QVERIFY(staleResult->latency.ttft.quantile(0.99) > 2.0 * liveResult->latency.ttft.quantile(0.99));
        QCOMPARE(staleResult->requests.completed, staleResult->requests.arrived);
    }

    void roundRobinCycles()
    {
        PolicyTestbed bed(oneRegion(3));
        auto policy = make("round-robin");
        policy->attach(bed.view(), bed.rng());
        const Request r = bed.request(0, 0, 100);
        std::vector<int> picks;
        for (int i = 0; i < 7; ++i)
            picks.push_back(policy->route(bed.localQuery(r, 0)).replica);
        QCOMPARE(picks, (std::vector<int>{0, 1, 2, 0, 1, 2, 0}));
    }

    void roundRobinGlobalCyclesOverAllRegions()
    {
        PolicyTestbed bed(twoRegions(50.0));
        auto policy = make("round-robin", {{"global", 1.0}});
        QCOMPARE(policy->scope(), RouteScope::Zone);
        policy->attach(bed.view(), bed.rng());
        const Request r = bed.request(0, 0, 100);
        std::set<int> seen;
        for (int i = 0; i < 4; ++i)
            seen.insert(policy->route(bed.zoneQuery(r, 0)).replica);
        QCOMPARE(seen, (std::set<int>{0, 1, 2, 3}));
    }

    void leastLoadTakesFewestOutstanding()
    {
        PolicyTestbed bed(oneRegion(3));
        bed.loads[0].outstanding = 3;
        bed.loads[1].outstanding = 1;
        bed.loads[2].outstanding = 2;
        auto policy = make("least-load");
        policy->attach(bed.view(), bed.rng());
        const Request r = bed.request(0, 0, 100);
        QCOMPARE(policy->route(bed.localQuery(r, 0)).replica, 1);
        // A tie between 0 and 2 is broken at random, never towards the loaded replica 1.
        bed.loads[0].outstanding = 1;
        bed.loads[1].outstanding = 5;
        bed.loads[2].outstanding = 1;
        policy->viewRefreshed();
        std::map<int, int> count;
        for (int i = 0; i < 2000; ++i)
            ++count[policy->route(bed.localQuery(r, 0)).replica];
        QCOMPARE(count[1], 0);
        QVERIFY(count[0] > 850 && count[2] > 850);
    }

    void powerOfTwoPicksTheLesserOfItsSamples()
    {
        PolicyTestbed bed(oneRegion(3));
        bed.loads[0].outstanding = 0;
        bed.loads[1].outstanding = 5;
        bed.loads[2].outstanding = 10;
        auto policy = make("power-of-two");
        policy->attach(bed.view(), bed.rng());
        const Request r = bed.request(0, 0, 100);
        // Two distinct samples of three: the most loaded replica is never the lesser of a pair;
        // the least loaded one wins whenever sampled, i.e. in 2 pairs of 3.
        const int n = 30000;
        std::map<int, int> count;
        for (int i = 0; i < n; ++i)
            ++count[policy->route(bed.localQuery(r, 0)).replica];
        QCOMPARE(count[2], 0);
        QVERIFY(std::abs(count[0] / double(n) - 2.0 / 3.0) < 0.015);
        QVERIFY(std::abs(count[1] / double(n) - 1.0 / 3.0) < 0.015);
        // With two candidates both are always sampled: the lesser always wins.
        PolicyTestbed two(oneRegion(2));
        two.loads[0].outstanding = 4;
        two.loads[1].outstanding = 3;
        auto p2 = make("power-of-two");
        p2->attach(two.view(), two.rng());
        for (int i = 0; i < 100; ++i)
            QCOMPARE(p2->route(two.localQuery(r, 0)).replica, 1);
    }

    void sessionAffinityKeepsASessionOnOneReplica()
    {
        PolicyTestbed bed(oneRegion(8));
        auto policy = make("session-affinity");
        policy->attach(bed.view(), bed.rng());
        std::set<int> owners;
        for (int s = 0; s < 200; ++s) {
            Request r = bed.request(0, 0, 100);
            r.session = 0;
            r.streamShared = 1;
            const int first = policy->route(bed.localQuery(r, 0)).replica;
            // Loads change between turns; the session stays put.
            for (int turn = 0; turn < 5; ++turn) {
                bed.loads[static_cast<std::size_t>(first)].outstanding += 3;
                QCOMPARE(policy->route(bed.localQuery(r, 0)).replica, first);
            }
            owners.insert(first);
        }
        QCOMPARE(owners.size(), std::size_t(8)); // sessions spread over the ring
        // No session: the least-loaded replica.
        std::fill(bed.loads.begin(), bed.loads.end(), ReplicaLoad{});
        for (auto &load : bed.loads)
            load.outstanding = 4;
        bed.loads[5].outstanding = 0;
        policy->viewRefreshed();
        const Request single = bed.request(0, 0, 100);
        QCOMPARE(policy->route(bed.localQuery(single, 0)).replica, 5);
    }

    void softAffinityBreaksAtTheQueueThreshold_data()
    {
        QTest::addColumn<int>("waiting");
        QTest::addColumn<int>("limit");
        QTest::addColumn<bool>("sticky");
        QTest::newRow("hard affinity ignores the queue") << 50 << 0 << true;
        QTest::newRow("at the limit: stays") << 4 << 4 << true;
        QTest::newRow("above the limit: leaves") << 5 << 4 << false;
    }

    void softAffinityBreaksAtTheQueueThreshold()
    {
        QFETCH(int, waiting);
        QFETCH(int, limit);
        QFETCH(bool, sticky);
        PolicyTestbed bed(oneRegion(4));
        auto policy = make("session-affinity", {{"softQueueLimit", limit}});
        policy->attach(bed.view(), bed.rng());
        Request r = bed.request(0, 0, 100);
        r.session = 0;
        r.streamShared = 1;
        const int owner = policy->route(bed.localQuery(r, 0)).replica;
        for (auto &load : bed.loads)
            load.outstanding = 10;
        bed.loads[static_cast<std::size_t>(owner)].waiting = waiting;
        const int other = (owner + 1) % 4;
        bed.loads[static_cast<std::size_t>(other)].outstanding = 0;
        policy->viewRefreshed();
        QCOMPARE(policy->route(bed.localQuery(r, 0)).replica, sticky ? owner : other);
    }

    void consistentRingMovesOnlyTheNewMembersShare()
    {
        const int n = 10;
        std::vector<int> members(n);
        std::iota(members.begin(), members.end(), 0);
        ConsistentHashRing before;
        before.build(members);
        members.push_back(n);
        ConsistentHashRing after;
        after.build(members);
        const int keys = 20000;
        int moved = 0;
        for (int k = 0; k < keys; ++k) {
            const int a = before.owner(static_cast<std::uint64_t>(k) * 7919 + 1);
            const int b = after.owner(static_cast<std::uint64_t>(k) * 7919 + 1);
            if (a != b) {
                ++moved;
                QCOMPARE(b, n); // a key only ever moves to the new replica
            }
        }
        // About 1/(n+1) of the keys move: 9.1 %.
        qInfo("moved %.2f %% of sessions (1/11 = 9.09 %%)", 100.0 * moved / keys);
        QVERIFY(std::abs(moved / double(keys) - 1.0 / (n + 1)) < 0.025);
    }

    void prefixAffinityFallsBackAtTau_data()
    {
        QTest::addColumn<int>("ownerWaiting");
        QTest::addColumn<bool>("toOwner");
        QTest::newRow("empty queue") << 0 << true;
        QTest::newRow("tau - 1") << 9 << true;
        QTest::newRow("tau") << 10 << false;
        QTest::newRow("tau + 5") << 15 << false;
    }

    void prefixAffinityFallsBackAtTau()
    {
        QFETCH(int, ownerWaiting);
        QFETCH(bool, toOwner);
        PolicyTestbed bed(oneRegion(4));
        auto policy = make("prefix-affinity");
        policy->attach(bed.view(), bed.rng());
        const Request r = bed.request(kPrompt, kPromptTokens, kUserTokens);
        const int owner = policy->route(bed.localQuery(r, 0)).replica;
        // Every user of the prompt lands on its owner.
        for (int i = 0; i < 20; ++i) {
            const Request again = bed.request(kPrompt, kPromptTokens, kUserTokens);
            QCOMPARE(policy->route(bed.localQuery(again, 0)).replica, owner);
        }
        for (auto &load : bed.loads)
            load.outstanding = 20;
        bed.loads[static_cast<std::size_t>(owner)].waiting = ownerWaiting;
        const int shortest = (owner + 2) % 4;
        bed.loads[static_cast<std::size_t>(shortest)].outstanding = 1;
        policy->viewRefreshed();
        QCOMPARE(policy->route(bed.localQuery(r, 0)).replica, toOwner ? owner : shortest);
    }

    void lcaScoresByHand_data()
    {
        QTest::addColumn<double>("alpha");
        QTest::addColumn<double>("beta");
        QTest::addColumn<int>("cachedLoad");
        QTest::addColumn<int>("otherLoad");
        QTest::addColumn<bool>("toCached");
        // Replica 0 holds the system prompt (affinity 1), replica 1 does not (affinity 0).
        // s0 = alpha - beta * l0 / max, s1 = -beta * l1 / max.
        QTest::newRow("defaults, cached busiest: 0.7 - 0.3 = 0.4 > 0") << 0.7 << 0.3 << 8 << 0 << true;
        QTest::newRow("load-heavy: 0.2 - 0.3 = -0.1 < 0") << 0.2 << 0.3 << 8 << 0 << false;
        QTest::newRow("load-heavy, other busy: 0.2 - 0.15 > -0.3") << 0.2 << 0.3 << 4 << 8 << true;
        QTest::newRow("no cache weight: less loaded wins") << 0.0 << 1.0 << 3 << 2 << false;
    }

    void lcaScoresByHand()
    {
        QFETCH(double, alpha);
        QFETCH(double, beta);
        QFETCH(int, cachedLoad);
        QFETCH(int, otherLoad);
        QFETCH(bool, toCached);
        PolicyTestbed bed(oneRegion(2));
        const Request r = bed.request(kPrompt, kPromptTokens, kUserTokens);
        bed.warm(0, r);
        bed.loads[0].outstanding = cachedLoad;
        bed.loads[1].outstanding = otherLoad;
        auto policy = make("lca", {{"alpha", alpha}, {"beta", beta}});
        policy->attach(bed.view(), bed.rng());
        QCOMPARE(policy->route(bed.localQuery(r, 0)).replica, toCached ? 0 : 1);
        QCOMPARE(LcaPolicy::score(0.7, 0.3, 1.0, 4, 8), 0.7 - 0.15);
        QCOMPARE(LcaPolicy::score(0.7, 0.3, 0.5, 0, 0), 0.35);
    }

    void lcaCacheHeavyPilesOntoOneReplica()
    {
        // One shared system prompt, eight single-replica pools, prefill nearly free so that the
        // prompt is cached before a second request arrives. With the default (cache-heavy)
        // weights a hit (0.7) outweighs any load (0.3): every request follows the first.
        Scenario s = policyScenario({{"a", "Z", 0}}, {{0.0}});
        s.pools.clear();
        for (int i = 0; i < 8; ++i)
            s.pools.push_back(pool("p" + std::to_string(i), "a", 1));
        s.models[0].profiles[0].prefillTokensPerS = 1e9;
        s.models[0].profiles[0].maxBatch = 64;
        s.traffic = {flatTraffic("a", 20.0)};
        s.workloads[0] = workload(constant(100), constant(20));
        s.workloads[0].prefixGroups = 1;
        s.workloads[0].prefixTokens = 2000;
        s.simulation.durationS = 300.0;
        auto share = [&](const ParamMap &params) {
            SimulationOptions options;
            options.policy = "lca";
            options.policyParams = params;
            auto sim = Simulation::create(s, options);
            if (!sim)
                qFatal("%s", sim.error().c_str());
            const SimulationResult result = *sim->run();
            double busiest = 0.0;
            for (const auto &p : result.pools)
                busiest = std::max(busiest, p.requests.completed);
            return busiest / result.requests.completed;
        };
        const double cacheHeavy = share({});
        const double loadHeavy = share({{"alpha", 0.2}, {"beta", 0.3}});
        qInfo("busiest replica's share: %.4f with 0.7/0.3, %.4f with 0.2/0.3", cacheHeavy, loadHeavy);
        QVERIFY(cacheHeavy > 0.999);
        QVERIFY(loadHeavy < 0.5);
    }

    void llmdScoresByHand_data()
    {
        QTest::addColumn<double>("prefixWeight");
        QTest::addColumn<int>("expected");
        // waiting 0 / 4 / 8 -> queue scores 1 / 0.5 / 0; KV usage 0.5 / 0.25 / 0 -> 0.5 / 0.75 / 1;
        // replica 2 holds the 2,000-token prompt: 125 of the 2,100-token prompt's 131 blocks.
        // totals: r0 = 2*1 + 2*0.5 = 3.0, r1 = 2*0.5 + 2*0.75 = 2.5, r2 = 2*0 + 2*1 + w*125/131.
        QTest::newRow("prefix weight 3: r2 = 2 + 2.863 = 4.863") << 3.0 << 2;
        QTest::newRow("prefix weight 1: r2 = 2 + 0.954 = 2.954 < 3.0") << 1.0 << 0;
        QTest::newRow("prefix weight 1.1: r2 = 2 + 1.050 = 3.050 > 3.0") << 1.1 << 2;
        QTest::newRow("no prefix scorer") << 0.0 << 0;
    }

    void llmdScoresByHand()
    {
        QFETCH(double, prefixWeight);
        QFETCH(int, expected);
        PolicyTestbed bed(oneRegion(3));
        const Request r = bed.request(kPrompt, kPromptTokens, kUserTokens);
        bed.warm(2, r);
        bed.loads[0].waiting = 0;
        bed.loads[1].waiting = 4;
        bed.loads[2].waiting = 8;
        bed.loads[0].kvUsage = 0.5f;
        bed.loads[1].kvUsage = 0.25f;
        bed.loads[2].kvUsage = 0.0f;
        auto policy = make("llm-d", {{"prefixWeight", prefixWeight}});
        policy->attach(bed.view(), bed.rng());
        QCOMPARE(policy->route(bed.localQuery(r, 0)).replica, expected);
        QCOMPARE(LlmdPolicy::queueScore(4, 0, 8), 0.5);
        QCOMPARE(LlmdPolicy::queueScore(3, 3, 3), 1.0);
        QCOMPARE(LlmdPolicy::prefixScore(2000, 2100, 16), 125.0 / 131.0);
        QCOMPARE(LlmdPolicy::clamp01(1.5), 1.0);
        QCOMPARE(LlmdPolicy::clamp01(-0.5), 0.0);
    }

    void cacheAwareRegionalPrefersTheMatch()
    {
        PolicyTestbed bed(oneRegion(3));
        const Request r = bed.request(kPrompt, kPromptTokens, kUserTokens);
        bed.warm(1, r);
        bed.loads[0].outstanding = 0;
        bed.loads[1].outstanding = 30; // busy, but it holds the prompt
        bed.loads[2].outstanding = 2;
        auto policy = make("cache-aware-regional");
        policy->attach(bed.view(), bed.rng());
        QCOMPARE(policy->route(bed.localQuery(r, 0)).replica, 1);
        // Another prompt is cached nowhere: the least-loaded replica.
        const Request cold = bed.request(kPrompt + 1, kPromptTokens, kUserTokens);
        QCOMPARE(policy->route(bed.localQuery(cold, 0)).replica, 0);
    }

    void cacheAwareGlobalWeighsPrefillAgainstRtt_data()
    {
        QTest::addColumn<double>("rttMs");
        QTest::addColumn<bool>("remote");
        // Local miss: 2,100 tokens x 0.1 ms = 210 ms. Remote hit: 100 x 0.1 = 10 ms + RTT.
        QTest::newRow("RTT 150: 160 < 210") << 150.0 << true;
        QTest::newRow("RTT 199.9: 209.9 < 210") << 199.9 << true;
        QTest::newRow("RTT 200.1: 210.1 > 210") << 200.1 << false;
        QTest::newRow("RTT 250") << 250.0 << false;
    }

    void cacheAwareGlobalWeighsPrefillAgainstRtt()
    {
        QFETCH(double, rttMs);
        QFETCH(bool, remote);
        PolicyTestbed bed(twoRegions(rttMs));
        const Request r = bed.request(kPrompt, kPromptTokens, kUserTokens, 0);
        const int remoteReplica = bed.cluster().groupReplicas(bed.group("b"))[0];
        bed.warm(remoteReplica, r);
        auto policy = make("cache-aware-global");
        policy->attach(bed.view(), bed.rng());
        const int chosen = policy->route(bed.zoneQuery(r, 0)).replica;
        QCOMPARE(bed.view().replicaRegion(chosen) == bed.region("b"), remote);
        if (remote)
            QCOMPARE(chosen, remoteReplica);
    }

    void gorgoForwardsExactlyWhenCheaper_data()
    {
        QTest::addColumn<qint64>("localQueued");
        QTest::addColumn<bool>("remote");
        // Both replicas hold the prompt (100 uncached tokens each); RTT 100 ms.
        // local = 100 + 0.5 * Q, remote = 0.276 * 100 + 100 = 127.6: forward iff Q > 55.2.
        QTest::newRow("Q = 0") << qint64(0) << false;
        QTest::newRow("Q = 55: 127.5 < 127.6") << qint64(55) << false;
        QTest::newRow("Q = 56: 128.0 > 127.6") << qint64(56) << true;
        QTest::newRow("Q = 1000") << qint64(1000) << true;
    }

    void gorgoForwardsExactlyWhenCheaper()
    {
        QFETCH(qint64, localQueued);
        QFETCH(bool, remote);
        PolicyTestbed bed(policyScenario({{"a", "Z", 1}, {"b", "Z", 1}}, {{0.0, 100.0}, {100.0, 0.0}}));
        const Request r = bed.request(kPrompt, kPromptTokens, kUserTokens, 0);
        bed.warm(0, r);
        bed.warm(1, r);
        bed.loads[0].queuedTokens = localQueued;
        auto policy = make("gorgo");
        policy->attach(bed.view(), bed.rng());
        QCOMPARE(policy->route(bed.zoneQuery(r, 0)).replica, remote ? 1 : 0);
        QCOMPARE(GorgoPolicy::cost(0.276, 0.5, 100.0, 100.0, 0.0), 127.6);
    }

    void gorgoWithoutQueueTermSendsEverythingToTheWarmCache()
    {
        // DOMAIN.md 5.7's lesson: with w_q = 0 a deep local queue does not stop GORGO from
        // sending the request to the nearest warm cache.
        PolicyTestbed bed(policyScenario({{"a", "Z", 2}}, {{0.0}}));
        const Request r = bed.request(kPrompt, kPromptTokens, kUserTokens, 0);
        bed.warm(0, r);
        bed.loads[0].queuedTokens = 1000000;
        auto blind = make("gorgo", {{"wQueue", 0.0}});
        blind->attach(bed.view(), bed.rng());
        QCOMPARE(blind->route(bed.zoneQuery(r, 0)).replica, 0);
        auto withQueue = make("gorgo");
        withQueue->attach(bed.view(), bed.rng());
        QCOMPARE(withQueue->route(bed.zoneQuery(r, 0)).replica, 1);
    }

    void gorgoV1KeepsLocalUnlessCheaper_data()
    {
        QTest::addColumn<double>("rttMs");
        QTest::addColumn<qint64>("localQueued");
        QTest::addColumn<bool>("localWarm");
        QTest::addColumn<bool>("remote");
        // ms_tok = 0.094. Warm local: forward iff RTT + 9.4 < 0.094 Q + 9.4, i.e. Q > RTT / 0.094.
        QTest::newRow("warm, RTT 100, Q 1063: 109.4 > 109.32") << 100.0 << qint64(1063) << true << false;
        QTest::newRow("warm, RTT 100, Q 1064: 109.4 < 109.416") << 100.0 << qint64(1064) << true << true;
        // Cold local, Q 0: forward iff RTT + 9.4 < 0.094 * 2100 = 197.4, i.e. RTT < 188.
        QTest::newRow("cold, RTT 187") << 187.0 << qint64(0) << false << true;
        QTest::newRow("cold, RTT 189") << 189.0 << qint64(0) << false << false;
    }

    void gorgoV1KeepsLocalUnlessCheaper()
    {
        QFETCH(double, rttMs);
        QFETCH(qint64, localQueued);
        QFETCH(bool, localWarm);
        QFETCH(bool, remote);
        PolicyTestbed bed(policyScenario({{"a", "Z", 1}, {"b", "Z", 1}}, {{0.0, rttMs}, {rttMs, 0.0}}));
        const Request r = bed.request(kPrompt, kPromptTokens, kUserTokens, 0);
        if (localWarm)
            bed.warm(0, r);
        bed.warm(1, r);
        bed.loads[0].queuedTokens = localQueued;
        bed.loads[1].queuedTokens = 1000000; // v1 does not see the remote queue
        auto policy = make("gorgo-v1");
        policy->attach(bed.view(), bed.rng());
        QCOMPARE(policy->route(bed.zoneQuery(r, 0)).replica, remote ? 1 : 0);
    }

    void skylbRoutesLocallyByPrefixTree()
    {
        PolicyTestbed bed(policyScenario({{"a", "Z", 3}, {"b", "Z", 2}}, {{0.0, 50.0}, {50.0, 0.0}}));
        const Request r = bed.request(kPrompt, kPromptTokens, kUserTokens, 0);
        bed.warm(2, r);
        bed.loads[0].outstanding = 0;
        bed.loads[1].outstanding = 1;
        bed.loads[2].outstanding = 9;
        auto policy = make("skylb");
        policy->attach(bed.view(), bed.rng());
        // 2,000 of 2,100 tokens match on replica 2 (95 % > 50 %): follow the match.
        QCOMPARE(policy->route(bed.zoneQuery(r, 0)).replica, 2);
        // ... unless its engine queue is not empty (not available): then least in flight.
        bed.loads[2].waiting = 1;
        QCOMPARE(policy->route(bed.zoneQuery(r, 0)).replica, 0);
        // A short match (50 of 150 tokens, 33 %) does not count: least in flight.
        bed.loads[2].waiting = 0;
        const Request shortPrompt = bed.request(kPrompt + 5, 48, 100, 0);
        bed.warm(2, shortPrompt);
        QCOMPARE(policy->route(bed.zoneQuery(shortPrompt, 0)).replica, 0);
    }

    void routerAllowsOneCrossingOnly()
    {
        Scenario s = policyScenario({{"a", "Z", 2}, {"b", "Z", 2}}, {{0.0, 50.0}, {50.0, 0.0}});
        s.traffic = {flatTraffic("a", 5.0)};
        s.simulation.durationS = 60.0;
        PolicyRegistry registry = PolicyRegistry::builtins();
        registry.add({"always-forward", "test only", {},
                      [](const ParamMap &) -> std::unique_ptr<RoutingPolicy> { return std::make_unique<AlwaysForward>(); }});
        SimulationOptions options;
        options.policy = "always-forward";
        auto sim = Simulation::create(s, options, registry);
        QVERIFY(sim.has_value());
        const SimulationResult r = *sim->run();
        // a -> b is allowed; b -> a would be a second crossing: refused, never served.
        QVERIFY(r.requests.arrived > 200.0);
        QCOMPARE(r.requests.completed, 0.0);
        QCOMPARE(r.shedReasons.at("policy-invalid-choice"), r.requests.arrived);
    }

    void skylbForwardsOnceToAnAvailablePeer_data()
    {
        QTest::addColumn<int>("ownQueue");
        QTest::addColumn<int>("peerQueue");
        QTest::addColumn<bool>("crossed");
        QTest::addColumn<QString>("expected");
        QTest::newRow("peer queue 0 <= own 3") << 3 << 0 << false << "forward";
        QTest::newRow("peer queue = own") << 3 << 3 << false << "forward";
        QTest::newRow("peer queue > own") << 3 << 4 << false << "hold";
        QTest::newRow("peer queue 11 > 10") << 20 << 11 << false << "hold";
        QTest::newRow("peer queue 10") << 20 << 10 << false << "forward";
        QTest::newRow("already crossed: never again") << 3 << 0 << true << "hold";
    }

    void skylbForwardsOnceToAnAvailablePeer()
    {
        QFETCH(int, ownQueue);
        QFETCH(int, peerQueue);
        QFETCH(bool, crossed);
        QFETCH(QString, expected);
        PolicyTestbed bed(policyScenario({{"a", "Z", 2}, {"b", "Z", 2}}, {{0.0, 50.0}, {50.0, 0.0}}));
        std::vector<std::int32_t> queues = {ownQueue, peerQueue};
        bed.view().setRouterQueues(queues.data());
        bed.loads[0].waiting = 2; // no local replica available
        bed.loads[1].waiting = 1;
        auto policy = make("skylb");
        policy->attach(bed.view(), bed.rng());
        const Request r = bed.request(kPrompt, kPromptTokens, kUserTokens, 0);
        RouteQuery q = bed.zoneQuery(r, 0);
        q.crossed = crossed;
        const RouteChoice choice = policy->route(q);
        if (expected == "forward") {
            QCOMPARE(choice.kind, RouteChoice::Kind::Forward);
            QCOMPARE(choice.region, bed.region("b"));
        } else {
            QCOMPARE(choice.kind, RouteChoice::Kind::Hold);
        }
    }
};

QTEST_APPLESS_MAIN(TestPolicies)
#include "tst_policies.moc"
