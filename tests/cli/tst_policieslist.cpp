// `longitude-cli list-policies` through the real binary: every routing policy of the engine with
// its parameters, defaults and descriptions, the overflow and failover parameters, the --names
// form scripts use, and a usage error for anything else.
#include "engine/policies/policyregistry.h"

#include <QtTest>

#include <QFileInfo>
#include <QProcess>

using namespace longitude::engine;

class TestPoliciesList : public QObject
{
    Q_OBJECT

    QString m_cli;

    QString run(const QStringList &arguments, int *exitCode = nullptr)
    {
        QProcess process;
        process.start(m_cli, arguments);
        process.waitForFinished(60000);
        if (exitCode)
            *exitCode = process.exitCode();
        return QString::fromUtf8(process.readAllStandardOutput()) + QString::fromUtf8(process.readAllStandardError());
    }

private slots:
    void initTestCase()
    {
        m_cli = qEnvironmentVariable("LONGITUDE_CLI");
        if (m_cli.isEmpty())
            QSKIP("LONGITUDE_CLI is not set; run this test through ctest, which points it at longitude-cli");
        QVERIFY2(QFileInfo(m_cli).isExecutable(), qPrintable(m_cli + " is not an executable"));
    }

    void listsEveryPolicyWithItsParameters()
    {
        int code = -1;
        const QString out = run({"list-policies"}, &code);
        QCOMPARE(code, 0);
        const PolicyRegistry registry = PolicyRegistry::builtins();
        QVERIFY(registry.policies().size() >= 12);
        for (const auto &info : registry.policies()) {
            QVERIFY2(out.contains("\n" + QString::fromStdString(info.name) + "\n"), info.name.c_str());
            for (const auto &p : info.parameters)
                QVERIFY2(out.contains(QString::fromStdString(p.name) + " = "), p.name.c_str());
        }
        QVERIFY(out.contains("alpha = 0.7"));
        QVERIFY(out.contains("wRtt = 0.276"));
        QVERIFY(out.contains("tau = 10"));
        QVERIFY(out.contains("reserveMs = 660"));
        QVERIFY(out.contains("detectionDelayS = 10"));
        QVERIFY(out.contains("degradeModel"));
    }

    void namesOnlyForScripts()
    {
        int code = -1;
        const QStringList names = run({"list-policies", "--names"}, &code).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(code, 0);
        QStringList expected;
        const PolicyRegistry registry = PolicyRegistry::builtins();
        for (const auto &info : registry.policies())
            expected << QString::fromStdString(info.name);
        QCOMPARE(names, expected);
    }

    void unknownArgumentIsAUsageError()
    {
        int code = -1;
        const QString out = run({"list-policies", "--bogus"}, &code);
        QCOMPARE(code, 2);
        QVERIFY(out.contains("unknown argument '--bogus'"));
        QVERIFY(out.contains("usage: longitude-cli list-policies"));
    }
};

QTEST_APPLESS_MAIN(TestPoliciesList)
#include "tst_policieslist.moc"
