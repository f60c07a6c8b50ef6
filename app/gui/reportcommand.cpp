#include "app/gui/reportcommand.h"

#include "engine/scenario/diagnostic.h"
#include "models/reportformat.h"
#include "models/scenariodocument.h"
#include "models/simulationrunner.h"
#include "ui/dialogs/reportexporter.h"

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QTextStream>

namespace longitude::app {

int ReportCommand::run(const QString &outPath, const QString &scenarioPath, QTextStream &out, QTextStream &err)
{
    const QString suffix = QFileInfo(outPath).suffix().toLower();
    if (suffix != QLatin1String("html") && suffix != QLatin1String("htm") && suffix != QLatin1String("pdf")) {
        err << "longitude: " << outPath << ": the report must end in .html or .pdf\n";
        return 2;
    }
    // Checked before simulating, so a typo in the folder does not cost a whole run.
    if (!QFileInfo(outPath).absoluteDir().exists()) {
        err << "longitude: " << outPath << ": the folder does not exist\n";
        return 2;
    }
    if (scenarioPath.isEmpty()) {
        err << "longitude: --report needs a scenario FILE\n";
        return 1;
    }
    models::ScenarioDocument document;
    const auto loaded = document.load(scenarioPath);
    if (!loaded) {
        err << "longitude: cannot open " << scenarioPath << ":\n";
        for (const engine::Diagnostic &diagnostic : loaded.error())
            err << "  " << QString::fromStdString(engine::formatDiagnostic(diagnostic)) << "\n";
        return 1;
    }
    const engine::Diagnostics diagnostics = document.diagnostics();
    if (engine::hasErrors(diagnostics)) {
        err << "longitude: " << scenarioPath << " has errors:\n";
        for (const engine::Diagnostic &diagnostic : diagnostics) {
            if (diagnostic.severity == engine::Severity::Error)
                err << "  " << QString::fromStdString(engine::formatDiagnostic(diagnostic)) << "\n";
        }
        return 1;
    }

    // The GUI's runner, so the report shows what the window would; this thread only waits in
    // an event loop for its result.
    models::SimulationRunner runner;
    QEventLoop loop;
    std::optional<models::SimulationSummary> summary;
    QString failure;
    QObject::connect(&runner, &models::SimulationRunner::finished, &loop, [&](const models::SimulationSummary &s) {
        summary = s;
        loop.quit();
    });
    QObject::connect(&runner, &models::SimulationRunner::failed, &loop, [&](const QString &message) {
        failure = message;
        loop.quit();
    });
    if (runner.start(document.scenario()))
        loop.exec();
    if (!summary) {
        err << "longitude: the simulation of " << scenarioPath << " failed: " << failure << "\n";
        return 3;
    }

    ui::ReportExporter::Inputs inputs;
    inputs.document = &document;
    inputs.result = summary;
    if (const auto written = ui::ReportExporter::write(outPath, inputs); !written) {
        err << "longitude: " << written.error() << "\n";
        return 2;
    }
    out << "longitude: wrote " << outPath << " (" << summary->policy << ", seed " << summary->seed << ", TTFT p99 "
        << models::ReportFormat::ms(summary->ttft.p99Ms) << ")\n";
    return 0;
}

} // namespace longitude::app
