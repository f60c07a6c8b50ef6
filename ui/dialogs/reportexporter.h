#pragma once

#include "models/simulationsummary.h"

#include <QImage>
#include <QList>
#include <QString>

#include <expected>
#include <optional>

namespace longitude::models {
class ScenarioDocument;
struct ReportContent;
}

namespace longitude::ui {

/// Gathers what the budget-review report needs from the widgets layer (the map and the
/// time-series charts rendered as images, light palette whatever the window uses, so the report
/// prints) and hands it to models::ReportWriter. The GUI's File > Export Report and the headless
/// `longitude --report` both go through here, so both write the same report.
class ReportExporter
{
public:
    struct Inputs
    {
        models::ScenarioDocument *document = nullptr; ///< not owned; must outlive the call
        std::optional<models::SimulationSummary> result;
        bool resultStale = false;
        QList<models::SimulationSummary> comparison;
        bool comparisonStale = false;
    };

    /// The report's content: results, comparison, the map fitted to the scenario's regions, the
    /// three time-series charts, the version (QCoreApplication::applicationVersion()) and now.
    static models::ReportContent content(const Inputs &inputs);
    /// Writes HTML or PDF by the suffix of `path`. The error names the file.
    static std::expected<void, QString> write(const QString &path, const Inputs &inputs);

    /// The scenario's map fitted to its regions, without hover or selection, at `logicalSize`.
    static QImage mapImage(models::ScenarioDocument *document, QSize logicalSize);
    /// The light palette the report's figures use.
    static QPalette printPalette();
};

} // namespace longitude::ui
