#pragma once

#include <QDialog>

#include <expected>

class QLabel;
class QCheckBox;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace longitude::models {
class PolicyComparison;
}

namespace longitude::ui {

/// "Compare routing policies": the planner ticks policies (all of the engine's by default), runs
/// the current scenario under each, one after another, with progress and cancel, and reads them
/// side by side in the columns of docs/policies.md: hit rates, TTFT p50/p99, SLA attainment,
/// cross-region share, shed, egress and total cost. The table sorts by any column and exports
/// as CSV in the order shown.
///
/// The dialog asks for the comparison by signal (the scenario to run is the caller's, as it is
/// when the button is pressed) and shows what models::PolicyComparison reports.
class CompareDialog : public QDialog
{
    Q_OBJECT

public:
    explicit CompareDialog(models::PolicyComparison *comparison, QWidget *parent = nullptr);

    /// Policies offered, in order; all checked.
    void setPolicies(const QStringList &policies);
    QStringList checkedPolicies() const;
    void setChecked(const QStringList &policies);
    /// The scenario's name and seed, shown above the table.
    void setScenarioLabel(const QString &text);
    /// Shows a refusal or error in the status line.
    void showMessage(const QString &message);

    QTableView *table() const { return m_table; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QPushButton *runButton() const { return m_run; }
    QPushButton *cancelButton() const { return m_cancel; }
    QLabel *status() const { return m_status; }
    QProgressBar *progressBar() const { return m_progress; }

    /// Writes the table as CSV in the order shown (the policy and the compared columns).
    std::expected<void, QString> exportCsv(const QString &path) const;

signals:
    void runRequested(const QStringList &policies);

private:
    void exportWithDialog();
    void setRunning(bool running);
    QList<int> shownColumns() const;

    models::PolicyComparison *m_comparison;
    QWidget *m_policies;
    QList<QCheckBox *> m_boxes;
    QPushButton *m_run;
    QPushButton *m_cancel;
    QPushButton *m_export;
    QProgressBar *m_progress;
    QLabel *m_scenario;
    QLabel *m_status;
    QTableView *m_table;
    QSortFilterProxyModel *m_proxy;
};

} // namespace longitude::ui
