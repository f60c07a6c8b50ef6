#pragma once

#include <QObject>

class QAction;
class QActionGroup;
class QDockWidget;
class QMainWindow;
class QMenu;
class QToolBar;
class QUndoStack;

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
    QAction *resetLayout;
    QAction *about;
    QAction *appearanceSystem;
    QAction *appearanceLight;
    QAction *appearanceDark;

    QMenu *templatesMenu;
    QMenu *recentMenu;
    QMenu *panelsMenu;
    QToolBar *toolBar;

    /// Adds the dock's show/hide action to View > Panels with `shortcut` (e.g. Alt+1).
    void addPanel(QDockWidget *dock, const QKeySequence &shortcut);
};

} // namespace longitude::app
