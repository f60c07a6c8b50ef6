#pragma once

#include "engine/planning/reservationplan.h"

#include <QWidget>

#include <optional>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace longitude::models {
class ReservationRunner;
class ReservationStrategyModel;
class ScenarioDocument;
}

namespace longitude::ui {

class ReservationChart;

/// SkyLB's reservation question for the open scenario (docs/planning.md): replicas per region and
/// UTC hour at a replica's simulated capacity, the region-local / global / on-demand costs and
/// the cheapest reserved/on-demand mix. The plan is computed on demand (a button: the sizing
/// search simulates for a second or two) by a models::ReservationRunner on a worker thread, and
/// marked stale as soon as the scenario is edited, so a planner never reads numbers for a
/// scenario that is no longer on screen as if they were current.
class ReservationPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ReservationPanel(models::ScenarioDocument *document, QWidget *parent = nullptr);

    /// Starts computing the plan of the document's scenario (refused while it has errors).
    bool compute();
    /// From compute() until the plan, a failure or a cancel arrives.
    bool isComputing() const { return m_computing; }
    /// True when the shown plan was computed for an earlier state of the scenario.
    bool isStale() const { return m_stale; }
    /// The plan shown, if any.
    const std::optional<engine::ReservationPlan> &plan() const { return m_plan; }

    models::ReservationRunner *runner() const { return m_runner; }
    models::ReservationStrategyModel *strategyModel() const { return m_strategies; }
    ReservationChart *chart() const { return m_chart; }
    QPushButton *computeButton() const { return m_compute; }
    QLabel *status() const { return m_status; }

signals:
    /// A plan arrived and is shown.
    void planShown();

private:
    void showPlan(const engine::ReservationPlan &plan);
    void showFailure(const QString &message);
    void setComputing(bool computing);
    void setStale(bool stale);

    models::ScenarioDocument *m_document;
    models::ReservationRunner *m_runner;
    models::ReservationStrategyModel *m_strategies;
    ReservationChart *m_chart;
    QTableView *m_table;
    QWidget *m_right = nullptr; ///< summary, table and notes beside the chart
    QPushButton *m_compute;
    QPushButton *m_cancel;
    QProgressBar *m_busy;
    QLabel *m_status;
    QLabel *m_summary;
    QLabel *m_notes;
    std::optional<engine::ReservationPlan> m_plan;
    bool m_stale = false;
    bool m_computing = false;
};

} // namespace longitude::ui
