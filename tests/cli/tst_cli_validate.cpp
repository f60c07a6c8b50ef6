// Runs the real longitude-cli binary (env LONGITUDE_CLI) over the broken-scenario corpus in
// tests/data/broken and over valid inputs: exit codes, compiler-style messages naming the file
// and the field, and no crash whatever the input.
#include <QtTest>

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

namespace {

struct CliResult
{
    QProcess::ExitStatus exitStatus = QProcess::CrashExit;
    int exitCode = -1;
    QString out;
    QString err;
};

QString sourceDir()
{
    const QString fromEnv = qEnvironmentVariable("LONGITUDE_SOURCE_DIR");
    return fromEnv.isEmpty() ? QStringLiteral(LONGITUDE_SOURCE_DIR) : fromEnv;
}

QString dataDir(const QString &sub)
{
    return QDir(sourceDir()).filePath("tests/data/" + sub);
}

QJsonObject expectations()
{
    QFile file(dataDir("broken/expectations.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file.fileName()));
    return QJsonDocument::fromJson(file.readAll()).object();
}

} // namespace

class TestCliValidate : public QObject
{
    Q_OBJECT

    QString m_cli;

    CliResult runCli(const QStringList &arguments)
    {
        QProcess process;
        process.start(m_cli, arguments);
        if (!process.waitForFinished(60000)) {
            process.kill();
            process.waitForFinished();
        }
        CliResult result;
        result.exitStatus = process.exitStatus();
        result.exitCode = process.exitCode();
        result.out = QString::fromUtf8(process.readAllStandardOutput());
        result.err = QString::fromUtf8(process.readAllStandardError());
        return result;
    }

private slots:
    void initTestCase()
    {
        m_cli = qEnvironmentVariable("LONGITUDE_CLI");
        if (m_cli.isEmpty())
            QSKIP("LONGITUDE_CLI is not set; run this test through ctest, which points it at longitude-cli");
        QVERIFY2(QFileInfo(m_cli).isExecutable(), qPrintable(m_cli + " is not an executable"));
    }

    void corpusIsComplete()
    {
        // Every broken file says what its message must contain, and there are enough of them.
        const QJsonObject expected = expectations();
        const QStringList files = QDir(dataDir("broken")).entryList(QDir::Files);
        QStringList inputs;
        for (const QString &file : files)
            if (file != "expectations.json")
                inputs << file;
        QVERIFY2(inputs.size() >= 25, qPrintable(QString::number(inputs.size())));
        for (const QString &file : inputs)
            QVERIFY2(expected.contains(file), qPrintable(file + " has no entry in expectations.json"));
        for (const QString &key : expected.keys())
            QVERIFY2(inputs.contains(key), qPrintable(key + " is in expectations.json but not in the folder"));
    }

    void brokenFileIsRefused_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("where");    // "/json/pointer: " or ":line:column: "
        QTest::addColumn<QString>("fragment");
        const QJsonObject expected = expectations();
        for (auto it = expected.begin(); it != expected.end(); ++it) {
            const QJsonObject e = it.value().toObject();
            QString where;
            if (e.contains("line"))
                where = QString(":%1:%2: error: ").arg(e["line"].toInt()).arg(e["column"].toInt());
            else if (!e["pointer"].toString().isEmpty())
                where = "error: " + e["pointer"].toString() + ": ";
            else
                where = ": error: ";
            QTest::newRow(qPrintable(it.key())) << dataDir("broken/" + it.key()) << where << e["contains"].toString();
        }
    }

    void brokenFileIsRefused()
    {
        QFETCH(QString, path);
        QFETCH(QString, where);
        QFETCH(QString, fragment);
        const CliResult r = runCli({"validate", path});
        QCOMPARE(r.exitStatus, QProcess::NormalExit); // not killed by a signal
        QVERIFY2(r.exitCode == 2, qPrintable(QString::number(r.exitCode) + "\n" + r.out + r.err));
        bool found = false;
        for (const QString &line : r.out.split('\n'))
            found = found || (line.startsWith(path) && line.contains(where) && line.contains(fragment));
        QVERIFY2(found, qPrintable("expected a line '" + path + "..." + where + "..." + fragment + "', got:\n" + r.out));
        QVERIFY2(r.out.contains(path + ": invalid ("), qPrintable(r.out));
        QVERIFY(r.err.isEmpty());
    }

    void validFilesPass_data()
    {
        QTest::addColumn<QString>("path");
        const QDir valid(dataDir("valid"));
        for (const QString &file : valid.entryList({"*.longitude.json"}, QDir::Files))
            QTest::newRow(qPrintable(file)) << valid.filePath(file);
        const QDir samples(QDir(sourceDir()).filePath("samples"));
        for (const QString &file : samples.entryList({"*.longitude.json"}, QDir::Files))
            QTest::newRow(qPrintable("samples/" + file)) << samples.filePath(file);
    }

    void validFilesPass()
    {
        QFETCH(QString, path);
        const CliResult r = runCli({"validate", path});
        QCOMPARE(r.exitStatus, QProcess::NormalExit);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(path + ": valid scenario"), qPrintable(r.out));
        QVERIFY(!r.out.contains("error:"));
    }

    void warningsOnlyPass()
    {
        const QString path = dataDir("valid/warnings.longitude.json");
        const CliResult r = runCli({"validate", path});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.count(" warning: "), 5);
        QVERIFY(r.out.contains(path + ": warning: /zones/0/colour: unknown key \"colour\" is ignored; did you mean \"color\"?"));
        QVERIFY(r.out.contains(path + ": valid scenario \"Loads with warnings only\": 1 region, 1 pool (8 GPUs), "
                                      "1 workload class (5 warnings)"));
    }

    void catalogsPass()
    {
        const QString folder = dataDir("catalog");
        const CliResult r = runCli({"validate", folder, dataDir("catalog/rtt.json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY(r.out.contains(folder + ": valid catalog: 3 regions, 4 links, 3 zones, 2 GPU types, 1 model"));
        QVERIFY(r.out.contains(dataDir("catalog/rtt.json") + ": valid catalog: 4 links"));
    }

    void oneVerdictPerFile()
    {
        const QStringList files = {dataDir("valid/minimal.longitude.json"), dataDir("broken/negative-gpus.json"),
                                   dataDir("valid/full.longitude.json"), dataDir("broken/empty.json")};
        const CliResult r = runCli(QStringList{"validate", "--quiet"} + files);
        QCOMPARE(r.exitCode, 2);
        const QStringList lines = r.out.split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4); // --quiet: verdicts only
        QVERIFY(lines[0].startsWith(files[0] + ": valid scenario"));
        QCOMPARE(lines[1], files[1] + ": invalid (1 error)");
        QVERIFY(lines[2].startsWith(files[2] + ": valid scenario"));
        QCOMPARE(lines[3], files[3] + ": invalid (1 error)");
    }

    void unreadableFile()
    {
        const QString missing = dataDir("broken/does-not-exist.longitude.json");
        const CliResult r = runCli({"validate", missing});
        QCOMPARE(r.exitStatus, QProcess::NormalExit);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.contains(missing + ": error: cannot read the file"));
    }

    void helpAndVersion()
    {
        CliResult r = runCli({"--help"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith("usage: longitude-cli"));
        QVERIFY(r.out.contains("  validate"));
        r = runCli({"--version"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(QRegularExpression("^longitude-cli \\d+\\.\\d+\\.\\d+\\n$").match(r.out).hasMatch());
        r = runCli({"help", "validate"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith("usage: longitude-cli validate"));
        r = runCli({"validate", "--help"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith("usage: longitude-cli validate"));
        r = runCli({"help"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("validate"));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("no arguments") << QStringList{} << "usage: longitude-cli";
        QTest::newRow("unknown command") << QStringList{"valdate", "x.json"} << "unknown command 'valdate'; did you mean 'validate'?";
        QTest::newRow("unknown global option") << QStringList{"--frobnicate"} << "unknown option '--frobnicate'";
        QTest::newRow("unknown validate option") << QStringList{"validate", "--strict", "x.json"} << "longitude-cli validate: unknown option '--strict'";
        QTest::newRow("validate without files") << QStringList{"validate"} << "longitude-cli validate: no FILE given";
        QTest::newRow("help of unknown command") << QStringList{"help", "nosuch"} << "unknown command 'nosuch'";
    }

    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, fragment);
        const CliResult r = runCli(arguments);
        QCOMPARE(r.exitStatus, QProcess::NormalExit);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(fragment), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }

    void fileNamedLikeAnOption()
    {
        // "--" ends options, so a file may start with a dash.
        const CliResult r = runCli({"validate", "--", "-missing.json"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.contains("-missing.json: error: cannot read the file"));
    }
};

QTEST_GUILESS_MAIN(TestCliValidate)
#include "tst_cli_validate.moc"
