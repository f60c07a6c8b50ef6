#pragma once

#include <QWidget>

namespace longitude::ui {

/// The legend of the RTT colour scale: a gradient bar with the stop values in milliseconds and a
/// note that pale italic cells are shortest paths, not direct links. Drawn from
/// models::RttMatrixModel::legendStops() so it always matches the cells.
class LatencyLegend : public QWidget
{
    Q_OBJECT

public:
    explicit LatencyLegend(QWidget *parent = nullptr);
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
};

} // namespace longitude::ui
