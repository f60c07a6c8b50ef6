// Catalog files (longitude.catalog/1): one file, a folder of files merged in name order, the
// same element shapes as scenarios, and the problems only a merged folder can show.
#include "engine/io/catalogjson.h"
#include "engine/io/scenariojson.h"

#include <nlohmann/json.hpp>

#include <QtTest>

#include <QTemporaryDir>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace longitude::engine;
namespace fs = std::filesystem;

namespace {

fs::path dataDir()
{
    const QByteArray fromEnv = qgetenv("LONGITUDE_SOURCE_DIR");
    return fs::path(fromEnv.isEmpty() ? LONGITUDE_SOURCE_DIR : fromEnv.constData()) / "tests" / "data";
}

std::string readFile(const fs::path &path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

void writeFile(const fs::path &path, const std::string &text)
{
    std::ofstream(path, std::ios::binary) << text;
}

QString describe(const Diagnostics &diagnostics)
{
    QStringList lines;
    for (const auto &d : diagnostics)
        lines << QString::fromStdString(formatDiagnostic(d));
    return lines.join('\n');
}

const Diagnostic *findDiagnostic(const Diagnostics &diagnostics, const std::string &pointer)
{
    for (const auto &d : diagnostics)
        if (d.pointer == pointer)
            return &d;
    return nullptr;
}

} // namespace

class TestCatalogJson : public QObject
{
    Q_OBJECT

private slots:
    void folderMergesFilesInNameOrder()
    {
        Diagnostics warnings;
        const auto catalog = loadCatalogDirectory((dataDir() / "catalog").string(), &warnings);
        QVERIFY2(catalog.has_value(), qPrintable(catalog ? QString() : describe(catalog.error())));
        QVERIFY(warnings.empty());
        QCOMPARE(catalog->regions.size(), std::size_t(3));
        QCOMPARE(catalog->links.size(), std::size_t(4));
        QCOMPARE(catalog->zones.size(), std::size_t(3));
        QCOMPARE(catalog->gpuTypes.size(), std::size_t(2));
        QCOMPARE(catalog->models.size(), std::size_t(1));
        QCOMPARE(catalog->regions[0].id, std::string("us-east-1"));
        QCOMPARE(catalog->gpuTypes[0].prices.onDemandUsdPerHour, 6.88);
        QCOMPARE(catalog->links[1].rttMs, 69.644);
        QVERIFY(!catalog->links[1].symmetric);
        QCOMPARE(catalog->models[0].profiles[1].kind, ProfileKind::Roofline);
        QCOMPARE(catalog->regions[1].provider, std::string("aws"));
        QCOMPARE(catalog->zones[0].name, std::string("United States"));
        QCOMPARE(catalog->zones[2].color, std::string());
    }

    void singleFileResolvesOnlyWhatItHas()
    {
        // rtt.json has links but no regions: its endpoints are another file's business.
        const auto links = loadCatalogFile((dataDir() / "catalog" / "rtt.json").string());
        QVERIFY2(links.has_value(), qPrintable(links ? QString() : describe(links.error())));
        QCOMPARE(links->links.size(), std::size_t(4));
        QVERIFY(links->regions.empty());
        // models.json references H100/H200 without listing GPU types: fine on its own.
        QVERIFY(loadCatalogFile((dataDir() / "catalog" / "models.json").string()).has_value());
    }

    void elementsHaveTheScenarioShape()
    {
        // The same JSON elements read as a catalog and as a scenario give the same values.
        const auto scenarioText = readFile(dataDir() / "valid" / "full.longitude.json");
        const auto scenario = parseScenario(scenarioText, "full");
        QVERIFY(scenario.has_value());
        const auto document = nlohmann::ordered_json::parse(scenarioText);
        nlohmann::ordered_json catalogJson;
        catalogJson["schema"] = "longitude.catalog/1";
        catalogJson["source"] = "tests";
        for (const char *list : {"regions", "links", "zones", "gpuTypes", "models"})
            catalogJson[list] = document[list];
        const auto catalog = parseCatalog(catalogJson.dump(), "catalog.json");
        QVERIFY2(catalog.has_value(), qPrintable(catalog ? QString() : describe(catalog.error())));
        QCOMPARE(catalog->regions, scenario->scenario.regions);
        QCOMPARE(catalog->links, scenario->scenario.links);
        QCOMPARE(catalog->zones, scenario->scenario.zones);
        QCOMPARE(catalog->gpuTypes, scenario->scenario.gpuTypes);
        QCOMPARE(catalog->models, scenario->scenario.models);
    }

    void saveRoundTrips()
    {
        const auto catalog = loadCatalogDirectory((dataDir() / "catalog").string());
        QVERIFY(catalog.has_value());
        const std::string saved = saveCatalog(*catalog, "merged for a test", "no notes");
        QVERIFY(saved.starts_with("{\n  \"schema\": \"longitude.catalog/1\",\n  \"source\": \"merged for a test\",\n"
                                  "  \"notes\": \"no notes\",\n  \"regions\": ["));
        QVERIFY(saved.ends_with("}\n"));
        const auto reloaded = parseCatalog(saved, "saved.json");
        QVERIFY2(reloaded.has_value(), qPrintable(reloaded ? QString() : describe(reloaded.error())));
        QCOMPARE(*reloaded, *catalog);
        // Empty lists are left out.
        Catalog linksOnly;
        linksOnly.links = catalog->links;
        const std::string linksText = saveCatalog(linksOnly);
        QVERIFY(linksText.find("\"regions\"") == std::string::npos);
        QVERIFY(linksText.find("\n  \"source\"") == std::string::npos);
        QCOMPARE(parseCatalog(linksText, "links.json").value(), linksOnly);
    }

    void problemsInOneFile_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("scenario, not catalog") << "{\"schema\": \"longitude.scenario/1\"}" << "/schema"
                                               << "this is a scenario file (longitude.scenario/1), not a Longitude catalog";
        QTest::newRow("newer") << "{\"schema\": \"longitude.catalog/7\"}" << "/schema"
                               << "this file uses longitude.catalog/7; this build of Longitude reads up to version 1";
        QTest::newRow("no schema") << "{\"zones\": []}" << "/schema" << "required field is missing";
        QTest::newRow("unknown zone") << "{\"schema\": \"longitude.catalog/1\", \"zones\": [{\"id\": \"EU\"}],"
                                         " \"regions\": [{\"id\": \"r\", \"lon\": 0, \"lat\": 0, \"zone\": \"US\"}]}"
                                      << "/regions/0/zone" << "unknown residency zone \"US\"";
        QTest::newRow("unknown profile gpu") << "{\"schema\": \"longitude.catalog/1\", \"gpuTypes\": [],"
                                                " \"models\": [{\"id\": \"m\", \"paramsB\": 1, \"kvBytesPerToken\": 1,"
                                                " \"profiles\": [{\"gpuType\": \"H100\", \"tensorParallel\": 1,"
                                                " \"prefillTokensPerS\": 1, \"decodeBaseMs\": 1}]}]}"
                                             << "/models/0/profiles/0/gpuType" << "unknown GPU type \"H100\"";
        QTest::newRow("duplicate id") << "{\"schema\": \"longitude.catalog/1\", \"zones\": [{\"id\": \"EU\"}, {\"id\": \"EU\"}]}"
                                      << "/zones/1/id" << "duplicate id \"EU\": already used by /zones/0";
        QTest::newRow("bad range") << "{\"schema\": \"longitude.catalog/1\", \"links\": [{\"from\": \"a\", \"to\": \"b\", \"rttMs\": -5}]}"
                                   << "/links/0/rttMs" << "must be greater than 0, got -5";
        QTest::newRow("source not string") << "{\"schema\": \"longitude.catalog/1\", \"source\": 5}" << "/source"
                                           << "must be a string, got 5";
        QTest::newRow("empty link endpoint") << "{\"schema\": \"longitude.catalog/1\", \"links\": [{\"from\": \"\", \"to\": \"b\", \"rttMs\": 5}]}"
                                             << "/links/0/from" << "must name a region, got an empty string";
    }

    void problemsInOneFile()
    {
        QFETCH(QString, text);
        QFETCH(QString, pointer);
        QFETCH(QString, fragment);
        const auto result = parseCatalog(text.toStdString(), "c.json");
        QVERIFY(!result.has_value());
        const Diagnostic *d = findDiagnostic(result.error(), pointer.toStdString());
        QVERIFY2(d, qPrintable(describe(result.error())));
        QCOMPARE(d->file, std::string("c.json"));
        QVERIFY2(d->message.find(fragment.toStdString()) != std::string::npos, d->message.c_str());
    }

    void warningsAreReturnedSeparately()
    {
        Diagnostics warnings;
        const auto catalog = parseCatalog("{\"schema\": \"longitude.catalog/1\", \"pools\": [], \"zones\": [{\"id\": \"EU\", \"colour\": \"#fff\"}]}",
                                          "w.json", &warnings);
        QVERIFY(catalog.has_value());
        QCOMPARE(warnings.size(), std::size_t(2));
        QCOMPARE(warnings[0].pointer, std::string("/pools"));
        QCOMPARE(warnings[1].message, std::string("unknown key \"colour\" is ignored; did you mean \"color\"?"));
    }

    void malformedFileHasPosition()
    {
        // The comma after line 2 is missing: the error is the string "links" starting at 3:3.
        const auto result = parseCatalog("{\n  \"schema\": \"longitude.catalog/1\"\n  \"links\": []\n}", "bad.json");
        QVERIFY(!result.has_value());
        QCOMPARE(result.error().front().line, 3);
        QCOMPARE(result.error().front().column, 3);
    }

    void folderReportsCrossFileProblems()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const fs::path root = dir.path().toStdString();
        const fs::path source = dataDir() / "catalog";
        for (const char *file : {"regions.json", "rtt.json", "gpus.json", "models.json"})
            fs::copy_file(source / file, root / file);
        // A link to a region no file defines, and a GPU type defined twice.
        auto rtt = nlohmann::ordered_json::parse(readFile(root / "rtt.json"));
        rtt["links"][2]["to"] = "eu-central-1";
        writeFile(root / "rtt.json", rtt.dump(2));
        writeFile(root / "zz-more-gpus.json", "{\"schema\": \"longitude.catalog/1\", \"gpuTypes\": [{\"id\": \"H200\","
                                              " \"memoryGb\": 141, \"hbmTbPerS\": 4.8}]}");
        const auto result = loadCatalogDirectory(root.string());
        QVERIFY(!result.has_value());
        QCOMPARE(static_cast<int>(result.error().size()), 2);
        const Diagnostic *unknown = findDiagnostic(result.error(), "/links/2/to");
        QVERIFY2(unknown, qPrintable(describe(result.error())));
        QCOMPARE(unknown->file, (root / "rtt.json").string());
        QVERIFY(unknown->message.starts_with("unknown region \"eu-central-1\""));
        const Diagnostic *duplicate = findDiagnostic(result.error(), "/gpuTypes/0/id");
        QVERIFY(duplicate);
        QCOMPARE(duplicate->file, (root / "zz-more-gpus.json").string());
        QCOMPARE(duplicate->message, "duplicate id \"H200\": already defined in " + (root / "gpus.json").string()
                                         + " at /gpuTypes/1");
    }

    void folderErrors()
    {
        QTemporaryDir dir;
        const auto empty = loadCatalogDirectory(dir.path().toStdString());
        QVERIFY(!empty.has_value());
        QCOMPARE(empty.error().front().message, std::string("holds no catalog files (*.json)"));
        const auto missing = loadCatalogDirectory("/nonexistent/catalogs");
        QVERIFY(!missing.has_value());
        QVERIFY(missing.error().front().message.starts_with("is not a folder"));
        // One broken file among good ones: its errors are reported, the others still checked.
        const fs::path root = dir.path().toStdString();
        fs::copy_file(dataDir() / "catalog" / "gpus.json", root / "gpus.json");
        writeFile(root / "broken.json", "{\"schema\": \"longitude.catalog/1\", \"gpuTypes\": [{\"id\": \"X\"}]");
        const auto result = loadCatalogDirectory(root.string());
        QVERIFY(!result.has_value());
        QCOMPARE(result.error().size(), std::size_t(1));
        QCOMPARE(result.error().front().file, (root / "broken.json").string());
        QVERIFY(result.error().front().line > 0);
    }

    void bundledCatalogsLoad()
    {
        // resources/catalogs is what the GUI offers; it must always load through this parser.
        const fs::path folder = dataDir().parent_path().parent_path() / "resources" / "catalogs";
        bool any = false;
        if (fs::is_directory(folder))
            for (const auto &entry : fs::directory_iterator(folder))
                any = any || (entry.path().extension() == ".json" && entry.path().filename() != "placeholder.json");
        if (!any)
            QSKIP("resources/catalogs holds no catalog files yet");
        Diagnostics warnings;
        const auto catalog = loadCatalogDirectory(folder.string(), &warnings);
        QVERIFY2(catalog.has_value(), qPrintable(catalog ? QString() : describe(catalog.error())));
        QVERIFY2(warnings.empty(), qPrintable(describe(warnings)));
        QVERIFY(!catalog->regions.empty());
    }

    void recognisesCatalogText()
    {
        QVERIFY(isCatalogText("{\"schema\": \"longitude.catalog/1\"}"));
        QVERIFY(isCatalogText("{\"schema\": \"longitude.catalog/9\", \"x\": 1}"));
        QVERIFY(!isCatalogText("{\"schema\": \"longitude.scenario/1\"}"));
        QVERIFY(!isCatalogText("not json"));
        QVERIFY(!isCatalogText(""));
        QVERIFY(!isCatalogText("[\"longitude.catalog/1\"]"));
    }
};

QTEST_APPLESS_MAIN(TestCatalogJson)
#include "tst_catalogjson.moc"
