// Loading, saving and reloading scenarios through the document, the bundled samples and
// catalogs, and what a bad file does (nothing to the open document).

#include "models/catalogrepository.h"
#include "models/rttmatrixmodel.h"
#include "models/scenariodocument.h"
#include "testscenarios.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace longitude;
using models::ScenarioDocument;

class TestDocumentFiles : public QObject
{
    Q_OBJECT

private slots:
    void bundledSamplesLoadWithoutErrors_data();
    void bundledSamplesLoadWithoutErrors();
    void saveAndReloadGivesTheSameScenario();
    void templateStaysUntitled();
    void badFileLeavesTheDocumentAlone();
    void unreadableFileNamesThePath();
    void saveFailureKeepsTheDocumentModified();
    void writeCopyKeepsPathAndModifiedFlag();
    void bundledCatalogsLoad();
    void fillMissingFromCatalogUsesMeasurements();
};

void TestDocumentFiles::bundledSamplesLoadWithoutErrors_data()
{
    QTest::addColumn<QString>("path");
    const QStringList samples = QDir(QStringLiteral(":/samples")).entryList({QStringLiteral("*.longitude.json")});
    QVERIFY2(!samples.isEmpty(), "no samples compiled into :/samples");
    for (const QString &name : samples)
        QTest::newRow(qPrintable(name)) << QStringLiteral(":/samples/") + name;
}

void TestDocumentFiles::bundledSamplesLoadWithoutErrors()
{
    QFETCH(QString, path);
    ScenarioDocument document;
    const auto loaded = document.load(path);
    QVERIFY2(loaded.has_value(), loaded ? "" : engine::formatDiagnostic(loaded.error().front()).c_str());
    QVERIFY(!document.scenario().regions.empty());
    QVERIFY(!engine::hasErrors(document.diagnostics()));
    QCOMPARE(document.filePath(), path);
}

void TestDocumentFiles::saveAndReloadGivesTheSameScenario()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ScenarioDocument document;
    document.resetScenario(tests::threeRegions());
    QVERIFY(document.setRtt("us-east", "ap-ne", 170, false));
    QVERIFY(document.isModified());
    const QString path = dir.filePath(QStringLiteral("plan.longitude.json"));
    QSignalSpy pathChanged(&document, &ScenarioDocument::filePathChanged);
    QVERIFY(document.save(path).has_value());
    QVERIFY(!document.isModified());
    QCOMPARE(document.filePath(), path);
    QCOMPARE(pathChanged.count(), 1);

    ScenarioDocument reopened;
    QVERIFY(reopened.load(path).has_value());
    QVERIFY(reopened.scenario() == document.scenario());
}

void TestDocumentFiles::templateStaysUntitled()
{
    ScenarioDocument document;
    QVERIFY(document.loadTemplate(QStringLiteral(":/samples/three-regions.longitude.json")).has_value());
    QVERIFY(document.filePath().isEmpty());
    QVERIFY(!document.isModified());
}

void TestDocumentFiles::badFileLeavesTheDocumentAlone()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.longitude.json"));
    // A pool with a negative GPU count: the parser must name the file and the field.
    QByteArray text;
    {
        ScenarioDocument source;
        QVERIFY(source.load(QStringLiteral(":/samples/three-regions.longitude.json")).has_value());
        QVERIFY(source.writeCopy(path).has_value());
        QFile written(path);
        QVERIFY(written.open(QIODevice::ReadOnly));
        text = written.readAll();
    }
    QVERIFY(text.contains("\"gpuCount\": 8"));
    text.replace("\"gpuCount\": 8", "\"gpuCount\": -4");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
    file.close();

    ScenarioDocument document;
    document.resetScenario(tests::threeRegions(), QStringLiteral("/tmp/current.longitude.json"));
    QVERIFY(document.removePool("eu-a"));
    const engine::Scenario before = document.scenario();
    QSignalSpy reset(&document, &ScenarioDocument::scenarioReset);
    const auto loaded = document.load(path);
    QVERIFY(!loaded.has_value());
    bool namesField = false;
    for (const auto &d : loaded.error())
        namesField = namesField || (d.file == path.toStdString() && d.pointer.ends_with("/gpuCount"));
    QVERIFY2(namesField, engine::formatDiagnostic(loaded.error().front()).c_str());
    QVERIFY(document.scenario() == before);
    QCOMPARE(document.filePath(), QStringLiteral("/tmp/current.longitude.json"));
    QVERIFY(document.isModified());
    QCOMPARE(document.undoStack()->count(), 1);
    QCOMPARE(reset.count(), 0);
}

void TestDocumentFiles::unreadableFileNamesThePath()
{
    ScenarioDocument document;
    const QString path = QStringLiteral("/nonexistent/nowhere.longitude.json");
    const auto loaded = document.load(path);
    QVERIFY(!loaded.has_value());
    QCOMPARE(loaded.error().front().file, path.toStdString());
}

void TestDocumentFiles::saveFailureKeepsTheDocumentModified()
{
    ScenarioDocument document;
    document.resetScenario(tests::threeRegions());
    QVERIFY(document.removePool("eu-a"));
    const auto saved = document.save(QStringLiteral("/nonexistent/dir/plan.longitude.json"));
    QVERIFY(!saved.has_value());
    QVERIFY(saved.error().contains(QStringLiteral("plan.longitude.json")));
    QVERIFY(document.isModified());
    QVERIFY(document.filePath().isEmpty());
}

void TestDocumentFiles::writeCopyKeepsPathAndModifiedFlag()
{
    QTemporaryDir dir;
    ScenarioDocument document;
    document.resetScenario(tests::threeRegions(), QStringLiteral("/tmp/original.longitude.json"));
    QVERIFY(document.removePool("eu-a"));
    QVERIFY(document.writeCopy(dir.filePath(QStringLiteral("copy.json"))).has_value());
    QVERIFY(document.isModified());
    QCOMPARE(document.filePath(), QStringLiteral("/tmp/original.longitude.json"));
}

void TestDocumentFiles::bundledCatalogsLoad()
{
    const auto repository = models::CatalogRepository::load();
    QVERIFY2(repository.has_value(), repository ? "" : engine::formatDiagnostic(repository.error().front()).c_str());
    const engine::Catalog &catalog = repository->catalog();
    QVERIFY(!catalog.regions.empty());
    QVERIFY(!catalog.gpuTypes.empty());
    QVERIFY(!catalog.models.empty());
    QVERIFY(!catalog.links.empty());
    QVERIFY(repository->findGpuType("H100") != nullptr);
    QVERIFY(repository->findRegion("us-east-1") != nullptr);
}

void TestDocumentFiles::fillMissingFromCatalogUsesMeasurements()
{
    // Two AWS regions of the catalog, no link between them in the scenario.
    QTemporaryDir dir;
    const QString folder = dir.path();
    QFile catalogFile(folder + QStringLiteral("/rtt.json"));
    QVERIFY(catalogFile.open(QIODevice::WriteOnly));
    catalogFile.write("{\"schema\": \"longitude.catalog/1\", \"links\": ["
                      "{\"from\": \"us-east\", \"to\": \"ap-ne\", \"rttMs\": 150, \"symmetric\": false, \"source\": \"test a\"},"
                      "{\"from\": \"ap-ne\", \"to\": \"us-east\", \"rttMs\": 152, \"symmetric\": false, \"source\": \"test b\"}]}");
    catalogFile.close();
    const auto repository = models::CatalogRepository::load(folder);
    QVERIFY2(repository.has_value(), repository ? "" : engine::formatDiagnostic(repository.error().front()).c_str());

    ScenarioDocument document;
    document.resetScenario(tests::threeRegions());
    models::RttMatrixModel model(&document);
    QCOMPARE(model.fillMissingFromCatalog(*repository), 2);
    QCOMPARE(document.undoStack()->count(), 1);
    QCOMPARE(document.directRttMs("us-east", "ap-ne"), std::optional(150.0));
    QCOMPARE(document.directRttMs("ap-ne", "us-east"), std::optional(152.0));
    QCOMPARE(model.fillMissingFromCatalog(*repository), 0);
    document.undoStack()->undo();
    QVERIFY(!document.directRttMs("us-east", "ap-ne"));
}

QTEST_GUILESS_MAIN(TestDocumentFiles)
#include "tst_documentfiles.moc"
