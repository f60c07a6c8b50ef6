#pragma once

#include "engine/scenario/scenario.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <optional>

class QWidget;

namespace longitude::models {
class PolicyComparison;
class RunHistory;
class ScenarioDocument;
class SimulationRunner;
struct SimulationSummary;
}

namespace longitude::ui {
class CompareDialog;
class ResultsPanel;
}

namespace longitude::app {

class MainActions;

/// The simulation side of the window, kept out of MainWindow so the window only composes: runs
/// (refused while the scenario has errors), the Results dock, the session's run history, the
/// policy comparison and its dialog, and File > Export Report. Results are value snapshots from
/// models::SimulationRunner; they are stale as soon as the scenario differs from the one that ran
/// (an undo back to it makes them current again).
class ResultsController : public QObject
{
    Q_OBJECT

public:
    ResultsController(models::ScenarioDocument *document, ui::ResultsPanel *panel, MainActions *actions, QWidget *window);
    ~ResultsController() override;

    models::SimulationRunner *runner() const { return m_runner; }
    models::RunHistory *history() const { return m_history; }
    models::PolicyComparison *comparison() const { return m_comparison; }
    /// The comparison dialog, created on first use.
    ui::CompareDialog *compareDialog();
    /// When false, errors are reported in the panel and by signal, never by a modal dialog.
    void setInteractive(bool interactive) { m_interactive = interactive; }

    /// Runs the current scenario; false (and a sentence in the panel) while it has errors.
    bool runSimulation();
    /// Stops the run at once (the runner reports cancelled()).
    void cancelSimulation();
    /// Opens the comparison dialog (its Run button compares the scenario as it is then).
    void showComparison();
    /// Compares the current scenario under `policies`; false while it has errors.
    bool comparePolicies(const QStringList &policies);
    /// Writes the report (HTML or PDF by suffix) of the scenario, the last run and comparison.
    bool exportReport(const QString &path);
    void exportReportWithDialog();
    /// Whether the shown results describe another scenario than the current one.
    bool resultsStale() const;

signals:
    /// Asks the window to show and raise a dock ("resultsDock", "problemsDock").
    void dockRequested(const QString &name);
    void statusMessage(const QString &message);

private:
    void connectRunner();
    void updateStale();
    /// Empty when the scenario can run, else why not.
    QString refusal() const;

    models::ScenarioDocument *m_document;
    ui::ResultsPanel *m_panel;
    MainActions *m_actions;
    QWidget *m_window;
    models::SimulationRunner *m_runner;
    models::RunHistory *m_history;
    models::PolicyComparison *m_comparison;
    QPointer<ui::CompareDialog> m_compareDialog;
    std::optional<engine::Scenario> m_pendingScenario; ///< what the run in progress simulates
    std::optional<engine::Scenario> m_shownScenario;   ///< what the shown results simulated
    std::optional<engine::Scenario> m_comparedScenario; ///< what the last comparison simulated
    bool m_interactive = true;
};

} // namespace longitude::app
