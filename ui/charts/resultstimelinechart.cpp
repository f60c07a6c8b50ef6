#include "ui/charts/resultstimelinechart.h"

#include "ui/charts/chartstyle.h"

#include <QLegend>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QPainter>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace longitude::ui {

namespace {

// Above three hours a time axis in minutes has too many digits to read: switch to hours.
constexpr double kHoursAxisFromS = 3 * 3600.0;
// TTFT spread over more than two decades gets a log axis (a blow-up would flatten the rest).
constexpr double kLogAxisSpread = 100.0;
// An SLA target this far above every bucket's p99 is not drawn: the lines would flatten at the
// bottom of the chart. The legend still names it, and the headline says whether it is met.
constexpr double kSlaOffScale = 2.5;
// The SLA line in the same red as missed targets elsewhere (#d73027, ColorBrewer RdYlBu).
const QColor kSlaColor(0xd7, 0x30, 0x27);
// Tableau 10: distinct hues of middle lightness, readable on white and on dark grey.
const QList<QColor> kSeriesColors{QColor(0x4e, 0x79, 0xa7), QColor(0xf2, 0x8e, 0x2b), QColor(0x59, 0xa1, 0x4f),
                                  QColor(0xb0, 0x7a, 0xa1), QColor(0x76, 0xb7, 0xb2), QColor(0xed, 0xc9, 0x48),
                                  QColor(0xe1, 0x57, 0x59), QColor(0xff, 0x9d, 0xa7), QColor(0x9c, 0x75, 0x5f),
                                  QColor(0xba, 0xb0, 0xac)};

QLineSeries *line(const QString &name, const QColor &color, double widthPx, Qt::PenStyle style = Qt::SolidLine)
{
    auto *series = new QLineSeries;
    series->setName(name);
    QPen pen(color);
    pen.setWidthF(widthPx);
    pen.setStyle(style);
    series->setPen(pen);
    return series;
}

} // namespace

ResultsTimelineChart::ResultsTimelineChart(Kind kind, QWidget *parent)
    : QChartView(parent)
    , m_kind(kind)
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(300, 200);
    setChart(new QChart);
    chart()->setMargins(QMargins(2, 2, 2, 2));
    rebuild();
}

QString ResultsTimelineChart::title(Kind kind)
{
    switch (kind) {
    case Kind::Ttft: return tr("Time to first token per time bucket");
    case Kind::Requests: return tr("Arrivals and completions per time bucket");
    case Kind::ComputeUtilization: return tr("Compute utilisation per pool");
    case Kind::SlotUtilization: return tr("Batch slots in use per pool");
    }
    return {};
}

void ResultsTimelineChart::setSummary(const models::SimulationSummary &summary)
{
    m_summary = summary;
    m_hasSummary = true;
    rebuild();
}

void ResultsTimelineChart::clear()
{
    m_summary = {};
    m_hasSummary = false;
    rebuild();
}

QList<QList<QPointF>> ResultsTimelineChart::seriesPoints() const
{
    QList<QList<QPointF>> points;
    for (QAbstractSeries *series : chart()->series()) {
        if (auto *xy = qobject_cast<QXYSeries *>(series))
            points << xy->points();
    }
    return points;
}

void ResultsTimelineChart::rebuild()
{
    QChart *c = chart();
    c->removeAllSeries();
    for (QAbstractAxis *axis : c->axes())
        c->removeAxis(axis);
    // In the dock the button that picks the chart names it, and the legend goes to the side, the
    // height being the scarce dimension there. A figure on its own carries its title.
    c->setTitle(m_standalone ? title(m_kind) : QString());
    c->legend()->setAlignment(m_standalone ? Qt::AlignTop : Qt::AlignRight);

    // Only the measured span: warm-up buckets are empty by design.
    double firstS = 0.0;
    double lastS = 0.0;
    bool any = false;
    for (const auto &bucket : std::as_const(m_summary.timeline)) {
        if (bucket.arrived <= 0 && bucket.completed <= 0)
            continue;
        firstS = any ? firstS : bucket.startS;
        lastS = bucket.startS + m_summary.bucketS;
        any = true;
    }
    if (!m_hasSummary || !any) {
        c->setTitle(m_hasSummary ? tr("No requests were measured") : (m_standalone ? title(m_kind) : QString()));
        ChartStyle::apply(c, palette());
        return;
    }

    auto *time = new QValueAxis;
    const bool hours = lastS - firstS > kHoursAxisFromS;
    m_timeUnitS = hours ? 3600.0 : 60.0;
    time->setRange(firstS / m_timeUnitS, lastS / m_timeUnitS);
    time->setTitleText(hours ? tr("Simulated time (h)") : tr("Simulated time (min)"));
    time->setLabelFormat(QStringLiteral("%.0f"));
    time->setTickCount(7);
    time->applyNiceNumbers();
    time->setMinorTickCount(1);
    c->addAxis(time, Qt::AlignBottom);

    switch (m_kind) {
    case Kind::Ttft: buildTtft(c, time); break;
    case Kind::Requests: buildRequests(c, time); break;
    case Kind::ComputeUtilization: buildUtilization(c, time, false); break;
    case Kind::SlotUtilization: buildUtilization(c, time, true); break;
    }
    ChartStyle::apply(c, palette());
}

void ResultsTimelineChart::buildTtft(QChart *c, QValueAxis *time)
{
    const double unitS = m_timeUnitS;
    const double midS = m_summary.bucketS / 2;
    auto *p50 = line(tr("TTFT p50"), kSeriesColors[0], 2.0);
    auto *p99 = line(tr("TTFT p99"), kSeriesColors[1], 2.0);
    double low = std::numeric_limits<double>::max();
    double high = 0.0;
    for (const auto &bucket : std::as_const(m_summary.timeline)) {
        if (bucket.ttft.count <= 0)
            continue; // no request of this bucket completed: no percentile to show
        const double x = (bucket.startS + midS) / unitS;
        p50->append(x, bucket.ttft.p50Ms);
        p99->append(x, bucket.ttft.p99Ms);
        low = std::min(low, bucket.ttft.p50Ms);
        high = std::max(high, bucket.ttft.p99Ms);
    }
    const double sla = m_summary.slaTtftP99Ms;
    const bool slaInView = sla > 0 && sla <= high * kSlaOffScale;
    if (slaInView)
        high = std::max(high, sla);
    low = std::max(0.1, low);
    c->addSeries(p50);
    c->addSeries(p99);
    if (sla > 0) {
        QLineSeries *target = line(slaInView ? tr("SLA target %1 ms").arg(sla, 0, 'f', 0)
                                             : tr("SLA target %1 ms (far above)").arg(sla, 0, 'f', 0),
                                   kSlaColor, 1.5, Qt::DashLine);
        if (slaInView) {
            target->append(time->min(), sla);
            target->append(time->max(), sla);
        }
        c->addSeries(target);
    }
    QAbstractAxis *value = nullptr;
    if (high / low > kLogAxisSpread) {
        auto *log = new QLogValueAxis;
        log->setBase(10);
        log->setRange(std::pow(10.0, std::floor(std::log10(low))), std::pow(10.0, std::ceil(std::log10(high))));
        log->setLabelFormat(QStringLiteral("%g"));
        log->setTitleText(tr("TTFT (ms, log scale)"));
        log->setMinorTickCount(-1);
        value = log;
    } else {
        auto *linear = new QValueAxis;
        linear->setRange(0, high * 1.1);
        linear->applyNiceNumbers();
        linear->setLabelFormat(QStringLiteral("%.0f"));
        linear->setTitleText(tr("TTFT (ms)"));
        value = linear;
    }
    c->addAxis(value, Qt::AlignLeft);
    for (QAbstractSeries *series : c->series()) {
        series->attachAxis(time);
        series->attachAxis(value);
    }
}

void ResultsTimelineChart::buildRequests(QChart *c, QValueAxis *time)
{
    const double unitS = m_timeUnitS;
    const double bucketS = m_summary.bucketS > 0 ? m_summary.bucketS : 1.0;
    const double midS = bucketS / 2;
    // Completions usually track arrivals: a wide pale line under a thin dashed one keeps both visible.
    QColor arrivedColor = kSeriesColors[0];
    arrivedColor.setAlphaF(0.55);
    auto *arrived = line(tr("Arrived"), arrivedColor, 4.0);
    auto *completed = line(tr("Completed (by arrival time)"), kSeriesColors[2], 1.5, Qt::DashLine);
    auto *shed = line(tr("Shed"), kSlaColor, 2.0);
    double high = 0.0;
    bool anyShed = false;
    for (const auto &bucket : std::as_const(m_summary.timeline)) {
        if (bucket.arrived <= 0 && bucket.completed <= 0)
            continue;
        const double x = (bucket.startS + midS) / unitS;
        arrived->append(x, bucket.arrived / bucketS);
        completed->append(x, bucket.completed / bucketS);
        shed->append(x, bucket.shed / bucketS);
        anyShed = anyShed || bucket.shed > 0;
        high = std::max({high, bucket.arrived / bucketS, bucket.completed / bucketS});
    }
    c->addSeries(arrived);
    c->addSeries(completed);
    if (anyShed)
        c->addSeries(shed);
    else
        delete shed;
    auto *rate = new QValueAxis;
    rate->setRange(0, std::max(1.0, high * 1.1));
    rate->applyNiceNumbers();
    rate->setLabelFormat(QStringLiteral("%.0f"));
    rate->setTitleText(tr("Requests/s"));
    c->addAxis(rate, Qt::AlignLeft);
    for (QAbstractSeries *series : c->series()) {
        series->attachAxis(time);
        series->attachAxis(rate);
    }
}

void ResultsTimelineChart::buildUtilization(QChart *c, QValueAxis *time, bool batchSlots)
{
    const double unitS = m_timeUnitS;
    const double midS = m_summary.bucketS / 2;
    double high = 0.0;
    for (int p = 0; p < m_summary.pools.size(); ++p) {
        auto *series = line(m_summary.pools[p].id, kSeriesColors[p % kSeriesColors.size()], 2.0,
                            p < kSeriesColors.size() ? Qt::SolidLine : Qt::DashLine);
        for (const auto &bucket : std::as_const(m_summary.timeline)) {
            if (bucket.arrived <= 0 && bucket.completed <= 0)
                continue;
            const QList<double> &shares = batchSlots ? bucket.poolUtilization : bucket.poolComputeUtilization;
            const double share = p < shares.size() ? shares[p] : 0.0;
            series->append((bucket.startS + midS) / unitS, share * 100);
            high = std::max(high, share * 100);
        }
        c->addSeries(series);
    }
    auto *percent = new QValueAxis;
    // Either is a share of a capacity: 0-100 %, zoomed in when every pool stays low.
    percent->setRange(0, high > 50 ? 100 : std::max(5.0, high * 1.2));
    percent->applyNiceNumbers();
    percent->setLabelFormat(QStringLiteral("%.0f"));
    percent->setTitleText(batchSlots ? tr("Slots in use (%)") : tr("Compute in use (%)"));
    c->addAxis(percent, Qt::AlignLeft);
    for (QAbstractSeries *series : c->series()) {
        series->attachAxis(time);
        series->attachAxis(percent);
    }
    // Many pools would bury a figure's plot under a legend on top: it moves to the side.
    if (m_standalone && m_summary.pools.size() > 4)
        c->legend()->setAlignment(Qt::AlignRight);
}

QImage ResultsTimelineChart::render(Kind kind, const models::SimulationSummary &summary, QSize logicalSize,
                                    const QPalette &palette, double devicePixelRatio)
{
    ResultsTimelineChart view(kind);
    view.m_standalone = true;
    QFont titleFont = view.chart()->titleFont();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    view.chart()->setTitleFont(titleFont);
    view.setAttribute(Qt::WA_DontShowOnScreen);
    view.setPalette(palette);
    view.setFrameShape(QFrame::NoFrame);
    view.resize(logicalSize);
    view.setSummary(summary);
    view.chart()->resize(QSizeF(logicalSize));
    QImage image(logicalSize * devicePixelRatio, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(devicePixelRatio);
    image.fill(palette.color(QPalette::Base));
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    view.chart()->scene()->render(&painter, QRectF(QPointF(0, 0), QSizeF(logicalSize)), view.chart()->geometry());
    return image;
}

void ResultsTimelineChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        ChartStyle::apply(chart(), palette());
    QChartView::changeEvent(event);
}

} // namespace longitude::ui
