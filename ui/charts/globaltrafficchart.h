#pragma once

#include <QChartView>
#include <QTimer>

namespace longitude::models {
class TrafficModel;
}

namespace longitude::ui {

/// All regions' traffic stacked by UTC hour: each region's local curve shifted by its UTC
/// offset, so the planner sees when the world peaks and how far that is from the sum of the
/// regional peaks (the gap SkyLB's global reservation exploits).
class GlobalTrafficChart : public QChartView
{
    Q_OBJECT

public:
    explicit GlobalTrafficChart(models::TrafficModel *model, QWidget *parent = nullptr);

    /// Highest stacked requests/s over the day, and the sum of the regions' own peaks.
    double globalPeakRps() const { return m_globalPeakRps; }
    double sumOfRegionalPeaksRps() const { return m_sumOfPeaksRps; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();

    models::TrafficModel *m_model; // outlives the chart (owned by the panel)
    QTimer m_rebuildTimer;
    double m_globalPeakRps = 0;
    double m_sumOfPeaksRps = 0;
};

} // namespace longitude::ui
