#pragma once

#include "models/simulationsummary.h"

#include <QChartView>

class QValueAxis;

namespace longitude::ui {

/// One of the run's charts over simulated time, drawn from the engine's per-bucket results
/// (simulation.bucketS): TTFT p50/p99 per bucket against the SLA target, arrivals and completions
/// per bucket as rates, or each pool's utilisation: of its compute capacity (the planner's measure:
/// 100 % at saturation) or of its batch slots. A planner sees *when* a plan fails (the
/// evening peak, an outage) where the headline numbers only say *that* it does.
///
/// Axes carry units; a TTFT spread over more than two decades switches to a log scale so that a
/// queue blow-up does not flatten the normal hours. The chart follows the palette (light, dark).
class ResultsTimelineChart : public QChartView
{
    Q_OBJECT

public:
    enum class Kind { Ttft, Requests, ComputeUtilization, SlotUtilization };

    explicit ResultsTimelineChart(Kind kind, QWidget *parent = nullptr);

    Kind kind() const { return m_kind; }
    /// Draws `summary`'s timeline (an empty chart with a note when it has none).
    void setSummary(const models::SimulationSummary &summary);
    void clear();
    /// Points drawn per series, in series order (tests check them against the summary).
    QList<QList<QPointF>> seriesPoints() const;

    /// Renders the chart of `summary` into an image of `logicalSize` × `devicePixelRatio` pixels
    /// with `palette`, without showing a window (the report's figures).
    static QImage render(Kind kind, const models::SimulationSummary &summary, QSize logicalSize, const QPalette &palette,
                         double devicePixelRatio = 2.0);
    /// The chart's title for `kind` (also the report's caption).
    static QString title(Kind kind);

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    void buildTtft(QChart *chart, QValueAxis *time);
    void buildRequests(QChart *chart, QValueAxis *time);
    /// One line per pool: compute utilisation, or the share of batch slots with `batchSlots`.
    void buildUtilization(QChart *chart, QValueAxis *time, bool batchSlots);

    Kind m_kind;
    models::SimulationSummary m_summary;
    bool m_hasSummary = false;
    double m_timeUnitS = 60.0; ///< seconds per unit of the time axis (minutes or hours)
    bool m_standalone = false; ///< a figure of its own (render()): title on top
};

} // namespace longitude::ui
