#include "app/gui/mainwindow.h"

#include "app/gui/documentcontroller.h"
#include "app/gui/mainactions.h"
#include "app/gui/recentfiles.h"
#include "app/gui/resultscontroller.h"
#include "app/gui/theme.h"
#include "models/catalogrepository.h"
#include "models/recoverystore.h"
#include "models/rttmatrixmodel.h"
#include "models/scenariodocument.h"
#include "ui/dialogs/preferencesdialog.h"
#include "ui/map/mapcanvas.h"
#include "ui/map/mapcatalog.h"
#include "ui/map/mapwidget.h"
#include "ui/panels/poolspanel.h"
#include "ui/panels/problemspanel.h"
#include "ui/panels/regionspanel.h"
#include "ui/panels/reservationpanel.h"
#include "ui/panels/resultspanel.h"
#include "ui/panels/rttmatrixpanel.h"
#include "ui/panels/settingspanel.h"
#include "ui/panels/trafficpanel.h"
#include "ui/panels/workloadspanel.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>
#include <QUndoStack>
#include <QUndoView>

namespace longitude::app {

namespace {

// At most a minute of work is lost in a crash; frequent enough, rare enough not to be felt on a
// large scenario (a Longitude choice, 2026-11-26).
constexpr int kDefaultAutosaveS = 60;

} // namespace

MainWindow::MainWindow(const Options &options)
    : m_options(options)
    , m_document(new models::ScenarioDocument(this))
    , m_recentFiles(new RecentFiles(this))
    , m_controller(new DocumentController(m_document, m_recentFiles, this))
    , m_actions(new MainActions(this, m_document->undoStack()))
{
    setObjectName(QStringLiteral("mainWindow"));
    setAcceptDrops(true);
    setDockNestingEnabled(true);
    m_controller->setInteractive(options.interactive);

    if (auto catalog = models::CatalogRepository::load())
        m_catalog = std::make_unique<models::CatalogRepository>(std::move(*catalog));
    else
        statusBar()->showMessage(tr("The bundled catalogs could not be read: %1")
                                     .arg(QString::fromStdString(engine::formatDiagnostic(catalog.error().front()))));

    setCentralWidget(createMapArea());
    createDocks();
    connectActions();
    connectSimulation();
    applyDefaultLayout();
    m_defaultState = saveState();
    if (options.restoreLayout) {
        QSettings settings;
        restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
        restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    }
    if (options.autosave) {
        const QString folder = options.recoveryFolder.isEmpty() ? models::RecoveryStore::defaultFolder()
                                                                : options.recoveryFolder;
        const int interval = QSettings().value(QStringLiteral("autosaveIntervalS"), kDefaultAutosaveS).toInt();
        m_recovery = new models::RecoveryStore(m_document, folder, interval, this);
    }
    updateTitle();
}

MainWindow::~MainWindow() = default;

QWidget *MainWindow::createMapArea()
{
    m_map = new ui::MapWidget(m_document, this);
    m_map->setObjectName(QStringLiteral("mapWidget"));
    if (m_catalog)
        m_map->canvas()->setCatalog(ui::MapCatalog::fromRepository(*m_catalog));
    return m_map;
}

QString MainWindow::pointerOf(const char *list, const QString &id) const
{
    const engine::Scenario &s = m_document->scenario();
    const std::string key = id.toStdString();
    auto find = [&](const auto &items) {
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (items[i].id == key)
                return QStringLiteral("/%1/%2").arg(QLatin1String(list)).arg(i);
        }
        return QString();
    };
    return QLatin1String(list) == QLatin1String("pools") ? find(s.pools) : find(s.regions);
}

QDockWidget *MainWindow::addPanel(QWidget *panel, const QString &title, const QString &name, Qt::DockWidgetArea area,
                                  const QKeySequence &shortcut)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(name);
    dock->setWidget(panel);
    addDockWidget(area, dock);
    m_actions->addPanel(dock, shortcut);
    if (auto *target = dynamic_cast<ui::PointerTarget *>(panel))
        m_targets << qMakePair(dock, target);
    return dock;
}

void MainWindow::createDocks()
{
    m_pools = new ui::PoolsPanel(m_document, this);
    m_rtt = new ui::RttMatrixPanel(m_document, this);
    m_traffic = new ui::TrafficPanel(m_document, this);
    m_workloads = new ui::WorkloadsPanel(m_document, this);
    m_regions = new ui::RegionsPanel(m_document, this);
    m_settings = new ui::SettingsPanel(m_document, this);
    m_problems = new ui::ProblemsPanel(m_document, this);
    m_results = new ui::ResultsPanel(this);
    auto *history = new QUndoView(m_document->undoStack(), this);
    history->setEmptyLabel(tr("<opened>"));
    history->setObjectName(QStringLiteral("historyView"));

    addPanel(m_pools, tr("GPU Pools"), QStringLiteral("poolsDock"), Qt::BottomDockWidgetArea, Qt::ALT | Qt::Key_1);
    addPanel(m_rtt, tr("RTT Matrix"), QStringLiteral("rttDock"), Qt::BottomDockWidgetArea, Qt::ALT | Qt::Key_2);
    addPanel(m_traffic, tr("Traffic"), QStringLiteral("trafficDock"), Qt::BottomDockWidgetArea, Qt::ALT | Qt::Key_3);
    addPanel(m_workloads, tr("Workloads"), QStringLiteral("workloadsDock"), Qt::BottomDockWidgetArea, Qt::ALT | Qt::Key_4);
    addPanel(m_regions, tr("Regions and Zones"), QStringLiteral("regionsDock"), Qt::BottomDockWidgetArea, Qt::ALT | Qt::Key_5);
    addPanel(m_results, tr("Results"), QStringLiteral("resultsDock"), Qt::BottomDockWidgetArea, Qt::ALT | Qt::Key_6);
    addPanel(m_settings, tr("Settings"), QStringLiteral("settingsDock"), Qt::RightDockWidgetArea, Qt::ALT | Qt::Key_7);
    addPanel(history, tr("History"), QStringLiteral("historyDock"), Qt::RightDockWidgetArea, Qt::ALT | Qt::Key_8);
    addPanel(m_problems, tr("Problems"), QStringLiteral("problemsDock"), Qt::RightDockWidgetArea, Qt::ALT | Qt::Key_9);
    auto *reservation = new ui::ReservationPanel(m_document, this);
    QDockWidget *reservationDock = addPanel(reservation, tr("Reservation"), QStringLiteral("reservationDock"), Qt::BottomDockWidgetArea, Qt::ALT | Qt::Key_0);
    connect(m_actions->planReservations, &QAction::triggered, reservation, [reservationDock, reservation] {
        reservationDock->show();
        reservationDock->raise();
        reservation->compute();
    });
}

void MainWindow::applyDefaultLayout()
{
    QDockWidget *pools = dock(QStringLiteral("poolsDock"));
    for (const char *name : {"rttDock", "trafficDock", "workloadsDock", "regionsDock", "resultsDock", "reservationDock"})
        tabifyDockWidget(pools, dock(QString::fromLatin1(name)));
    // Problems stays visible below the settings (docks added to one area stack vertically).
    tabifyDockWidget(dock(QStringLiteral("settingsDock")), dock(QStringLiteral("historyDock")));
    pools->raise();
    dock(QStringLiteral("settingsDock"))->raise();
    resize(1440, 920);
    resizeDocks({pools}, {380}, Qt::Vertical);
    resizeDocks({dock(QStringLiteral("settingsDock"))}, {470}, Qt::Horizontal);
    // Problems needs little room while there are none (one sentence); the settings use the rest.
    resizeDocks({dock(QStringLiteral("settingsDock")), dock(QStringLiteral("problemsDock"))}, {600, 130}, Qt::Vertical);
}

QDockWidget *MainWindow::dock(const QString &name) const
{
    return findChild<QDockWidget *>(name, Qt::FindDirectChildrenOnly);
}

void MainWindow::connectActions()
{
    MainActions *a = m_actions;
    connect(a->newScenario, &QAction::triggered, this, [this] { m_controller->newFromTemplate(DocumentController::defaultTemplate()); });
    for (const QString &path : DocumentController::templates()) {
        QAction *action = a->templatesMenu->addAction(QFileInfo(path).fileName().remove(QStringLiteral(".longitude.json")));
        connect(action, &QAction::triggered, this, [this, path] { m_controller->newFromTemplate(path); });
    }
    connect(a->open, &QAction::triggered, m_controller, &DocumentController::open);
    connect(a->save, &QAction::triggered, m_controller, &DocumentController::save);
    connect(a->saveAs, &QAction::triggered, m_controller, &DocumentController::saveAs);
    connect(a->quit, &QAction::triggered, this, &QWidget::close);
    connect(a->preferences, &QAction::triggered, this, &MainWindow::showPreferences);
    connect(a->about, &QAction::triggered, this, &MainWindow::showAbout);
    connect(a->resetLayout, &QAction::triggered, this, [this] { restoreState(m_defaultState); });
    connect(a->exportMap, &QAction::triggered, m_map, &ui::MapWidget::exportWithDialog);
    a->attachMap(m_map, m_document);
    connect(m_map->canvas(), &ui::MapCanvas::statusMessage, this, [this](const QString &message) {
        statusBar()->showMessage(message, 8000);
    });
    connect(m_map->canvas(), &ui::MapCanvas::editRegionRequested, this,
            [this](const QString &id) { revealPointer(pointerOf("regions", id) + QStringLiteral("/name")); });
    connect(m_map->canvas(), &ui::MapCanvas::editPoolRequested, this,
            [this](const QString &id) { revealPointer(pointerOf("pools", id) + QStringLiteral("/gpuCount")); });
    m_recentFiles->attachMenu(a->recentMenu);
    connect(m_recentFiles, &RecentFiles::openRequested, this, [this](const QString &path) {
        if (!m_controller->openFile(path) && !QFileInfo::exists(path))
            m_recentFiles->remove(path);
    });

    const Theme::Appearance appearance = Theme::current();
    a->appearanceSystem->setChecked(appearance == Theme::Appearance::System);
    a->appearanceLight->setChecked(appearance == Theme::Appearance::Light);
    a->appearanceDark->setChecked(appearance == Theme::Appearance::Dark);
    const QList<QPair<QAction *, Theme::Appearance>> appearances{{a->appearanceSystem, Theme::Appearance::System},
                                                                 {a->appearanceLight, Theme::Appearance::Light},
                                                                 {a->appearanceDark, Theme::Appearance::Dark}};
    for (const auto &[action, value] : appearances) {
        connect(action, &QAction::triggered, this, [value] {
            Theme::apply(value);
            Theme::saveToSettings(value);
        });
    }

    connect(m_document, &models::ScenarioDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document, &models::ScenarioDocument::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_document, &models::ScenarioDocument::settingsChanged, this, &MainWindow::updateTitle);
    connect(m_document, &models::ScenarioDocument::scenarioReset, this, &MainWindow::updateTitle);
    connect(m_controller, &DocumentController::statusMessage, this, [this](const QString &message) {
        statusBar()->showMessage(message, 8000);
    });
    connect(m_problems, &ui::ProblemsPanel::pointerActivated, this, &MainWindow::revealPointer);
    auto *problemsSummary = new QLabel(this);
    statusBar()->addPermanentWidget(problemsSummary);
    problemsSummary->setText(m_problems->summary());
    connect(m_problems, &ui::ProblemsPanel::summaryChanged, problemsSummary, &QLabel::setText);
    if (m_catalog)
        connect(m_rtt->fillFromCatalogAction(), &QAction::triggered, this, [this] {
            const int added = m_rtt->model()->fillMissingFromCatalog(*m_catalog);
            statusBar()->showMessage((added == 1 ? tr("Added 1 measured RTT from the catalog") : tr("Added %1 measured RTTs from the catalog").arg(added)), 8000);
        });
    m_rtt->fillFromCatalogAction()->setEnabled(m_catalog != nullptr);
    m_pools->setCatalog(m_catalog.get());
}

void MainWindow::connectSimulation()
{
    m_resultsController = new ResultsController(m_document, m_results, m_actions, this);
    m_resultsController->setInteractive(m_options.interactive);
    connect(m_resultsController, &ResultsController::dockRequested, this, [this](const QString &name) {
        if (QDockWidget *dockWidget = dock(name)) {
            dockWidget->show();
            dockWidget->raise();
        }
    });
    connect(m_resultsController, &ResultsController::statusMessage, this,
            [this](const QString &message) { statusBar()->showMessage(message, 8000); });
}

bool MainWindow::runSimulation()
{
    return m_resultsController->runSimulation();
}

models::SimulationRunner *MainWindow::runner() const
{
    return m_resultsController->runner();
}

bool MainWindow::revealPointer(const QString &pointer)
{
    for (const auto &[dockWidget, target] : m_targets) {
        if (target->revealPointer(pointer)) {
            dockWidget->show();
            dockWidget->raise();
            // Focus only sticks on a visible widget, and the click that activated the problem
            // is still being handled: focus the field once the dock is in front and it is done.
            QTimer::singleShot(0, this, [target, pointer] { target->revealPointer(pointer); });
            return true;
        }
    }
    statusBar()->showMessage(tr("No editor shows %1").arg(pointer), 5000);
    return false;
}

void MainWindow::updateTitle()
{
    const QString name = QString::fromStdString(m_document->scenario().name);
    const QString file = m_document->displayName();
    setWindowTitle((name.isEmpty() ? file : QStringLiteral("%1 (%2)").arg(name, file)) + QStringLiteral("[*] — Longitude"));
    setWindowModified(m_document->isModified());
}

QString MainWindow::recoveryFolder() const
{
    return m_options.recoveryFolder.isEmpty() ? models::RecoveryStore::defaultFolder() : m_options.recoveryFolder;
}

void MainWindow::offerRecovery()
{
    if (m_recovery == nullptr || !m_options.interactive)
        return;
    for (const auto &orphan : models::RecoveryStore::orphans(recoveryFolder())) {
        const QString name = orphan.displayName.isEmpty() ? tr("an untitled scenario") : orphan.displayName;
        const auto answer = QMessageBox::question(
            this, tr("Recover unsaved work"),
            tr("Longitude did not close properly. Restore the unsaved changes to %1 from %2?")
                .arg(name, QLocale().toString(orphan.savedAt.toLocalTime(), QLocale::ShortFormat)),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
        if (answer == QMessageBox::Yes) {
            restoreRecovery(orphan.scenarioPath, orphan.notePath, orphan.originalPath);
            return; // one document per window: older copies stay for the next start
        }
        models::RecoveryStore::discard(orphan);
    }
}

bool MainWindow::restoreRecovery(const QString &scenarioPath, const QString &notePath, const QString &originalPath)
{
    const auto restored = m_document->restore(scenarioPath, originalPath);
    if (!restored) {
        statusBar()->showMessage(QString::fromStdString(engine::formatDiagnostic(restored.error().front())), 8000);
        return false;
    }
    models::RecoveryStore::discard({scenarioPath, notePath, originalPath, {}, {}});
    if (m_recovery != nullptr)
        m_recovery->autosave(); // the restored work is this session's to protect now
    statusBar()->showMessage(tr("Restored unsaved changes to %1").arg(m_document->displayName()), 8000);
    return true;
}

QImage MainWindow::screenshot()
{
    return grab().toImage();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_controller->maybeSave()) {
        event->ignore();
        return;
    }
    if (m_options.restoreLayout) {
        QSettings settings;
        settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
        settings.setValue(QStringLiteral("window/state"), saveState());
    }
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.front().isLocalFile() && urls.front().toLocalFile().endsWith(QLatin1String(".json")))
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.isEmpty() || !urls.front().isLocalFile())
        return;
    event->acceptProposedAction();
    m_controller->openFile(urls.front().toLocalFile());
}

void MainWindow::showPreferences()
{
    ui::PreferencesDialog dialog(this);
    QSettings settings;
    dialog.setAppearance(Theme::current());
    dialog.setAutosaveIntervalS(settings.value(QStringLiteral("autosaveIntervalS"), kDefaultAutosaveS).toInt());
    if (dialog.exec() != QDialog::Accepted)
        return;
    Theme::apply(dialog.appearance());
    Theme::saveToSettings(dialog.appearance());
    settings.setValue(QStringLiteral("autosaveIntervalS"), dialog.autosaveIntervalS());
    if (m_recovery != nullptr)
        m_recovery->setIntervalS(dialog.autosaveIntervalS());
    m_actions->appearanceSystem->setChecked(dialog.appearance() == Theme::Appearance::System);
    m_actions->appearanceLight->setChecked(dialog.appearance() == Theme::Appearance::Light);
    m_actions->appearanceDark->setChecked(dialog.appearance() == Theme::Appearance::Dark);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Longitude"),
                       tr("<h3>Longitude %1</h3><p>A capacity planner for multi-region LLM serving: where to put GPUs, "
                          "how to route requests across regions, and what it costs to meet a latency SLA.</p>")
                           .arg(QApplication::applicationVersion()));
}

} // namespace longitude::app
