// SkyLB's reservation arithmetic (DOMAIN.md section 7): C_local, C_agg, C_od on a demand table
// computed by hand, the relations between them that hold for any demand (and that SkyLB's
// published numbers obey), and the optimal reserved/on-demand mix against brute force over
// every reservation level.
#include "engine/planning/reservationdemand.h"
#include "engine/planning/reservationmix.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <random>

using namespace longitude::engine;

namespace {

ReservationDemand::Day dayOf(std::initializer_list<std::pair<int, int>> runs)
{
    // (value, hours) runs, in order, covering the 24 hours.
    ReservationDemand::Day day{};
    std::size_t h = 0;
    for (const auto &[value, hours] : runs)
        for (int i = 0; i < hours; ++i)
            day.at(h++) = value;
    return day;
}

/// The hand-made table: three regions whose peaks fall at different UTC hours.
///   a: 5 replicas for hours 0-3, then 2            -> peak 5, 4x5 + 20x2 = 60 replica-hours
///   b: 1 for hours 0-7, 4 for 8-15, 1 for 16-23     -> peak 4, 8 + 32 + 8 = 48
///   c: 0 for hours 0-15, 3 for 16-23                -> peak 3, 24
/// Totals by hour: 0-3: 5+1+0 = 6; 4-7: 2+1+0 = 3; 8-15: 2+4+0 = 6; 16-23: 2+1+3 = 6 -> peak 6.
ReservationDemand handTable()
{
    ReservationDemand d;
    d.regionIds = {"a", "b", "c"};
    d.replicas = {dayOf({{5, 4}, {2, 20}}), dayOf({{1, 8}, {4, 8}, {1, 8}}), dayOf({{0, 16}, {3, 8}})};
    return d;
}

/// cost(R) evaluated directly from its definition, for the brute force.
double costOf(const std::vector<int> &demand, int reserved, double pRes, double pOd)
{
    double cost = static_cast<double>(demand.size()) * reserved * pRes;
    for (const int d : demand)
        cost += pOd * std::max(0, d - reserved);
    return cost;
}

} // namespace

class TestReservationCosts : public QObject
{
    Q_OBJECT

private slots:
    void handTableFormulas()
    {
        const ReservationDemand d = handTable();
        QCOMPARE(d.peakOf(0), 5);
        QCOMPARE(d.peakOf(1), 4);
        QCOMPARE(d.peakOf(2), 3);
        QCOMPARE(d.sumOfRegionalPeaks(), 12);
        QCOMPARE(d.globalPeak(), 6);
        QCOMPARE(d.globalPeakHour(), 0);
        QCOMPARE(d.totalAt(5), 3);
        QCOMPARE(d.usedReplicaHours(), 132LL);
        // C_local = 24 x (5 + 4 + 3) = 288; C_agg = 24 x 6 = 144; C_od = 132 / 0.4 = 330.
        QCOMPARE(d.localReplicaHours(), 288LL);
        QCOMPARE(d.aggregateReplicaHours(), 144LL);
        QCOMPARE(d.onDemandReplicaHours(), 330.0);
        // With the catalog's H100 premium (6.88 / 4.7725) instead of SkyLB's 2.5.
        QCOMPARE(d.onDemandReplicaHours(6.88 / 4.7725), 132.0 * 6.88 / 4.7725);
    }

    void replicasForRoundsUp()
    {
        QCOMPARE(ReservationDemand::replicasFor(0.0, 14.0), 0);
        QCOMPARE(ReservationDemand::replicasFor(0.001, 14.0), 1);
        QCOMPARE(ReservationDemand::replicasFor(14.0, 14.0), 1);
        QCOMPARE(ReservationDemand::replicasFor(14.01, 14.0), 2);
        // 0.1 x 3 is 0.30000000000000004 in binary: still 3 replicas of 0.1, not 4.
        QCOMPARE(ReservationDemand::replicasFor(0.1 * 3.0, 0.1), 3);
        QCOMPARE(ReservationDemand::replicasFor(36.0 * 0.45, 36.0 * 0.45 / 2.0), 2);
    }

    void skyLbPublishedNumbersObeyTheRelations()
    {
        // SkyLB's WildChat example (seed 003 via DOMAIN.md section 7), replica-hours per day.
        const double cOd = 236757.5;
        const double cLocal = 179112.0;
        const double cAgg = 106632.0;
        // C_od = used / 0.4: the used replica-hours are a whole number.
        const double used = cOd * 0.4;
        QCOMPARE(used, 94703.0);
        // C_local and C_agg are 24 x a whole number of replicas.
        QCOMPARE(std::fmod(cLocal, 24.0), 0.0);
        QCOMPARE(std::fmod(cAgg, 24.0), 0.0);
        // The relations every demand satisfies: used <= C_agg <= C_local.
        QVERIFY(used <= cAgg);
        QVERIFY(cAgg <= cLocal);
        // The headline: -40.5 %.
        QCOMPARE(std::round(1000.0 * (1.0 - cAgg / cLocal)) / 10.0, 40.5);
    }

    void relationsHoldForAnyDemand()
    {
        // used <= C_agg (the peak of the sum held all day covers every hour's sum) and
        // C_agg <= C_local (max of a sum <= sum of maxima), with equality for one region.
        std::mt19937_64 rng(2026);
        for (int trial = 0; trial < 500; ++trial) {
            ReservationDemand d;
            const int regions = 1 + static_cast<int>(rng() % 6);
            for (int r = 0; r < regions; ++r) {
                d.regionIds.push_back("r" + std::to_string(r));
                ReservationDemand::Day day{};
                for (int &v : day)
                    v = static_cast<int>(rng() % 50);
                d.replicas.push_back(day);
            }
            QVERIFY(d.usedReplicaHours() <= d.aggregateReplicaHours());
            QVERIFY(d.aggregateReplicaHours() <= d.localReplicaHours());
            if (regions == 1)
                QCOMPARE(d.aggregateReplicaHours(), d.localReplicaHours());
            QCOMPARE(d.onDemandReplicaHours(), 2.5 * static_cast<double>(d.usedReplicaHours()));
        }
    }

    void mixByHand()
    {
        // SkyLB's prices: p_res 1, p_od 2.5 per replica-hour; critical share 1 / 2.5 = 0.4.
        const ReservationDemand d = handTable();
        // Region a (5 x 4 h, 2 x 20 h): R = 2 leaves 4/24 = 0.17 of the hours above -> optimal.
        // cost(2) = 24 x 2 + 2.5 x 4 x 3 = 78; cost(5) = 120; cost(0) = 2.5 x 60 = 150.
        ReservationMix a = ReservationMix::optimal(d.replicas[0], 1.0, 2.5);
        QCOMPARE(a.reservedReplicas, 2);
        QCOMPARE(a.totalUsd(), 78.0);
        QCOMPARE(a.onDemandReplicaHours, 12.0);
        QCOMPARE(a.hoursAboveReserved, 4);
        // Region b: R = 1 leaves 8/24 above: 24 + 2.5 x 8 x 3 = 84 (cost(4) = 96).
        QCOMPARE(ReservationMix::optimal(d.replicas[1], 1.0, 2.5).totalUsd(), 84.0);
        QCOMPARE(ReservationMix::optimal(d.replicas[1], 1.0, 2.5).reservedReplicas, 1);
        // Region c: R = 0 leaves 8/24 above: 2.5 x 24 = 60 (cost(3) = 72).
        QCOMPARE(ReservationMix::optimal(d.replicas[2], 1.0, 2.5).reservedReplicas, 0);
        QCOMPARE(ReservationMix::optimal(d.replicas[2], 1.0, 2.5).totalUsd(), 60.0);
        // Global pool: totals are 3 for 4 hours and 6 otherwise: R = 3 leaves 20/24 above, so
        // R = 6 (all reserved): 144, against 78 + 84 + 60 = 222 for the regional mixes.
        const auto totals = d.totals();
        const ReservationMix global = ReservationMix::optimal(totals, 1.0, 2.5);
        QCOMPARE(global.reservedReplicas, 6);
        QCOMPARE(global.totalUsd(), 144.0);
        QCOMPARE(global.onDemandReplicaHours, 0.0);
    }

    void mixEdgeCases()
    {
        const ReservationDemand::Day day = dayOf({{2, 12}, {0, 12}});
        // p_od = 2 p_res: cost(0) = 2 x 24 = 48 = cost(2) = 24 x 2: a tie keeps the smaller R.
        QCOMPARE(ReservationMix::optimal(day, 1.0, 2.0).reservedReplicas, 0);
        QCOMPARE(ReservationMix::optimal(day, 1.0, 2.0).totalUsd(), 48.0);
        // On-demand no dearer than reserved: never reserve.
        QCOMPARE(ReservationMix::optimal(day, 1.0, 1.0).reservedReplicas, 0);
        // Free reservations: reserve the peak.
        QCOMPARE(ReservationMix::optimal(day, 0.0, 1.0).reservedReplicas, 2);
        // Flat demand: reserve it all as soon as on-demand costs more.
        const ReservationDemand::Day flat = dayOf({{7, 24}});
        QCOMPARE(ReservationMix::optimal(flat, 1.0, 1.01).reservedReplicas, 7);
        const ReservationDemand::Day zero{};
        QCOMPARE(ReservationMix::optimal(zero, 1.0, 2.5).reservedReplicas, 0);
        QCOMPARE(ReservationMix::optimal(zero, 1.0, 2.5).totalUsd(), 0.0);
    }

    void mixMatchesBruteForceAndTheCriticalFractile()
    {
        std::mt19937_64 rng(7);
        for (int trial = 0; trial < 2000; ++trial) {
            const std::size_t hours = 1 + rng() % 48;
            std::vector<int> demand(hours);
            const int top = 1 + static_cast<int>(rng() % 30);
            for (int &d : demand)
                d = static_cast<int>(rng() % static_cast<std::uint64_t>(top + 1));
            const double pRes = 0.5 + static_cast<double>(rng() % 1000) / 100.0;
            // Premiums from 0.8x (on-demand cheaper) to 4x, including exact ties like 2.0.
            const double pOd = pRes * (0.8 + static_cast<double>(rng() % 33) / 10.0);
            const ReservationMix mix = ReservationMix::optimal(demand, pRes, pOd);

            // Brute force: every R from 0 to past the peak; the smallest minimiser.
            double bestCost = costOf(demand, 0, pRes, pOd);
            int bestR = 0;
            for (int r = 1; r <= top + 2; ++r) {
                const double cost = costOf(demand, r, pRes, pOd);
                if (cost < bestCost - 1e-9 * bestCost) {
                    bestCost = cost;
                    bestR = r;
                }
            }
            QCOMPARE(mix.reservedReplicas, bestR);
            QVERIFY(std::abs(mix.totalUsd() - bestCost) <= 1e-9 * std::max(1.0, bestCost));
            QVERIFY(std::abs(mix.totalUsd() - costOf(demand, mix.reservedReplicas, pRes, pOd)) <= 1e-9 * std::max(1.0, bestCost));

            // The newsvendor condition: the share of hours above R is at most p_res / p_od, and
            // one replica less would leave a share above it (the slope left of R is negative).
            const auto above = [&](int r) {
                return static_cast<double>(std::count_if(demand.begin(), demand.end(), [r](int d) { return d > r; }));
            };
            const double h = static_cast<double>(hours);
            QVERIFY(h * pRes - pOd * above(mix.reservedReplicas) >= -1e-9 * h * pRes);
            if (mix.reservedReplicas > 0)
                QVERIFY(h * pRes - pOd * above(mix.reservedReplicas - 1) < 1e-9 * h * pRes);
        }
    }
};

QTEST_APPLESS_MAIN(TestReservationCosts)
#include "tst_reservationcosts.moc"
