// ReservationPlan: traffic curves in local time turned into replicas per UTC hour, prices per
// replica-hour, strategies in dollars, the global pool's worst RTT and residency floor, all
// against hand computation on small scenarios with a given capacity (the sizing search has its
// own test, tst_reservationsizer).
#include "engine/planning/reservationplan.h"
#include "engine/planning/reservationplanjson.h"
#include "enginetestscenarios.h"

#include <QtTest>

#include <nlohmann/json.hpp>

using namespace longitude::engine;
using namespace longitude::engine::test;

namespace {

/// 0.1 all day and 1.0 at local hour 20: a spike that lands on UTC hour 20 - offset.
std::vector<double> eveningSpike()
{
    std::vector<double> curve(24, 0.1);
    curve[20] = 1.0;
    return curve;
}

/// Regions at UTC +0, +9, -5 and +5.5, each with 10 req/s at its local 20:00 and 1 req/s
/// otherwise; a capacity of 1 req/s per replica makes the demand 10 and 1 replicas.
Scenario fourOffsets()
{
    Scenario s;
    s.name = "four offsets";
    s.regions = {region("zero", "EU", 0.0), region("nine", "APAC", 9.0), region("minus5", "US", -5.0),
                 region("half", "APAC", 5.5)};
    s.zones = {{"EU", "EU", ""}, {"APAC", "APAC", ""}, {"US", "US", ""}};
    s.links = {link("zero", "nine", 200.0), link("zero", "minus5", 80.0), link("nine", "minus5", 150.0),
               link("half", "nine", 70.0), link("half", "zero", 120.0)};
    s.gpuTypes.push_back(testGpu()); // reserved $1, on-demand $2 per GPU-hour
    s.models.push_back(testModel(linearProfile()));
    s.pools = {pool("p-zero", "zero", 2), pool("p-nine", "nine", 2)};
    for (const auto &id : {"zero", "nine", "minus5", "half"}) {
        RegionTraffic t;
        t.region = id;
        t.peakRps = 10.0;
        t.hourly = eveningSpike();
        s.traffic.push_back(t);
    }
    s.workloads.push_back(workload(constant(100), constant(10)));
    return s;
}

ReservationPlanOptions givenCapacity(double rps)
{
    ReservationPlanOptions options;
    options.capacityRps = rps;
    return options;
}

} // namespace

class TestReservationPlan : public QObject
{
    Q_OBJECT

private slots:
    void localCurvesAlignToUtc()
    {
        const auto plan = ReservationPlan::compute(fourOffsets(), givenCapacity(1.0));
        QVERIFY2(plan.has_value(), plan ? "" : plan.error().c_str());
        QCOMPARE(plan->regions.size(), std::size_t{4});
        const ReservationDemand &d = plan->demand;
        // Local 20:00 is UTC 20 (offset 0), 11 (+9), 1 (-5); at +5.5 it is UTC 14:30-15:30, so
        // the UTC hours 14 and 15 each overlap it and take its rate.
        const std::vector<std::vector<int>> spikeHours = {{20}, {11}, {1}, {14, 15}};
        for (int r = 0; r < 4; ++r)
            for (int h = 0; h < 24; ++h) {
                const auto &hours = spikeHours[static_cast<std::size_t>(r)];
                const int expected = std::find(hours.begin(), hours.end(), h) != hours.end() ? 10 : 1;
                QCOMPARE(d.replicas[static_cast<std::size_t>(r)][static_cast<std::size_t>(h)], expected);
                QCOMPARE(plan->regions[static_cast<std::size_t>(r)].rpsByUtcHour[static_cast<std::size_t>(h)],
                         expected == 10 ? 10.0 : 1.0);
            }
        // C_local = 24 x 4 x 10 = 960; the spikes never coincide, so the sum peaks at 10 + 3 = 13:
        // C_agg = 312. Used: 3 regions x (10 + 23) + (2 x 10 + 22) = 141 replica-hours.
        QCOMPARE(d.localReplicaHours(), 960LL);
        QCOMPARE(d.aggregateReplicaHours(), 312LL);
        QCOMPARE(d.usedReplicaHours(), 141LL);
        QVERIFY(std::any_of(plan->notes.begin(), plan->notes.end(),
                            [](const std::string &n) { return n.find("fractional UTC offsets") != std::string::npos; }));
    }

    void strategiesInDollars()
    {
        const auto plan = ReservationPlan::compute(fourOffsets(), givenCapacity(1.0));
        QVERIFY(plan.has_value());
        // testGpu: $1 reserved, $2 on demand per GPU-hour; TP1: the same per replica-hour.
        QCOMPARE(plan->reservedUsdPerReplicaHour(), 1.0);
        QCOMPARE(plan->onDemandUsdPerReplicaHour(), 2.0);
        QCOMPARE(plan->onDemandPremium(), 2.0);
        const auto strategies = plan->strategies();
        QCOMPARE(strategies.size(), std::size_t{5});
        QCOMPARE(strategies[0].key, std::string("local-reserved"));
        QCOMPARE(strategies[0].usdPerDay, 960.0);
        QCOMPARE(strategies[0].reservedReplicas, 40);
        QCOMPARE(strategies[1].key, std::string("global-reserved"));
        QCOMPARE(strategies[1].usdPerDay, 312.0);
        QCOMPARE(strategies[2].key, std::string("on-demand"));
        QCOMPARE(strategies[2].usdPerDay, 282.0); // 141 x $2
        // Each region: with p_od / p_res = 2, R = 1 leaves 1 or 2 hours of 24 above (share
        // <= 1/2): cost 24 + 2 x 9 = 42 (one spike hour) or 24 + 2 x 18 = 60 (two); 3 x 42 + 60.
        QCOMPARE(strategies[3].key, std::string("local-mix"));
        QCOMPARE(strategies[3].reservedReplicas, 4);
        QCOMPARE(strategies[3].usdPerDay, 186.0);
        QCOMPARE(strategies[3].onDemandReplicaHours, 45.0);
        // Global: the sum is 4 for 19 hours, 13 at UTC 1, 11, 20 and 14, 15 (13 = 10 + 3).
        // Hours above R = 4: 5 of 24 (< 1/2) -> R = 4: 96 + 2 x 5 x 9 = 186; R = 0 would cost
        // 2 x 141 = 282, R = 13: 312. So R = 4, $186.
        QCOMPARE(strategies[4].key, std::string("global-mix"));
        QCOMPARE(strategies[4].reservedReplicas, 4);
        QCOMPARE(strategies[4].usdPerDay, 186.0);
        // The cheapest: local-mix and global-mix tie at $186; the earlier (region-local) stays.
        QCOMPARE(plan->cheapest().key, std::string("local-mix"));
        QCOMPARE(strategies[0].usdPerMonth(), 960.0 * 730.0 / 24.0);
        // The scenario's own pools: 4 replicas on demand ($2/GPU-hour): 4 x 2 x 24 = $192/day.
        QCOMPARE(plan->currentReplicas, 4);
        QCOMPARE(plan->currentUsdPerDay, 192.0);
    }

    void worstRttOfTheGlobalPool()
    {
        // Hosts are the regions with pools (zero, nine); origins all four. RTTs to a host other
        // than the origin: zero->nine 200, nine->zero 200, minus5->zero 80, minus5->nine 150,
        // half->nine 70, half->zero 120: the worst is 200, zero -> nine (first found).
        const auto plan = ReservationPlan::compute(fourOffsets(), givenCapacity(1.0));
        QVERIFY(plan.has_value());
        QCOMPARE(plan->worstRttMs, 200.0);
        QCOMPARE(plan->worstRttFrom, std::string("zero"));
        QCOMPARE(plan->worstRttTo, std::string("nine"));
        QCOMPARE(plan->globalTtftBudgetMs, 800.0 - 200.0);
        QVERIFY(plan->globalFeasible);

        // Without a path to a host, no global pool.
        Scenario s = fourOffsets();
        s.links.pop_back();
        s.links.pop_back(); // "half" is cut off
        const auto cut = ReservationPlan::compute(s, givenCapacity(1.0));
        QVERIFY(cut.has_value());
        QVERIFY(!cut->globalFeasible);
        QCOMPARE(cut->strategies().size(), std::size_t{3});
    }

    void residencyFloor()
    {
        // Half of the requests are tagged to their zone. Zones: EU {zero}, APAC {nine, half},
        // US {minus5}. Tagged demand at capacity 1: EU peaks at ceil(5) = 5, US 5; APAC's two
        // regions add up to 0.5 + 5 = 5.5 -> 6 at UTC 11, 14 and 15. Floor 5 + 5 + 6 = 16 > the
        // global peak 13, so the global reservation holds 16.
        Scenario s = fourOffsets();
        s.workloads[0].residencyShare = 0.5;
        const auto plan = ReservationPlan::compute(s, givenCapacity(1.0));
        QVERIFY(plan.has_value());
        QCOMPARE(plan->residencyFloorReplicas, 16);
        QCOMPARE(plan->strategies()[1].reservedReplicas, 16);
        QCOMPARE(plan->strategies()[1].usdPerDay, 24.0 * 16.0);
    }

    void modelShareAndChoice()
    {
        // A second model serving a quarter of the requests: the default plan is for "m" with
        // 75 % of the traffic (7.5 and 0.75 req/s -> 8 and 1 replicas).
        Scenario s = fourOffsets();
        Model small = testModel(linearProfile());
        small.id = "small";
        s.models.push_back(small);
        WorkloadClass other = workload(constant(100), constant(10));
        other.id = "other";
        other.model = "small";
        other.share = 1.0 / 3.0;
        s.workloads.push_back(other);
        const auto plan = ReservationPlan::compute(s, givenCapacity(1.0));
        QVERIFY(plan.has_value());
        QCOMPARE(plan->target.model, std::string("m"));
        QCOMPARE(plan->requestShare, 0.75);
        QCOMPARE(plan->demand.replicas[0][20], 8);
        QCOMPARE(plan->demand.replicas[0][0], 1);
        // The small model has no pool: its first profile (G, TP1) is planned.
        ReservationPlanOptions options = givenCapacity(1.0);
        options.model = "small";
        const auto smallPlan = ReservationPlan::compute(s, options);
        QVERIFY(smallPlan.has_value());
        QCOMPARE(smallPlan->requestShare, 0.25);
        QCOMPARE(smallPlan->target.gpuType, std::string("G"));
        QCOMPARE(smallPlan->currentReplicas, 0);
        options.model = "nope";
        QVERIFY(!ReservationPlan::compute(s, options).has_value());
    }

    void tensorParallelPrices()
    {
        // A TP2 replica pays two GPUs: $2 reserved, $4 on demand per replica-hour.
        Scenario s = fourOffsets();
        LatencyProfile tp2 = linearProfile();
        tp2.tensorParallel = 2;
        s.models[0].profiles.push_back(tp2);
        for (Pool &p : s.pools)
            p.tensorParallel = 2;
        const auto plan = ReservationPlan::compute(s, givenCapacity(1.0));
        QVERIFY(plan.has_value());
        QCOMPARE(plan->target.tensorParallel, 2);
        QCOMPARE(plan->gpusPerReplica, 2);
        QCOMPARE(plan->reservedUsdPerReplicaHour(), 2.0);
        QCOMPARE(plan->strategies()[0].usdPerDay, 2.0 * 960.0);
        QCOMPARE(plan->currentReplicas, 2);
    }

    void noTrafficIsAnError()
    {
        Scenario s = fourOffsets();
        for (auto &t : s.traffic)
            t.peakRps = 0.0;
        const auto plan = ReservationPlan::compute(s, givenCapacity(1.0));
        QVERIFY(!plan.has_value());
        QVERIFY(plan.error().find("no region sends traffic") != std::string::npos);
    }

    void sizedPlanSizesTheGlobalPoolForTheRtt()
    {
        // With the search: the global pool is sized with the TTFT budget less the worst RTT.
        Scenario s = fourOffsets();
        s.workloads[0].outputTokens = exponential(50);
        s.sla.ttftP99Ms = 400.0;
        for (auto &region : s.regions)
            region.gatewayLatencyMs = 10.0;
        ReservationPlanOptions options;
        options.sizing.replicas = 4;
        const auto plan = ReservationPlan::compute(s, options);
        QVERIFY2(plan.has_value(), plan ? "" : plan.error().c_str());
        QVERIFY(plan->sizing.has_value());
        QVERIFY(plan->globalSizing.has_value());
        QCOMPARE(plan->sizing->setup.ttftBudgetMs, 400.0);
        QCOMPARE(plan->globalSizing->setup.ttftBudgetMs, 200.0);
        QVERIFY(plan->globalCapacityRps <= plan->capacityRps);
        QCOMPARE(plan->capacityRps, plan->sizing->capacityRps);
        // Demand follows from the sized capacity.
        const double rate = plan->regions[0].rpsByUtcHour[20];
        QCOMPARE(plan->demand.replicas[0][20], static_cast<int>(std::ceil(rate / plan->capacityRps - 1e-9)));
        QCOMPARE(plan->globalDemand.replicas[0][20], static_cast<int>(std::ceil(rate / plan->globalCapacityRps - 1e-9)));

        // The JSON is deterministic and carries the same numbers.
        const auto again = ReservationPlan::compute(s, options);
        QVERIFY(again.has_value());
        const std::string json = ReservationPlanJson::write(*plan);
        QCOMPARE(ReservationPlanJson::write(*again), json);
        const auto doc = nlohmann::json::parse(json);
        QCOMPARE(doc["schema"].get<std::string>(), std::string("longitude.plan/1"));
        QCOMPARE(doc["skylb"]["c_local_replica_hours"].get<long long>(), plan->demand.localReplicaHours());
        QCOMPARE(doc["global_pool"]["ttft_budget_ms"].get<double>(), 200.0);
        QCOMPARE(doc["regions"].size(), std::size_t{4});
    }
};

QTEST_APPLESS_MAIN(TestReservationPlan)
#include "tst_reservationplan.moc"
