#pragma once

#include <QChartView>

class QLineSeries;
class QScatterSeries;
class QValueAxis;

namespace longitude::models {
class TrafficModel;
}

namespace longitude::ui {

/// One region's daily curve: 24 points in local time, each draggable up and down. A drag pushes
/// SetTrafficPoint commands through the document; the points of one drag merge into one undo
/// step. The y axis reads in multiples of the region's peak and, on the right, requests/s.
class TrafficCurveChart : public QChartView
{
    Q_OBJECT

public:
    explicit TrafficCurveChart(models::TrafficModel *model, QWidget *parent = nullptr);

    /// Shows the region of `row` in the traffic model (-1: none).
    void setRow(int row);
    int row() const { return m_row; }
    /// Where the point of local hour `hour` is drawn, in viewport coordinates (tests use it).
    QPoint pointPosition(int hour) const;

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    void updateRange();
    double valueAt(const QPoint &viewportPosition) const;

    models::TrafficModel *m_model; // outlives the chart (owned by the panel)
    int m_row = -1;
    int m_dragHour = -1;
    bool m_dragStarted = false;
    QLineSeries *m_line;
    QScatterSeries *m_points;
    QValueAxis *m_hours;
    QValueAxis *m_multiplier;
    QValueAxis *m_rps;
};

} // namespace longitude::ui
