#include "app/gui/mainactions.h"

#include "models/scenariodocument.h"
#include "ui/map/maptimebar.h"
#include "ui/map/mapwidget.h"

#include <QAction>
#include <QDateTime>
#include <QActionGroup>
#include <QDockWidget>
#include <QMainWindow>
#include <QMenuBar>
#include <QToolBar>
#include <QUndoStack>

namespace longitude::app {

MainActions::MainActions(QMainWindow *window, QUndoStack *undoStack)
    : QObject(window)
{
    auto make = [this](const QString &text, const QKeySequence &shortcut, const QString &name) {
        auto *action = new QAction(text, this);
        action->setShortcut(shortcut);
        action->setObjectName(name);
        return action;
    };
    newScenario = make(tr("&New"), QKeySequence::New, QStringLiteral("newAction"));
    newScenario->setStatusTip(tr("A new scenario from the default template"));
    open = make(tr("&Open…"), QKeySequence::Open, QStringLiteral("openAction"));
    save = make(tr("&Save"), QKeySequence::Save, QStringLiteral("saveAction"));
    saveAs = make(tr("Save &As…"), QKeySequence::SaveAs, QStringLiteral("saveAsAction"));
    exportMap = make(tr("&Export Map Image…"), QKeySequence(Qt::CTRL | Qt::Key_E), QStringLiteral("exportMapAction"));
    exportReport = make(tr("Export &Report…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R), QStringLiteral("exportReportAction"));
    exportReport->setStatusTip(tr("An HTML or PDF report of the scenario, its map, results and costs, for a review"));
    preferences = make(tr("&Preferences…"), QKeySequence::Preferences, QStringLiteral("preferencesAction"));
    if (preferences->shortcut().isEmpty())
        preferences->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    quit = make(tr("&Quit"), QKeySequence::Quit, QStringLiteral("quitAction"));
    quit->setMenuRole(QAction::QuitRole);

    undo = undoStack->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    redo = undoStack->createRedoAction(this, tr("&Redo"));
    // The platform's redo keys plus both common ones, whichever the platform theme omits.
    QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
    for (const QKeySequence &extra : {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)}) {
        if (!redoKeys.contains(extra))
            redoKeys << extra;
    }
    redo->setShortcuts(redoKeys);

    runSimulation = make(tr("&Run Simulation"), QKeySequence(Qt::Key_F5), QStringLiteral("runAction"));
    runSimulation->setStatusTip(tr("Simulate the scenario"));
    comparePolicies = make(tr("&Compare Routing Policies…"), QKeySequence(Qt::CTRL | Qt::Key_F5),
                           QStringLiteral("comparePoliciesAction"));
    comparePolicies->setStatusTip(tr("Run the scenario under several routing policies and compare them side by side"));
    planReservations = make(tr("Plan &Reservations"), QKeySequence(Qt::SHIFT | Qt::Key_F5), QStringLiteral("planReservationsAction"));
    planReservations->setStatusTip(tr("Size replicas at the SLA and compare reserved, global and on-demand GPU costs"));
    resetLayout = make(tr("Reset &Layout"), QKeySequence(), QStringLiteral("resetLayoutAction"));
    about = make(tr("&About Longitude"), QKeySequence(), QStringLiteral("aboutAction"));
    about->setMenuRole(QAction::AboutRole);

    showDayNight = make(tr("&Day and Night on the Map"), QKeySequence(), QStringLiteral("showDayNightAction"));
    showDayNight->setCheckable(true);
    showDayNight->setStatusTip(tr("Shade the night side of the Earth at the overlay time"));
    showLoad = make(tr("Regional &Load on the Map"), QKeySequence(), QStringLiteral("showLoadAction"));
    showLoad->setCheckable(true);
    showLoad->setStatusTip(tr("Show each region's requests per second at the overlay time"));
    simulateFromOverlayTime = make(tr("Simulate from the Overlay &Hour"), QKeySequence(), QStringLiteral("simulateFromHourAction"));
    simulateFromOverlayTime->setStatusTip(tr("Start the simulated time at the map's overlay hour (Settings > Simulation > Start)"));

    auto *appearance = new QActionGroup(this);
    appearanceSystem = make(tr("Follow the &System"), QKeySequence(), QStringLiteral("appearanceSystem"));
    appearanceLight = make(tr("&Light"), QKeySequence(), QStringLiteral("appearanceLight"));
    appearanceDark = make(tr("&Dark"), QKeySequence(), QStringLiteral("appearanceDark"));
    for (QAction *action : {appearanceSystem, appearanceLight, appearanceDark}) {
        action->setCheckable(true);
        appearance->addAction(action);
    }

    QMenuBar *bar = window->menuBar();
    QMenu *file = bar->addMenu(tr("&File"));
    file->addAction(newScenario);
    templatesMenu = file->addMenu(tr("New from &Template"));
    file->addAction(open);
    recentMenu = file->addMenu(tr("Open &Recent"));
    file->addSeparator();
    file->addAction(save);
    file->addAction(saveAs);
    file->addAction(exportMap);
    file->addAction(exportReport);
    file->addSeparator();
    file->addAction(preferences);
    file->addSeparator();
    file->addAction(quit);

    QMenu *edit = bar->addMenu(tr("&Edit"));
    edit->addAction(undo);
    edit->addAction(redo);

    QMenu *view = bar->addMenu(tr("&View"));
    panelsMenu = view->addMenu(tr("&Panels"));
    view->addSection(tr("Map"));
    view->addAction(showDayNight);
    view->addAction(showLoad);
    view->addSeparator();
    QMenu *appearanceMenu = view->addMenu(tr("&Appearance"));
    appearanceMenu->addActions(appearance->actions());
    view->addSeparator();
    view->addAction(resetLayout);

    QMenu *simulation = bar->addMenu(tr("&Simulation"));
    simulation->addAction(runSimulation);
    simulation->addAction(comparePolicies);
    simulation->addAction(simulateFromOverlayTime);
    simulation->addAction(planReservations);

    QMenu *help = bar->addMenu(tr("&Help"));
    help->addAction(about);

    toolBar = window->addToolBar(tr("Main"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolBar->addAction(newScenario);
    toolBar->addAction(open);
    toolBar->addAction(save);
    toolBar->addSeparator();
    toolBar->addAction(undo);
    toolBar->addAction(redo);
    toolBar->addSeparator();
    toolBar->addAction(runSimulation);
}

void MainActions::addPanel(QDockWidget *dock, const QKeySequence &shortcut)
{
    QAction *toggle = dock->toggleViewAction();
    toggle->setShortcut(shortcut);
    panelsMenu->addAction(toggle);
}

void MainActions::attachMap(ui::MapWidget *map, models::ScenarioDocument *document)
{
    // The menu entries and the map's tool bar buttons are two views of one switch.
    for (const auto &[menuAction, mapAction] : {std::pair{showDayNight, map->dayNightAction()}, std::pair{showLoad, map->loadAction()}}) {
        menuAction->setChecked(mapAction->isChecked());
        connect(menuAction, &QAction::toggled, mapAction, &QAction::setChecked);
        connect(mapAction, &QAction::toggled, menuAction, &QAction::setChecked);
    }
    ui::MapTimeBar *bar = map->timeBar();
    bar->setSimulateAction(simulateFromOverlayTime);
    auto label = [this, bar] {
        simulateFromOverlayTime->setText(tr("Simulate from %1").arg(bar->utc().toString(QStringLiteral("HH:mm 'UTC'"))));
    };
    label();
    connect(bar, &ui::MapTimeBar::utcChanged, this, label);
    connect(simulateFromOverlayTime, &QAction::triggered, document, [bar, document] {
        document->setSimulationStartHour(bar->utcHour());
    });
    auto span = [bar, document] {
        const auto &simulation = document->scenario().simulation;
        bar->setSimulatedSpan(simulation.startUtcHour, simulation.durationS);
    };
    span();
    connect(document, &models::ScenarioDocument::settingsChanged, bar, span);
    connect(document, &models::ScenarioDocument::scenarioReset, bar, span);
}

} // namespace longitude::app
