// The report, end to end: `longitude --report` (ReportCommand) on a scenario file writes HTML and
// PDF whose figures are those of an engine run of the same file made here, and fails with a
// message and a status on a bad file, a bad suffix or a missing folder; File > Export Report from
// the window after a run and a comparison includes both. The report's pages are rendered to PNG
// (as the PDF lays them out) for a reviewer to look at.

#include "app/gui/documentcontroller.h"
#include "app/gui/mainwindow.h"
#include "app/gui/reportcommand.h"
#include "app/gui/resultscontroller.h"
#include "app/gui/theme.h"
#include "engine/sim/simulation.h"
#include "models/policycomparison.h"
#include "models/reportformat.h"
#include "models/reportwriter.h"
#include "models/runhistory.h"
#include "models/scenariodocument.h"
#include "models/scenariosettings.h"
#include "models/simulationrunner.h"
#include "ui/dialogs/reportexporter.h"
#include "ui/panels/resultspanel.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QPainter>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QTextStream>
#include <QUndoStack>

#include <memory>

using namespace longitude;

class TestReport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void commandWritesHtmlWithTheRunsFigures();
    void commandWritesAPdf();
    void commandFailsClearly();
    void exportFromTheWindowIncludesTheComparison();

private:
    QString outputPath(const QString &name) const;
    static QString read(const QString &path);
    int runCommand(const QString &out, const QString &file, QString *messages = nullptr) const;
    /// The report's first `pages` pages as the PDF lays them out, stacked into one PNG.
    static bool savePages(models::ScenarioDocument *document, const ui::ReportExporter::Inputs &inputs, const QString &path,
                          int pages);

    QTemporaryDir m_dir;
    QString m_scenarioPath; ///< the three-regions sample, 5 simulated minutes
};

void TestReport::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setApplicationName(QStringLiteral("longitude-test"));
    QApplication::setApplicationVersion(QStringLiteral("0.0.0-test"));
    app::Theme::initialize();
    app::Theme::apply(app::Theme::Appearance::Light);
    models::ScenarioDocument document;
    QVERIFY(document.load(QStringLiteral(":/samples/three-regions.longitude.json")).has_value());
    engine::Scenario scenario = document.scenario();
    scenario.simulation.durationS = 300;
    scenario.simulation.warmupS = 60;
    document.resetScenario(scenario);
    m_scenarioPath = m_dir.filePath(QStringLiteral("three-regions-short.longitude.json"));
    QVERIFY(document.writeCopy(m_scenarioPath).has_value());
}

QString TestReport::outputPath(const QString &name) const
{
    const QString folder = qEnvironmentVariable("LONGITUDE_TEST_OUTPUT", QDir::tempPath());
    QDir().mkpath(folder);
    return QDir(folder).filePath(name);
}

QString TestReport::read(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

int TestReport::runCommand(const QString &out, const QString &file, QString *messages) const
{
    QString outText;
    QString errText;
    QTextStream outStream(&outText);
    QTextStream errStream(&errText);
    const int status = app::ReportCommand::run(out, file, outStream, errStream);
    outStream.flush();
    errStream.flush();
    if (messages != nullptr)
        *messages = outText + errText;
    return status;
}

bool TestReport::savePages(models::ScenarioDocument *document, const ui::ReportExporter::Inputs &inputs, const QString &path,
                           int pages)
{
    QTextDocument text;
    models::ReportWriter(document, ui::ReportExporter::content(inputs)).fill(text);
    // A4 at 96 dpi less 15 mm margins: the page the PDF lays out, at screen resolution.
    const QSizeF page(210.0 / 25.4 * 96 - 2 * 15 / 25.4 * 96, 297.0 / 25.4 * 96 - 2 * 15 / 25.4 * 96);
    text.setPageSize(page);
    const int count = std::min(pages, text.pageCount());
    for (int i = 0; i < count; ++i) {
        // Twice the pixels, as a printed page has more than a screen.
        QImage image((page * 2).toSize(), QImage::Format_RGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.scale(2, 2);
        painter.translate(0, -i * page.height());
        QAbstractTextDocumentLayout::PaintContext context;
        context.clip = QRectF(0, i * page.height(), page.width(), page.height());
        painter.setClipRect(context.clip);
        text.documentLayout()->draw(&painter, context);
        painter.end();
        if (!image.save(QString(path).replace(QStringLiteral(".png"), QStringLiteral("-%1.png").arg(i + 1))))
            return false;
    }
    return count > 0;
}

void TestReport::commandWritesHtmlWithTheRunsFigures()
{
    const QString out = m_dir.filePath(QStringLiteral("report.html"));
    QString messages;
    QCOMPARE(runCommand(out, m_scenarioPath, &messages), 0);
    QVERIFY(messages.contains(out));
    const QString html = read(out);
    QVERIFY(!html.isEmpty());

    // The same file run by the engine here.
    models::ScenarioDocument document;
    QVERIFY(document.load(m_scenarioPath).has_value());
    auto simulation = engine::Simulation::create(document.scenario());
    QVERIFY(simulation.has_value());
    const auto r = simulation->run();
    QVERIFY(r.has_value());
    QVERIFY(html.contains(QString::fromStdString(document.scenario().name).toHtmlEscaped()));
    QVERIFY(html.contains(QStringLiteral("<b>%1</b>").arg(QString::fromStdString(r->policy))));
    QVERIFY(html.contains(QStringLiteral("seed %1").arg(r->seed)));
    QVERIFY(html.contains(QStringLiteral("Longitude 0.0.0-test")));
    QVERIFY(html.contains(models::ReportFormat::ms(r->latency.ttft.quantile(0.99) / 1e3)));
    QVERIFY(html.contains(models::ReportFormat::ms(r->latency.ttft.quantile(0.5) / 1e3)));
    QVERIFY(html.contains(models::ReportFormat::usd(r->gpuUsd + r->egressUsd)));
    // The map and the three charts, inline.
    QCOMPARE(html.count(QStringLiteral("src=\"data:image/png;base64,")), 4);
    QFile::remove(outputPath(QStringLiteral("report.html")));
    QVERIFY(QFile::copy(out, outputPath(QStringLiteral("report.html"))));
}

void TestReport::commandWritesAPdf()
{
    const QString out = m_dir.filePath(QStringLiteral("report.pdf"));
    QCOMPARE(runCommand(out, m_scenarioPath), 0);
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray pdf = file.readAll();
    QVERIFY(pdf.startsWith("%PDF-"));
    QVERIFY(pdf.size() > 50000); // the map and charts are in it
    QFile::remove(outputPath(QStringLiteral("report.pdf")));
    QVERIFY(QFile::copy(out, outputPath(QStringLiteral("report.pdf"))));
}

void TestReport::commandFailsClearly()
{
    QString messages;
    // A broken file: status 1, the file and the problem named; nothing written.
    const QString broken = QStringLiteral(LONGITUDE_SOURCE_DIR "/tests/data/broken/negative-gpus.json");
    const QString out = m_dir.filePath(QStringLiteral("broken.html"));
    QCOMPARE(runCommand(out, broken, &messages), 1);
    QVERIFY2(messages.contains(QStringLiteral("negative-gpus.json")), qPrintable(messages));
    QVERIFY2(messages.contains(QStringLiteral("gpuCount")), qPrintable(messages));
    QVERIFY(!QFile::exists(out));
    // A file that does not exist.
    QCOMPARE(runCommand(out, m_dir.filePath(QStringLiteral("missing.longitude.json")), &messages), 1);
    QVERIFY(messages.contains(QStringLiteral("missing.longitude.json")));
    // An output that is neither HTML nor PDF, or in a folder that does not exist: status 2.
    QCOMPARE(runCommand(m_dir.filePath(QStringLiteral("report.docx")), m_scenarioPath, &messages), 2);
    QVERIFY(messages.contains(QStringLiteral(".html or .pdf")));
    QCOMPARE(runCommand(m_dir.filePath(QStringLiteral("no/such/report.html")), m_scenarioPath, &messages), 2);
    QVERIFY(messages.contains(QStringLiteral("no/such/report.html")));
    // No scenario at all.
    QCOMPARE(runCommand(out, {}, &messages), 1);
}

void TestReport::exportFromTheWindowIncludesTheComparison()
{
    app::MainWindow::Options options;
    options.interactive = false;
    options.restoreLayout = false;
    options.autosave = false;
    app::MainWindow window(options);
    QVERIFY(window.controller()->openFile(m_scenarioPath, false));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    app::ResultsController *results = window.resultsController();

    QSignalSpy finished(window.runner(), &models::SimulationRunner::finished);
    QVERIFY(results->runSimulation());
    QVERIFY(finished.wait(120000));
    QSignalSpy compared(results->comparison(), &models::PolicyComparison::finished);
    const QStringList policies{QStringLiteral("round-robin"), QStringLiteral("lca"), QStringLiteral("gorgo")};
    QVERIFY(results->comparePolicies(policies));
    QVERIFY(compared.wait(120000));

    const QString out = m_dir.filePath(QStringLiteral("window.html"));
    QVERIFY(results->exportReport(out));
    const QString html = read(out);
    const auto section = html.indexOf(QStringLiteral("Routing policy comparison"));
    QVERIFY(section > 0);
    for (const QString &policy : policies)
        QVERIFY(html.indexOf(QStringLiteral(">%1<").arg(policy), section) > section);
    QVERIFY(!html.contains(QStringLiteral("edited after this run")));

    // An edit after the run: the report says its results are stale.
    engine::Pool pool = window.document()->scenario().pools.front();
    pool.gpuCount += 2;
    QVERIFY(window.document()->editPool(QString::fromStdString(pool.id), pool));
    QVERIFY(results->exportReport(out));
    QVERIFY(read(out).contains(QStringLiteral("edited after this run")));
    QVERIFY(read(out).contains(QStringLiteral("edited after this comparison")));
    // The PDF from the window too.
    const QString pdf = m_dir.filePath(QStringLiteral("window.pdf"));
    QVERIFY(results->exportReport(pdf));
    QVERIFY(QFileInfo(pdf).size() > 50000);
    // An unwritable path is an error, not a crash.
    QVERIFY(!results->exportReport(m_dir.filePath(QStringLiteral("no/such/folder/report.html"))));

    window.document()->undoStack()->undo();
    ui::ReportExporter::Inputs inputs;
    inputs.document = window.document();
    inputs.result = window.resultsPanel()->summary();
    inputs.comparison = results->comparison()->results()->summaries();
    QVERIFY(savePages(window.document(), inputs, outputPath(QStringLiteral("report-page.png")), 12));
}

QTEST_MAIN(TestReport)
#include "tst_report.moc"
