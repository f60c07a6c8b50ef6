#pragma once

#include "models/simulationsummary.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace longitude::ui {

/// The outcome of a simulation run: the headline numbers against the SLA (TTFT percentiles,
/// attainment, cost), then one row per origin region and one per pool. It shows what
/// models::SimulationRunner reports and asks for runs by signal; it runs nothing itself.
class ResultsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ResultsPanel(QWidget *parent = nullptr);

    /// Whether runs can be started at all (the engine is in the build).
    void setRunAvailable(bool available, const QString &reason = {});
    void setRunning(bool running);
    void setProgress(double fraction);
    void showSummary(const models::SimulationSummary &summary);
    void showFailure(const QString &message);
    void showCancelled();
    /// Marks the shown results as stale (the scenario changed since the run).
    void setStale(bool stale);

    QTableWidget *headline() const { return m_headline; }
    QTableWidget *regions() const { return m_regions; }
    QTableWidget *pools() const { return m_pools; }
    QLabel *status() const { return m_status; }

signals:
    void runRequested();
    void cancelRequested();

private:
    QPushButton *m_run;
    QPushButton *m_cancel;
    QProgressBar *m_progress;
    QLabel *m_status;
    QTableWidget *m_headline;
    QTableWidget *m_regions;
    QTableWidget *m_pools;
    bool m_hasResults = false;
};

} // namespace longitude::ui
