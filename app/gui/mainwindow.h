#pragma once

#include <QMainWindow>
#include <QString>

#include <memory>
#include <optional>

class QDockWidget;

namespace longitude::models {
class CatalogRepository;
class RecoveryStore;
class SimulationRunner;
class ScenarioDocument;
}

namespace longitude::ui {
class MapWidget;
class PointerTarget;
class PoolsPanel;
class ProblemsPanel;
class RegionsPanel;
class ResultsPanel;
class RttMatrixPanel;
class SettingsPanel;
class TrafficPanel;
class WorkloadsPanel;
}

namespace longitude::app {

class DocumentController;
class MainActions;
class RecentFiles;
class ResultsController;

/// The planner's workspace: the world map in the middle, the editors as docks around it, menus,
/// shortcuts, recent files, drag-and-drop, autosave and crash recovery. Composition and wiring
/// only: the document owns the data, panels edit it, DocumentController handles files.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    struct Options
    {
        bool interactive = true;    ///< modal dialogs allowed (false for screenshots and tests)
        bool restoreLayout = true;  ///< restore geometry and dock layout from QSettings
        bool autosave = true;       ///< write recovery copies of unsaved work
        QString recoveryFolder;     ///< empty: models::RecoveryStore::defaultFolder()
    };

    explicit MainWindow(const Options &options);
    ~MainWindow() override;

    models::ScenarioDocument *document() const { return m_document; }
    DocumentController *controller() const { return m_controller; }
    MainActions *actions() const { return m_actions; }
    ui::PoolsPanel *poolsPanel() const { return m_pools; }
    ui::RttMatrixPanel *rttPanel() const { return m_rtt; }
    ui::TrafficPanel *trafficPanel() const { return m_traffic; }
    ui::WorkloadsPanel *workloadsPanel() const { return m_workloads; }
    ui::SettingsPanel *settingsPanel() const { return m_settings; }
    ui::ProblemsPanel *problemsPanel() const { return m_problems; }
    ui::MapWidget *mapWidget() const { return m_map; }
    ui::ResultsPanel *resultsPanel() const { return m_results; }
    ResultsController *resultsController() const { return m_resultsController; }
    models::SimulationRunner *runner() const;
    /// Runs the simulation of the current scenario (refused while it has errors).
    bool runSimulation();
    /// The dock whose object name is `name` ("poolsDock", "rttDock", ...).
    QDockWidget *dock(const QString &name) const;

    /// Opens the panel that edits the field at `pointer` and focuses it. False if none does.
    bool revealPointer(const QString &pointer);
    /// Offers to restore work a crashed session left in the recovery folder (interactive only:
    /// otherwise the files stay for the next interactive start).
    void offerRecovery();
    /// Restores the recovery copy at `scenarioPath` (edited from `originalPath`) into the window's
    /// document, marked modified, and deletes the copy and its note `notePath`.
    bool restoreRecovery(const QString &scenarioPath, const QString &notePath, const QString &originalPath);
    QString recoveryFolder() const;
    /// Grabs the window as it is drawn now.
    QImage screenshot();

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    QDockWidget *addPanel(QWidget *panel, const QString &title, const QString &name, Qt::DockWidgetArea area,
                          const QKeySequence &shortcut);
    QWidget *createMapArea();
    /// "/pools/3" for pool `id` of list "pools" (or "regions"); empty when not found.
    QString pointerOf(const char *list, const QString &id) const;
    void createDocks();
    void connectActions();
    void connectSimulation();
    void applyDefaultLayout();
    void updateTitle();
    void showPreferences();
    void showAbout();

    Options m_options;
    models::ScenarioDocument *m_document;
    std::unique_ptr<models::CatalogRepository> m_catalog;
    RecentFiles *m_recentFiles;
    DocumentController *m_controller;
    MainActions *m_actions;
    models::RecoveryStore *m_recovery = nullptr;
    ui::MapWidget *m_map = nullptr;
    ui::PoolsPanel *m_pools = nullptr;
    ui::RttMatrixPanel *m_rtt = nullptr;
    ui::TrafficPanel *m_traffic = nullptr;
    ui::WorkloadsPanel *m_workloads = nullptr;
    ui::RegionsPanel *m_regions = nullptr;
    ui::SettingsPanel *m_settings = nullptr;
    ui::ProblemsPanel *m_problems = nullptr;
    ui::ResultsPanel *m_results = nullptr;
    ResultsController *m_resultsController = nullptr;
    QList<QPair<QDockWidget *, ui::PointerTarget *>> m_targets;
    QByteArray m_defaultState;
};

} // namespace longitude::app
