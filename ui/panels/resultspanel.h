#pragma once

#include "models/simulationsummary.h"
#include "ui/charts/resultstimelinechart.h"

#include <QWidget>

#include <optional>

class QAbstractItemModel;
class QFrame;
class QGridLayout;
class QLabel;
class QProgressBar;
class QPushButton;
class QScrollArea;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QTableWidget;

namespace longitude::ui {

class ResultsCard;

/// The outcome of a simulation run, laid out for the decision a planner makes with it: headline
/// cards against the SLA (TTFT, attainment, requests, residency, prefix cache, utilisation,
/// cost), tables per origin region and per pool, charts over simulated time, every measure, and
/// the session's run history. It shows what models::SimulationRunner reports and asks for runs,
/// comparisons and reports by signal; it runs nothing itself.
///
/// Results are a snapshot of the scenario as it was when it ran: after an edit the panel says so
/// in a banner and greys the numbers until the next run.
class ResultsPanel : public QWidget
{
    Q_OBJECT

public:
    enum class Tab { Overview, Regions, Pools, OverTime, Measures, Runs };

    explicit ResultsPanel(QWidget *parent = nullptr);

    void setRunning(bool running);
    void setProgress(double fraction);
    void showSummary(const models::SimulationSummary &summary);
    void showFailure(const QString &message);
    void showCancelled();
    /// Marks the shown results as stale (the scenario changed since the run).
    void setStale(bool stale);
    /// The session's runs, shown in the Runs tab (sorted through a proxy); not owned.
    void setRunHistory(QAbstractItemModel *history);
    void showTab(Tab tab);

    /// The run shown, if any.
    const std::optional<models::SimulationSummary> &summary() const { return m_summary; }
    bool isStale() const { return m_stale; }
    bool isRunning() const;
    double progress() const;

    QTableWidget *headline() const { return m_headline; }
    QTableWidget *regions() const { return m_regions; }
    QTableWidget *pools() const { return m_pools; }
    QTableView *runs() const { return m_runs; }
    QLabel *status() const { return m_status; }
    QFrame *staleBanner() const { return m_staleBanner; }
    /// The cards by object name ("ttftCard", "slaCard", "residencyCard", ...), in reading order.
    QList<ResultsCard *> cards() const { return m_cards; }
    ResultsCard *card(const QString &objectName) const;
    ResultsTimelineChart *chart(ResultsTimelineChart::Kind kind) const;

signals:
    void runRequested();
    void cancelRequested();
    void compareRequested();
    void exportReportRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *createOverview();
    void layOutCards(int columns);
    QWidget *createCharts();
    void fillCards(const models::SimulationSummary &summary);
    void fillTables(const models::SimulationSummary &summary);

    QPushButton *m_run;
    QPushButton *m_cancel;
    QPushButton *m_compare;
    QPushButton *m_export;
    QProgressBar *m_progress;
    QLabel *m_status;
    QFrame *m_staleBanner;
    QTabWidget *m_tabs;
    QList<ResultsCard *> m_cards;
    QGridLayout *m_cardGrid = nullptr;
    QScrollArea *m_cardScroll = nullptr;
    int m_cardColumns = 0;
    QTableWidget *m_headline;
    QTableWidget *m_regions;
    QTableWidget *m_pools;
    QTableView *m_runs;
    QStackedWidget *m_chartStack;
    QList<ResultsTimelineChart *> m_charts;
    std::optional<models::SimulationSummary> m_summary;
    bool m_stale = false;
};

} // namespace longitude::ui
