// `longitude-cli plan` through the real binary on the SkyLB sample: the longitude.plan/1 JSON
// (docs/planning.md) is consistent with itself (the three SkyLB formulas and the mixes recomputed
// here from its own demand table and prices), byte-identical across runs, and the exit codes and
// --quiet behave like the other commands.
#include <QtTest>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <algorithm>
#include <cmath>

namespace {

QString sourceDir()
{
    const QString fromEnv = qEnvironmentVariable("LONGITUDE_SOURCE_DIR");
    return fromEnv.isEmpty() ? QStringLiteral(LONGITUDE_SOURCE_DIR) : fromEnv;
}

QString samplePath() { return QDir(sourceDir()).filePath("samples/skylb-reservation.longitude.json"); }

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

std::vector<int> ints(const QJsonValue &value)
{
    std::vector<int> out;
    for (const QJsonValue &v : value.toArray())
        out.push_back(v.toInt());
    return out;
}

/// cost(R) from its definition.
double costOf(const std::vector<int> &demand, int reserved, double pRes, double pOd)
{
    double cost = static_cast<double>(demand.size()) * reserved * pRes;
    for (const int d : demand)
        cost += pOd * std::max(0, d - reserved);
    return cost;
}

double bruteForceBest(const std::vector<int> &demand, double pRes, double pOd)
{
    double best = costOf(demand, 0, pRes, pOd);
    for (int r = 1; r <= *std::max_element(demand.begin(), demand.end()); ++r)
        best = std::min(best, costOf(demand, r, pRes, pOd));
    return best;
}

} // namespace

class TestPlanCommand : public QObject
{
    Q_OBJECT

    QString m_cli;
    QTemporaryDir m_dir;
    QJsonObject m_plan;
    QString m_text;

    int runCli(const QStringList &arguments, QString *out = nullptr, QString *err = nullptr)
    {
        QProcess process;
        process.start(m_cli, arguments);
        if (!process.waitForFinished(300000)) {
            process.kill();
            process.waitForFinished();
            return -1;
        }
        if (out)
            *out = QString::fromUtf8(process.readAllStandardOutput());
        if (err)
            *err = QString::fromUtf8(process.readAllStandardError());
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    }

private slots:
    void initTestCase()
    {
        m_cli = qEnvironmentVariable("LONGITUDE_CLI");
        if (m_cli.isEmpty())
            QSKIP("LONGITUDE_CLI is not set (run through ctest)");
        QVERIFY(m_dir.isValid());
        const QString json = m_dir.filePath("plan.json");
        QCOMPARE(runCli({"plan", samplePath(), "--json", json}, &m_text), 0);
        m_plan = QJsonDocument::fromJson(readAll(json)).object();
        QVERIFY(!m_plan.isEmpty());
    }

    void schemaAndKeys()
    {
        QCOMPARE(m_plan["schema"].toString(), QString("longitude.plan/1"));
        for (const char *key : {"scenario", "model", "gpu_type", "tensor_parallel", "gpus_per_replica", "request_share",
                                "sla", "prices", "capacity_rps_per_replica", "sizing", "regions",
                                "total_replicas_by_utc_hour", "sum_of_regional_peaks", "global_peak",
                                "global_peak_utc_hour", "skylb", "global_pool", "strategies", "cheapest",
                                "current_fleet", "notes"})
            QVERIFY2(m_plan.contains(key), key);
        QCOMPARE(m_plan["model"].toString(), QString("llama-3.3-70b-fp8"));
        QCOMPARE(m_plan["gpus_per_replica"].toInt(), 2);
        QCOMPARE(m_plan["regions"].toArray().size(), 3);
        // The sample's prices, per GPU-hour and per 2-GPU replica-hour.
        const QJsonObject prices = m_plan["prices"].toObject();
        QCOMPARE(prices["reserved_usd_per_gpu_hour"].toDouble(), 4.7725);
        QCOMPARE(prices["on_demand_usd_per_gpu_hour"].toDouble(), 6.88);
        QCOMPARE(prices["reserved_usd_per_replica_hour"].toDouble(), 9.545);
        QCOMPARE(prices["on_demand_usd_per_replica_hour"].toDouble(), 13.76);
        // The text carries the same headline figures.
        QVERIFY(m_text.contains("C_local"));
        QVERIFY(m_text.contains("C_agg"));
        QVERIFY(m_text.contains("C_od"));
        QVERIFY(m_text.contains("Optimal mix, global pool"));
    }

    void demandFollowsRatesAndCapacity()
    {
        const double capacity = m_plan["capacity_rps_per_replica"].toDouble();
        QVERIFY(capacity > 0.0);
        // The sizing's answer is its highest passing probe and the next failing one is within 1 %.
        const QJsonObject sizing = m_plan["sizing"].toObject();
        QCOMPARE(sizing["capacity_rps_per_replica"].toDouble(), capacity);
        QVERIFY(sizing["failing_rps_per_replica"].toDouble() <= capacity * 1.0101);
        for (const QJsonValue &region : m_plan["regions"].toArray()) {
            const QJsonArray rps = region["rps_by_utc_hour"].toArray();
            const std::vector<int> replicas = ints(region["replicas_by_utc_hour"]);
            QCOMPARE(rps.size(), 24);
            for (int h = 0; h < 24; ++h) {
                // Rates are rounded to 4 decimals in the file: compare where that cannot matter.
                const double ratio = rps[h].toDouble() / capacity;
                if (std::abs(ratio - std::round(ratio)) > 1e-3)
                    QCOMPARE(replicas[static_cast<std::size_t>(h)], static_cast<int>(std::ceil(ratio)));
            }
            QCOMPARE(region["peak_replicas"].toInt(), *std::max_element(replicas.begin(), replicas.end()));
        }
        // The sample's regions all follow consumer-evening at 36 req/s in their own local time:
        // the same 24 rates, rotated by the UTC offsets (-5, 0, +9).
        const QJsonArray regions = m_plan["regions"].toArray();
        const QJsonArray eu = regions[1]["rps_by_utc_hour"].toArray();
        const QJsonArray us = regions[0]["rps_by_utc_hour"].toArray();
        const QJsonArray ap = regions[2]["rps_by_utc_hour"].toArray();
        for (int h = 0; h < 24; ++h) {
            QCOMPARE(us[h].toDouble(), eu[(h + 24 - 5) % 24].toDouble());
            QCOMPARE(ap[h].toDouble(), eu[(h + 9) % 24].toDouble());
        }
        QCOMPARE(eu[20].toDouble(), 36.0); // local 20:00 is the curve's peak (1.0)
    }

    void skyLbFormulasFromTheTable()
    {
        std::vector<int> totals(24, 0);
        int sumOfPeaks = 0;
        long long used = 0;
        for (const QJsonValue &region : m_plan["regions"].toArray()) {
            const std::vector<int> replicas = ints(region["replicas_by_utc_hour"]);
            sumOfPeaks += *std::max_element(replicas.begin(), replicas.end());
            for (int h = 0; h < 24; ++h) {
                totals[static_cast<std::size_t>(h)] += replicas[static_cast<std::size_t>(h)];
                used += replicas[static_cast<std::size_t>(h)];
            }
        }
        QCOMPARE(ints(m_plan["total_replicas_by_utc_hour"]), totals);
        const int globalPeak = *std::max_element(totals.begin(), totals.end());
        const QJsonObject skylb = m_plan["skylb"].toObject();
        QCOMPARE(skylb["c_local_replica_hours"].toInt(), 24 * sumOfPeaks);
        QCOMPARE(skylb["c_agg_replica_hours"].toInt(), 24 * globalPeak);
        QCOMPARE(skylb["c_od_replica_hours"].toDouble(), static_cast<double>(used) / 0.4);
        QCOMPARE(skylb["used_replica_hours"].toInt(), static_cast<int>(used));
        QVERIFY(skylb["c_agg_replica_hours"].toInt() <= skylb["c_local_replica_hours"].toInt());
        // Staggered peaks on three continents: the global pool needs fewer replicas than the
        // regions' peaks added up.
        QVERIFY(globalPeak < sumOfPeaks);
    }

    void strategiesAndMixes()
    {
        const QJsonObject prices = m_plan["prices"].toObject();
        const double pRes = prices["reserved_usd_per_replica_hour"].toDouble();
        const double pOd = prices["on_demand_usd_per_replica_hour"].toDouble();
        QJsonObject byKey;
        for (const QJsonValue &s : m_plan["strategies"].toArray())
            byKey[s["key"].toString()] = s;
        QCOMPARE(byKey.size(), 5);
        const QJsonObject skylb = m_plan["skylb"].toObject();
        const auto usd = [&](const char *key) { return byKey[key].toObject()["usd_per_day"].toDouble(); };
        QCOMPARE(usd("local-reserved"), std::round(100.0 * skylb["c_local_replica_hours"].toDouble() * pRes) / 100.0);
        QCOMPARE(usd("on-demand"), std::round(100.0 * skylb["used_replica_hours"].toDouble() * pOd) / 100.0);
        // Month = 730 hours.
        for (const QJsonValue &s : m_plan["strategies"].toArray())
            QVERIFY(std::abs(s["usd_per_month"].toDouble() - s["usd_per_day"].toDouble() * 730.0 / 24.0) < 0.02);

        // Each region's mix and the global mix are the brute-force optimum over every R.
        double localMix = 0.0;
        for (const QJsonValue &region : m_plan["regions"].toArray()) {
            const std::vector<int> replicas = ints(region["replicas_by_utc_hour"]);
            const double best = bruteForceBest(replicas, pRes, pOd);
            QVERIFY(std::abs(region["optimal_mix"]["usd_per_day"].toDouble() - best) < 0.006);
            localMix += best;
        }
        QVERIFY(std::abs(usd("local-mix") - localMix) < 0.02);
        const QJsonObject global = m_plan["global_pool"].toObject();
        QVERIFY(global["feasible"].toBool());
        const double globalBest = bruteForceBest(ints(global["replicas_by_utc_hour"]), pRes, pOd);
        QVERIFY(std::abs(usd("global-mix") - globalBest) < 0.006);
        // The mixes never cost more than the pure strategies they generalise.
        QVERIFY(usd("local-mix") <= std::min(usd("local-reserved"), usd("on-demand")) + 0.005);
        QVERIFY(usd("global-mix") <= usd("global-reserved") + 0.005);
        // "cheapest" is the minimum.
        double cheapest = 1e300;
        for (const QJsonValue &s : m_plan["strategies"].toArray())
            cheapest = std::min(cheapest, s["usd_per_day"].toDouble());
        QCOMPARE(m_plan["cheapest"].toObject()["usd_per_day"].toDouble(), cheapest);
        // The worst RTT between the sample's regions: eu-west-1 <-> ap-northeast-1, ~201 ms.
        QVERIFY(std::abs(global["worst_rtt_ms"].toDouble() - 201.079) < 1e-9);
        QCOMPARE(global["ttft_budget_ms"].toDouble(), 800.0 - 201.079);
        // The current fleet: 9 reserved replicas of 2 H100s: 18 x 24 x $4.7725.
        QCOMPARE(m_plan["current_fleet"].toObject()["usd_per_day"].toDouble(), std::round(18 * 24 * 4.7725 * 100.0) / 100.0);
    }

    void deterministicAndQuiet()
    {
        const QString again = m_dir.filePath("again.json");
        QString out;
        QCOMPARE(runCli({"plan", "--quiet", samplePath(), "--json", again}, &out), 0);
        QVERIFY(out.isEmpty());
        QCOMPARE(readAll(again), readAll(m_dir.filePath("plan.json")));
    }

    void givenCapacitySkipsTheSearch()
    {
        const QString json = m_dir.filePath("given.json");
        QCOMPARE(runCli({"plan", samplePath(), "--capacity", "18", "--json", json, "-q"}), 0);
        const QJsonObject plan = QJsonDocument::fromJson(readAll(json)).object();
        QCOMPARE(plan["capacity_rps_per_replica"].toDouble(), 18.0);
        QVERIFY(plan["sizing"].isNull());
        // 36 req/s at the peak: 2 replicas of 18.
        QCOMPARE(plan["regions"].toArray()[1].toObject()["replicas_by_utc_hour"].toArray()[20].toInt(), 2);
    }

    void exitCodes()
    {
        QString err;
        QCOMPARE(runCli({"plan"}, nullptr, &err), 2);
        QVERIFY(err.contains("no FILE"));
        QCOMPARE(runCli({"plan", "/nonexistent/x.longitude.json"}, nullptr, &err), 2);
        QVERIFY(err.contains("/nonexistent/x.longitude.json"));
        QCOMPARE(runCli({"plan", samplePath(), "--bogus"}, nullptr, &err), 2);
        QVERIFY(err.contains("unknown option"));
        QCOMPARE(runCli({"plan", samplePath(), "--capacity", "-3"}, nullptr, &err), 2);
        QCOMPARE(runCli({"plan", samplePath(), "--model", "nope", "-q"}, nullptr, &err), 2);
        QVERIFY(err.contains("nope"));
        QCOMPARE(runCli({"plan", samplePath(), "--json", "/nonexistent-dir/plan.json", "-q"}, nullptr, &err), 2);
        QVERIFY(err.contains("cannot write"));
        QString out;
        QCOMPARE(runCli({"help", "plan"}, &out), 0);
        QVERIFY(out.startsWith("usage: longitude-cli plan"));
    }
};

QTEST_GUILESS_MAIN(TestPlanCommand)
#include "tst_plancommand.moc"
