#include "ui/panels/resultspanel.h"

#include "models/modelroles.h"
#include "models/reportformat.h"
#include "models/runhistory.h"
#include "ui/panels/resultscard.h"

#include <QButtonGroup>
#include <QEvent>
#include <QGraphicsOpacityEffect>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace longitude::ui {

namespace {

using models::ReportFormat;
using Status = models::ReportFormat::Status;

/// A cell that sorts by its number (ValueRole), not by its formatted text.
class NumberItem : public QTableWidgetItem
{
public:
    NumberItem(const QString &text, double value)
        : QTableWidgetItem(text)
    {
        setData(models::ValueRole, value);
        setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    }
    bool operator<(const QTableWidgetItem &other) const override
    {
        return data(models::ValueRole).toDouble() < other.data(models::ValueRole).toDouble();
    }
};

QTableWidget *makeTable(const QStringList &headers, QWidget *parent)
{
    auto *table = new QTableWidget(0, static_cast<int>(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setAlternatingRowColors(true);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // A stretched last column would push its numbers far from the others.
    table->horizontalHeader()->setStretchLastSection(false);
    // The scenario's order until the planner clicks a header.
    table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    return table;
}

QTableWidgetItem *textItem(const QString &text)
{
    return new QTableWidgetItem(text);
}

/// A bad value in the status colour, so a missed target reads at once in any table.
QTableWidgetItem *marked(QTableWidgetItem *item, bool bad)
{
    if (bad) {
        item->setForeground(ResultsCard::statusColor(Status::Bad));
        QFont font = item->font();
        font.setBold(true);
        item->setFont(font);
    }
    return item;
}

void fillRow(QTableWidget *table, int row, const QList<QTableWidgetItem *> &items)
{
    for (int column = 0; column < items.size(); ++column)
        table->setItem(row, column, items[column]);
}

} // namespace

ResultsPanel::ResultsPanel(QWidget *parent)
    : QWidget(parent)
    , m_run(new QPushButton(tr("Run simulation"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_compare(new QPushButton(tr("Compare policies…"), this))
    , m_export(new QPushButton(tr("Export report…"), this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_staleBanner(new QFrame(this))
    , m_tabs(new QTabWidget(this))
    , m_headline(makeTable({tr("Measure"), tr("Value"), tr("Target")}, this))
    , m_regions(makeTable({tr("Region"), tr("Arrived"), tr("Completed"), tr("Shed"), tr("Cross-region"), tr("TTFT p50"),
                           tr("TTFT p99"), tr("Within SLA"), tr("E2E p99"), tr("Hit rate*"), tr("Compute*"),
                           tr("Batch slots*"), tr("GPU cost*")},
                          this))
    , m_pools(makeTable({tr("Pool"), tr("Region"), tr("GPUs"), tr("Replicas"), tr("Requests"), tr("TTFT p50"), tr("TTFT p99"),
                         tr("Hit rate"), tr("Compute"), tr("Batch slots"), tr("Busy"), tr("GPU cost")},
                        this))
    , m_runs(new QTableView(this))
    , m_chartStack(new QStackedWidget(this))
{
    m_run->setObjectName(QStringLiteral("runSimulationButton"));
    m_cancel->setObjectName(QStringLiteral("cancelSimulationButton"));
    m_compare->setObjectName(QStringLiteral("comparePoliciesButton"));
    m_export->setObjectName(QStringLiteral("exportReportButton"));
    m_headline->setObjectName(QStringLiteral("resultsHeadline"));
    m_regions->setObjectName(QStringLiteral("resultsRegions"));
    m_pools->setObjectName(QStringLiteral("resultsPools"));
    m_runs->setObjectName(QStringLiteral("resultsRuns"));
    m_tabs->setObjectName(QStringLiteral("resultsTabs"));
    m_status->setObjectName(QStringLiteral("resultsStatus"));
    m_staleBanner->setObjectName(QStringLiteral("resultsStaleBanner"));
    m_progress->setRange(0, 1000);
    m_progress->setFormat(QStringLiteral("%p %"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_run->setToolTip(tr("Simulate the scenario as it is now (F5)"));
    m_compare->setToolTip(tr("Run this scenario under several routing policies and compare them"));
    m_export->setToolTip(tr("Write an HTML or PDF report of the scenario and its results for a review"));
    m_regions->setSortingEnabled(true);
    m_pools->setSortingEnabled(true);
    m_regions->horizontalHeaderItem(9)->setToolTip(tr("Prefix-cache token hit rate of the requests served in this region"));
    const QString computeTip = tr("Compute utilisation: the share of the GPUs' capacity in use (prefill time plus "
                                  "each decode step's share of a full batch's step); 100 % at saturation");
    const QString slotsTip = tr("Batch slots in use: running sequences as a share of replicas × maximum batch. "
                                "Reads low for decode-bound serving even near saturation");
    m_regions->horizontalHeaderItem(10)->setToolTip(computeTip + tr(", of this region's pools (weighted by GPUs)"));
    m_regions->horizontalHeaderItem(11)->setToolTip(slotsTip + tr(", of this region's pools"));
    m_regions->horizontalHeaderItem(12)->setToolTip(tr("GPU cost of this region's pools"));
    m_pools->horizontalHeaderItem(8)->setToolTip(computeTip);
    m_pools->horizontalHeaderItem(9)->setToolTip(slotsTip);
    m_pools->horizontalHeaderItem(10)->setToolTip(tr("Share of time a replica has at least one sequence running"));

    // The stale banner: a warning band with a way out.
    m_staleBanner->setFrameShape(QFrame::StyledPanel);
    m_staleBanner->setAutoFillBackground(true);
    QPalette warn = m_staleBanner->palette();
    warn.setColor(QPalette::Window, QColor(0xff, 0xf1, 0xb8));
    warn.setColor(QPalette::WindowText, QColor(0x3d, 0x2e, 0x00));
    m_staleBanner->setPalette(warn);
    auto *staleText = new QLabel(tr("<b>Stale:</b> the scenario changed after this run. These numbers describe the "
                                    "scenario as it was; run again to update them."),
                                 m_staleBanner);
    staleText->setWordWrap(true);
    auto *rerun = new QPushButton(tr("Run again"), m_staleBanner);
    rerun->setObjectName(QStringLiteral("rerunButton"));
    auto *bannerLayout = new QHBoxLayout(m_staleBanner);
    bannerLayout->setContentsMargins(8, 4, 8, 4);
    bannerLayout->addWidget(staleText, 1);
    bannerLayout->addWidget(rerun);
    m_staleBanner->hide();

    auto *controls = new QHBoxLayout;
    controls->addWidget(m_run);
    controls->addWidget(m_cancel);
    controls->addWidget(m_progress, 1);
    controls->addStretch();
    controls->addWidget(m_compare);
    controls->addWidget(m_export);

    m_runs->setSortingEnabled(true);
    m_runs->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_runs->setAlternatingRowColors(true);
    m_runs->verticalHeader()->hide();
    m_runs->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_runs->horizontalHeader()->setStretchLastSection(true);

    auto *regionsPage = new QWidget(this);
    auto *regionsLayout = new QVBoxLayout(regionsPage);
    regionsLayout->setContentsMargins(0, 0, 0, 0);
    regionsLayout->addWidget(m_regions, 1);
    auto *regionsNote = new QLabel(tr("Requests and latency by origin region (where clients are); * by serving region "
                                      "(where the replicas are)."),
                                   regionsPage);
    regionsNote->setWordWrap(true);
    regionsLayout->addWidget(regionsNote);

    m_tabs->addTab(createOverview(), tr("Overview"));
    m_tabs->addTab(regionsPage, tr("Regions"));
    m_tabs->addTab(m_pools, tr("Pools"));
    m_tabs->addTab(createCharts(), tr("Over time"));
    m_tabs->addTab(m_headline, tr("All measures"));
    m_tabs->addTab(m_runs, tr("Runs"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_status);
    layout->addWidget(m_staleBanner);
    layout->addWidget(m_tabs, 1);

    connect(m_run, &QPushButton::clicked, this, &ResultsPanel::runRequested);
    connect(rerun, &QPushButton::clicked, this, &ResultsPanel::runRequested);
    connect(m_cancel, &QPushButton::clicked, this, &ResultsPanel::cancelRequested);
    connect(m_compare, &QPushButton::clicked, this, &ResultsPanel::compareRequested);
    connect(m_export, &QPushButton::clicked, this, &ResultsPanel::exportReportRequested);
    setRunning(false);
    m_status->setText(tr("Run the simulation (F5) to see TTFT against the SLA, cost, and how each region and pool fares."));
}

QWidget *ResultsPanel::createOverview()
{
    struct CardSpec
    {
        const char *name;
        QString title;
    };
    const QList<CardSpec> specs{
        {"ttftCard", tr("TTFT p99")},          {"slaCard", tr("Within the TTFT target")},
        {"e2eCard", tr("End-to-end p99")},     {"requestsCard", tr("Requests completed")},
        {"crossRegionCard", tr("Served in another region")}, {"residencyCard", tr("Residency violations")},
        {"cacheCard", tr("Prefix-cache hit rate")},          {"utilizationCard", tr("Utilisation")},
        {"costCard", tr("Total cost")},        {"tokenCostCard", tr("Cost per million output tokens")},
    };
    auto *page = new QWidget;
    m_cardGrid = new QGridLayout(page);
    m_cardGrid->setSpacing(8);
    for (const CardSpec &spec : specs) {
        auto *card = new ResultsCard(spec.title, page);
        card->setObjectName(QString::fromLatin1(spec.name));
        m_cards << card;
    }
    layOutCards(5);
    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(page);
    // As many columns as fit: five in a wide bottom dock, two in a narrow side one.
    scroll->viewport()->installEventFilter(this);
    m_cardScroll = scroll;
    return scroll;
}

void ResultsPanel::layOutCards(int columns)
{
    if (columns == m_cardColumns)
        return;
    m_cardColumns = columns;
    for (ResultsCard *card : std::as_const(m_cards))
        m_cardGrid->removeWidget(card);
    for (int i = 0; i < m_cards.size(); ++i)
        m_cardGrid->addWidget(m_cards[i], i / columns, i % columns);
    for (int c = 0; c < 5; ++c)
        m_cardGrid->setColumnStretch(c, c < columns ? 1 : 0);
    m_cardGrid->setRowStretch(m_cardGrid->rowCount(), 1);
}

bool ResultsPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (m_cardScroll != nullptr && watched == m_cardScroll->viewport() && event->type() == QEvent::Resize) {
        constexpr int kCardWidthPx = 230;
        layOutCards(std::clamp(m_cardScroll->viewport()->width() / kCardWidthPx, 1, 5));
    }
    return QWidget::eventFilter(watched, event);
}

QWidget *ResultsPanel::createCharts()
{
    auto *page = new QWidget;
    auto *buttons = new QHBoxLayout;
    auto *group = new QButtonGroup(page);
    const QList<QPair<ResultsTimelineChart::Kind, QString>> kinds{
        {ResultsTimelineChart::Kind::Ttft, tr("TTFT")},
        {ResultsTimelineChart::Kind::Requests, tr("Arrivals and completions")},
        {ResultsTimelineChart::Kind::ComputeUtilization, tr("Compute per pool")},
        {ResultsTimelineChart::Kind::SlotUtilization, tr("Batch slots per pool")}};
    // One chart at a time, at the size of the tab: three side by side would not be legible in a dock.
    for (int i = 0; i < kinds.size(); ++i) {
        auto *chart = new ResultsTimelineChart(kinds[i].first, m_chartStack);
        chart->setObjectName(QStringLiteral("resultsChart%1").arg(i));
        m_chartStack->addWidget(chart);
        m_charts << chart;
        auto *button = new QToolButton(page);
        button->setText(kinds[i].second);
        button->setCheckable(true);
        button->setChecked(i == 0);
        button->setAutoRaise(true);
        group->addButton(button, i);
        buttons->addWidget(button);
    }
    buttons->addStretch();
    connect(group, &QButtonGroup::idClicked, m_chartStack, &QStackedWidget::setCurrentIndex);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(m_chartStack, 1);
    return page;
}

void ResultsPanel::setRunning(bool running)
{
    m_run->setVisible(!running);
    m_cancel->setVisible(running);
    m_progress->setVisible(running);
    if (running) {
        m_progress->setValue(0);
        m_status->setText(tr("Simulating…"));
        m_status->setStyleSheet({});
    }
}

bool ResultsPanel::isRunning() const
{
    return m_cancel->isVisibleTo(this);
}

void ResultsPanel::setProgress(double fraction)
{
    m_progress->setValue(static_cast<int>(std::clamp(fraction, 0.0, 1.0) * 1000));
}

double ResultsPanel::progress() const
{
    return m_progress->value() / 1000.0;
}

void ResultsPanel::showSummary(const models::SimulationSummary &s)
{
    setRunning(false);
    m_summary = s;
    m_status->setStyleSheet({});
    m_status->setText(tr("<b>%1</b> — %2 simulated%3 with <b>%4</b>, seed %5 (%6 s of computing).")
                          .arg(s.scenario.toHtmlEscaped(), ReportFormat::duration(s.simulatedS),
                               s.sampled ? tr(" (time-sampled hours)") : QString(), s.policy.toHtmlEscaped())
                          .arg(s.seed)
                          .arg(QLocale().toString(s.wallS, 'f', 2)));

    const QList<ReportFormat::Measure> measures = ReportFormat::measures(s);
    m_headline->setRowCount(static_cast<int>(measures.size()));
    for (int row = 0; row < measures.size(); ++row) {
        const ReportFormat::Measure &m = measures[row];
        auto *value = new QTableWidgetItem(m.value);
        value->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        if (m.status == Status::Bad || m.status == Status::Warning)
            value->setForeground(ResultsCard::statusColor(m.status));
        auto *target = new QTableWidgetItem(m.target);
        target->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        fillRow(m_headline, row, {textItem(m.name), value, target});
    }
    fillCards(s);
    fillTables(s);
    for (ResultsTimelineChart *chart : std::as_const(m_charts))
        chart->setSummary(s);
    setStale(false);
}

void ResultsPanel::fillCards(const models::SimulationSummary &s)
{
    const bool hasTarget = s.slaTtftP99Ms > 0;
    card(QStringLiteral("ttftCard"))
        ->setValue(ReportFormat::ms(s.ttft.p99Ms),
                   (hasTarget ? tr("target ≤ %1 · ").arg(ReportFormat::ms(s.slaTtftP99Ms)) : QString())
                       + tr("p50 %1").arg(ReportFormat::ms(s.ttft.p50Ms)),
                   hasTarget ? (s.slaMet() ? Status::Good : Status::Bad) : Status::Neutral);
    card(QStringLiteral("slaCard"))
        ->setValue(ReportFormat::percent(s.slaAttainment, 2),
                   hasTarget ? tr("of requests within %1").arg(ReportFormat::ms(s.slaTtftP99Ms)) : tr("no SLA target set"),
                   hasTarget && s.completed > 0 ? (s.slaAttainment >= 0.99 ? Status::Good : Status::Bad) : Status::Neutral);
    card(QStringLiteral("e2eCard"))
        ->setValue(ReportFormat::ms(s.e2e.p99Ms), tr("p50 %1 · TPOT p50 %2").arg(ReportFormat::ms(s.e2e.p50Ms), ReportFormat::ms(s.tpot.p50Ms)),
                   Status::Neutral);
    card(QStringLiteral("requestsCard"))
        ->setValue(ReportFormat::count(s.completed),
                   tr("of %1 arrived · %2 shed").arg(ReportFormat::count(s.arrived), ReportFormat::count(s.shed)),
                   s.shed > 0 ? Status::Warning : Status::Neutral);
    card(QStringLiteral("crossRegionCard"))
        ->setValue(ReportFormat::percent(s.crossRegionShare()), tr("%1 requests").arg(ReportFormat::count(s.crossRegion)),
                   Status::Neutral);
    card(QStringLiteral("residencyCard"))
        ->setValue(ReportFormat::count(s.residencyViolations),
                   s.residencyViolations > 0 ? tr("requests placed outside their zone") : tr("no request left its zone"),
                   s.residencyViolations > 0 ? Status::Bad : Status::Good);
    card(QStringLiteral("cacheCard"))
        ->setValue(ReportFormat::percent(s.cacheTokenHitRate), tr("of prompt tokens · %1 of requests hit")
                                                                   .arg(ReportFormat::percent(s.cacheRequestHitRate)),
                   Status::Neutral);
    // Compute, not batch slots, is how near the fleet is to saturation: a decode-bound fleet fills
    // a small share of its slots at full capacity.
    const auto busiest = std::max_element(s.pools.cbegin(), s.pools.cend(), [](const auto &a, const auto &b) {
        return a.computeUtilization < b.computeUtilization;
    });
    const QString slotShare = ReportFormat::percent(s.utilizationMean);
    card(QStringLiteral("utilizationCard"))
        ->setValue(ReportFormat::percent(s.computeUtilizationMean),
                   busiest != s.pools.cend()
                       ? tr("of compute · %1 of batch slots · busiest %2 at %3")
                             .arg(slotShare, busiest->id, ReportFormat::percent(busiest->computeUtilization))
                       : tr("of compute · %1 of batch slots").arg(slotShare),
                   Status::Neutral);
    card(QStringLiteral("costCard"))
        ->setValue(ReportFormat::usd(s.totalUsd()),
                   tr("GPU %1 + egress %2 for %3").arg(ReportFormat::usd(s.gpuUsd), ReportFormat::usd(s.egressUsd),
                                                       ReportFormat::duration(s.simulatedS)),
                   Status::Neutral);
    card(QStringLiteral("tokenCostCard"))
        ->setValue(ReportFormat::usd(s.usdPerMillionOutputTokens(), 3),
                   tr("%1 per million input tokens").arg(ReportFormat::usd(s.usdPerMillionInputTokens(), 3)), Status::Neutral);
}

void ResultsPanel::fillTables(const models::SimulationSummary &s)
{
    const auto over = [&s](double p99Ms) { return s.slaTtftP99Ms > 0 && p99Ms > s.slaTtftP99Ms; };
    // Sorting while rows are filled would move them under the loop.
    m_regions->setSortingEnabled(false);
    m_regions->setRowCount(static_cast<int>(s.regions.size()));
    for (int row = 0; row < s.regions.size(); ++row) {
        const auto &r = s.regions[row];
        double regionUsd = 0.0;
        for (const auto &pool : s.pools)
            regionUsd += pool.region == r.id ? pool.gpuUsd : 0.0;
        fillRow(m_regions, row,
                {textItem(r.id), new NumberItem(ReportFormat::count(r.arrived), r.arrived),
                 new NumberItem(ReportFormat::count(r.completed), r.completed),
                 marked(new NumberItem(ReportFormat::count(r.shed), r.shed), false),
                 new NumberItem(ReportFormat::count(r.crossRegion), r.crossRegion),
                 new NumberItem(ReportFormat::ms(r.ttft.p50Ms), r.ttft.p50Ms),
                 marked(new NumberItem(ReportFormat::ms(r.ttft.p99Ms), r.ttft.p99Ms), over(r.ttft.p99Ms)),
                 new NumberItem(ReportFormat::percent(r.slaAttainment, 2), r.slaAttainment),
                 new NumberItem(ReportFormat::ms(r.e2e.p99Ms), r.e2e.p99Ms),
                 new NumberItem(ReportFormat::percent(r.cacheTokenHitRate), r.cacheTokenHitRate),
                 new NumberItem(ReportFormat::percent(r.computeUtilization), r.computeUtilization),
                 new NumberItem(ReportFormat::percent(r.utilization), r.utilization),
                 new NumberItem(ReportFormat::usd(regionUsd), regionUsd)});
    }
    m_regions->setSortingEnabled(true);

    m_pools->setSortingEnabled(false);
    m_pools->setRowCount(static_cast<int>(s.pools.size()));
    for (int row = 0; row < s.pools.size(); ++row) {
        const auto &p = s.pools[row];
        fillRow(m_pools, row,
                {textItem(p.id), textItem(p.region), new NumberItem(QString::number(p.gpus), p.gpus),
                 new NumberItem(QString::number(p.replicas), p.replicas),
                 new NumberItem(ReportFormat::count(p.completed), p.completed),
                 new NumberItem(ReportFormat::ms(p.ttft.p50Ms), p.ttft.p50Ms),
                 marked(new NumberItem(ReportFormat::ms(p.ttft.p99Ms), p.ttft.p99Ms), over(p.ttft.p99Ms)),
                 new NumberItem(ReportFormat::percent(p.cacheTokenHitRate), p.cacheTokenHitRate),
                 new NumberItem(ReportFormat::percent(p.computeUtilization), p.computeUtilization),
                 new NumberItem(ReportFormat::percent(p.utilization), p.utilization),
                 new NumberItem(ReportFormat::percent(p.busyFraction), p.busyFraction),
                 new NumberItem(ReportFormat::usd(p.gpuUsd), p.gpuUsd)});
    }
    m_pools->setSortingEnabled(true);
}

void ResultsPanel::showFailure(const QString &message)
{
    setRunning(false);
    m_status->setText(tr("The simulation could not run: %1").arg(message.toHtmlEscaped()));
    m_status->setStyleSheet(QStringLiteral("color: #d73027;"));
}

void ResultsPanel::showCancelled()
{
    setRunning(false);
    m_status->setStyleSheet({});
    m_status->setText(m_summary ? tr("Simulation cancelled; the results below are from the previous run.")
                                : tr("Simulation cancelled."));
}

void ResultsPanel::setStale(bool stale)
{
    if (!m_summary)
        return;
    m_stale = stale;
    m_staleBanner->setVisible(stale);
    const QList<QWidget *> tables{m_headline, m_regions, m_pools};
    for (QWidget *widget : tables)
        widget->setEnabled(!stale);
    // Cards and charts paint their own colours, which a disabled palette does not grey: they fade.
    QList<QWidget *> faded{m_chartStack};
    for (ResultsCard *c : std::as_const(m_cards))
        faded << c;
    for (QWidget *widget : std::as_const(faded)) {
        widget->setEnabled(!stale);
        if (stale) {
            auto *effect = new QGraphicsOpacityEffect(widget);
            effect->setOpacity(0.45);
            widget->setGraphicsEffect(effect);
        } else {
            widget->setGraphicsEffect(nullptr);
        }
    }
}

void ResultsPanel::setRunHistory(QAbstractItemModel *history)
{
    auto *proxy = new QSortFilterProxyModel(m_runs);
    proxy->setSourceModel(history);
    proxy->setSortRole(models::ValueRole);
    if (QAbstractItemModel *old = m_runs->model(); old != nullptr && old->parent() == m_runs)
        old->deleteLater();
    m_runs->setModel(proxy);
    m_runs->sortByColumn(models::RunHistory::RunColumn, Qt::DescendingOrder);
}

void ResultsPanel::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(static_cast<int>(tab));
}

ResultsCard *ResultsPanel::card(const QString &objectName) const
{
    for (ResultsCard *c : m_cards) {
        if (c->objectName() == objectName)
            return c;
    }
    Q_ASSERT_X(false, "ResultsPanel::card", "unknown card");
    return nullptr;
}

ResultsTimelineChart *ResultsPanel::chart(ResultsTimelineChart::Kind kind) const
{
    for (ResultsTimelineChart *c : m_charts) {
        if (c->kind() == kind)
            return c;
    }
    return nullptr;
}

} // namespace longitude::ui
