// The budget-review report without widgets: the HTML names the scenario, the policy and the seed,
// shows TTFT figures of the run it was given (an engine run made here), the pools' pricing and the
// prices' sources and dates; it is self-contained; a comparison and staleness show; the PDF is a
// real, non-empty PDF; a bad path is an error naming the file.

#include "engine/sim/simulation.h"
#include "models/reportformat.h"
#include "models/reportwriter.h"
#include "models/scenariodocument.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QTest>

using namespace longitude;
using models::ReportContent;
using models::ReportWriter;
using models::SimulationSummary;

class TestReportWriter : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void htmlNamesTheRunAndItsNumbers();
    void htmlIsSelfContained();
    void pricesCarryTheirSourceAndDate();
    void comparisonAndStalenessShow();
    void withoutResultsTheScenarioStillReads();
    void pdfIsWritten();
    void badPathsAreErrors();

private:
    SimulationSummary run(const std::string &policy) const;
    ReportContent content() const;
    QString outputPath(const QString &name) const;

    models::ScenarioDocument m_document;
    QTemporaryDir m_dir;
};

void TestReportWriter::initTestCase()
{
    QVERIFY(m_document.load(QStringLiteral(":/samples/three-regions.longitude.json")).has_value());
    engine::Scenario scenario = m_document.scenario();
    scenario.simulation.durationS = 120;
    scenario.simulation.warmupS = 0;
    m_document.resetScenario(scenario, QStringLiteral("/plans/three-regions.longitude.json"));
}

SimulationSummary TestReportWriter::run(const std::string &policy) const
{
    engine::SimulationOptions options;
    options.policy = policy;
    auto simulation = engine::Simulation::create(m_document.scenario(), options);
    Q_ASSERT(simulation.has_value());
    auto result = simulation->run();
    Q_ASSERT(result.has_value());
    return SimulationSummary::fromResult(*result);
}

ReportContent TestReportWriter::content() const
{
    ReportContent c;
    c.result = run("lca");
    c.version = QStringLiteral("9.8.7");
    c.generatedUtc = QDateTime(QDate(2026, 11, 26), QTime(9, 30), QTimeZone::utc());
    QImage map(200, 100, QImage::Format_RGB32);
    map.fill(Qt::darkCyan);
    c.map = map;
    QImage chart(300, 120, QImage::Format_RGB32);
    chart.fill(Qt::white);
    c.charts << ReportContent::Figure{QStringLiteral("TTFT over time"), chart};
    return c;
}

QString TestReportWriter::outputPath(const QString &name) const
{
    const QString folder = qEnvironmentVariable("LONGITUDE_TEST_OUTPUT", QDir::tempPath());
    QDir().mkpath(folder);
    return QDir(folder).filePath(name);
}

void TestReportWriter::htmlNamesTheRunAndItsNumbers()
{
    const ReportContent c = content();
    const QString html = ReportWriter(&m_document, c).html();
    const SimulationSummary &r = *c.result;
    QVERIFY(html.contains(QString::fromStdString(m_document.scenario().name).toHtmlEscaped()));
    QVERIFY(html.contains(QStringLiteral("<b>lca</b>")));
    QVERIFY(html.contains(QStringLiteral("seed %1").arg(r.seed)));
    QVERIFY(html.contains(QStringLiteral("Longitude 9.8.7")));
    QVERIFY(html.contains(QStringLiteral("2026-11-26 09:30 UTC")));
    // TTFT p99 and p50 of this run, in the report's format.
    QVERIFY(html.contains(models::ReportFormat::ms(r.ttft.p99Ms)));
    QVERIFY(html.contains(models::ReportFormat::ms(r.ttft.p50Ms)));
    QVERIFY(html.contains(models::ReportFormat::usd(r.totalUsd())));
    // Every pool with its GPU count and pricing mode; every region; the SLA target.
    for (const engine::Pool &pool : m_document.scenario().pools) {
        const QRegularExpression row(QStringLiteral("<td[^>]*>%1</td>.*?<td[^>]*>%2</td>.*?<td[^>]*>%3</td>")
                                         .arg(QRegularExpression::escape(QString::fromStdString(pool.id)))
                                         .arg(pool.gpuCount)
                                         .arg(QString::fromLatin1(engine::pricingModeName(pool.pricing))));
        QVERIFY2(row.match(html).hasMatch(), pool.id.c_str());
    }
    for (const engine::Region &region : m_document.scenario().regions)
        QVERIFY(html.contains(QString::fromStdString(region.id)));
    QVERIFY(html.contains(models::ReportFormat::ms(m_document.scenario().sla.ttftP99Ms)));
    // Utilisation: compute (how near saturation) first, batch slots beside it, in the summary and
    // per pool; the run tells the two apart, so a swap would fail here.
    QVERIFY(models::ReportFormat::percent(r.computeUtilizationMean) != models::ReportFormat::percent(r.utilizationMean));
    QVERIFY(html.contains(QStringLiteral("The GPUs ran at %1 of their compute capacity (%2 of batch slots)")
                              .arg(models::ReportFormat::percent(r.computeUtilizationMean), models::ReportFormat::percent(r.utilizationMean))));
    for (const SimulationSummary::PoolRow &pool : r.pools) {
        // Pool, region, GPUs, requests, TTFT p50, TTFT p99, hits, then compute and slots.
        const QRegularExpression row(QStringLiteral("<tr><td[^>]*>%1</td>(<td[^>]*>[^<]*</td>){6}<td[^>]*>%2</td><td[^>]*>%3</td>")
                                         .arg(QRegularExpression::escape(pool.id),
                                              QRegularExpression::escape(models::ReportFormat::percent(pool.computeUtilization, 1)),
                                              QRegularExpression::escape(models::ReportFormat::percent(pool.utilization, 1))));
        QVERIFY2(row.match(html).hasMatch(), qPrintable(pool.id));
    }
    // How to reproduce it.
    QVERIFY(html.contains(QStringLiteral("longitude-cli run three-regions.longitude.json --seed %1 --policy lca").arg(r.seed)));
    QVERIFY(ReportWriter(&m_document, c).writeHtml(outputPath(QStringLiteral("report-models.html"))).has_value());
}

void TestReportWriter::htmlIsSelfContained()
{
    const QString html = ReportWriter(&m_document, content()).html();
    const QRegularExpression sources(QStringLiteral("src=\"([^\"]*)\""));
    int images = 0;
    for (auto it = sources.globalMatch(html); it.hasNext(); ++images)
        QVERIFY(it.next().captured(1).startsWith(QLatin1String("data:image/png;base64,")));
    QCOMPARE(images, 2); // the map and the one chart given
    QVERIFY(!html.contains(QLatin1String("http://")) && !html.contains(QLatin1String("https://")));
    QVERIFY(!html.contains(QLatin1String("<link")));
    QVERIFY(!html.contains(QLatin1String("<script")));
}

void TestReportWriter::pricesCarryTheirSourceAndDate()
{
    const QString html = ReportWriter(&m_document, content()).html();
    for (const engine::GpuType &gpu : m_document.scenario().gpuTypes) {
        QVERIFY(!gpu.prices.asOf.empty());
        QVERIFY(html.contains(QString::fromStdString(gpu.prices.asOf)));
        QVERIFY(html.contains(QString::fromStdString(gpu.prices.source).toHtmlEscaped()));
        QVERIFY(html.contains(models::ReportFormat::usd(gpu.prices.onDemandUsdPerHour, 4)));
    }
}

void TestReportWriter::comparisonAndStalenessShow()
{
    ReportContent c = content();
    QVERIFY(!ReportWriter(&m_document, c).html().contains(QLatin1String("Routing policy comparison")));
    QVERIFY(!ReportWriter(&m_document, c).html().contains(QLatin1String("edited after this run")));
    c.comparison = {run("round-robin"), run("gorgo")};
    c.resultStale = true;
    const QString html = ReportWriter(&m_document, c).html();
    QVERIFY(html.contains(QLatin1String("Routing policy comparison")));
    QVERIFY(html.contains(QLatin1String("edited after this run")));
    const int section = static_cast<int>(html.indexOf(QLatin1String("Routing policy comparison")));
    for (const SimulationSummary &s : std::as_const(c.comparison)) {
        QVERIFY(html.indexOf(QStringLiteral(">%1<").arg(s.policy), section) > section);
        QVERIFY(html.indexOf(models::ReportFormat::number(s.ttft.p99Ms, 1), section) > section);
    }
}

void TestReportWriter::withoutResultsTheScenarioStillReads()
{
    ReportContent c;
    c.version = QStringLiteral("1.0");
    const QString html = ReportWriter(&m_document, c).html();
    QVERIFY(html.contains(QLatin1String("No simulation results")));
    QVERIFY(html.contains(QLatin1String("GPU pools")));
    QVERIFY(html.contains(QLatin1String("Where the prices come from")));
}

void TestReportWriter::pdfIsWritten()
{
    const QString path = outputPath(QStringLiteral("report-models.pdf"));
    QFile::remove(path);
    const auto written = ReportWriter(&m_document, content()).writePdf(path);
    QVERIFY2(written.has_value(), written ? "" : qPrintable(written.error()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray pdf = file.readAll();
    QVERIFY(pdf.startsWith("%PDF-"));
    QVERIFY(pdf.size() > 10000);
    // More than one page object ("/Type /Page", not "/Type /Pages"): the report does not fit one A4 page.
    const qsizetype pages = pdf.count("/Type /Page") - pdf.count("/Type /Pages");
    QVERIFY2(pages >= 2, qPrintable(QString::number(pages)));
}

void TestReportWriter::badPathsAreErrors()
{
    ReportWriter writer(&m_document, content());
    const QString wrongSuffix = m_dir.filePath(QStringLiteral("report.docx"));
    const auto suffix = writer.write(wrongSuffix);
    QVERIFY(!suffix);
    QVERIFY(suffix.error().contains(wrongSuffix));
    const QString missingFolder = m_dir.filePath(QStringLiteral("no/such/folder/report.html"));
    const auto folder = writer.write(missingFolder);
    QVERIFY(!folder);
    QVERIFY(folder.error().contains(missingFolder));
    QVERIFY(!writer.writePdf(m_dir.filePath(QStringLiteral("no/such/folder/report.pdf"))));
}

QTEST_MAIN(TestReportWriter)
#include "tst_reportwriter.moc"
