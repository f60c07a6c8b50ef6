#include "models/reportwriter.h"

#include "models/reportformat.h"
#include "models/scenariodocument.h"
#include "models/trafficmodel.h"
#include "models/trafficpresets.h"

#include <QBuffer>
#include <QFileInfo>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>
#include <QUrl>

#include <algorithm>

namespace longitude::models {

namespace {

using ImageSource = std::function<QString(const QString &, const QImage &)>;

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString esc(const std::string &text)
{
    return QString::fromStdString(text).toHtmlEscaped();
}

/// A table with a header row; cells are HTML already. Numbers are right-aligned by `numeric`
/// (one flag per column); only the columns flagged in `wrap` may break lines. The attributes are
/// for QTextDocument, which ignores most CSS.
QString table(const QStringList &headers, const QList<QStringList> &rows, const QList<bool> &numeric,
              const QList<bool> &wrap = {})
{
    QString html = QStringLiteral("<table class=\"data\" border=\"1\" cellspacing=\"0\" cellpadding=\"4\" width=\"100%\"><thead><tr>");
    for (int c = 0; c < headers.size(); ++c) {
        const bool right = c < numeric.size() && numeric[c];
        html += QStringLiteral("<th align=\"%1\" nowrap style=\"white-space:nowrap\">%2</th>").arg(right ? QStringLiteral("right") : QStringLiteral("left"), esc(headers[c]));
    }
    html += QStringLiteral("</tr></thead><tbody>");
    for (const QStringList &row : rows) {
        html += QStringLiteral("<tr>");
        for (int c = 0; c < row.size(); ++c) {
            const bool right = c < numeric.size() && numeric[c];
            // Ids and numbers never break ("us-east-1-h100", "1,234 ms"); long text does.
            const bool nowrap = c < wrap.size() ? !wrap[c] : true;
            html += QStringLiteral("<td align=\"%1\"%2>%3</td>")
                        .arg(right ? QStringLiteral("right") : QStringLiteral("left"), nowrap ? QStringLiteral(" nowrap style=\"white-space:nowrap\"") : QString(), row[c]);
        }
        html += QStringLiteral("</tr>");
    }
    return html + QStringLiteral("</tbody></table>");
}

// Figures are laid out this wide (CSS pixels): the text width of an A4 page with 15 mm margins
// at 96 dpi is 680.
constexpr int kFigureWidthPx = 620;

/// An <img> with both sizes given: QTextDocument lays a line out by the height it is told.
QString figure(const QString &source, const QImage &image, const QString &alt)
{
    const QSizeF logical = image.deviceIndependentSize();
    const int height = logical.width() > 0 ? qRound(kFigureWidthPx * logical.height() / logical.width()) : 0;
    // line-height: the body's 1.4 would apply to the image's line too (a gap under every figure).
    return QStringLiteral("<p style=\"line-height:100%\"><img src=\"%1\" width=\"%2\" height=\"%3\" alt=\"%4\"></p>\n")
        .arg(source)
        .arg(kFigureWidthPx)
        .arg(height)
        .arg(alt.toHtmlEscaped());
}

/// A value coloured by status; the colour is also spelled out for QTextDocument.
QString withStatus(const QString &value, ReportFormat::Status status)
{
    switch (status) {
    case ReportFormat::Status::Good: return QStringLiteral("<span class=\"good\"><font color=\"#1a7f37\">%1</font></span>").arg(value);
    case ReportFormat::Status::Warning: return QStringLiteral("<span class=\"warn\"><font color=\"#9a6700\">%1</font></span>").arg(value);
    case ReportFormat::Status::Bad: return QStringLiteral("<span class=\"bad\"><font color=\"#d73027\"><b>%1</b></font></span>").arg(value);
    case ReportFormat::Status::Neutral: break;
    }
    return value;
}

double priceOf(const engine::GpuType *gpu, engine::PricingMode mode)
{
    if (gpu == nullptr)
        return 0.0;
    switch (mode) {
    case engine::PricingMode::Reserved: return gpu->prices.reservedUsdPerHour;
    case engine::PricingMode::OnDemand: return gpu->prices.onDemandUsdPerHour;
    case engine::PricingMode::Spot: return gpu->prices.spotUsdPerHour;
    }
    return 0.0;
}

QString paramsText(const engine::ParamMap &params)
{
    QStringList parts;
    for (const auto &[name, value] : params)
        parts << QStringLiteral("%1 = %2").arg(QString::fromStdString(name), QString::number(value));
    return parts.join(QStringLiteral(", "));
}

const char *kStyle =
    "body{font-family:'Segoe UI',Helvetica,Arial,sans-serif;color:#1f2328;max-width:60em;margin:2em auto;padding:0 1em;"
    "line-height:1.4}"
    "h1{font-size:1.6em;margin-bottom:0.2em}h2{font-size:1.25em;border-bottom:1px solid #d0d7de;padding-bottom:0.2em;"
    "margin-top:1.6em}h3{font-size:1.05em;margin-top:1.2em}"
    ".meta{color:#59636e}table.data{border-collapse:collapse;margin:0.5em 0;font-size:0.92em}"
    "table.data th,table.data td{border:1px solid #d0d7de;padding:3px 6px}table.data th{background:#f6f8fa}"
    ".good{color:#1a7f37}.warn{color:#9a6700}.bad{color:#d73027;font-weight:bold}"
    ".stale{background:#fff8c5;border:1px solid #d4a72c;padding:0.5em}"
    "img{max-width:100%;border:1px solid #d0d7de}code{background:#f6f8fa;padding:1px 4px}"
    ".verdict{font-size:1.05em}.description{color:#59636e;font-size:0.9em}";

} // namespace

ReportWriter::ReportWriter(ScenarioDocument *document, ReportContent content)
    : m_document(document)
    , m_content(std::move(content))
{
}

QString ReportWriter::html() const
{
    return buildHtml({}, [](const QString &, const QImage &image) {
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        return QStringLiteral("data:image/png;base64,") + QString::fromLatin1(png.toBase64());
    });
}

QString ReportWriter::buildHtml(const QString &extraCss, const ImageSource &imageSource) const
{
    const engine::Scenario &scenario = m_document->scenario();
    const QString title = tr("%1 — Longitude report").arg(QString::fromStdString(scenario.name));
    QString html = QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                                  "<meta name=\"generator\" content=\"Longitude %1\"><title>%2</title><style>%3</style>"
                                  "</head><body>\n")
                       .arg(esc(m_content.version), esc(title), QLatin1String(kStyle) + extraCss);
    // What a reviewer reads first: the verdict and where the GPUs are; then the details.
    html += headerSection();
    html += verdictSection();
    if (!m_content.map.isNull())
        html += figure(imageSource(QStringLiteral("map"), m_content.map), m_content.map,
                       tr("Map of the regions, pools, links and residency zones"));
    html += scenarioSection();
    html += resultsSection(imageSource);
    html += comparisonSection();
    html += costSection();
    html += reproduceSection();
    html += QStringLiteral("</body></html>\n");
    return html;
}

QString ReportWriter::headerSection() const
{
    const engine::Scenario &s = m_document->scenario();
    QString html = QStringLiteral("<h1>%1</h1>\n").arg(esc(s.name.empty() ? tr("Untitled scenario").toStdString() : s.name));
    QStringList meta;
    meta << tr("Longitude %1").arg(esc(m_content.version));
    if (m_content.result) {
        meta << tr("policy <b>%1</b>").arg(esc(m_content.result->policy));
        meta << tr("seed %1").arg(m_content.result->seed);
    }
    meta << tr("generated %1 UTC").arg(m_content.generatedUtc.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    if (!m_document->filePath().isEmpty())
        meta << tr("file %1").arg(esc(QFileInfo(m_document->filePath()).fileName()));
    html += QStringLiteral("<p class=\"meta\">%1</p>\n").arg(meta.join(QStringLiteral(" · ")));
    return html;
}

QString ReportWriter::verdictSection() const
{
    if (!m_content.result)
        return QStringLiteral("<p class=\"stale\">%1</p>\n").arg(esc(tr("No simulation results: this report describes the scenario only.")));
    const SimulationSummary &r = *m_content.result;
    QString html = QStringLiteral("<h2>%1</h2>\n").arg(esc(tr("Summary")));
    if (m_content.resultStale)
        html += QStringLiteral("<p class=\"stale\"><b>%1</b></p>\n")
                    .arg(esc(tr("The scenario was edited after this run: the results below describe the scenario as it was "
                                "when it ran, not as it is now.")));
    if (r.cancelled)
        html += QStringLiteral("<p class=\"stale\"><b>%1</b></p>\n").arg(esc(tr("The run was cancelled: numbers cover what was simulated.")));
    const bool met = r.slaMet();
    const QString sla = r.slaTtftP99Ms > 0
                            ? withStatus(met ? tr("meets") : tr("misses"), met ? ReportFormat::Status::Good : ReportFormat::Status::Bad)
                                  + tr(" the SLA: TTFT p99 %1 against a target of %2; %3 of requests within the target.")
                                        .arg(ReportFormat::ms(r.ttft.p99Ms), ReportFormat::ms(r.slaTtftP99Ms),
                                             ReportFormat::percent(r.slaAttainment, 2))
                            : tr("TTFT p99 %1 (no SLA target set).").arg(ReportFormat::ms(r.ttft.p99Ms));
    html += QStringLiteral("<p class=\"verdict\">%1 %2</p>\n").arg(esc(tr("With %1, the plan").arg(r.policy)), sla);
    html += QStringLiteral("<p>%1</p>\n")
                .arg(esc(tr("%1 requests in %2 of simulated time%3; %4 shed; %5 served in another region; %6 residency "
                            "violations. Cost %7 (%8 per million output tokens).")
                             .arg(ReportFormat::count(r.arrived), ReportFormat::duration(r.simulatedS),
                                  r.sampled ? tr(" (time-sampled hours)") : QString(), ReportFormat::count(r.shed),
                                  ReportFormat::percent(r.crossRegionShare()), ReportFormat::count(r.residencyViolations),
                                  ReportFormat::usd(r.totalUsd()), ReportFormat::usd(r.usdPerMillionOutputTokens(), 3))));
    // Compute, not batch slots, says how near saturation the fleet runs (docs/engine.md).
    const auto busiest = std::max_element(r.pools.cbegin(), r.pools.cend(), [](const auto &a, const auto &b) {
        return a.computeUtilization < b.computeUtilization;
    });
    if (busiest != r.pools.cend())
        html += QStringLiteral("<p>%1</p>\n")
                    .arg(esc(tr("The GPUs ran at %1 of their compute capacity (%2 of batch slots); the busiest pool, %3, at %4.")
                                 .arg(ReportFormat::percent(r.computeUtilizationMean), ReportFormat::percent(r.utilizationMean),
                                      busiest->id, ReportFormat::percent(busiest->computeUtilization))));
    return html;
}

QString ReportWriter::scenarioSection() const
{
    const engine::Scenario &s = m_document->scenario();
    // A new page in print: the scenario's tables start at the top of one.
    QString html = QStringLiteral("<h2 style=\"page-break-before: always\">%1</h2>\n").arg(esc(tr("Scenario")));
    if (!s.description.empty())
        html += QStringLiteral("<p class=\"description\">%1</p>\n").arg(esc(s.description));

    // Regions with what they hold.
    QList<QStringList> regionRows;
    for (const engine::Region &region : s.regions) {
        int gpus = 0;
        for (const engine::Pool &pool : s.pools)
            gpus += pool.region == region.id ? pool.gpuCount : 0;
        const engine::ResidencyZone *zone = s.findZone(region.zone);
        regionRows << QStringList{esc(region.id), esc(region.name), esc(region.provider),
                                  esc(zone != nullptr && !zone->name.empty() ? zone->name : region.zone),
                                  QString::number(region.utcOffsetHours, 'g', 3), QString::number(gpus)};
    }
    html += QStringLiteral("<h3>%1</h3>\n").arg(esc(tr("Regions")));
    html += table({tr("Region"), tr("Name"), tr("Provider"), tr("Residency zone"), tr("UTC offset (h)"), tr("GPUs")},
                  regionRows, {false, false, false, false, true, true}, {false, true, false, true, false, false});

    QList<QStringList> poolRows;
    int totalGpus = 0;
    for (const engine::Pool &pool : s.pools) {
        const engine::GpuType *gpu = s.findGpuType(pool.gpuType);
        totalGpus += pool.gpuCount;
        const int replicas = pool.tensorParallel > 0 ? pool.gpuCount / pool.tensorParallel : 0;
        poolRows << QStringList{esc(pool.id), esc(pool.region), esc(pool.gpuType), QString::number(pool.gpuCount),
                                esc(pool.model), QString::number(pool.tensorParallel), QString::number(replicas),
                                esc(QString::fromLatin1(engine::pricingModeName(pool.pricing))),
                                ReportFormat::usd(priceOf(gpu, pool.pricing), 4)};
    }
    html += QStringLiteral("<h3>%1</h3>\n").arg(esc(tr("GPU pools (%1 GPUs)").arg(totalGpus)));
    html += table({tr("Pool"), tr("Region"), tr("GPU"), tr("GPUs"), tr("Model"), tr("TP"), tr("Replicas"), tr("Pricing"),
                   tr("$/GPU-h")},
                  poolRows, {false, false, false, true, false, true, true, false, true});

    // Traffic: each region's peak, and the world's peak hour against the sum of regional peaks
    // (the gap a global reservation exploits, DOMAIN.md section 7).
    TrafficModel traffic(m_document);
    QList<QStringList> trafficRows;
    std::vector<double> utcTotals(24, 0.0);
    double sumOfPeaks = 0.0;
    for (int row = 0; row < traffic.rowCount(); ++row) {
        if (!traffic.hasTraffic(row))
            continue;
        const std::vector<double> curve = traffic.localCurve(row);
        const auto peakHour = static_cast<int>(std::distance(curve.begin(), std::max_element(curve.begin(), curve.end())));
        double regionalPeak = 0.0;
        for (int hour = 0; hour < 24; ++hour) {
            const double rps = traffic.rpsAtUtcHour(row, hour);
            utcTotals[static_cast<std::size_t>(hour)] += rps;
            regionalPeak = std::max(regionalPeak, rps);
        }
        sumOfPeaks += regionalPeak;
        const engine::RegionTraffic *entry = nullptr;
        for (const engine::RegionTraffic &t : s.traffic)
            entry = t.region == traffic.idAt(row).toStdString() ? &t : entry;
        const QString curveName = entry != nullptr && !entry->preset.empty()
                                      ? TrafficPresets::displayName(QString::fromStdString(entry->preset))
                                      : tr("custom (24 hourly values)");
        trafficRows << QStringList{esc(traffic.idAt(row)), ReportFormat::number(traffic.peakRps(row), 1), esc(curveName),
                                   QStringLiteral("%1:00").arg(peakHour, 2, 10, QLatin1Char('0'))};
    }
    const auto globalPeak = std::max_element(utcTotals.begin(), utcTotals.end());
    html += QStringLiteral("<h3>%1</h3>\n").arg(esc(tr("Traffic")));
    html += table({tr("Origin region"), tr("Peak (req/s)"), tr("Daily curve"), tr("Peak local hour")}, trafficRows,
                  {false, true, false, true}, {false, false, true, false});
    html += QStringLiteral("<p>%1</p>\n")
                .arg(esc(tr("Global peak %1 req/s at %2:00 UTC, against %3 req/s for the sum of the regional peaks. "
                            "Simulated: %4 from %5:00 UTC%6.")
                             .arg(ReportFormat::number(*globalPeak, 1))
                             .arg(static_cast<int>(std::distance(utcTotals.begin(), globalPeak)), 2, 10, QLatin1Char('0'))
                             .arg(ReportFormat::number(sumOfPeaks, 1), ReportFormat::duration(s.simulation.durationS))
                             .arg(QString::number(s.simulation.startUtcHour, 'g', 4))
                             .arg(s.simulation.warmupS > 0
                                      ? tr(", the first %1 unmeasured (warm-up)").arg(ReportFormat::duration(s.simulation.warmupS))
                                      : QString())));

    QStringList settings;
    settings << tr("TTFT p99 target: <b>%1</b>").arg(ReportFormat::ms(s.sla.ttftP99Ms));
    if (s.sla.e2eP99Ms > 0)
        settings << tr("End-to-end p99 target: %1").arg(ReportFormat::ms(s.sla.e2eP99Ms));
    const QString params = paramsText(s.routing.params);
    settings << tr("Routing policy: <b>%1</b>%2").arg(esc(s.routing.policy), params.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(esc(params)));
    settings << (s.routing.probeIntervalMs > 0 ? tr("Routers see replica state as of probes every %1").arg(ReportFormat::ms(s.routing.probeIntervalMs))
                                               : tr("Routers see live replica state"));
    settings << (s.overflow.enabled ? tr("Overflow to other regions: on") : tr("Overflow to other regions: off"));
    if (!s.failover.outages.empty()) {
        QStringList outages;
        for (const engine::Outage &outage : s.failover.outages)
            outages << tr("%1 from %2 for %3").arg(esc(outage.target), ReportFormat::duration(outage.startS), ReportFormat::duration(outage.durationS));
        settings << tr("Outages: %1").arg(outages.join(QStringLiteral("; ")));
    }
    html += QStringLiteral("<h3>%1</h3>\n<ul>").arg(esc(tr("Service level and routing")));
    for (const QString &line : std::as_const(settings))
        html += QStringLiteral("<li>%1</li>").arg(line);
    html += QStringLiteral("</ul>\n");
    return html;
}

QString ReportWriter::resultsSection(const ImageSource &imageSource) const
{
    if (!m_content.result)
        return {};
    const SimulationSummary &r = *m_content.result;
    QString html = QStringLiteral("<h2>%1</h2>\n").arg(esc(tr("Results (%1, seed %2)").arg(r.policy).arg(r.seed)));
    QList<QStringList> rows;
    for (const ReportFormat::Measure &m : ReportFormat::measures(r))
        rows << QStringList{esc(m.name), withStatus(esc(m.value), m.status), esc(m.target)};
    html += table({tr("Measure"), tr("Value"), tr("Target")}, rows, {false, true, true}, {true, false, false});

    QList<QStringList> regionRows;
    for (const auto &region : r.regions) {
        regionRows << QStringList{esc(region.id),
                                  ReportFormat::count(region.arrived),
                                  ReportFormat::count(region.completed),
                                  withStatus(ReportFormat::count(region.shed), region.shed > 0 ? ReportFormat::Status::Warning : ReportFormat::Status::Neutral),
                                  ReportFormat::count(region.crossRegion),
                                  ReportFormat::ms(region.ttft.p50Ms),
                                  withStatus(ReportFormat::ms(region.ttft.p99Ms),
                                             r.slaTtftP99Ms > 0 && region.ttft.p99Ms > r.slaTtftP99Ms ? ReportFormat::Status::Bad
                                                                                                      : ReportFormat::Status::Neutral),
                                  ReportFormat::percent(region.slaAttainment, 2),
                                  ReportFormat::percent(region.cacheTokenHitRate, 1),
                                  ReportFormat::percent(region.computeUtilization, 1),
                                  ReportFormat::percent(region.utilization, 1)};
    }
    html += QStringLiteral("<h3>%1</h3>\n").arg(esc(tr("By region")));
    html += table({tr("Region"), tr("Arrived"), tr("Completed"), tr("Shed"), tr("Cross-reg."), tr("TTFT p50"), tr("TTFT p99"),
                   tr("In SLA"), tr("Hits*"), tr("Compute*"), tr("Slots*")},
                  regionRows, {false, true, true, true, true, true, true, true, true, true, true});
    html += QStringLiteral("<p class=\"meta\">%1</p>\n")
                .arg(esc(tr("Requests and latency by origin region (where clients are); * hit rate and utilisation by serving "
                            "region (where replicas are); in SLA: share of requests within the TTFT target; compute: share "
                            "of the GPUs' capacity in use, 100 % at saturation; slots: share of batch slots in use.")));

    QList<QStringList> poolRows;
    for (const auto &pool : r.pools) {
        poolRows << QStringList{esc(pool.id), esc(pool.region), QString::number(pool.gpus), ReportFormat::count(pool.completed),
                                ReportFormat::ms(pool.ttft.p50Ms), ReportFormat::ms(pool.ttft.p99Ms),
                                ReportFormat::percent(pool.cacheTokenHitRate, 1), ReportFormat::percent(pool.computeUtilization, 1),
                                ReportFormat::percent(pool.utilization, 1),
                                ReportFormat::percent(pool.busyFraction, 1), ReportFormat::usd(pool.gpuUsd)};
    }
    html += QStringLiteral("<h3>%1</h3>\n").arg(esc(tr("By pool")));
    html += table({tr("Pool"), tr("Region"), tr("GPUs"), tr("Requests"), tr("TTFT p50"), tr("TTFT p99"), tr("Hits"),
                   tr("Compute"), tr("Slots"), tr("Busy"), tr("GPU cost")},
                  poolRows, {false, false, true, true, true, true, true, true, true, true, true});

    for (int i = 0; i < m_content.charts.size(); ++i) {
        const ReportContent::Figure &chart = m_content.charts[i];
        if (chart.image.isNull())
            continue;
        // The chart carries its title: a caption of its own could be left alone at a page's foot.
        html += figure(imageSource(QStringLiteral("chart%1").arg(i), chart.image), chart.image, chart.title);
    }
    return html;
}

QString ReportWriter::comparisonSection() const
{
    if (m_content.comparison.isEmpty())
        return {};
    const SimulationSummary &first = m_content.comparison.front();
    QString html = QStringLiteral("<h2 style=\"page-break-before: always\">%1</h2>\n").arg(esc(tr("Routing policy comparison")));
    if (m_content.comparisonStale)
        html += QStringLiteral("<p class=\"stale\"><b>%1</b></p>\n")
                    .arg(esc(tr("The scenario was edited after this comparison: it describes the scenario as it was then.")));
    html += QStringLiteral("<p>%1</p>\n")
                .arg(esc(tr("The same scenario, traffic and seed (%1) under each policy, %2 of simulated time each. "
                            "Hit rates are fractions of prompt tokens and of requests; TTFT in ms; costs in US dollars.")
                             .arg(first.seed)
                             .arg(ReportFormat::duration(first.simulatedS))));
    QList<QStringList> rows;
    for (const SimulationSummary &s : m_content.comparison) {
        const bool missed = s.slaTtftP99Ms > 0 && !s.slaMet();
        rows << QStringList{esc(s.policy),
                            ReportFormat::number(s.cacheTokenHitRate, 4),
                            ReportFormat::number(s.cacheRequestHitRate, 4),
                            ReportFormat::number(s.ttft.p50Ms, 1),
                            withStatus(ReportFormat::number(s.ttft.p99Ms, 1), missed ? ReportFormat::Status::Bad : ReportFormat::Status::Neutral),
                            ReportFormat::percent(s.slaAttainment, 2),
                            ReportFormat::percent(s.crossRegionShare(), 1),
                            ReportFormat::count(s.shed),
                            ReportFormat::number(s.egressUsd, 2),
                            ReportFormat::number(s.totalUsd(), 2)};
    }
    html += table({tr("Policy"), tr("Token hits"), tr("Request hits"), tr("TTFT p50"), tr("TTFT p99"), tr("In SLA"),
                   tr("Cross-reg."), tr("Shed"), tr("Egress $"), tr("Total $")},
                  rows, {false, true, true, true, true, true, true, true, true, true});
    return html;
}

QString ReportWriter::costSection() const
{
    const engine::Scenario &s = m_document->scenario();
    QString html = QStringLiteral("<h2>%1</h2>\n").arg(esc(tr("Cost and prices")));
    if (m_content.result) {
        const SimulationSummary &r = *m_content.result;
        const double hours = r.simulatedS / 3600.0;
        QList<QStringList> rows;
        for (const auto &poolResult : r.pools) {
            const engine::Pool *pool = s.findPool(poolResult.id.toStdString());
            const engine::GpuType *gpu = pool != nullptr ? s.findGpuType(pool->gpuType) : nullptr;
            rows << QStringList{esc(poolResult.id),
                                pool != nullptr ? esc(pool->gpuType) : QString(),
                                QString::number(poolResult.gpus),
                                pool != nullptr ? esc(QString::fromLatin1(engine::pricingModeName(pool->pricing))) : QString(),
                                pool != nullptr ? ReportFormat::usd(priceOf(gpu, pool->pricing), 4) : QString(),
                                ReportFormat::number(poolResult.gpus * hours, 1),
                                ReportFormat::usd(poolResult.gpuUsd)};
        }
        rows << QStringList{esc(tr("Egress")), QString(), QString(), QString(), QString(),
                            esc(tr("%1 GB").arg(ReportFormat::number(r.egressGb, 2))), ReportFormat::usd(r.egressUsd)};
        rows << QStringList{QStringLiteral("<b>%1</b>").arg(esc(tr("Total"))), QString(), QString(), QString(), QString(), QString(),
                            QStringLiteral("<b>%1</b>").arg(ReportFormat::usd(r.totalUsd()))};
        html += table({tr("Pool"), tr("GPU"), tr("GPUs"), tr("Pricing"), tr("$/GPU-h"), tr("GPU-hours"), tr("Cost")}, rows,
                      {false, false, true, false, true, true, true});
        html += QStringLiteral("<p>%1</p>\n")
                    .arg(esc(tr("For %1 of measured time: %2 per million input tokens, %3 per million output tokens; "
                                "%4 per hour of service.")
                                 .arg(ReportFormat::duration(r.simulatedS), ReportFormat::usd(r.usdPerMillionInputTokens(), 3),
                                      ReportFormat::usd(r.usdPerMillionOutputTokens(), 3),
                                      ReportFormat::usd(hours > 0 ? r.totalUsd() / hours : 0.0))));
    }
    html += QStringLiteral("<h3>%1</h3>\n").arg(esc(tr("Where the prices come from")));
    QList<QStringList> priceRows;
    for (const engine::GpuType &gpu : s.gpuTypes) {
        priceRows << QStringList{esc(gpu.id), ReportFormat::usd(gpu.prices.onDemandUsdPerHour, 4),
                                 ReportFormat::usd(gpu.prices.reservedUsdPerHour, 4), ReportFormat::usd(gpu.prices.spotUsdPerHour, 4),
                                 gpu.prices.asOf.empty() ? esc(tr("not stated")) : esc(gpu.prices.asOf),
                                 gpu.prices.source.empty() ? esc(tr("not stated")) : esc(gpu.prices.source)};
    }
    html += table({tr("GPU"), tr("On-demand"), tr("Reserved"), tr("Spot"), tr("As of"), tr("Source")}, priceRows,
                  {false, true, true, true, false, false}, {false, false, false, false, false, true});
    // Egress prices per link, when they are not all the engine's default.
    QStringList egress;
    for (const engine::Link &link : s.links) {
        egress << tr("%1 → %2: $%3/GB%4")
                      .arg(esc(link.from), esc(link.to), QString::number(link.egressUsdPerGb, 'g', 4),
                           link.source.empty() ? QString() : QStringLiteral(" (%1)").arg(esc(link.source)));
    }
    if (!egress.isEmpty())
        html += QStringLiteral("<p class=\"meta\">%1 %2</p>\n").arg(esc(tr("Inter-region transfer prices:")), egress.join(QStringLiteral("; ")));
    return html;
}

QString ReportWriter::reproduceSection() const
{
    const engine::Scenario &s = m_document->scenario();
    const QString file = m_document->filePath().isEmpty() ? QStringLiteral("SCENARIO.longitude.json")
                                                          : QFileInfo(m_document->filePath()).fileName();
    const quint64 seed = m_content.result ? m_content.result->seed : s.simulation.seed;
    const QString policy = m_content.result ? m_content.result->policy : QString::fromStdString(s.routing.policy);
    QString html = QStringLiteral("<h2>%1</h2>\n").arg(esc(tr("Reproduce")));
    html += QStringLiteral("<p>%1</p>\n<p><code>longitude-cli run %2 --seed %3 --policy %4</code></p>\n")
                .arg(esc(tr("Longitude %1 is deterministic: the same scenario file and seed give the same numbers. "
                            "To rerun this simulation:")
                             .arg(m_content.version)),
                     esc(file), QString::number(seed), esc(policy));
    return html;
}

std::expected<void, QString> ReportWriter::write(const QString &path) const
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("pdf"))
        return writePdf(path);
    if (suffix == QLatin1String("html") || suffix == QLatin1String("htm"))
        return writeHtml(path);
    return std::unexpected(tr("%1: the report must end in .html or .pdf").arg(path));
}

std::expected<void, QString> ReportWriter::writeHtml(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return std::unexpected(tr("%1: cannot write: %2").arg(path, file.errorString()));
    file.write(html().toUtf8());
    if (!file.commit())
        return std::unexpected(tr("%1: cannot write: %2").arg(path, file.errorString()));
    return {};
}

void ReportWriter::fill(QTextDocument &document) const
{
    // Tables a size smaller in print, so that eleven columns of ids and numbers fit the page's width
    // (in the page's own style sheet: QTextDocument's default one does not reach table cells).
    const QString html = buildHtml(QStringLiteral("table.data td,table.data th{font-size:7pt;padding:2px 4px}"), [&document](const QString &key, const QImage &image) {
        const QString url = QStringLiteral("longitude-report:%1.png").arg(key);
        // One image pixel per layout pixel: the <img> sizes scale it, and print gets every pixel.
        QImage plain = image;
        plain.setDevicePixelRatio(1.0);
        document.addResource(QTextDocument::ImageResource, QUrl(url), plain);
        return url;
    });
    // A print size: at the screen's default the tables would not fit an A4 page's width.
    QFont font = document.defaultFont();
    font.setPointSizeF(8.5);
    document.setDefaultFont(font);
    document.setDefaultStyleSheet(QString::fromLatin1(kStyle));
    document.setHtml(html);
}

std::expected<void, QString> ReportWriter::writePdf(const QString &path) const
{
    QTextDocument document;
    fill(document);

    // Written to a temporary file first, so a failure never leaves half a PDF under the name.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return std::unexpected(tr("%1: cannot write: %2").arg(path, file.errorString()));
    {
        QPdfWriter pdf(&file);
        pdf.setTitle(tr("%1 — Longitude report").arg(QString::fromStdString(m_document->scenario().name)));
        pdf.setCreator(QStringLiteral("Longitude %1").arg(m_content.version));
        pdf.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(15, 15, 15, 15),
                                      QPageLayout::Millimeter));
        pdf.setResolution(300);
        document.print(&pdf);
    }
    if (!file.commit())
        return std::unexpected(tr("%1: cannot write: %2").arg(path, file.errorString()));
    return {};
}

} // namespace longitude::models
