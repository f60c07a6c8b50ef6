// M/M/c validation (DOMAIN.md section 9): Poisson arrivals, exponential service, c slots.
// The replica's batch slots are the c servers: a constant-time profile with zero prefill makes a
// request's service exactly outputTokens x step after admission, whatever the batch (the decode
// clock advances at 1/step per second), and the FIFO wait queue admits into free slots.
//
// Output lengths are integers: X ~ Exp(m) rounded to nearest, at least 1. With m = 500 tokens the
// service time is geometric with squared coefficient of variation 1 - O(1/m^2), i.e. exponential
// for this purpose; its exact mean E[max(1, round X)] = 1 + e^(-1.5/m) / (1 - e^(-1/m)) is used
// for mu, so the discretisation costs nothing in the comparison.
//
// Sample size: the mean wait is estimated from K independent seeds; the 95 % confidence
// half-width (t-quantile x standard error over seeds) must be below 1.5 % of Erlang C, so that a
// 3 % tolerance can only be missed by a model error, not by noise. The test prints both.
#include "engine/sim/simulation.h"
#include "enginetestscenarios.h"

#include <QtTest>

#include <cmath>

using namespace longitude::engine;
using namespace longitude::engine::test;

namespace {
double erlangC(int c, double a)
{
    // Computed by the stable recursion of the Erlang B formula, then converted.
    double b = 1.0;
    for (int k = 1; k <= c; ++k)
        b = a * b / (k + a * b);
    const double rho = a / c;
    return b / (1.0 - rho * (1.0 - b));
}
} // namespace

class TestMmc : public QObject
{
    Q_OBJECT

private slots:
    void erlangCFormula()
    {
        // Hand-checkable: M/M/1 has C = rho; M/M/2 at a = 1: C = (1/2 * 2) / (1 + 1 + 1) = 1/3.
        QVERIFY(std::abs(erlangC(1, 0.7) - 0.7) < 1e-12);
        QVERIFY(std::abs(erlangC(2, 1.0) - 1.0 / 3.0) < 1e-12);
    }

    void meanQueueWaitMatchesErlangC_data()
    {
        QTest::addColumn<double>("rho");
        QTest::addColumn<double>("durationS");
        // Longer runs where the queue relaxes slowly (heavy traffic): the durations give
        // 95 % half-widths of roughly 1 % (see the printed figures).
        QTest::newRow("rho 0.5") << 0.5 << 300000.0;
        QTest::newRow("rho 0.8") << 0.8 << 100000.0;
        QTest::newRow("rho 0.9") << 0.9 << 250000.0;
    }

    void meanQueueWaitMatchesErlangC()
    {
        QFETCH(double, rho);
        QFETCH(double, durationS);
        const int c = 4;
        const double stepS = 0.001;
        const double meanTokens = 500.0;
        const double meanOut = 1.0 + std::exp(-1.5 / meanTokens) / (1.0 - std::exp(-1.0 / meanTokens));
        const double serviceS = meanOut * stepS;
        const double mu = 1.0 / serviceS;
        const double lambda = rho * c * mu;
        const double a = lambda / mu;
        const double expectedWqS = erlangC(c, a) / (c * mu - lambda);

        Scenario s = singleRegion(constantProfile(stepS * 1e3, c), 1, lambda, workload(constant(1), exponential(meanTokens)));
        s.simulation.durationS = durationS;
        s.simulation.warmupS = 1000.0;
        s.simulation.bucketS = 3600.0;
        const int seeds = 8;
        std::vector<double> means;
        double utilization = 0.0;
        double completed = 0.0;
        for (int k = 0; k < seeds; ++k) {
            SimulationOptions options;
            options.seed = 1000 + k;
            auto simulation = Simulation::create(s, options);
            QVERIFY2(simulation.has_value(), simulation ? "" : simulation.error().c_str());
            const auto result = simulation->run();
            QVERIFY(result.has_value());
            QCOMPARE(result->requests.completed, result->requests.arrived);
            means.push_back(result->latency.queueWait.mean() * 1e-6);
            utilization += result->utilizationMean() / seeds;
            // Constant steps and no prefill: each step uses b/maxBatch of the replica's capacity,
            // so compute utilisation is the share of busy slots, i.e. rho, exactly.
            QVERIFY(std::abs(result->computeUtilizationMean() - result->utilizationMean()) < 1e-9);
            completed += result->requests.completed;
        }
        double mean = 0.0;
        for (const double m : means)
            mean += m / seeds;
        double var = 0.0;
        for (const double m : means)
            var += (m - mean) * (m - mean) / (seeds - 1);
        const double halfWidth = 2.365 * std::sqrt(var / seeds); // t(0.975, 7 dof)
        qInfo("rho %.1f: Erlang C Wq %.5f s, simulated %.5f s (%+.2f %%), 95%% CI +/- %.2f %%, %.0f requests, "
              "utilisation %.4f",
              rho, expectedWqS, mean, 100.0 * (mean / expectedWqS - 1.0), 100.0 * halfWidth / expectedWqS, completed,
              utilization);
        QVERIFY2(halfWidth / expectedWqS < 0.015, "sample too small for a 3 % check");
        QVERIFY(std::abs(mean / expectedWqS - 1.0) < 0.03);
        // Utilisation = time-average running / slots = rho (offered load per slot).
        QVERIFY(std::abs(utilization / rho - 1.0) < 0.01);
    }
};

QTEST_APPLESS_MAIN(TestMmc)
#include "tst_mmc.moc"
