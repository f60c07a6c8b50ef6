#include "ui/charts/trafficcurvechart.h"

#include "models/scenariodocument.h"
#include "models/trafficmodel.h"
#include "ui/charts/chartstyle.h"

#include <QLineSeries>
#include <QMouseEvent>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace longitude::ui {

namespace {

constexpr double kPickRadiusPx = 14.0;
constexpr double kMaxMultiplier = 10.0; // a sanity cap for a drag, far above any real curve

} // namespace

TrafficCurveChart::TrafficCurveChart(models::TrafficModel *model, QWidget *parent)
    : QChartView(parent)
    , m_model(model)
    , m_line(new QLineSeries)
    , m_points(new QScatterSeries)
    , m_hours(new QValueAxis)
    , m_multiplier(new QValueAxis)
    , m_rps(new QValueAxis)
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(320, 220);
    auto *chart = new QChart;
    chart->legend()->hide();
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->addSeries(m_line);
    chart->addSeries(m_points);
    m_points->setMarkerSize(10);
    m_points->setColor(QColor(0x1f, 0x77, 0xb4));
    m_line->setColor(QColor(0x1f, 0x77, 0xb4));

    m_hours->setRange(0, 23);
    // A tick every three hours from midnight, so labels fall on whole hours.
    m_hours->setTickType(QValueAxis::TicksDynamic);
    m_hours->setTickAnchor(0);
    m_hours->setTickInterval(3);
    m_hours->setLabelFormat(QStringLiteral("%02.0f:00"));
    m_hours->setTitleText(tr("local hour"));
    m_multiplier->setTitleText(tr("× peak"));
    m_multiplier->setLabelFormat(QStringLiteral("%.2f"));
    m_rps->setTitleText(tr("requests/s"));
    m_rps->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(m_hours, Qt::AlignBottom);
    chart->addAxis(m_multiplier, Qt::AlignLeft);
    chart->addAxis(m_rps, Qt::AlignRight);
    for (QAbstractSeries *series : {static_cast<QAbstractSeries *>(m_line), static_cast<QAbstractSeries *>(m_points)}) {
        series->attachAxis(m_hours);
        series->attachAxis(m_multiplier);
    }
    setChart(chart);
    ChartStyle::apply(chart, palette());
    setToolTip(tr("Drag a point up or down to change that hour's traffic"));

    connect(model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
        if (m_row >= topLeft.row() && m_row <= bottomRight.row())
            refresh();
    });
    connect(model, &QAbstractItemModel::modelReset, this, [this] { setRow(-1); });
    connect(model, &QAbstractItemModel::rowsRemoved, this, [this] {
        if (m_row >= m_model->rowCount())
            setRow(-1);
        else
            refresh();
    });
}

void TrafficCurveChart::setRow(int row)
{
    m_row = row;
    m_dragHour = -1;
    refresh();
}

void TrafficCurveChart::refresh()
{
    QList<QPointF> points;
    QString title = tr("No region selected");
    double peak = 0;
    if (m_row >= 0 && m_row < m_model->rowCount()) {
        const std::vector<double> curve = m_model->localCurve(m_row);
        for (int hour = 0; hour < 24; ++hour)
            points << QPointF(hour, curve[static_cast<std::size_t>(hour)]);
        peak = m_model->peakRps(m_row);
        title = m_model->hasTraffic(m_row)
                    ? tr("%1 — peak %2 requests/s, UTC%3%4")
                          .arg(m_model->idAt(m_row))
                          .arg(peak)
                          .arg(m_model->utcOffsetHours(m_row) >= 0 ? QStringLiteral("+") : QString())
                          .arg(m_model->utcOffsetHours(m_row))
                    : tr("%1 — no traffic yet: set a peak").arg(m_model->idAt(m_row));
    }
    m_line->replace(points);
    m_points->replace(points);
    chart()->setTitle(title);
    // Keep the scale still while dragging, so the point stays under the mouse.
    if (m_dragHour < 0)
        updateRange();
    m_rps->setRange(m_multiplier->min() * peak, m_multiplier->max() * peak);
}

void TrafficCurveChart::updateRange()
{
    double top = 1.0;
    for (const QPointF &point : m_points->points())
        top = std::max(top, point.y());
    m_multiplier->setRange(0, std::ceil(top * 1.15 * 10) / 10);
}

QPoint TrafficCurveChart::pointPosition(int hour) const
{
    const QList<QPointF> points = m_points->points();
    if (hour < 0 || hour >= points.size())
        return {};
    const QPointF inChart = chart()->mapToPosition(points.at(hour), m_points);
    return mapFromScene(chart()->mapToScene(inChart));
}

double TrafficCurveChart::valueAt(const QPoint &viewportPosition) const
{
    const QPointF inChart = chart()->mapFromScene(mapToScene(viewportPosition));
    return chart()->mapToValue(inChart, m_points).y();
}

void TrafficCurveChart::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || m_row < 0) {
        QChartView::mousePressEvent(event);
        return;
    }
    int nearest = -1;
    double best = kPickRadiusPx;
    for (int hour = 0; hour < m_points->count(); ++hour) {
        const QPointF delta = QPointF(pointPosition(hour)) - event->position();
        const double distance = std::hypot(delta.x(), delta.y());
        if (distance <= best) {
            best = distance;
            nearest = hour;
        }
    }
    m_dragHour = nearest;
    m_dragStarted = false;
    event->accept();
}

void TrafficCurveChart::mouseMoveEvent(QMouseEvent *event)
{
    if (m_dragHour < 0) {
        QChartView::mouseMoveEvent(event);
        return;
    }
    const double value = std::clamp(std::round(valueAt(event->position().toPoint()) * 100) / 100, 0.0, kMaxMultiplier);
    // Only a move that changed something starts the drag's undo step; later ones merge into it.
    if (m_model->document()->setTrafficPoint(m_model->idAt(m_row), m_dragHour, value, m_dragStarted))
        m_dragStarted = true;
    event->accept();
}

void TrafficCurveChart::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_dragHour >= 0) {
        m_dragHour = -1;
        refresh();
        event->accept();
        return;
    }
    QChartView::mouseReleaseEvent(event);
}

void TrafficCurveChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        ChartStyle::apply(chart(), palette());
    QChartView::changeEvent(event);
}

} // namespace longitude::ui
