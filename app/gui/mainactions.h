#pragma once

#include <QObject>

class QAction;
class QActionGroup;
class QDockWidget;
class QMainWindow;
class QMenu;
class QToolBar;
class QUndoStack;

namespace longitude::models {
class ScenarioDocument;
}

namespace longitude::ui {
class MapWidget;
}

namespace longitude::app {

/// Every action of the main window with its text, shortcut and menu place, so that MainWindow
/// only connects them. Standard shortcuts come from QKeySequence::StandardKey, so each platform
/// gets its own.
class MainActions : public QObject
{
    Q_OBJECT

public:
    MainActions(QMainWindow *window, QUndoStack *undoStack);

    QAction *newScenario;
    QAction *open;
    QAction *save;
    QAction *saveAs;
    QAction *exportMap;
    QAction *exportReport;
    QAction *preferences;
    QAction *quit;
    QAction *undo;
    QAction *redo;
    QAction *runSimulation;
    QAction *comparePolicies;
    QAction *planReservations;
    QAction *resetLayout;
    QAction *about;
    QAction *appearanceSystem;
    QAction *appearanceLight;
    QAction *appearanceDark;
    QAction *showDayNight;           ///< View: the night side of the Earth on the map
    QAction *showLoad;               ///< View: each region's load at the overlay time
    QAction *simulateFromOverlayTime; ///< Simulation: start the run at the map's overlay hour

    QMenu *templatesMenu;
    QMenu *recentMenu;
    QMenu *panelsMenu;
    QToolBar *toolBar;

    /// Adds the dock's show/hide action to View > Panels with `shortcut` (e.g. Alt+1).
    void addPanel(QDockWidget *dock, const QKeySequence &shortcut);
    /// Ties the map's overlays to View, and "Simulate from this hour" to the map's time bar and
    /// to `document` (one undo step setting simulation.startUtcHour); the time bar shows the
    /// hours a run covers.
    void attachMap(ui::MapWidget *map, models::ScenarioDocument *document);
};

} // namespace longitude::app
