#include "ui/charts/globaltrafficchart.h"

#include "models/scenariodocument.h"
#include "models/trafficmodel.h"
#include "models/zonesmodel.h"
#include "ui/charts/chartstyle.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QLegend>
#include <QStackedBarSeries>
#include <QValueAxis>

#include <algorithm>

namespace longitude::ui {

GlobalTrafficChart::GlobalTrafficChart(models::TrafficModel *model, QWidget *parent)
    : QChartView(parent)
    , m_model(model)
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(320, 220);
    setChart(new QChart);
    chart()->setMargins(QMargins(4, 4, 4, 4));
    chart()->legend()->setAlignment(Qt::AlignRight);

    // Rebuilding a bar chart is heavier than a point move: coalesce the bursts of a drag.
    m_rebuildTimer.setSingleShot(true);
    m_rebuildTimer.setInterval(60);
    connect(&m_rebuildTimer, &QTimer::timeout, this, &GlobalTrafficChart::rebuild);
    connect(model, &QAbstractItemModel::modelReset, &m_rebuildTimer, qOverload<>(&QTimer::start));
    connect(model, &QAbstractItemModel::rowsInserted, &m_rebuildTimer, qOverload<>(&QTimer::start));
    connect(model, &QAbstractItemModel::rowsRemoved, &m_rebuildTimer, qOverload<>(&QTimer::start));
    connect(model, &QAbstractItemModel::dataChanged, &m_rebuildTimer, qOverload<>(&QTimer::start));
    rebuild();
}

void GlobalTrafficChart::rebuild()
{
    QChart *c = chart();
    c->removeAllSeries();
    for (QAbstractAxis *axis : c->axes())
        c->removeAxis(axis);

    auto *series = new QStackedBarSeries;
    std::vector<double> totals(24, 0.0);
    m_sumOfPeaksRps = 0;
    const engine::Scenario &scenario = m_model->document()->scenario();
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (!m_model->hasTraffic(row))
            continue;
        auto *set = new QBarSet(m_model->idAt(row));
        double regionalPeak = 0;
        for (int hour = 0; hour < 24; ++hour) {
            const double rps = m_model->rpsAtUtcHour(row, hour);
            *set << rps;
            totals[static_cast<std::size_t>(hour)] += rps;
            regionalPeak = std::max(regionalPeak, rps);
        }
        m_sumOfPeaksRps += regionalPeak;
        const engine::Region *region = scenario.findRegion(m_model->idAt(row).toStdString());
        QColor color = region != nullptr ? models::ZonesModel::zoneColor(scenario, QString::fromStdString(region->zone))
                                         : QColor(Qt::gray);
        // Regions of one zone share its hue; alternate lightness so neighbours stay apart.
        color = (row % 2 == 0) ? color : color.lighter(135);
        set->setColor(color);
        set->setBorderColor(palette().color(QPalette::Base));
        series->append(set);
    }
    m_globalPeakRps = *std::max_element(totals.begin(), totals.end());
    series->setBarWidth(0.9);
    c->addSeries(series);

    auto *hours = new QBarCategoryAxis;
    QStringList categories;
    for (int hour = 0; hour < 24; ++hour)
        categories << (hour % 3 == 0 ? QStringLiteral("%1").arg(hour, 2, 10, QLatin1Char('0')) : QStringLiteral(" ").repeated(hour));
    hours->append(categories);
    hours->setTitleText(tr("UTC hour"));
    auto *rps = new QValueAxis;
    rps->setRange(0, std::max(1.0, m_globalPeakRps * 1.1));
    rps->applyNiceNumbers();
    rps->setLabelFormat(QStringLiteral("%.0f"));
    rps->setTitleText(tr("requests/s"));
    c->addAxis(hours, Qt::AlignBottom);
    c->addAxis(rps, Qt::AlignLeft);
    series->attachAxis(hours);
    series->attachAxis(rps);
    c->setTitle(tr("Global traffic by UTC hour: peak %1 req/s vs. %2 req/s summed regional peaks")
                    .arg(m_globalPeakRps, 0, 'f', 0)
                    .arg(m_sumOfPeaksRps, 0, 'f', 0));
    ChartStyle::apply(c, palette());
}

void GlobalTrafficChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        ChartStyle::apply(chart(), palette());
    QChartView::changeEvent(event);
}

} // namespace longitude::ui
