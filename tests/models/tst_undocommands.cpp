// Undo/redo round trip of every edit kind: apply, undo -> the original scenario, redo -> the
// edited one. Each edit must record exactly one undo step.

#include "models/scenariodocument.h"
#include "testscenarios.h"

#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

#include <functional>

using namespace longitude;
using models::ScenarioDocument;

using Edit = std::function<bool(ScenarioDocument &)>;
Q_DECLARE_METATYPE(Edit)

class TestUndoCommands : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void removeRegionRestoresEverything();
    void moveDragMergesIntoOneStep();
    void separateDragsStaySeparate();
    void trafficDragMergesAndConvertsPreset();
    void noOpEditsPushNothing();
};

void TestUndoCommands::roundTrip_data()
{
    QTest::addColumn<Edit>("edit");

    QTest::newRow("AddRegion") << Edit([](ScenarioDocument &d) {
        return !d.addRegion(tests::makeRegion("sa-east", -46.6, -23.5, -3, "US")).isEmpty();
    });
    QTest::newRow("RemoveRegion") << Edit([](ScenarioDocument &d) { return d.removeRegion("eu-west"); });
    QTest::newRow("MoveRegion") << Edit([](ScenarioDocument &d) { return d.moveRegion("us-east", -80, 35); });
    QTest::newRow("EditRegion") << Edit([](ScenarioDocument &d) {
        engine::Region region = *d.scenario().findRegion("ap-ne");
        region.name = "Tokyo";
        region.gatewayLatencyMs = 25;
        return d.editRegion(region);
    });
    QTest::newRow("SetRegionZone") << Edit([](ScenarioDocument &d) { return d.setRegionZone("eu-west", "US"); });
    QTest::newRow("AddPool") << Edit([](ScenarioDocument &d) {
        return !d.addPool(tests::makePool("ap-a", "ap-ne", 4)).isEmpty();
    });
    QTest::newRow("RemovePool") << Edit([](ScenarioDocument &d) { return d.removePool("us-a"); });
    QTest::newRow("EditPool") << Edit([](ScenarioDocument &d) {
        engine::Pool pool = *d.scenario().findPool("eu-a");
        pool.gpuCount = 24;
        pool.pricing = engine::PricingMode::Spot;
        return d.editPool("eu-a", pool);
    });
    QTest::newRow("EditPool rename") << Edit([](ScenarioDocument &d) {
        engine::Pool pool = *d.scenario().findPool("eu-a");
        pool.id = "eu-big";
        return d.editPool("eu-a", pool);
    });
    QTest::newRow("SetLink new") << Edit([](ScenarioDocument &d) {
        return d.setLink(tests::makeLink("us-east", "ap-ne", 160));
    });
    QTest::newRow("SetLink edit") << Edit([](ScenarioDocument &d) {
        return d.setLink(tests::makeLink("us-east", "eu-west", 75));
    });
    QTest::newRow("RemoveLink") << Edit([](ScenarioDocument &d) { return d.removeLink("eu-west", "ap-ne"); });
    QTest::newRow("SetRtt asymmetric split") << Edit([](ScenarioDocument &d) {
        return d.setRtt("eu-west", "us-east", 90, false);
    });
    QTest::newRow("ClearRtt") << Edit([](ScenarioDocument &d) { return d.clearRtt("us-east", "eu-west", true); });
    QTest::newRow("AddZone") << Edit([](ScenarioDocument &d) {
        return !d.addZone({"CH", "Switzerland", "#aa0000"}).isEmpty();
    });
    QTest::newRow("EditZone") << Edit([](ScenarioDocument &d) { return d.editZone({"APAC", "Asia", "#00aa00"}); });
    QTest::newRow("RemoveZone") << Edit([](ScenarioDocument &d) {
        return d.removeZone("UK");
    });
    QTest::newRow("SetTrafficPoint") << Edit([](ScenarioDocument &d) { return d.setTrafficPoint("eu-west", 13, 0.9); });
    QTest::newRow("SetTrafficPoint new entry") << Edit([](ScenarioDocument &d) {
        return d.setTrafficPoint("ap-ne", 3, 0.2);
    });
    QTest::newRow("SetTrafficPreset") << Edit([](ScenarioDocument &d) {
        return d.setTrafficPreset("eu-west", "consumer-evening");
    });
    QTest::newRow("SetTrafficCurve") << Edit([](ScenarioDocument &d) {
        engine::RegionTraffic traffic;
        traffic.region = "us-east";
        traffic.peakRps = 250;
        traffic.hourly = std::vector<double>(24, 0.25);
        return d.setTraffic(traffic);
    });
    QTest::newRow("AddGpuType") << Edit([](ScenarioDocument &d) {
        engine::GpuType h200 = d.scenario().gpuTypes.front();
        h200.id = "H200";
        h200.memoryGb = 141;
        h200.hbmTbPerS = 4.8;
        return d.addGpuType(h200);
    });
    QTest::newRow("AddModel") << Edit([](ScenarioDocument &d) {
        engine::Model small = d.scenario().models.front();
        small.id = "llama-8b";
        small.paramsB = 8;
        return d.addModel(small);
    });
    QTest::newRow("AddWorkload") << Edit([](ScenarioDocument &d) {
        engine::WorkloadClass batch = d.scenario().workloads.front();
        batch.id = "batch";
        batch.share = 0.2;
        return !d.addWorkload(batch).isEmpty();
    });
    QTest::newRow("RemoveWorkload") << Edit([](ScenarioDocument &d) { return d.removeWorkload("chat"); });
    QTest::newRow("EditWorkload") << Edit([](ScenarioDocument &d) {
        engine::WorkloadClass chat = d.scenario().workloads.front();
        chat.prefixGroups = 8;
        chat.prefixTokens = 1024;
        chat.outputTokens.kind = engine::DistributionKind::Exponential;
        chat.outputTokens.mean = 250;
        return d.editWorkload("chat", chat);
    });
    QTest::newRow("EditSettings") << Edit([](ScenarioDocument &d) {
        auto settings = models::ScenarioSettings::of(d.scenario());
        settings.sla.ttftP99Ms = 600;
        settings.routing.policy = "gorgo";
        settings.routing.params["wRtt"] = 0.276;
        settings.overflow.enabled = true;
        settings.failover.outages.push_back({"eu-west", 1200, 300});
        settings.simulation.seed = 42;
        settings.simulation.sampling.enabled = true;
        return d.editSettings(settings);
    });
    QTest::newRow("SetParameter") << Edit([](ScenarioDocument &d) {
        return d.setParameter(models::ParamSection::Overflow, "maxSpillRps", 25.0);
    });
    QTest::newRow("SetParameter routing") << Edit([](ScenarioDocument &d) {
        return d.setParameter(models::ParamSection::Routing, "tau", 4.0);
    });
    QTest::newRow("SetRoutingPolicy") << Edit([](ScenarioDocument &d) { return d.setRoutingPolicy("skylb"); });
    QTest::newRow("AddOutage") << Edit([](ScenarioDocument &d) { return d.addOutage({"eu-a", 30, 120}); });
    QTest::newRow("RemoveOutage") << Edit([](ScenarioDocument &d) { return d.removeOutage(0); });
    QTest::newRow("EditOutage") << Edit([](ScenarioDocument &d) { return d.editOutage(1, {"eu-west", 100, 75}); });
    QTest::newRow("SetSimulationStartHour") << Edit([](ScenarioDocument &d) { return d.setSimulationStartHour(19.25); });
}

void TestUndoCommands::roundTrip()
{
    QFETCH(Edit, edit);
    ScenarioDocument document;
    document.resetScenario(tests::threeRegions());
    const engine::Scenario original = document.scenario();

    QVERIFY(edit(document));
    const engine::Scenario edited = document.scenario();
    QVERIFY(!(edited == original));
    QVERIFY(document.isModified());
    QCOMPARE(document.undoStack()->count(), 1);

    document.undoStack()->undo();
    QVERIFY(document.scenario() == original);
    QVERIFY(!document.isModified());

    document.undoStack()->redo();
    QVERIFY(document.scenario() == edited);
}

void TestUndoCommands::removeRegionRestoresEverything()
{
    ScenarioDocument document;
    document.resetScenario(tests::threeRegions());
    const engine::Scenario original = document.scenario();
    QSignalSpy pools(&document, &ScenarioDocument::poolsChanged);
    QSignalSpy links(&document, &ScenarioDocument::linksChanged);
    QSignalSpy removed(&document, &ScenarioDocument::regionRemoved);

    QVERIFY(document.removeRegion("us-east"));
    const engine::Scenario &s = document.scenario();
    QCOMPARE(s.regions.size(), std::size_t(2));
    QVERIFY(s.findPool("us-a") == nullptr);
    QCOMPARE(s.links.size(), std::size_t(1));     // only eu-west <-> ap-ne is left
    QCOMPARE(s.traffic.size(), std::size_t(1));   // us-east's curve went with it
    QCOMPARE(s.failover.outages.size(), std::size_t(1)); // the outage of pool us-a went too
    QCOMPARE(pools.count(), 1);
    QCOMPARE(links.count(), 1);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.first().first().toString(), QStringLiteral("us-east"));

    document.undoStack()->undo();
    QVERIFY(document.scenario() == original);
}

void TestUndoCommands::moveDragMergesIntoOneStep()
{
    ScenarioDocument document;
    document.resetScenario(tests::threeRegions());
    const engine::Scenario original = document.scenario();
    QVERIFY(document.moveRegion("ap-ne", 140, 36, false));
    QVERIFY(document.moveRegion("ap-ne", 141, 37, true));
    QVERIFY(document.moveRegion("ap-ne", 142, 38, true));
    QCOMPARE(document.undoStack()->count(), 1);
    QCOMPARE(document.scenario().findRegion("ap-ne")->lon, 142.0);
    document.undoStack()->undo();
    QVERIFY(document.scenario() == original);

    // A drag that returns to its start leaves nothing to undo.
    QVERIFY(document.moveRegion("ap-ne", 100, 10, false));
    QVERIFY(document.moveRegion("ap-ne", 139.7, 35.7, true));
    QCOMPARE(document.undoStack()->count(), 0);
    QVERIFY(document.scenario() == original);
}

void TestUndoCommands::separateDragsStaySeparate()
{
    ScenarioDocument document;
    document.resetScenario(tests::threeRegions());
    QVERIFY(document.moveRegion("ap-ne", 140, 36, false));
    QVERIFY(document.moveRegion("ap-ne", 150, 40, false));
    QVERIFY(document.moveRegion("eu-west", 0, 50, true)); // another region never merges
    QCOMPARE(document.undoStack()->count(), 3);
}

void TestUndoCommands::trafficDragMergesAndConvertsPreset()
{
    ScenarioDocument document;
    document.resetScenario(tests::threeRegions());
    const engine::Scenario original = document.scenario();
    QVERIFY(document.setTrafficPoint("us-east", 10, 0.4, false));
    QVERIFY(document.setTrafficPoint("us-east", 10, 0.3, true));
    QVERIFY(document.setTrafficPoint("us-east", 11, 0.2, true));
    QCOMPARE(document.undoStack()->count(), 1);
    const auto &traffic = document.scenario().traffic.front();
    QVERIFY(traffic.preset.empty());
    QCOMPARE(traffic.hourly.size(), std::size_t(24));
    QCOMPARE(traffic.hourly[10], 0.3);
    QCOMPARE(traffic.hourly[11], 0.2);
    document.undoStack()->undo();
    QVERIFY(document.scenario() == original);
}

void TestUndoCommands::noOpEditsPushNothing()
{
    ScenarioDocument document;
    document.resetScenario(tests::threeRegions());
    QVERIFY(!document.moveRegion("ap-ne", 139.7, 35.7));
    QVERIFY(!document.removeRegion("nowhere"));
    QVERIFY(!document.setRegionZone("us-east", "NOPE"));
    QVERIFY(!document.removeZone("US")); // still used by us-east
    QVERIFY(!document.setTrafficPoint("eu-west", 24, 1.0));
    QVERIFY(!document.setLink(tests::makeLink("us-east", "us-east", 5)));
    QVERIFY(!document.setRtt("us-east", "eu-west", 80, true));
    QVERIFY(!document.editSettings(models::ScenarioSettings::of(document.scenario())));
    QVERIFY(!document.setParameter(models::ParamSection::Failover, "retries", std::nullopt)); // not set
    QVERIFY(!document.setRoutingPolicy(QString::fromStdString(document.scenario().routing.policy)));
    QVERIFY(!document.removeOutage(2));
    QVERIFY(!document.editOutage(0, document.scenario().failover.outages.front()));
    QVERIFY(!document.setSimulationStartHour(document.scenario().simulation.startUtcHour + 24)); // the same hour
    QVERIFY(!document.addGpuType(document.scenario().gpuTypes.front())); // id taken
    QVERIFY(!document.addModel(document.scenario().models.front()));
    engine::Pool pool = *document.scenario().findPool("eu-a");
    pool.id = "us-a"; // taken
    QVERIFY(!document.editPool("eu-a", pool));
    QCOMPARE(document.undoStack()->count(), 0);
}

QTEST_GUILESS_MAIN(TestUndoCommands)
#include "tst_undocommands.moc"
