#pragma once

#include "engine/planning/reservationplan.h"
#include "engine/scenario/scenario.h"

#include <QChartView>

namespace longitude::ui {

/// Replicas needed per UTC hour, stacked by region, with the three levels SkyLB's argument turns
/// on drawn across the day: the sum of the regions' own peaks (what region-local reservations
/// hold, C_local / 24), the peak of the global sum (what one shared pool holds, C_agg / 24) and
/// the optimal global reservation (above it, on-demand). The gap between the first two lines is
/// the saving of a global pool; it exists so a planner sees where that gap comes from (peaks in
/// different hours) rather than only its size.
class ReservationChart : public QChartView
{
    Q_OBJECT

public:
    explicit ReservationChart(QWidget *parent = nullptr);

    /// Shows `plan`; `scenario` gives the zone colours of its regions.
    void setPlan(const engine::ReservationPlan &plan, const engine::Scenario &scenario);
    /// An empty chart with `message` as its title.
    void showMessage(const QString &message);
    /// Greys the bars while the plan no longer matches the scenario.
    void setStale(bool stale);

    int sumOfRegionalPeaks() const { return m_sumOfPeaks; }
    int globalPeak() const { return m_globalPeak; }
    int globalReserved() const { return m_globalReserved; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void restyle();

    int m_sumOfPeaks = 0;
    int m_globalPeak = 0;
    int m_globalReserved = -1; ///< -1 when the plan has no feasible global pool
    bool m_stale = false;
};

} // namespace longitude::ui
