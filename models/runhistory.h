#pragma once

#include "models/simulationsummary.h"

#include <QAbstractTableModel>
#include <QList>

namespace longitude::models {

/// Simulation runs side by side, one row each: the session's run history (every run, with its
/// scenario, policy and seed) and a policy comparison (one row per policy) use the same table, so
/// a planner reads the same columns in both and in docs/policies.md: hit rates, TTFT p50/p99,
/// SLA attainment, cross-region share, shed requests, egress and total cost.
///
/// DisplayRole is formatted for reading (locale, units); ValueRole is the raw number (or text)
/// for sorting through a QSortFilterProxyModel; toCsv() writes raw numbers with a '.' decimal
/// point whatever the locale, so a spreadsheet reads them.
class RunHistory : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        RunColumn,
        ScenarioColumn,
        PolicyColumn,
        SeedColumn,
        TokenHitRateColumn,
        RequestHitRateColumn,
        TtftP50Column,
        TtftP99Column,
        SlaAttainmentColumn,
        CrossRegionColumn,
        ShedColumn,
        EgressUsdColumn,
        TotalUsdColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    explicit RunHistory(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Appends a run; it gets the next run number of this history (1, 2, ...).
    void add(const SimulationSummary &summary);
    void clear();
    /// The run of `row`, which must be valid.
    const SimulationSummary &summaryAt(int row) const { return m_runs.at(row).summary; }
    int runNumberAt(int row) const { return m_runs.at(row).number; }
    QList<SimulationSummary> summaries() const;

    /// The raw value of a cell (ValueRole): a double for numbers, a QString or the seed otherwise.
    static QVariant value(const SimulationSummary &summary, int runNumber, int column);
    /// A column's title with its unit ("TTFT p99 (ms)").
    static QString columnTitle(int column);

    /// CSV with a header line and one line per row of `rows` (all rows in order when empty),
    /// restricted to `columns` (all when empty). Numbers unformatted; text quoted when needed.
    QString toCsv(const QList<int> &rows = {}, const QList<int> &columns = {}) const;

private:
    struct Run
    {
        int number = 0;
        SimulationSummary summary;
    };
    QList<Run> m_runs;
    int m_lastNumber = 0;
};

} // namespace longitude::models
