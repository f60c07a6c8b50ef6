#include "ui/charts/reservationchart.h"

#include "models/zonesmodel.h"
#include "ui/charts/chartstyle.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QEvent>
#include <QLegend>
#include <QLineSeries>
#include <QStackedBarSeries>
#include <QValueAxis>

#include <algorithm>

namespace longitude::ui {

namespace {

// Line colours chosen apart from the zone palette (Tableau 10, used by ZonesModel for zones):
// the window text colour for the two reservation levels, Tableau's green for the mix.
const QColor kMixColor(0x59, 0xa1, 0x4f);

QLineSeries *level(const QString &name, double value, const QPen &pen)
{
    auto *series = new QLineSeries;
    series->setName(name);
    // Categories sit at x = 0..23; the line spans the whole plot, edge to edge.
    series->append(-0.5, value);
    series->append(23.5, value);
    series->setPen(pen);
    return series;
}

} // namespace

ReservationChart::ReservationChart(QWidget *parent)
    : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(360, 240);
    setChart(new QChart);
    chart()->setMargins(QMargins(4, 4, 4, 4));
    chart()->legend()->setAlignment(Qt::AlignBottom);
    showMessage(tr("Press Compute to size the replicas and plan reservations"));
}

void ReservationChart::showMessage(const QString &message)
{
    QChart *c = chart();
    c->removeAllSeries();
    for (QAbstractAxis *axis : c->axes())
        c->removeAxis(axis);
    c->setTitle(message);
    m_sumOfPeaks = 0;
    m_globalPeak = 0;
    m_globalReserved = -1;
    restyle();
}

void ReservationChart::setPlan(const engine::ReservationPlan &plan, const engine::Scenario &scenario)
{
    QChart *c = chart();
    c->removeAllSeries();
    for (QAbstractAxis *axis : c->axes())
        c->removeAxis(axis);

    const engine::ReservationDemand &demand = plan.demand;
    auto *bars = new QStackedBarSeries;
    std::vector<int> zoneSeen;
    for (std::size_t r = 0; r < plan.regions.size(); ++r) {
        const auto &region = plan.regions[r];
        auto *set = new QBarSet(QStringLiteral("%1 (%2)")
                                    .arg(QString::fromStdString(region.id))
                                    .arg(region.utcOffsetHours >= 0 ? QStringLiteral("+%1").arg(region.utcOffsetHours)
                                                                    : QString::number(region.utcOffsetHours)));
        for (const int replicas : demand.replicas[r])
            *set << replicas;
        QColor color = models::ZonesModel::zoneColor(scenario, QString::fromStdString(region.zone));
        // Regions of one zone share its hue; alternate lightness so neighbours stay apart.
        const auto sameZone = std::count_if(plan.regions.begin(), plan.regions.begin() + static_cast<long>(r),
                                            [&](const auto &other) { return other.zone == region.zone; });
        if (sameZone % 2 == 1)
            color = color.lighter(140);
        set->setColor(color);
        bars->append(set);
    }
    bars->setBarWidth(0.9);
    c->addSeries(bars);

    m_sumOfPeaks = demand.sumOfRegionalPeaks();
    m_globalPeak = demand.globalPeak();
    m_globalReserved = plan.globalFeasible ? plan.globalMix.reservedReplicas : -1;
    const QColor text = palette().color(QPalette::WindowText);
    QList<QLineSeries *> lines;
    // Short legend entries: a long one is elided in a narrow dock. The table says the rest.
    lines << level(tr("Σ regional peaks %1").arg(m_sumOfPeaks), m_sumOfPeaks, QPen(text, 2.0, Qt::SolidLine));
    lines << level(tr("Global peak %1").arg(m_globalPeak), m_globalPeak, QPen(text, 2.0, Qt::DashLine));
    if (m_globalReserved >= 0)
        lines << level(tr("Best global reserve %1").arg(m_globalReserved), m_globalReserved, QPen(kMixColor, 2.5, Qt::DotLine));
    for (QLineSeries *line : std::as_const(lines))
        c->addSeries(line);

    auto *hours = new QBarCategoryAxis;
    QStringList categories;
    for (int hour = 0; hour < engine::ReservationDemand::kHours; ++hour)
        categories << (hour % 3 == 0 ? QStringLiteral("%1").arg(hour, 2, 10, QLatin1Char('0')) : QStringLiteral(" ").repeated(hour));
    hours->append(categories);
    hours->setTitleText(tr("UTC hour"));
    auto *replicas = new QValueAxis;
    replicas->setRange(0, std::max(1.0, m_sumOfPeaks * 1.15));
    replicas->applyNiceNumbers();
    replicas->setLabelFormat(QStringLiteral("%.0f"));
    replicas->setTitleText(tr("replicas (%1 GPUs each)").arg(plan.gpusPerReplica));
    c->addAxis(hours, Qt::AlignBottom);
    c->addAxis(replicas, Qt::AlignLeft);
    bars->attachAxis(hours);
    bars->attachAxis(replicas);
    for (QLineSeries *line : std::as_const(lines)) {
        line->attachAxis(hours);
        line->attachAxis(replicas);
    }
    c->setTitle(tr("Replicas needed per UTC hour, by region (%1 req/s per replica)").arg(plan.capacityRps, 0, 'f', 2));
    m_stale = false;
    restyle();
}

void ReservationChart::setStale(bool stale)
{
    m_stale = stale;
    restyle();
}

void ReservationChart::restyle()
{
    ChartStyle::apply(chart(), palette());
    const QColor base = palette().color(QPalette::Base);
    for (QAbstractSeries *series : chart()->series()) {
        if (auto *bars = qobject_cast<QStackedBarSeries *>(series)) {
            for (QBarSet *set : bars->barSets()) {
                set->setBorderColor(base);
                QColor color = set->color();
                color.setAlphaF(m_stale ? 0.35f : 1.0f);
                set->setColor(color);
            }
        } else if (auto *line = qobject_cast<QLineSeries *>(series)) {
            QPen pen = line->pen();
            // The reservation levels follow the text colour, so they stay visible in dark mode.
            if (pen.color() != kMixColor)
                pen.setColor(palette().color(QPalette::WindowText));
            line->setPen(pen);
        }
    }
}

void ReservationChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        restyle();
    QChartView::changeEvent(event);
}

} // namespace longitude::ui
