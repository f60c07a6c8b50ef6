#include "ui/dialogs/reportexporter.h"

#include "models/reportcontent.h"
#include "models/reportwriter.h"
#include "models/scenariodocument.h"
#include "ui/charts/resultstimelinechart.h"
#include "ui/map/mapcanvas.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QPalette>
#include <QTemporaryDir>

namespace longitude::ui {

namespace {
// Figures are laid out 620 px wide (16.4 cm on A4): drawn at these sizes their text shrinks to
// about 70 % of the screen's, 6 to 7 pt in print; twice the pixels keep it sharp.
const QSize kMapSize(880, 480);
const QSize kChartSize(820, 340);
} // namespace

QPalette ReportExporter::printPalette()
{
    QPalette palette(QColor(0x1f, 0x23, 0x28), QColor(Qt::white));
    palette.setColor(QPalette::Base, Qt::white);
    palette.setColor(QPalette::Text, QColor(0x1f, 0x23, 0x28));
    return palette;
}

QImage ReportExporter::mapImage(models::ScenarioDocument *document, QSize logicalSize)
{
    // A canvas of its own, fitted to the scenario: the report does not depend on where the
    // planner left the map's zoom. Shown without a window so that it gets its size.
    MapCanvas canvas(document);
    canvas.setAttribute(Qt::WA_DontShowOnScreen);
    canvas.resize(logicalSize);
    canvas.show();
    canvas.fitScenario();
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("map.png"));
    if (!folder.isValid() || !canvas.exportPng(path, logicalSize, 2.0))
        return {};
    return QImage(path);
}

models::ReportContent ReportExporter::content(const Inputs &inputs)
{
    models::ReportContent content;
    content.result = inputs.result;
    content.resultStale = inputs.resultStale;
    content.comparison = inputs.comparison;
    content.comparisonStale = inputs.comparisonStale;
    content.version = QCoreApplication::applicationVersion();
    content.generatedUtc = QDateTime::currentDateTimeUtc();
    if (inputs.document != nullptr && !inputs.document->scenario().regions.empty())
        content.map = mapImage(inputs.document, kMapSize);
    if (inputs.result) {
        for (const auto kind : {ResultsTimelineChart::Kind::Ttft, ResultsTimelineChart::Kind::Requests,
                                ResultsTimelineChart::Kind::ComputeUtilization}) {
            content.charts << models::ReportContent::Figure{
                ResultsTimelineChart::title(kind), ResultsTimelineChart::render(kind, *inputs.result, kChartSize, printPalette())};
        }
    }
    return content;
}

std::expected<void, QString> ReportExporter::write(const QString &path, const Inputs &inputs)
{
    if (inputs.document == nullptr)
        return std::unexpected(QCoreApplication::translate("longitude::ui::ReportExporter", "%1: no scenario to report").arg(path));
    return models::ReportWriter(inputs.document, content(inputs)).write(path);
}

} // namespace longitude::ui
