// checkPolicies says before a run what Simulation::create refuses, at the field's pointer and in
// the run's own words; a scenario it accepts, the run accepts.
#include "engine/policies/policyregistry.h"
#include "engine/sim/policychecks.h"
#include "engine/sim/simulation.h"
#include "enginetestscenarios.h"

#include <QtTest>

#include <functional>
#include <limits>

using namespace longitude::engine;
using namespace longitude::engine::test;

using Change = std::function<void(Scenario &)>;
Q_DECLARE_METATYPE(Change)

class TestPolicyChecks : public QObject
{
    Q_OBJECT

private slots:
    void refusedLikeTheRun_data()
    {
        QTest::addColumn<Change>("change");
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<QString>("words"); // part of the sentence

        QTest::newRow("unknown policy") << Change([](Scenario &s) { s.routing.policy = "gorgoo"; })
                                        << "/routing/policy" << "unknown routing policy \"gorgoo\"";
        QTest::newRow("below the minimum") << Change([](Scenario &s) {
            s.routing.policy = "lca";
            s.routing.params["alpha"] = -0.5;
        }) << "/routing/params/alpha" << "must be a number in [0, inf], got -0.5";
        QTest::newRow("above the maximum") << Change([](Scenario &s) {
            s.routing.policy = "skylb";
            s.routing.params["matchThreshold"] = 1.5;
        }) << "/routing/params/matchThreshold" << "in [0, 1], got 1.5";
        QTest::newRow("not an integer") << Change([](Scenario &s) {
            s.routing.policy = "prefix-affinity";
            s.routing.params["tau"] = 2.5;
        }) << "/routing/params/tau" << "must be an integer in [1, 1e+09]";
        QTest::newRow("parameter of another policy") << Change([](Scenario &s) {
            s.routing.policy = "gorgo";
            s.routing.params["alpha"] = 0.7;
        }) << "/routing/params/alpha" << "has no parameter 'alpha' (it takes: wRtt, wQueue)";
        QTest::newRow("a policy without parameters") << Change([](Scenario &s) {
            s.routing.policy = "least-load";
            s.routing.params["tau"] = 3;
        }) << "/routing/params/tau" << "(it takes none)";
        QTest::newRow("overflow share above 1") << Change([](Scenario &s) {
            s.overflow.params["maxSpillShare"] = 2;
        }) << "/overflow/params/maxSpillShare" << "overflow parameter 'maxSpillShare'";
        QTest::newRow("unknown overflow parameter") << Change([](Scenario &s) {
            s.overflow.params["maxExtraRttMs"] = 150;
        }) << "/overflow/params/maxExtraRttMs" << "overflow has no parameter 'maxExtraRttMs'";
        QTest::newRow("fractional retries") << Change([](Scenario &s) {
            s.failover.params["retries"] = 1.5;
        }) << "/failover/params/retries" << "failover parameter 'retries' must be an integer in [0, 10]";
        QTest::newRow("slash in a name") << Change([](Scenario &s) {
            s.failover.params["a/b~c"] = 1;
        }) << "/failover/params/a~1b~0c" << "failover has no parameter 'a/b~c'";
    }

    void refusedLikeTheRun()
    {
        QFETCH(Change, change);
        QFETCH(QString, pointer);
        QFETCH(QString, words);
        Scenario s = threeRegions(10.0);
        QVERIFY(checkPolicies(s, PolicyRegistry::builtins()).empty());
        QVERIFY(Simulation::create(s, {}).has_value());

        change(s);
        const Diagnostics diagnostics = checkPolicies(s, PolicyRegistry::builtins());
        QCOMPARE(diagnostics.size(), std::size_t(1));
        const Diagnostic &d = diagnostics.front();
        QCOMPARE(d.severity, Severity::Error);
        QCOMPARE(QString::fromStdString(d.pointer), pointer);
        QVERIFY2(QString::fromStdString(d.message).contains(words), d.message.c_str());
        const auto simulation = Simulation::create(s, {});
        QVERIFY(!simulation.has_value());
        // One problem: the run names it in the same words (the policy error names the known ones).
        QVERIFY2(simulation.error().find(pointer == "/routing/policy" ? "gorgoo" : d.message) != std::string::npos,
                 simulation.error().c_str());
    }

    void everyDefaultIsAccepted()
    {
        // The defaults written out explicitly are valid for every policy and both tables.
        const PolicyRegistry registry = PolicyRegistry::builtins();
        for (const PolicyInfo &info : registry.policies()) {
            Scenario s = threeRegions(10.0);
            s.routing.policy = info.name;
            s.routing.params = registry.withDefaults(info.name, {});
            QVERIFY2(checkPolicies(s, registry).empty(), info.name.c_str());
        }
    }

    void valuesTheValidatorRejectsAreLeftToIt()
    {
        Scenario s = threeRegions(10.0);
        s.routing.policy = "lca";
        s.routing.params["alpha"] = std::numeric_limits<double>::infinity();
        s.routing.params["beta"] = -1e300;
        s.routing.params[""] = 1;
        QVERIFY(checkPolicies(s, PolicyRegistry::builtins()).empty());
    }

    void severalProblemsAllReported()
    {
        Scenario s = threeRegions(10.0);
        s.routing.policy = "lca";
        s.routing.params = {{"alpha", -1}, {"beta", -1}, {"gamma", 1}};
        s.failover.params["retries"] = 11;
        const Diagnostics diagnostics = checkPolicies(s, PolicyRegistry::builtins());
        QCOMPARE(diagnostics.size(), std::size_t(4));
        QCOMPARE(diagnostics[0].pointer, std::string("/routing/params/alpha"));
        QCOMPARE(diagnostics[1].pointer, std::string("/routing/params/beta"));
        QCOMPARE(diagnostics[2].pointer, std::string("/routing/params/gamma"));
        QCOMPARE(diagnostics[3].pointer, std::string("/failover/params/retries"));
    }
};

QTEST_APPLESS_MAIN(TestPolicyChecks)
#include "tst_policychecks.moc"
