#include "ui/panels/resultspanel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace longitude::ui {

namespace {

QTableWidget *makeTable(const QStringList &headers, QWidget *parent)
{
    auto *table = new QTableWidget(0, static_cast<int>(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

QString ms(double value)
{
    return QLocale().toString(value, 'f', value < 100 ? 1 : 0) + QStringLiteral(" ms");
}

QString percent(double share)
{
    return QLocale().toString(share * 100, 'f', 1) + QStringLiteral(" %");
}

QString count(double value)
{
    return QLocale().toString(value, 'f', 0);
}

QString usd(double value)
{
    return QStringLiteral("$") + QLocale().toString(value, 'f', 2);
}

QTableWidgetItem *cell(const QString &text, bool number = true)
{
    auto *item = new QTableWidgetItem(text);
    if (number)
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

} // namespace

ResultsPanel::ResultsPanel(QWidget *parent)
    : QWidget(parent)
    , m_run(new QPushButton(tr("Run simulation"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_headline(makeTable({tr("Measure"), tr("Value"), tr("Target")}, this))
    , m_regions(makeTable({tr("Region"), tr("Arrived"), tr("Completed"), tr("Shed"), tr("Cross-region"),
                           tr("TTFT p50"), tr("TTFT p99"), tr("Within SLA"), tr("Cache hits")},
                          this))
    , m_pools(makeTable({tr("Pool"), tr("Region"), tr("Replicas"), tr("GPUs"), tr("Completed"), tr("TTFT p99"),
                         tr("Utilisation"), tr("Busy"), tr("GPU cost")},
                        this))
{
    m_run->setObjectName(QStringLiteral("runSimulationButton"));
    m_cancel->setObjectName(QStringLiteral("cancelSimulationButton"));
    m_headline->setObjectName(QStringLiteral("resultsHeadline"));
    m_regions->setObjectName(QStringLiteral("resultsRegions"));
    m_pools->setObjectName(QStringLiteral("resultsPools"));
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_status->setWordWrap(true);

    auto *controls = new QHBoxLayout;
    controls->addWidget(m_run);
    controls->addWidget(m_cancel);
    controls->addWidget(m_progress, 1);
    auto *tables = new QSplitter(Qt::Horizontal, this);
    tables->addWidget(m_headline);
    auto *right = new QSplitter(Qt::Vertical, tables);
    right->addWidget(m_regions);
    right->addWidget(m_pools);
    tables->addWidget(right);
    tables->setStretchFactor(0, 2);
    tables->setStretchFactor(1, 5);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_status);
    layout->addWidget(tables, 1);

    connect(m_run, &QPushButton::clicked, this, &ResultsPanel::runRequested);
    connect(m_cancel, &QPushButton::clicked, this, &ResultsPanel::cancelRequested);
    setRunning(false);
    m_status->setText(tr("Run the simulation to see TTFT, SLA attainment and cost per region and per pool."));
}

void ResultsPanel::setRunAvailable(bool available, const QString &reason)
{
    m_run->setEnabled(available);
    if (!available)
        m_status->setText(reason);
}

void ResultsPanel::setRunning(bool running)
{
    m_run->setVisible(!running);
    m_cancel->setVisible(running);
    m_progress->setVisible(running);
    if (running) {
        m_progress->setValue(0);
        m_status->setText(tr("Simulating…"));
    }
}

void ResultsPanel::setProgress(double fraction)
{
    m_progress->setValue(static_cast<int>(std::clamp(fraction, 0.0, 1.0) * 1000));
}

void ResultsPanel::showSummary(const models::SimulationSummary &s)
{
    setRunning(false);
    m_hasResults = true;
    m_status->setText(tr("%1 — %2 s simulated%3 with %4, seed %5, in %6 s.")
                          .arg(s.scenario)
                          .arg(QLocale().toString(s.simulatedS, 'f', 0))
                          .arg(s.sampled ? tr(" (sampled hours)") : QString())
                          .arg(s.policy)
                          .arg(s.seed)
                          .arg(QLocale().toString(s.wallS, 'f', 2)));

    const QList<std::array<QString, 3>> rows{
        {tr("TTFT p50"), ms(s.ttft.p50Ms), {}},
        {tr("TTFT p90"), ms(s.ttft.p90Ms), {}},
        {tr("TTFT p99"), ms(s.ttft.p99Ms), s.slaTtftP99Ms > 0 ? ms(s.slaTtftP99Ms) : QString()},
        {tr("Requests within the TTFT target"), percent(s.slaAttainment), percent(0.99)},
        {tr("End-to-end p50"), ms(s.e2e.p50Ms), {}},
        {tr("End-to-end p99"), ms(s.e2e.p99Ms), {}},
        {tr("Time per output token p50"), ms(s.tpot.p50Ms), {}},
        {tr("Replica queue wait p99"), ms(s.queueWait.p99Ms), {}},
        {tr("Requests arrived"), count(s.arrived), {}},
        {tr("Completed"), count(s.completed), {}},
        {tr("Shed"), count(s.shed), {}},
        {tr("Served in another region"), percent(s.arrived > 0 ? s.crossRegion / s.arrived : 0.0), {}},
        {tr("Residency violations"), count(s.residencyViolations), QStringLiteral("0")},
        {tr("Prefix-cache token hits"), percent(s.cacheTokenHitRate), {}},
        {tr("Mean utilisation"), percent(s.utilizationMean), {}},
        {tr("GPU cost"), usd(s.gpuUsd), {}},
        {tr("Transfer cost"), usd(s.egressUsd), {}},
        {tr("Total cost"), usd(s.totalUsd()), {}},
    };
    m_headline->setRowCount(static_cast<int>(rows.size()));
    for (int row = 0; row < rows.size(); ++row) {
        m_headline->setItem(row, 0, cell(rows[row][0], false));
        m_headline->setItem(row, 1, cell(rows[row][1]));
        m_headline->setItem(row, 2, cell(rows[row][2]));
    }
    // A missed target reads at once.
    const bool ttftMissed = s.slaTtftP99Ms > 0 && s.ttft.p99Ms > s.slaTtftP99Ms;
    if (ttftMissed)
        m_headline->item(2, 1)->setForeground(QColor(0xd7, 0x30, 0x27));
    if (s.residencyViolations > 0)
        m_headline->item(12, 1)->setForeground(QColor(0xd7, 0x30, 0x27));

    m_regions->setRowCount(static_cast<int>(s.regions.size()));
    for (int row = 0; row < s.regions.size(); ++row) {
        const auto &r = s.regions[row];
        const QStringList values{r.id, count(r.arrived), count(r.completed), count(r.shed), count(r.crossRegion),
                                 ms(r.ttft.p50Ms), ms(r.ttft.p99Ms), percent(r.slaAttainment), percent(r.cacheTokenHitRate)};
        for (int column = 0; column < values.size(); ++column)
            m_regions->setItem(row, column, cell(values[column], column > 0));
    }
    m_pools->setRowCount(static_cast<int>(s.pools.size()));
    for (int row = 0; row < s.pools.size(); ++row) {
        const auto &p = s.pools[row];
        const QStringList values{p.id, p.region, QString::number(p.replicas), QString::number(p.gpus), count(p.completed),
                                 ms(p.ttft.p99Ms), percent(p.utilization), percent(p.busyFraction), usd(p.gpuUsd)};
        for (int column = 0; column < values.size(); ++column)
            m_pools->setItem(row, column, cell(values[column], column > 1));
    }
    setStale(false);
}

void ResultsPanel::showFailure(const QString &message)
{
    setRunning(false);
    m_status->setText(tr("The simulation could not run: %1").arg(message));
}

void ResultsPanel::showCancelled()
{
    setRunning(false);
    m_status->setText(tr("Simulation cancelled."));
}

void ResultsPanel::setStale(bool stale)
{
    if (!m_hasResults)
        return;
    for (QTableWidget *table : {m_headline, m_regions, m_pools})
        table->setEnabled(!stale);
    if (stale)
        m_status->setText(tr("The scenario changed since this run: run again to update the results."));
}

} // namespace longitude::ui
