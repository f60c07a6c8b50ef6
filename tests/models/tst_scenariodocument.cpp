// ScenarioDocument behaviour beyond undo: RTT editing rules, signals, the modified flag,
// diagnostics after edits, unique ids.

#include "models/scenariodocument.h"
#include "testscenarios.h"

#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

using namespace longitude;
using models::ScenarioDocument;

class TestScenarioDocument : public QObject
{
    Q_OBJECT

private slots:
    void symmetricRttEditsBothDirections();
    void asymmetricRttSplitsSymmetricLink();
    void asymmetricRttOnReverseLink();
    void symmetricRttMergesTwoDirections();
    void clearOneDirectionKeepsTheOther();
    void modifiedFollowsUndoStack();
    void signalsArePrecise();
    void diagnosticsFollowEdits();
    void uniqueIds();
    void currentRegionClearsWhenRemoved();
    void resetClearsHistory();
};

void TestScenarioDocument::symmetricRttEditsBothDirections()
{
    ScenarioDocument d;
    d.resetScenario(tests::threeRegions());
    QVERIFY(d.setRtt("eu-west", "us-east", 70, true));
    QCOMPARE(d.directRttMs("us-east", "eu-west"), std::optional(70.0));
    QCOMPARE(d.directRttMs("eu-west", "us-east"), std::optional(70.0));
    QCOMPARE(d.scenario().links.size(), std::size_t(2)); // edited in place, not duplicated
    QCOMPARE(d.undoStack()->count(), 1);
}

void TestScenarioDocument::asymmetricRttSplitsSymmetricLink()
{
    ScenarioDocument d;
    d.resetScenario(tests::threeRegions());
    QVERIFY(d.setRtt("us-east", "eu-west", 95, false));
    QCOMPARE(d.directRttMs("us-east", "eu-west"), std::optional(95.0));
    QCOMPARE(d.directRttMs("eu-west", "us-east"), std::optional(80.0)); // kept from the symmetric link
    QCOMPARE(d.undoStack()->count(), 1);
}

void TestScenarioDocument::asymmetricRttOnReverseLink()
{
    ScenarioDocument d;
    d.resetScenario(tests::threeRegions());
    // The link is stored us-east -> eu-west; edit the opposite direction only.
    QVERIFY(d.setRtt("eu-west", "us-east", 60, false));
    QCOMPARE(d.directRttMs("eu-west", "us-east"), std::optional(60.0));
    QCOMPARE(d.directRttMs("us-east", "eu-west"), std::optional(80.0));
}

void TestScenarioDocument::symmetricRttMergesTwoDirections()
{
    ScenarioDocument d;
    d.resetScenario(tests::threeRegions());
    QVERIFY(d.setRtt("us-east", "eu-west", 95, false));
    const std::size_t linksBefore = d.scenario().links.size();
    QVERIFY(d.setRtt("us-east", "eu-west", 85, true));
    QCOMPARE(d.scenario().links.size(), linksBefore - 1);
    QCOMPARE(d.directRttMs("eu-west", "us-east"), std::optional(85.0));
}

void TestScenarioDocument::clearOneDirectionKeepsTheOther()
{
    ScenarioDocument d;
    d.resetScenario(tests::threeRegions());
    QVERIFY(d.clearRtt("us-east", "eu-west", false));
    QVERIFY(!d.directRttMs("us-east", "eu-west"));
    QCOMPARE(d.directRttMs("eu-west", "us-east"), std::optional(80.0));
    QVERIFY(d.clearRtt("eu-west", "ap-ne", true));
    QVERIFY(!d.directRttMs("eu-west", "ap-ne"));
    QVERIFY(!d.directRttMs("ap-ne", "eu-west"));
    QVERIFY(!d.clearRtt("us-east", "ap-ne", true)); // nothing to clear
}

void TestScenarioDocument::modifiedFollowsUndoStack()
{
    ScenarioDocument d;
    d.resetScenario(tests::threeRegions());
    QSignalSpy modified(&d, &ScenarioDocument::modifiedChanged);
    QVERIFY(!d.isModified());
    QVERIFY(d.removePool("eu-a"));
    QVERIFY(d.isModified());
    QCOMPARE(modified.count(), 1);
    QCOMPARE(modified.last().first().toBool(), true);
    d.undoStack()->undo();
    QVERIFY(!d.isModified());
    QCOMPARE(modified.last().first().toBool(), false);
}

void TestScenarioDocument::signalsArePrecise()
{
    ScenarioDocument d;
    d.resetScenario(tests::threeRegions());
    QSignalSpy regionChanged(&d, &ScenarioDocument::regionChanged);
    QSignalSpy pools(&d, &ScenarioDocument::poolsChanged);
    QSignalSpy traffic(&d, &ScenarioDocument::trafficChanged);
    QSignalSpy settings(&d, &ScenarioDocument::settingsChanged);
    QSignalSpy links(&d, &ScenarioDocument::linksChanged);

    QVERIFY(d.moveRegion("eu-west", 0, 51));
    QCOMPARE(regionChanged.count(), 1);
    QCOMPARE(regionChanged.first().first().toString(), QStringLiteral("eu-west"));
    QVERIFY(d.setTrafficPoint("eu-west", 3, 0.1));
    QCOMPARE(traffic.count(), 1);
    QCOMPARE(traffic.first().first().toString(), QStringLiteral("eu-west"));
    QCOMPARE(pools.count(), 0);
    QCOMPARE(settings.count(), 0);
    QCOMPARE(links.count(), 0);
}

void TestScenarioDocument::diagnosticsFollowEdits()
{
    ScenarioDocument d;
    d.resetScenario(tests::threeRegions());
    QVERIFY(d.diagnosticsAt(QStringLiteral("/pools/1/gpuCount")).empty());
    QSignalSpy changed(&d, &ScenarioDocument::diagnosticsChanged);

    engine::Pool pool = *d.scenario().findPool("eu-a");
    pool.gpuCount = -4;
    QVERIFY(d.editPool("eu-a", pool));
    // Answered at once for the current state, published after the debounce.
    QVERIFY(!d.diagnosticsAt(QStringLiteral("/pools/1/gpuCount")).empty());
    QVERIFY(!d.diagnosticsAt(QStringLiteral("/pools/1"), true).empty());
    QVERIFY(changed.wait(2000));

    d.undoStack()->undo();
    QVERIFY(d.diagnosticsAt(QStringLiteral("/pools/1/gpuCount")).empty());
}

void TestScenarioDocument::uniqueIds()
{
    ScenarioDocument d;
    d.resetScenario(tests::threeRegions());
    QCOMPARE(d.uniquePoolId("us-a"), QStringLiteral("us-a-2"));
    QCOMPARE(d.uniquePoolId("new"), QStringLiteral("new"));
    QCOMPARE(d.addRegion(tests::makeRegion("eu-west", 2, 48, 1, "EU")), QStringLiteral("eu-west-2"));
    QVERIFY(d.scenario().findRegion("eu-west-2") != nullptr);
}

void TestScenarioDocument::currentRegionClearsWhenRemoved()
{
    ScenarioDocument d;
    d.resetScenario(tests::threeRegions());
    QSignalSpy current(&d, &ScenarioDocument::currentRegionChanged);
    d.setCurrentRegionId("ap-ne");
    QVERIFY(d.removeRegion("ap-ne"));
    QCOMPARE(d.currentRegionId(), QString());
    QCOMPARE(current.count(), 2);
}

void TestScenarioDocument::resetClearsHistory()
{
    ScenarioDocument d;
    d.resetScenario(tests::threeRegions(), QStringLiteral("/tmp/a.longitude.json"));
    QCOMPARE(d.displayName(), QStringLiteral("a.longitude.json"));
    QVERIFY(d.removeRegion("ap-ne"));
    QSignalSpy reset(&d, &ScenarioDocument::scenarioReset);
    d.resetScenario(tests::threeRegions());
    QCOMPARE(reset.count(), 1);
    QCOMPARE(d.undoStack()->count(), 0);
    QVERIFY(!d.isModified());
    QCOMPARE(d.displayName(), ScenarioDocument::tr("Untitled"));
}

QTEST_GUILESS_MAIN(TestScenarioDocument)
#include "tst_scenariodocument.moc"
