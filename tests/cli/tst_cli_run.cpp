// `longitude-cli run` through the real binary: the summary JSON contract (docs/summary-format.md),
// byte-identical output for the same seed, different output for another seed, exit codes.
#include <QtTest>

#include <cmath>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>

namespace {

QString sourceDir()
{
    const QString fromEnv = qEnvironmentVariable("LONGITUDE_SOURCE_DIR");
    return fromEnv.isEmpty() ? QStringLiteral(LONGITUDE_SOURCE_DIR) : fromEnv;
}

QString scenarioPath() { return QDir(sourceDir()).filePath("tests/data/valid/two-regions.longitude.json"); }

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestCliRun : public QObject
{
    Q_OBJECT

    QString m_cli;
    QTemporaryDir m_dir;

    int runCli(const QStringList &arguments, QString *out = nullptr, QString *err = nullptr)
    {
        QProcess process;
        process.start(m_cli, arguments);
        if (!process.waitForFinished(120000)) {
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
    }

    void summaryHasTheContractKeys()
    {
        const QString json = m_dir.filePath("a.json");
        const QString csv = m_dir.filePath("a.csv");
        QString out;
        QCOMPARE(runCli({"run", scenarioPath(), "--duration", "5m", "--json", json, "--timeseries", csv}, &out), 0);
        QVERIFY(out.contains("requests/s"));
        const QJsonObject o = QJsonDocument::fromJson(readAll(json)).object();
        QCOMPARE(o["schema"].toString(), QString("longitude.summary/1"));
        for (const char *key : {"scenario", "seed", "policy", "requests", "ttft_ms", "e2e_ms", "tpot_ms", "queue_wait_ms",
                                "prefix_cache", "utilization", "cost", "sla", "by_region", "simulated_seconds",
                                "wall_seconds", "events"})
            QVERIFY2(o.contains(key), key);
        for (const char *key : {"arrived", "completed", "shed", "cross_region", "residency_violations"})
            QVERIFY2(o["requests"].toObject().contains(key), key);
        for (const char *key : {"mean", "p50", "p90", "p95", "p99", "max"})
            QVERIFY2(o["ttft_ms"].toObject().contains(key), key);
        for (const char *key : {"gpu_usd", "egress_usd", "total_usd", "usd_per_million_input_tokens",
                                "usd_per_million_output_tokens"})
            QVERIFY2(o["cost"].toObject().contains(key), key);
        QVERIFY(o["utilization"].toObject()["by_pool"].toObject().contains("us-pool"));
        // Compute utilisation (added keys): a share in [0, 1], per pool and per region too.
        const QJsonObject utilization = o["utilization"].toObject();
        QVERIFY(utilization.contains("compute_mean"));
        const double compute = utilization["compute_mean"].toDouble(-1.0);
        QVERIFY(compute > 0.0 && compute <= 1.0);
        QVERIFY(utilization["compute_by_pool"].toObject().contains("us-pool"));
        QVERIFY(out.contains("% of compute capacity"));
        QVERIFY(o["sla"].toObject().contains("attainment"));
        const QJsonObject us = o["by_region"].toObject()["us-east-1"].toObject();
        for (const char *key : {"requests", "ttft_ms", "prefix_cache", "utilization", "compute_utilization"})
            QVERIFY2(us.contains(key), key);
        QCOMPARE(o["simulated_seconds"].toDouble(), 300.0);
        QVERIFY(o["wall_seconds"].isNull());
        QVERIFY(o["requests"].toObject()["completed"].toDouble() > 0);
        const QByteArray series = readAll(csv);
        QVERIFY(series.startsWith("bucket_start_s,"));
        const QByteArray header = series.left(series.indexOf('\n'));
        QVERIFY2(header.contains(",utilization,utilization_us-pool") && header.contains(",compute_utilization,")
                     && header.endsWith(",compute_utilization_us-pool,compute_utilization_eu-pool"),
                 header.constData());
    }

    void sameSeedSameBytesOtherSeedDiffers()
    {
        const QString a = m_dir.filePath("s1a.json");
        const QString b = m_dir.filePath("s1b.json");
        const QString c = m_dir.filePath("s2.json");
        QCOMPARE(runCli({"run", scenarioPath(), "--duration", "120", "--seed", "7", "--json", a, "--quiet"}), 0);
        QCOMPARE(runCli({"run", scenarioPath(), "--duration", "120", "--seed", "7", "--json", b, "--quiet"}), 0);
        QCOMPARE(runCli({"run", scenarioPath(), "--duration", "120", "--seed", "8", "--json", c, "--quiet"}), 0);
        QVERIFY(!readAll(a).isEmpty());
        QCOMPARE(readAll(a), readAll(b));
        QVERIFY(readAll(a) != readAll(c));
    }

    void timingFlagFillsWallSeconds()
    {
        const QString json = m_dir.filePath("t.json");
        QCOMPARE(runCli({"run", scenarioPath(), "--duration", "60", "--json", json, "--quiet", "--timing"}), 0);
        const QJsonObject o = QJsonDocument::fromJson(readAll(json)).object();
        QVERIFY(o["wall_seconds"].isDouble());
    }

    void policyOverride()
    {
        const QString json = m_dir.filePath("rr.json");
        QCOMPARE(runCli({"run", scenarioPath(), "--duration", "60", "--policy", "round-robin", "--json", json, "--quiet"}), 0);
        QCOMPARE(QJsonDocument::fromJson(readAll(json)).object()["policy"].toString(), QString("round-robin"));
    }

    void failoverAndOverflowCountersInTheSummary()
    {
        // two-regions takes eu-west-1 down from 600 s to 900 s: the human summary reports what
        // failover did, with the numbers the JSON has.
        const QString json = m_dir.filePath("f.json");
        QString out;
        QCOMPARE(runCli({"run", scenarioPath(), "--duration", "20m", "--json", json}, &out), 0);
        const QJsonObject o = QJsonDocument::fromJson(readAll(json)).object();
        const QJsonObject failover = o["failover"].toObject();
        QVERIFY(failover["enabled"].toBool());
        const auto number = [&](const QString &pattern) {
            const QRegularExpressionMatch m = QRegularExpression(pattern).match(out);
            return m.hasMatch() ? m.captured(1).toDouble() : -1.0;
        };
        QCOMPARE(number("failover   lost in flight (\\d+)"), failover["lost_in_flight"].toDouble());
        QCOMPARE(number("failed deliveries (\\d+)"), failover["failed_deliveries"].toDouble());
        QCOMPARE(number("rerouted (\\d+)"), failover["rerouted"].toDouble());
        QCOMPARE(number("no healthy replica in zone (\\d+)"), failover["shed_no_healthy_replica"].toDouble());
        QVERIFY(failover["rerouted"].toDouble() > 0.0);
        const QJsonObject outage = failover["outages"].toArray().at(0).toObject();
        QCOMPARE(number("outage eu-west-1 600-900 s: detected after ([0-9.]+) s"),
                 std::round(outage["detected_after_s"].toDouble() * 1e4) / 1e4);
        // Reroutes land in the rescuer table: us-east-1 took eu-west-1's untagged requests.
        const QJsonObject rescuer = o["overflow"].toObject()["by_rescuer"].toObject()["us-east-1"].toObject();
        QCOMPARE(number("\\n  us-east-1 +(\\d+) +\\d+ "), rescuer["spilled_in"].toDouble());
        QCOMPARE(number("\\n  us-east-1 +\\d+ +(\\d+) "), rescuer["rerouted_in"].toDouble());
    }

    void noFailoverOrOverflowLinesWhenInactive()
    {
        QString out;
        const QString minimal = QDir(sourceDir()).filePath("tests/data/valid/minimal.longitude.json");
        QCOMPARE(runCli({"run", minimal, "--duration", "60"}, &out), 0);
        QVERIFY(out.contains("utilisation"));
        QVERIFY(!out.contains("failover "));
        QVERIFY(!out.contains("overflow "));
    }

    void sampledOptionsEqualTheScenarioSetting()
    {
        // The same sampling given in the file and on the command line must run the same
        // simulation, byte for byte; a different window must not.
        QJsonObject scenario = QJsonDocument::fromJson(readAll(scenarioPath())).object();
        QJsonObject simulation = scenario["simulation"].toObject();
        simulation["sampling"] = QJsonObject{{"enabled", true}, {"windowS", 20}, {"warmupS", 10}};
        scenario["simulation"] = simulation;
        const QString sampledFile = m_dir.filePath("sampled.longitude.json");
        QFile file(sampledFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(scenario).toJson());
        file.close();

        const QString fromFile = m_dir.filePath("sampled-file.json");
        const QString fromFlags = m_dir.filePath("sampled-flags.json");
        const QString otherWindow = m_dir.filePath("sampled-other.json");
        QString out;
        QCOMPARE(runCli({"run", sampledFile, "--duration", "2h", "--json", fromFile, "--quiet"}), 0);
        QCOMPARE(runCli({"run", scenarioPath(), "--duration", "2h", "--window", "20s", "--window-warmup", "10",
                         "--json", fromFlags},
                        &out),
                 0);
        QCOMPARE(runCli({"run", scenarioPath(), "--duration", "2h", "--window", "30", "--window-warmup", "10",
                         "--json", otherWindow, "--quiet"}),
                 0);
        const QJsonObject summary = QJsonDocument::fromJson(readAll(fromFlags)).object();
        QVERIFY(summary["sampled"].toBool());
        QCOMPARE(summary["simulated_seconds"].toDouble(), 7200.0);
        QCOMPARE(readAll(fromFlags), readAll(fromFile));
        QVERIFY(readAll(fromFlags) != readAll(otherWindow));
        QVERIFY2(out.contains("20 s measured after 10 s warm-up"), qPrintable(out));
    }

    void badInputsExitTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown policy") << QStringList{"run", scenarioPath(), "--policy", "nope"} << "least-load";
        QTest::newRow("bad duration") << QStringList{"run", scenarioPath(), "--duration", "10x"} << "--duration";
        QTest::newRow("negative duration") << QStringList{"run", scenarioPath(), "--duration", "-5"} << "--duration";
        QTest::newRow("bad seed") << QStringList{"run", scenarioPath(), "--seed", "abc"} << "--seed";
        QTest::newRow("missing file") << QStringList{"run", "/nonexistent/x.longitude.json"} << "x.longitude.json";
        QTest::newRow("no file") << QStringList{"run"} << "FILE";
        QTest::newRow("zero window") << QStringList{"run", scenarioPath(), "--window", "0"} << "--window";
        QTest::newRow("negative warm-up") << QStringList{"run", scenarioPath(), "--window-warmup", "-1"}
                                          << "--window-warmup";
        QTest::newRow("window over an hour")
            << QStringList{"run", scenarioPath(), "--window", "50m", "--window-warmup", "15m"} << "fit in an hour";
        QTest::newRow("unknown option") << QStringList{"run", scenarioPath(), "--fast"} << "--fast";
    }

    void badInputsExitTwo()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        QString err;
        QCOMPARE(runCli(arguments, nullptr, &err), 2);
        QVERIFY2(err.contains(message), qPrintable(err));
    }
};

QTEST_APPLESS_MAIN(TestCliRun)
#include "tst_cli_run.moc"
