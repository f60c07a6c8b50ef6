#pragma once

#include <QWidget>

class QLabel;

namespace longitude::ui {

/// Where simulation results will show (latency percentiles, SLA attainment, cost, per-region and
/// per-pool tables). A placeholder until the engine's Simulation is on main and a
/// models::SimulationRunner feeds it result snapshots.
class ResultsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ResultsPanel(QWidget *parent = nullptr);

private:
    QLabel *m_message;
};

} // namespace longitude::ui
