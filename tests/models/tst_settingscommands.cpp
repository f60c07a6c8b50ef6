// The settings edits of the document: one parameter at a time (merged while stepped, reset and
// removal as steps of their own), routing policy switches that keep only what the new policy
// takes, outages, the start hour, and the engine's policy checks among the document's
// diagnostics.

#include "models/scenariodocument.h"
#include "testscenarios.h"

#include <QTest>
#include <QUndoStack>

#include <limits>

using namespace longitude;
using models::ParamSection;
using models::ScenarioDocument;

class TestSettingsCommands : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void stepsOfOneParameterMerge();
    void resetIsAStepOfItsOwn();
    void policySwitchKeepsOnlyItsParameters();
    void unknownPolicyKeepsEveryParameter();
    void policyProblemsAreDiagnosticsOfTheirField();
    void outagesAddEditRemove();
    void startHourWrapsIntoTheDay();

private:
    std::optional<double> routingParam(const char *name) const
    {
        const auto &params = m_document->scenario().routing.params;
        const auto it = params.find(name);
        return it == params.end() ? std::nullopt : std::optional<double>(it->second);
    }

    std::unique_ptr<ScenarioDocument> m_document;
};

void TestSettingsCommands::init()
{
    m_document = std::make_unique<ScenarioDocument>();
    m_document->resetScenario(tests::threeRegions());
}

void TestSettingsCommands::stepsOfOneParameterMerge()
{
    QUndoStack *stack = m_document->undoStack();
    QVERIFY(m_document->setRoutingPolicy("lca"));
    QVERIFY(m_document->setParameter(ParamSection::Routing, "alpha", 0.5));
    QVERIFY(m_document->setParameter(ParamSection::Routing, "alpha", 0.6));
    QVERIFY(m_document->setParameter(ParamSection::Routing, "alpha", 0.65));
    QCOMPARE(stack->count(), 2); // the policy, then alpha once
    QCOMPARE(routingParam("alpha"), std::optional<double>(0.65));
    QCOMPARE(stack->undoText(), QStringLiteral("Set routing alpha to 0.65"));
    // Another parameter is another step.
    QVERIFY(m_document->setParameter(ParamSection::Routing, "beta", 0.1));
    QCOMPARE(stack->count(), 3);
    stack->undo();
    stack->undo();
    QCOMPARE(routingParam("alpha"), std::nullopt);
    QCOMPARE(m_document->scenario().routing.policy, std::string("lca"));

    // Stepping away and back to the value it had leaves nothing to undo.
    QVERIFY(m_document->setParameter(ParamSection::Overflow, "reserveMs", 500));
    QVERIFY(m_document->setParameter(ParamSection::Overflow, "burstS", 1));
    const int steps = stack->count();
    QVERIFY(m_document->setParameter(ParamSection::Overflow, "reserveMs", 600));
    QCOMPARE(stack->count(), steps + 1);
    QVERIFY(m_document->setParameter(ParamSection::Overflow, "reserveMs", 500));
    QCOMPARE(stack->count(), steps);
    QCOMPARE(m_document->scenario().overflow.params.at("reserveMs"), 500.0);
}

void TestSettingsCommands::resetIsAStepOfItsOwn()
{
    QUndoStack *stack = m_document->undoStack();
    QVERIFY(m_document->setParameter(ParamSection::Failover, "retries", 2));
    QVERIFY(m_document->setParameter(ParamSection::Failover, "retries", std::nullopt));
    QCOMPARE(stack->count(), 2);
    QVERIFY(m_document->scenario().failover.params.empty());
    QCOMPARE(stack->undoText(), QStringLiteral("Reset failover retries"));
    stack->undo();
    QCOMPARE(m_document->scenario().failover.params.at("retries"), 2.0);
    stack->undo();
    QVERIFY(m_document->scenario().failover.params.empty());
    QVERIFY(!m_document->isModified());
}

void TestSettingsCommands::policySwitchKeepsOnlyItsParameters()
{
    auto settings = models::ScenarioSettings::of(m_document->scenario());
    settings.routing.policy = "skylb";
    settings.routing.params = {{"probeIntervalMs", 50}, {"matchThreshold", 0.8}, {"v3", 1}};
    QVERIFY(m_document->editSettings(settings));
    const engine::RoutingSettings before = m_document->scenario().routing;

    QVERIFY(m_document->setRoutingPolicy("gorgo"));
    QCOMPARE(m_document->scenario().routing.policy, std::string("gorgo"));
    QVERIFY(m_document->scenario().routing.params.empty()); // gorgo takes wRtt and wQueue only
    QCOMPARE(m_document->undoStack()->undoText(), QStringLiteral("Route with gorgo"));

    m_document->undoStack()->undo();
    QVERIFY(m_document->scenario().routing == before);

    // Back to a policy that takes some of them: those stay, with their values.
    settings.routing.policy = "lca";
    settings.routing.params = {{"alpha", 0.2}, {"tau", 3}};
    QVERIFY(m_document->editSettings(settings));
    QVERIFY(m_document->setRoutingPolicy("prefix-affinity"));
    QCOMPARE(m_document->scenario().routing.params, (engine::ParamMap{{"tau", 3}}));
}

void TestSettingsCommands::unknownPolicyKeepsEveryParameter()
{
    QVERIFY(m_document->setParameter(ParamSection::Routing, "tau", 3));
    QVERIFY(m_document->setRoutingPolicy("policy-of-a-newer-build"));
    QCOMPARE(m_document->scenario().routing.params, (engine::ParamMap{{"tau", 3}}));
}

void TestSettingsCommands::policyProblemsAreDiagnosticsOfTheirField()
{
    QVERIFY(m_document->diagnosticsAt(QStringLiteral("/routing"), true).empty());
    QVERIFY(m_document->setRoutingPolicy("lca"));
    QVERIFY(m_document->setParameter(ParamSection::Routing, "alpha", -1));
    QVERIFY(m_document->setParameter(ParamSection::Routing, "v3", 1));
    const engine::Diagnostics alpha = m_document->diagnosticsAt(QStringLiteral("/routing/params/alpha"));
    QCOMPARE(alpha.size(), std::size_t(1));
    QCOMPARE(alpha.front().severity, engine::Severity::Error);
    QVERIFY2(alpha.front().message.find("must be a number in [0, inf], got -1") != std::string::npos,
             alpha.front().message.c_str());
    const engine::Diagnostics v3 = m_document->diagnosticsAt(QStringLiteral("/routing/params/v3"));
    QCOMPARE(v3.size(), std::size_t(1));
    QVERIFY2(v3.front().message.find("has no parameter 'v3' (it takes: alpha, beta)") != std::string::npos,
             v3.front().message.c_str());
    // Removing the unknown one and undoing the value leave nothing to report.
    QVERIFY(m_document->setParameter(ParamSection::Routing, "v3", std::nullopt));
    m_document->undoStack()->undo(); // v3 back
    m_document->undoStack()->undo(); // v3 gone again (its set undone)
    m_document->undoStack()->undo(); // alpha unset
    QVERIFY(m_document->diagnosticsAt(QStringLiteral("/routing"), true).empty());

    auto settings = models::ScenarioSettings::of(m_document->scenario());
    settings.routing.policy = "gorgoo";
    QVERIFY(m_document->editSettings(settings));
    const engine::Diagnostics policy = m_document->diagnosticsAt(QStringLiteral("/routing/policy"));
    QCOMPARE(policy.size(), std::size_t(1));
    QVERIFY(policy.front().message.find("unknown routing policy \"gorgoo\"") != std::string::npos);
}

void TestSettingsCommands::outagesAddEditRemove()
{
    const engine::Scenario original = m_document->scenario();
    QUndoStack *stack = m_document->undoStack();
    QVERIFY(m_document->addOutage({"eu-a", 30, 120}));
    QCOMPARE(m_document->scenario().failover.outages.size(), std::size_t(3));
    QVERIFY(m_document->editOutage(2, {"eu-a", 40, 120}));
    QVERIFY(m_document->editOutage(2, {"eu-a", 50, 120}));
    QVERIFY(m_document->editOutage(2, {"eu-west", 50, 300}));
    QCOMPARE(stack->count(), 2); // edits of one outage merge
    QVERIFY(m_document->editOutage(0, {"us-a", 60, 900})); // another outage: its own step
    QCOMPARE(stack->count(), 3);
    QVERIFY(m_document->removeOutage(1));
    const auto &outages = m_document->scenario().failover.outages;
    QCOMPARE(outages.size(), std::size_t(2));
    QVERIFY((outages[0] == engine::Outage{"us-a", 60, 900}));
    QVERIFY((outages[1] == engine::Outage{"eu-west", 50, 300}));
    stack->undo(); // the removed one is back in its place
    QVERIFY((m_document->scenario().failover.outages[1] == original.failover.outages[1]));
    while (stack->canUndo())
        stack->undo();
    QVERIFY(m_document->scenario() == original);
}

void TestSettingsCommands::startHourWrapsIntoTheDay()
{
    QVERIFY(m_document->setSimulationStartHour(25.5));
    QCOMPARE(m_document->scenario().simulation.startUtcHour, 1.5);
    QCOMPARE(m_document->undoStack()->undoText(), QStringLiteral("Simulate from 01:30 UTC"));
    QVERIFY(m_document->setSimulationStartHour(-1));
    QCOMPARE(m_document->scenario().simulation.startUtcHour, 23.0);
    QVERIFY(!m_document->setSimulationStartHour(std::numeric_limits<double>::quiet_NaN()));
}

QTEST_GUILESS_MAIN(TestSettingsCommands)
#include "tst_settingscommands.moc"
