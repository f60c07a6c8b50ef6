#include "ui/panels/resultspanel.h"

#include <QLabel>
#include <QVBoxLayout>

namespace longitude::ui {

ResultsPanel::ResultsPanel(QWidget *parent)
    : QWidget(parent)
    , m_message(new QLabel(this))
{
    m_message->setWordWrap(true);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setText(tr("Simulation results (TTFT and end-to-end percentiles, SLA attainment, GPU and "
                          "transfer cost, per region and per pool) will appear here once the simulation "
                          "engine is available in this build."));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
}

} // namespace longitude::ui
