// Every item model under QAbstractItemModelTester while the document is edited, undone and reset,
// plus the editing rules of each model's setData().

#include "models/diagnosticsmodel.h"
#include "models/modelroles.h"
#include "models/poolsmodel.h"
#include "models/regionsmodel.h"
#include "models/rttmatrixmodel.h"
#include "models/scenariodocument.h"
#include "models/trafficmodel.h"
#include "models/trafficpresets.h"
#include "models/workloadsmodel.h"
#include "models/zonesmodel.h"
#include "testscenarios.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

#include <memory>

using namespace longitude;
using models::ScenarioDocument;

class TestItemModels : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void everyModelSurvivesEditsUndoAndReset();
    void regionRowsAreInsertedAndRemovedPrecisely();
    void poolsSetDataValidates();
    void poolsShowEngineDiagnosticsOnTheCell();
    void poolsTensorParallelChoicesComeFromProfiles();
    void rttMatrixShowsDirectAndShortestPath();
    void rttMatrixEditsSymmetricallyOrNot();
    void rttMatrixFillsMissingFromShortestPathsInOneStep();
    void rttColourScaleIsMonotonicInRed();
    void trafficEditsPointsPresetsAndPeaks();
    void trafficUtcShiftUsesTheRegionOffset();
    void everyPresetTheValidatorAcceptsHasACurve();
    void zonesEditColourAndCountRegions();
    void workloadsEditScalars();
    void diagnosticsListPointersWithIds();

private:
    template<typename Model>
    Model *watched()
    {
        auto *model = new Model(m_document.get(), m_document.get());
        new QAbstractItemModelTester(model, QAbstractItemModelTester::FailureReportingMode::QtTest, model);
        return model;
    }

    std::unique_ptr<ScenarioDocument> m_document;
};

void TestItemModels::init()
{
    m_document = std::make_unique<ScenarioDocument>();
    m_document->resetScenario(tests::threeRegions());
}

void TestItemModels::cleanup()
{
    m_document.reset();
}

void TestItemModels::everyModelSurvivesEditsUndoAndReset()
{
    watched<models::RegionsModel>();
    watched<models::PoolsModel>();
    watched<models::ZonesModel>();
    watched<models::WorkloadsModel>();
    watched<models::TrafficModel>();
    watched<models::RttMatrixModel>();
    watched<models::DiagnosticsModel>();

    ScenarioDocument &d = *m_document;
    d.addRegion(tests::makeRegion("sa-east", -46.6, -23.5, -3, "US"));
    d.addPool(tests::makePool("sa-a", "sa-east", 4));
    d.setRtt("sa-east", "us-east", 120, true);
    d.setTrafficPoint("sa-east", 20, 0.8);
    d.addZone({"LATAM", "Latin America", ""});
    d.setRegionZone("sa-east", "LATAM");
    engine::Pool broken = *d.scenario().findPool("eu-a");
    broken.gpuCount = 0;
    d.editPool("eu-a", broken);
    engine::WorkloadClass batch = d.scenario().workloads.front();
    batch.id = "batch";
    d.addWorkload(batch);
    d.removeRegion("us-east");
    d.removeWorkload("chat");
    QTest::qWait(300); // let the debounced diagnostics publish while the testers watch

    while (d.undoStack()->canUndo())
        d.undoStack()->undo();
    QTest::qWait(300);
    while (d.undoStack()->canRedo())
        d.undoStack()->redo();
    d.resetScenario(tests::threeRegions());
    d.resetScenario(engine::Scenario{});
    QTest::qWait(300);
}

void TestItemModels::regionRowsAreInsertedAndRemovedPrecisely()
{
    auto *model = watched<models::RegionsModel>();
    QSignalSpy inserted(model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(model, &QAbstractItemModel::modelReset);

    m_document->addRegion(tests::makeRegion("sa-east", -46.6, -23.5, -3, "US"));
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 3);
    QVERIFY(m_document->removeRegion("eu-west"));
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.first().at(1).toInt(), 1);
    m_document->undoStack()->undo(); // eu-west comes back at row 1
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(inserted.last().at(1).toInt(), 1);
    QCOMPARE(model->idAt(1), QStringLiteral("eu-west"));
    QCOMPARE(reset.count(), 0);
}

void TestItemModels::poolsSetDataValidates()
{
    auto *model = watched<models::PoolsModel>();
    const QModelIndex count = model->index(1, models::PoolsModel::GpuCountColumn);
    QVERIFY(!model->setData(count, -4));
    QVERIFY(!model->setData(count, QStringLiteral("eight")));
    QVERIFY(!model->setData(count, 2.5));
    QCOMPARE(m_document->undoStack()->count(), 0);
    QVERIFY(model->setData(count, 12));
    QCOMPARE(m_document->scenario().findPool("eu-a")->gpuCount, 12);
    QCOMPARE(m_document->undoStack()->count(), 1);

    QVERIFY(!model->setData(model->index(1, models::PoolsModel::RegionColumn), QStringLiteral("mars")));
    QVERIFY(model->setData(model->index(1, models::PoolsModel::RegionColumn), QStringLiteral("ap-ne")));
    QVERIFY(!model->setData(model->index(1, models::PoolsModel::PricingColumn), QStringLiteral("free")));
    QVERIFY(model->setData(model->index(1, models::PoolsModel::PricingColumn), QStringLiteral("reserved")));
    QCOMPARE(m_document->scenario().findPool("eu-a")->pricing, engine::PricingMode::Reserved);
    QVERIFY(!model->setData(model->index(1, models::PoolsModel::IdColumn), QStringLiteral("us-a")));
    QVERIFY(!model->setData(model->index(1, models::PoolsModel::ReplicasColumn), 3));

    // 12 GPUs at TP 2 = 6 replicas; reserved at 4.33 USD per GPU-hour.
    QCOMPARE(model->index(1, models::PoolsModel::ReplicasColumn).data().toInt(), 6);
    QCOMPARE(model->index(1, models::PoolsModel::CostColumn).data(Qt::EditRole).toDouble(), 12 * 4.33);
}

void TestItemModels::poolsShowEngineDiagnosticsOnTheCell()
{
    auto *model = watched<models::PoolsModel>();
    const QModelIndex count = model->index(0, models::PoolsModel::GpuCountColumn);
    QCOMPARE(count.data(models::JsonPointerRole).toString(), QStringLiteral("/pools/0/gpuCount"));
    QCOMPARE(count.data(models::SeverityRole).toInt(), -1);

    engine::Pool pool = *m_document->scenario().findPool("us-a");
    pool.gpuCount = 0;
    QVERIFY(m_document->editPool("us-a", pool));
    QCOMPARE(count.data(models::SeverityRole).toInt(), static_cast<int>(engine::Severity::Error));
    QVERIFY(!count.data(models::DiagnosticRole).toString().isEmpty());
    QVERIFY(count.data(Qt::BackgroundRole).value<QColor>().isValid());
    QCOMPARE(model->indexOfPointer(QStringLiteral("/pools/0/gpuCount")), count);
}

void TestItemModels::poolsTensorParallelChoicesComeFromProfiles()
{
    auto *model = watched<models::PoolsModel>();
    QCOMPARE(models::PoolsModel::tensorParallelChoices(m_document->scenario(), "llama-70b", "H100"), (QList<int>{2, 4}));
    QCOMPARE(models::PoolsModel::tensorParallelChoices(m_document->scenario(), "llama-70b", "B200"), (QList<int>{1, 2, 4, 8}));
    QCOMPARE(model->index(0, models::PoolsModel::TensorParallelColumn).data(models::ChoicesRole).toStringList(),
             (QStringList{"2", "4"}));
}

void TestItemModels::rttMatrixShowsDirectAndShortestPath()
{
    auto *model = watched<models::RttMatrixModel>();
    QCOMPARE(model->rowCount(), 3);
    const QModelIndex direct = model->index(0, 1);   // us-east -> eu-west
    const QModelIndex viaPath = model->index(0, 2);  // us-east -> ap-ne, through eu-west
    QCOMPARE(direct.data().toString(), QStringLiteral("80"));
    QVERIFY(direct.data(models::IsDirectLinkRole).toBool());
    QCOMPARE(direct.data(models::JsonPointerRole).toString(), QStringLiteral("/links/0/rttMs"));
    QCOMPARE(viaPath.data().toString(), QStringLiteral("≈300"));
    QVERIFY(!viaPath.data(models::IsDirectLinkRole).toBool());
    QCOMPARE(viaPath.data(models::ValueRole).toDouble(), 300.0);
    QVERIFY(viaPath.data(Qt::ToolTipRole).toString().contains(QStringLiteral("us-east → eu-west → ap-ne")));
    QCOMPARE(model->indexOfPointer(QStringLiteral("/links/1/rttMs")), model->index(1, 2));

    // Removing the middle link leaves no path at all.
    QVERIFY(m_document->removeLink("eu-west", "ap-ne"));
    QCOMPARE(viaPath.data().toString(), QStringLiteral("—"));
}

void TestItemModels::rttMatrixEditsSymmetricallyOrNot()
{
    auto *model = watched<models::RttMatrixModel>();
    QVERIFY(model->symmetricEditing());
    QVERIFY(model->setData(model->index(2, 0), 150)); // ap-ne -> us-east
    QCOMPARE(model->index(0, 2).data().toString(), QStringLiteral("150"));
    model->setSymmetricEditing(false);
    QVERIFY(model->setData(model->index(0, 2), 170));
    QCOMPARE(model->index(0, 2).data().toString(), QStringLiteral("170"));
    QCOMPARE(model->index(2, 0).data().toString(), QStringLiteral("150"));
    QVERIFY(!model->setData(model->index(0, 2), -3));
    QVERIFY(!model->setData(model->index(1, 1), 5)); // the diagonal is not editable
    QVERIFY(model->setData(model->index(0, 2), QString())); // clears us-east -> ap-ne only
    QCOMPARE(model->index(0, 2).data().toString(), QStringLiteral("≈300"));
    QCOMPARE(model->index(2, 0).data().toString(), QStringLiteral("150"));
}

void TestItemModels::rttMatrixFillsMissingFromShortestPathsInOneStep()
{
    auto *model = watched<models::RttMatrixModel>();
    QCOMPARE(model->fillMissingFromShortestPaths(), 1);
    QCOMPARE(m_document->undoStack()->count(), 1);
    QVERIFY(model->index(0, 2).data(models::IsDirectLinkRole).toBool());
    QCOMPARE(m_document->directRttMs("ap-ne", "us-east"), std::optional(300.0));
    QCOMPARE(model->fillMissingFromShortestPaths(), 0); // nothing left to fill
    m_document->undoStack()->undo();
    QVERIFY(!model->index(0, 2).data(models::IsDirectLinkRole).toBool());
}

void TestItemModels::rttColourScaleIsMonotonicInRed()
{
    // Along the scale green fades into red: the red/green ratio never decreases with latency.
    double previous = -1;
    for (double ms = 0; ms <= 400; ms += 10) {
        const QColor c = models::RttMatrixModel::colorForRtt(ms);
        const double ratio = c.redF() / std::max(0.01f, c.greenF());
        QVERIFY2(ratio >= previous - 1e-9, qPrintable(QString::number(ms)));
        previous = ratio;
    }
    const auto stops = models::RttMatrixModel::legendStops();
    QCOMPARE(models::RttMatrixModel::colorForRtt(stops[2].first), stops[2].second);
}

void TestItemModels::trafficEditsPointsPresetsAndPeaks()
{
    auto *model = watched<models::TrafficModel>();
    QCOMPARE(model->rowCount(), 3);
    const int us = model->rowOfId("us-east");
    const int ap = model->rowOfId("ap-ne");
    QCOMPARE(model->index(us, models::TrafficModel::CurveColumn).data(Qt::EditRole).toString(),
             QStringLiteral("business-day"));
    QVERIFY(model->setData(model->index(us, models::TrafficModel::FirstHourColumn + 9), 0.5));
    QCOMPARE(model->index(us, models::TrafficModel::CurveColumn).data(Qt::EditRole).toString(),
             models::TrafficModel::customCurveName());
    QCOMPARE(model->localCurve(us)[9], 0.5);
    QVERIFY(!model->setData(model->index(us, models::TrafficModel::FirstHourColumn), -1));
    QVERIFY(!model->setData(model->index(us, models::TrafficModel::CurveColumn), QStringLiteral("lunar")));
    QVERIFY(model->setData(model->index(us, models::TrafficModel::CurveColumn), QStringLiteral("flat")));
    QCOMPARE(model->localCurve(us), std::vector<double>(24, 1.0));

    QVERIFY(!model->hasTraffic(ap));
    QVERIFY(model->setData(model->index(ap, models::TrafficModel::PeakColumn), 40));
    QVERIFY(model->hasTraffic(ap));
    QCOMPARE(model->peakRps(ap), 40.0);
    QCOMPARE(model->index(ap, models::TrafficModel::FirstHourColumn + 5).data(Qt::EditRole).toDouble(), 1.0);
}

void TestItemModels::trafficUtcShiftUsesTheRegionOffset()
{
    auto *model = watched<models::TrafficModel>();
    const int us = model->rowOfId("us-east"); // UTC-5
    std::vector<double> curve(24, 0.0);
    curve[9] = 1.0; // only 09:00 local is busy
    engine::RegionTraffic traffic;
    traffic.region = "us-east";
    traffic.peakRps = 200;
    traffic.hourly = curve;
    QVERIFY(m_document->setTraffic(traffic));
    QCOMPARE(model->rpsAtUtcHour(us, 14), 200.0); // 14:00 UTC = 09:00 at UTC-5
    QCOMPARE(model->rpsAtUtcHour(us, 9), 0.0);

    engine::Region region = *m_document->scenario().findRegion("us-east");
    region.utcOffsetHours = 5.5; // 03:30 UTC = 09:00 local
    QVERIFY(m_document->editRegion(region));
    QCOMPARE(model->rpsAtUtcHour(us, 4), 200.0); // 04:00 UTC = 09:30 local, inside hour 9
    QCOMPARE(model->rpsAtUtcHour(us, 3), 0.0);   // 03:00 UTC = 08:30 local
}

void TestItemModels::everyPresetTheValidatorAcceptsHasACurve()
{
    QCOMPARE(models::TrafficPresets::names().size(), static_cast<qsizetype>(engine::kTrafficPresets.size()));
    for (const QString &name : models::TrafficPresets::names()) {
        const auto curve = models::TrafficPresets::curve(name);
        QVERIFY2(curve.has_value(), qPrintable(name));
        QCOMPARE(curve->size(), std::size_t(24));
        // Multipliers of the peak: the busiest hour is the peak itself.
        QCOMPARE(*std::max_element(curve->begin(), curve->end()), 1.0);
    }
}

void TestItemModels::zonesEditColourAndCountRegions()
{
    auto *model = watched<models::ZonesModel>();
    const int eu = model->rowOfId("EU");
    QCOMPARE(model->index(eu, models::ZonesModel::RegionCountColumn).data().toInt(), 1);
    QVERIFY(m_document->setRegionZone("us-east", "EU"));
    QCOMPARE(model->index(eu, models::ZonesModel::RegionCountColumn).data().toInt(), 2);
    QVERIFY(model->setData(model->index(eu, models::ZonesModel::ColorColumn), QColor(Qt::red)));
    QCOMPARE(m_document->scenario().findZone("EU")->color, std::string("#ff0000"));
    QVERIFY(!model->setData(model->index(eu, models::ZonesModel::ColorColumn), QStringLiteral("not a colour")));
    // Two automatic zones get different colours.
    QVERIFY(models::ZonesModel::zoneColor(m_document->scenario(), "US")
            != models::ZonesModel::zoneColor(m_document->scenario(), "APAC"));
}

void TestItemModels::workloadsEditScalars()
{
    auto *model = watched<models::WorkloadsModel>();
    QCOMPARE(model->index(0, models::WorkloadsModel::PromptColumn).data().toString(),
             models::WorkloadsModel::tr("uniform %1–%2").arg(100).arg(2000));
    QVERIFY(model->setData(model->index(0, models::WorkloadsModel::PrefixGroupsColumn), 16));
    QCOMPARE(m_document->scenario().workloads.front().prefixGroups, 16);
    QVERIFY(!model->setData(model->index(0, models::WorkloadsModel::PrefixTokensColumn), -5));
    QVERIFY(!model->setData(model->index(0, models::WorkloadsModel::ModelColumn), QStringLiteral("gpt-9")));
    QVERIFY(model->setData(model->index(0, models::WorkloadsModel::IdColumn), QStringLiteral("assistant")));
    QCOMPARE(model->idAt(0), QStringLiteral("assistant"));
}

void TestItemModels::diagnosticsListPointersWithIds()
{
    auto *model = watched<models::DiagnosticsModel>();
    const int before = model->rowCount();
    engine::Pool pool = *m_document->scenario().findPool("eu-a");
    pool.gpuCount = 0;
    QVERIFY(m_document->editPool("eu-a", pool));
    QTRY_VERIFY(model->rowCount() > before);
    int row = -1;
    for (int r = 0; r < model->rowCount(); ++r) {
        if (model->index(r, 0).data(models::JsonPointerRole).toString() == QLatin1String("/pools/1/gpuCount"))
            row = r;
    }
    QVERIFY(row >= 0);
    QCOMPARE(model->index(row, models::DiagnosticsModel::LocationColumn).data().toString(),
             QStringLiteral("pools › eu-a › gpuCount"));
    QVERIFY(model->errorCount() >= 1);
}

QTEST_GUILESS_MAIN(TestItemModels)
#include "tst_itemmodels.moc"
