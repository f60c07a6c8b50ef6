#pragma once

#include "ui/widgets/pointertarget.h"

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QTabWidget;
class QTableView;

namespace longitude::models {
class ScenarioDocument;
class TrafficModel;
}

namespace longitude::ui {

class GlobalTrafficChart;
class TrafficCurveChart;

/// The traffic editor: regions with their peak and curve on the left; on the right the selected
/// region's 24 points in local time (drag them), a preset picker, a "from a trace" import, the
/// table of hourly values, and the stacked global view in UTC.
class TrafficPanel : public QWidget, public PointerTarget
{
    Q_OBJECT

public:
    explicit TrafficPanel(models::ScenarioDocument *document, QWidget *parent = nullptr);

    bool revealPointer(const QString &pointer) override;

    models::TrafficModel *model() const { return m_model; }
    QTableView *regionsView() const { return m_regions; }
    QTableView *hourlyView() const { return m_hourly; }
    TrafficCurveChart *curveChart() const { return m_curve; }
    GlobalTrafficChart *globalChart() const { return m_global; }
    QTabWidget *tabs() const { return m_tabs; }

    void selectRegion(const QString &regionId);
    /// Applies a trace's shape to the selected region (the "From a trace…" button, tests).
    bool applyTrace(const QString &path, double startHour, bool useTracePeak);

private:
    void showRow(int row);
    void importTrace();

    models::ScenarioDocument *m_document;
    models::TrafficModel *m_model;
    QTableView *m_regions;
    QTableView *m_hourly;
    TrafficCurveChart *m_curve;
    GlobalTrafficChart *m_global;
    QTabWidget *m_tabs;
    QComboBox *m_preset;
    QDoubleSpinBox *m_peak;
    bool m_updating = false;
};

} // namespace longitude::ui
