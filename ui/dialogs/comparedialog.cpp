#include "ui/dialogs/comparedialog.h"

#include "models/modelroles.h"
#include "models/policycomparison.h"
#include "models/runhistory.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QCheckBox>
#include <QGridLayout>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace longitude::ui {

CompareDialog::CompareDialog(models::PolicyComparison *comparison, QWidget *parent)
    : QDialog(parent)
    , m_comparison(comparison)
    , m_policies(new QWidget(this))
    , m_run(new QPushButton(tr("Run comparison"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_export(new QPushButton(tr("Export CSV…"), this))
    , m_progress(new QProgressBar(this))
    , m_scenario(new QLabel(this))
    , m_status(new QLabel(this))
    , m_table(new QTableView(this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("compareDialog"));
    setWindowTitle(tr("Compare Routing Policies"));
    m_run->setObjectName(QStringLiteral("runComparisonButton"));
    m_cancel->setObjectName(QStringLiteral("cancelComparisonButton"));
    m_export->setObjectName(QStringLiteral("exportCsvButton"));
    m_table->setObjectName(QStringLiteral("comparisonTable"));
    m_run->setDefault(true);
    m_progress->setRange(0, 1000);
    m_progress->setFormat(QStringLiteral("%p %"));
    m_status->setWordWrap(true);

    m_proxy->setSourceModel(comparison->results());
    m_proxy->setSortRole(models::ValueRole);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(models::RunHistory::RunColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    // Every row has the same scenario and seed: those columns would only repeat themselves.
    // The run number only repeats the policy order: the columns of docs/policies.md remain.
    for (const int column : {models::RunHistory::RunColumn, models::RunHistory::ScenarioColumn, models::RunHistory::SeedColumn})
        m_table->hideColumn(column);
    m_table->horizontalHeader()->setSectionsMovable(true);

    // The policies in rows of check boxes above the table, which keeps the whole width for it.
    m_policies->setObjectName(QStringLiteral("policyList"));
    auto *all = new QPushButton(tr("All"), this);
    auto *none = new QPushButton(tr("None"), this);
    auto *pick = new QHBoxLayout;
    pick->addWidget(new QLabel(tr("Policies to run:"), this));
    pick->addStretch();
    pick->addWidget(all);
    pick->addWidget(none);

    auto *note = new QLabel(tr("Click a column header to sort. TTFT p99 in red misses the SLA target. Shed: hover for "
                               "the reasons."),
                            this);
    note->setWordWrap(true);

    auto *controls = new QHBoxLayout;
    controls->addWidget(m_run);
    controls->addWidget(m_cancel);
    controls->addWidget(m_progress, 4);
    controls->addStretch(1);
    controls->addWidget(m_export);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(pick);
    layout->addWidget(m_policies);
    layout->addLayout(controls);
    layout->addWidget(m_status);
    layout->addWidget(m_scenario);
    layout->addWidget(m_table, 1);
    layout->addWidget(note);
    layout->addWidget(buttons);
    resize(1180, 620);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(all, &QPushButton::clicked, this, [this] { setChecked(checkedPolicies() + QStringList{QStringLiteral("*")}); });
    connect(none, &QPushButton::clicked, this, [this] { setChecked({}); });
    connect(m_run, &QPushButton::clicked, this, [this] {
        const QStringList policies = checkedPolicies();
        if (policies.isEmpty()) {
            showMessage(tr("Tick at least one policy."));
            return;
        }
        emit runRequested(policies);
    });
    connect(m_cancel, &QPushButton::clicked, comparison, &models::PolicyComparison::cancel);
    connect(m_export, &QPushButton::clicked, this, &CompareDialog::exportWithDialog);

    connect(comparison, &models::PolicyComparison::started, this, [this](int count) {
        setRunning(true);
        m_status->setText(tr("Running %n policies one after another…", nullptr, count));
    });
    connect(comparison, &models::PolicyComparison::progress, this, [this](double fraction, const QString &policy) {
        m_progress->setValue(static_cast<int>(std::clamp(fraction, 0.0, 1.0) * 1000));
        if (!policy.isEmpty()) {
            const int index = static_cast<int>(m_comparison->policies().indexOf(policy));
            m_status->setText(tr("Running %1 (%2 of %3)…").arg(policy).arg(index + 1).arg(m_comparison->policies().size()));
        }
    });
    connect(comparison, &models::PolicyComparison::finished, this, [this] {
        setRunning(false);
        const QStringList failures = m_comparison->failures();
        m_status->setText(failures.isEmpty() ? tr("Done: %n policies compared.", nullptr, m_comparison->results()->rowCount())
                                             : tr("Done, with failures: %1").arg(failures.join(QStringLiteral("; "))));
    });
    connect(comparison, &models::PolicyComparison::cancelled, this, [this] {
        setRunning(false);
        m_status->setText(tr("Cancelled: the table shows the policies that finished."));
    });
    setRunning(comparison->isRunning());
    setPolicies(models::PolicyComparison::builtinPolicies());
}

void CompareDialog::setPolicies(const QStringList &policies)
{
    qDeleteAll(m_boxes);
    m_boxes.clear();
    delete m_policies->layout();
    auto *grid = new QGridLayout(m_policies);
    grid->setContentsMargins(0, 0, 0, 0);
    constexpr int kColumns = 6;
    for (int i = 0; i < policies.size(); ++i) {
        auto *box = new QCheckBox(policies[i], m_policies);
        box->setChecked(true);
        grid->addWidget(box, i / kColumns, i % kColumns);
        m_boxes << box;
    }
}

QStringList CompareDialog::checkedPolicies() const
{
    QStringList checked;
    for (const QCheckBox *box : m_boxes) {
        if (box->isChecked())
            checked << box->text();
    }
    return checked;
}

void CompareDialog::setChecked(const QStringList &policies)
{
    const bool all = policies.contains(QStringLiteral("*"));
    for (QCheckBox *box : std::as_const(m_boxes))
        box->setChecked(all || policies.contains(box->text()));
}

void CompareDialog::setScenarioLabel(const QString &text)
{
    m_scenario->setText(text);
}

void CompareDialog::showMessage(const QString &message)
{
    m_status->setText(message);
}

void CompareDialog::setRunning(bool running)
{
    m_run->setEnabled(!running);
    m_cancel->setEnabled(running);
    m_policies->setEnabled(!running);
    m_progress->setVisible(running);
    if (running)
        m_progress->setValue(0);
}

QList<int> CompareDialog::shownColumns() const
{
    QList<int> columns;
    const QHeaderView *header = m_table->horizontalHeader();
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical))
            columns << logical;
    }
    return columns;
}

std::expected<void, QString> CompareDialog::exportCsv(const QString &path) const
{
    QList<int> rows;
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        rows << m_proxy->mapToSource(m_proxy->index(row, 0)).row();
    // Scenario and seed go in as well: a CSV leaves the dialog and must say what it compares.
    QList<int> columns = shownColumns();
    columns.removeAll(models::RunHistory::RunColumn);
    columns.prepend(models::RunHistory::SeedColumn);
    columns.prepend(models::RunHistory::ScenarioColumn);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return std::unexpected(tr("%1: cannot write: %2").arg(path, file.errorString()));
    file.write(m_comparison->results()->toCsv(rows, columns).toUtf8());
    if (!file.commit())
        return std::unexpected(tr("%1: cannot write: %2").arg(path, file.errorString()));
    return {};
}

void CompareDialog::exportWithDialog()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Comparison"), QStringLiteral("policy-comparison.csv"),
                                                      tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (const auto written = exportCsv(path); !written)
        QMessageBox::warning(this, tr("Export Comparison"), written.error());
    else
        m_status->setText(tr("Wrote %1").arg(path));
}

} // namespace longitude::ui
