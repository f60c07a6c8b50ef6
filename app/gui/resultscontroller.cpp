#include "app/gui/resultscontroller.h"

#include "app/gui/mainactions.h"
#include "engine/scenario/diagnostic.h"
#include "models/policycomparison.h"
#include "models/runhistory.h"
#include "models/scenariodocument.h"
#include "models/simulationrunner.h"
#include "ui/dialogs/comparedialog.h"
#include "ui/dialogs/reportexporter.h"
#include "ui/panels/resultspanel.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QUndoStack>

namespace longitude::app {

ResultsController::ResultsController(models::ScenarioDocument *document, ui::ResultsPanel *panel, MainActions *actions,
                                     QWidget *window)
    : QObject(window)
    , m_document(document)
    , m_panel(panel)
    , m_actions(actions)
    , m_window(window)
    , m_runner(new models::SimulationRunner(this))
    , m_history(new models::RunHistory(this))
    , m_comparison(new models::PolicyComparison(this))
{
    m_panel->setRunHistory(m_history);
    connectRunner();
}

ResultsController::~ResultsController() = default;

void ResultsController::connectRunner()
{
    connect(m_actions->runSimulation, &QAction::triggered, this, &ResultsController::runSimulation);
    connect(m_actions->comparePolicies, &QAction::triggered, this, &ResultsController::showComparison);
    connect(m_actions->exportReport, &QAction::triggered, this, &ResultsController::exportReportWithDialog);
    connect(m_panel, &ui::ResultsPanel::runRequested, this, &ResultsController::runSimulation);
    connect(m_panel, &ui::ResultsPanel::cancelRequested, this, &ResultsController::cancelSimulation);
    connect(m_panel, &ui::ResultsPanel::compareRequested, this, &ResultsController::showComparison);
    connect(m_panel, &ui::ResultsPanel::exportReportRequested, this, &ResultsController::exportReportWithDialog);

    connect(m_runner, &models::SimulationRunner::started, this, [this] {
        m_panel->setRunning(true);
        m_actions->runSimulation->setEnabled(false);
    });
    connect(m_runner, &models::SimulationRunner::progress, m_panel, &ui::ResultsPanel::setProgress);
    connect(m_runner, &models::SimulationRunner::finished, this, [this](const models::SimulationSummary &summary) {
        m_actions->runSimulation->setEnabled(true);
        m_shownScenario = m_pendingScenario;
        m_history->add(summary);
        m_panel->showSummary(summary);
        updateStale();
        emit dockRequested(QStringLiteral("resultsDock"));
    });
    connect(m_runner, &models::SimulationRunner::failed, this, [this](const QString &message) {
        m_actions->runSimulation->setEnabled(true);
        m_panel->showFailure(message);
    });
    connect(m_runner, &models::SimulationRunner::cancelled, this, [this] {
        m_actions->runSimulation->setEnabled(true);
        m_panel->showCancelled();
    });

    connect(m_comparison, &models::PolicyComparison::runFinished, m_history, &models::RunHistory::add);
    connect(m_comparison, &models::PolicyComparison::started, this,
            [this] { m_actions->comparePolicies->setText(tr("&Compare Routing Policies… (running)")); });
    const auto comparisonEnded = [this] { m_actions->comparePolicies->setText(tr("&Compare Routing Policies…")); };
    connect(m_comparison, &models::PolicyComparison::finished, this, comparisonEnded);
    connect(m_comparison, &models::PolicyComparison::cancelled, this, comparisonEnded);

    connect(m_document->undoStack(), &QUndoStack::indexChanged, this, &ResultsController::updateStale);
    connect(m_document, &models::ScenarioDocument::scenarioReset, this, &ResultsController::updateStale);
}

QString ResultsController::refusal() const
{
    if (engine::hasErrors(m_document->diagnostics()))
        return tr("the scenario has errors; fix the ones listed in Problems first.");
    return {};
}

bool ResultsController::runSimulation()
{
    if (const QString why = refusal(); !why.isEmpty()) {
        m_panel->showFailure(why);
        emit dockRequested(QStringLiteral("problemsDock"));
        return false;
    }
    if (m_panel->isRunning()) {
        emit statusMessage(tr("A simulation is already running."));
        return false;
    }
    emit dockRequested(QStringLiteral("resultsDock"));
    m_pendingScenario = m_document->scenario();
    return m_runner->start(*m_pendingScenario);
}

void ResultsController::cancelSimulation()
{
    m_runner->cancel();
}

bool ResultsController::resultsStale() const
{
    return m_shownScenario.has_value() && *m_shownScenario != m_document->scenario();
}

void ResultsController::updateStale()
{
    m_panel->setStale(resultsStale());
}

ui::CompareDialog *ResultsController::compareDialog()
{
    if (m_compareDialog.isNull()) {
        m_compareDialog = new ui::CompareDialog(m_comparison, m_window);
        connect(m_compareDialog, &ui::CompareDialog::runRequested, this, &ResultsController::comparePolicies);
    }
    return m_compareDialog;
}

void ResultsController::showComparison()
{
    ui::CompareDialog *dialog = compareDialog();
    const engine::Scenario &s = m_document->scenario();
    dialog->setScenarioLabel(tr("<b>%1</b> — seed %2, %3 s simulated per policy (Settings > Simulation)")
                                 .arg(QString::fromStdString(s.name).toHtmlEscaped())
                                 .arg(s.simulation.seed)
                                 .arg(s.simulation.durationS));
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

bool ResultsController::comparePolicies(const QStringList &policies)
{
    if (const QString why = refusal(); !why.isEmpty()) {
        compareDialog()->showMessage(tr("Cannot compare: %1").arg(why));
        emit dockRequested(QStringLiteral("problemsDock"));
        return false;
    }
    m_comparedScenario = m_document->scenario();
    return m_comparison->start(*m_comparedScenario, policies);
}

bool ResultsController::exportReport(const QString &path)
{
    ui::ReportExporter::Inputs inputs;
    inputs.document = m_document;
    inputs.result = m_panel->summary();
    inputs.resultStale = resultsStale();
    inputs.comparison = m_comparison->results()->summaries();
    inputs.comparisonStale = m_comparedScenario.has_value() && *m_comparedScenario != m_document->scenario();
    const auto written = ui::ReportExporter::write(path, inputs);
    if (!written) {
        if (m_interactive)
            QMessageBox::warning(m_window, tr("Export Report"), written.error());
        emit statusMessage(written.error());
        return false;
    }
    emit statusMessage(tr("Wrote the report %1").arg(QFileInfo(path).fileName()));
    return true;
}

void ResultsController::exportReportWithDialog()
{
    const QString html = tr("HTML report (*.html)");
    const QString pdf = tr("PDF report (*.pdf)");
    QString name = QString::fromStdString(m_document->scenario().name).simplified();
    name.replace(QLatin1Char(' '), QLatin1Char('-'));
    QString filter = html;
    QString path = QFileDialog::getSaveFileName(m_window, tr("Export Report"),
                                                (name.isEmpty() ? QStringLiteral("longitude") : name) + QStringLiteral("-report.html"),
                                                html + QStringLiteral(";;") + pdf, &filter);
    if (path.isEmpty())
        return;
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("html") && suffix != QLatin1String("htm") && suffix != QLatin1String("pdf"))
        path += filter == pdf ? QStringLiteral(".pdf") : QStringLiteral(".html");
    exportReport(path);
}

} // namespace longitude::app
