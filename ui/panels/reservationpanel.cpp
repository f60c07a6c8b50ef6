#include "ui/panels/reservationpanel.h"

#include "models/reservationrunner.h"
#include "models/reservationstrategymodel.h"
#include "models/scenariodocument.h"
#include "ui/charts/reservationchart.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>

namespace longitude::ui {

ReservationPanel::ReservationPanel(models::ScenarioDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_runner(new models::ReservationRunner(this))
    , m_strategies(new models::ReservationStrategyModel(this))
    , m_chart(new ReservationChart(this))
    , m_table(new QTableView(this))
    , m_compute(new QPushButton(tr("Compute"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_busy(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_notes(new QLabel(this))
{
    setObjectName(QStringLiteral("reservationPanel"));
    m_compute->setObjectName(QStringLiteral("reservationCompute"));
    m_compute->setToolTip(tr("Size one replica at the SLA by simulation, then plan reserved and on-demand GPUs"));
    m_cancel->setVisible(false);
    m_busy->setRange(0, 0); // indeterminate: the sizing search has no meaningful fraction done
    m_busy->setMaximumWidth(120);
    m_busy->setVisible(false);
    m_status->setWordWrap(true);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notes->setWordWrap(true);
    m_notes->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notes->setAlignment(Qt::AlignTop | Qt::AlignLeft);

    m_table->setModel(m_strategies);
    m_table->setObjectName(QStringLiteral("reservationTable"));
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->setWordWrap(false);
    m_table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_table->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_compute);
    bar->addWidget(m_cancel);
    bar->addWidget(m_busy);
    bar->addWidget(m_status, 1);

    // The notes can be long (sizing, RTT, residency): they scroll, the table never does.
    auto *notes = new QScrollArea(this);
    notes->setWidget(m_notes);
    notes->setWidgetResizable(true);
    notes->setFrameShape(QFrame::NoFrame);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_summary);
    rightLayout->addWidget(m_table);
    rightLayout->addWidget(notes, 1);
    m_right = right;

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_chart);
    split->addWidget(right);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(split, 1);
    m_status->setText(tr("Not computed yet."));

    connect(m_compute, &QPushButton::clicked, this, &ReservationPanel::compute);
    connect(m_cancel, &QPushButton::clicked, m_runner, &models::ReservationRunner::cancel);
    connect(m_runner, &models::ReservationRunner::finished, this, [this](const engine::ReservationPlan &plan) {
        setComputing(false);
        showPlan(plan);
    });
    connect(m_runner, &models::ReservationRunner::failed, this, [this](const QString &message) {
        setComputing(false);
        showFailure(message);
    });
    connect(m_runner, &models::ReservationRunner::cancelled, this, [this] {
        setComputing(false);
        m_status->setText(m_plan ? tr("Cancelled; the plan shown is the previous one.") : tr("Cancelled."));
    });
    // Any edit (and undo/redo), or another scenario, makes the shown plan stale.
    connect(m_document->undoStack(), &QUndoStack::indexChanged, this, [this] { setStale(m_plan.has_value()); });
    connect(m_document, &models::ScenarioDocument::scenarioReset, this, [this] { setStale(m_plan.has_value()); });
}

bool ReservationPanel::compute()
{
    if (engine::hasErrors(m_document->diagnostics())) {
        showFailure(tr("the scenario has errors; fix the ones listed in Problems first."));
        return false;
    }
    if (!m_runner->start(m_document->scenario()))
        return false;
    setComputing(true);
    m_status->setText(tr("Sizing one replica by simulation, then planning…"));
    return true;
}

void ReservationPanel::setComputing(bool computing)
{
    m_computing = computing;
    m_compute->setEnabled(!computing);
    m_cancel->setVisible(computing);
    m_busy->setVisible(computing);
}

void ReservationPanel::setStale(bool stale)
{
    m_stale = stale;
    m_chart->setStale(stale);
    m_table->setEnabled(!stale);
    if (stale)
        m_status->setText(tr("<b>Stale:</b> the scenario changed since this plan was computed. Press Compute."));
}

void ReservationPanel::showFailure(const QString &message)
{
    m_status->setText(tr("Could not plan: %1").arg(message.toHtmlEscaped()));
}

void ReservationPanel::showPlan(const engine::ReservationPlan &plan)
{
    m_plan = plan;
    m_strategies->setPlan(plan);
    m_chart->setPlan(plan, m_document->scenario());
    m_stale = false;
    m_table->setEnabled(true);

    const QLocale locale;
    const engine::ReservationDemand &d = plan.demand;
    const double local = static_cast<double>(d.localReplicaHours());
    QString budget = tr("TTFT p99 ≤ %1 ms").arg(locale.toString(plan.ttftBudgetMs, 'f', 0));
    if (plan.e2eBudgetMs > 0.0)
        budget += tr(", E2E p99 ≤ %1 ms").arg(locale.toString(plan.e2eBudgetMs, 'f', 0));
    QString sized = plan.sizing ? tr("%1 simulated probes").arg(plan.sizing->probes.size()) : tr("given");
    m_summary->setText(
        tr("Capacity <b>%1 req/s</b> per replica at %2 (%3)<br>"
           "SkyLB, replica-h/day: C<sub>local</sub> %4 · C<sub>agg</sub> %5 (%6 %) · C<sub>od</sub> %7<br>"
           "Per replica-hour (%8 × %9): reserved $%10, on-demand $%11")
            .arg(locale.toString(plan.capacityRps, 'f', 2), budget, sized)
            .arg(d.localReplicaHours())
            .arg(d.aggregateReplicaHours())
            .arg(locale.toString(local > 0.0 ? 100.0 * (d.aggregateReplicaHours() / local - 1.0) : 0.0, 'f', 1))
            .arg(locale.toString(d.onDemandReplicaHours(), 'f', 0))
            .arg(QString::fromStdString(plan.target.gpuType))
            .arg(plan.gpusPerReplica)
            .arg(locale.toString(plan.reservedUsdPerReplicaHour(), 'f', 2))
            .arg(locale.toString(plan.onDemandUsdPerReplicaHour(), 'f', 2)));
    // The whole table, always: five rows, every column wide enough for its numbers.
    m_table->resizeColumnsToContents();
    int width = 2 * m_table->frameWidth();
    for (int column = 0; column < m_strategies->columnCount(); ++column)
        width += column == 0 ? static_cast<QAbstractItemView *>(m_table)->sizeHintForColumn(0) + 12 : m_table->horizontalHeader()->sectionSize(column);
    m_right->setMinimumWidth(width);
    m_table->setFixedHeight(m_table->horizontalHeader()->height() + 2 * m_table->frameWidth()
                            + m_table->verticalHeader()->length());
    QStringList notes;
    for (const auto &note : plan.notes)
        notes << QStringLiteral("• ") + QString::fromStdString(note).toHtmlEscaped();
    m_notes->setText(notes.join(QStringLiteral("<br>")));
    const auto best = plan.cheapest();
    const auto baseline = plan.strategies().front();
    m_status->setText(tr("Cheapest: <b>%1</b>, $%2/day ($%3/month), %4 % below reserving each region's peak.")
                          .arg(QString::fromStdString(best.label).toHtmlEscaped())
                          .arg(locale.toString(best.usdPerDay, 'f', 0))
                          .arg(locale.toString(best.usdPerMonth(), 'f', 0))
                          .arg(locale.toString(baseline.usdPerDay > 0.0 ? 100.0 * (1.0 - best.usdPerDay / baseline.usdPerDay) : 0.0,
                                               'f', 1)));
    emit planShown();
}

} // namespace longitude::ui
