#pragma once

#include "models/simulationsummary.h"

#include <QDateTime>
#include <QImage>
#include <QList>
#include <QString>

#include <optional>

namespace longitude::models {

/// What a budget-review report shows beyond the scenario itself: the run's results, a policy
/// comparison, and the pictures the widgets layer rendered (the map, the time-series charts).
/// A plain value, so that the GUI and the headless `longitude --report` fill it the same way and
/// ReportWriter needs no widget.
struct ReportContent
{
    struct Figure
    {
        QString title;
        QImage image;
    };

    std::optional<SimulationSummary> result;
    bool resultStale = false;             ///< the scenario was edited after the run
    QList<SimulationSummary> comparison;  ///< one run per policy; empty when none was run
    bool comparisonStale = false;         ///< the scenario was edited after the comparison
    QImage map;                           ///< null: no map section
    QList<Figure> charts;
    QString version;                      ///< Longitude's version, for reproduction
    QDateTime generatedUtc;
};

} // namespace longitude::models
