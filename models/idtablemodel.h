#pragma once

#include "engine/scenario/scenario.h"

#include <QAbstractTableModel>
#include <QStringList>

namespace longitude::models {

class ScenarioDocument;

/// Base of the table models whose rows are scenario objects with ids (regions, pools, zones,
/// workloads, traffic rows). Rows are keyed by id, not by vector index, so that when the document
/// reports a change the model can turn it into precise row insertions and removals (views keep
/// their selection) and so that data() stays consistent inside begin/end notifications.
/// It also answers the roles shared by every model: the field's JSON pointer and the engine's
/// diagnostics for it (tooltip, severity, a tinted background).
class IdTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    explicit IdTableModel(ScenarioDocument *document, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const final;

    ScenarioDocument *document() const { return m_document; }
    QString idAt(int row) const;
    /// Row showing the object `id`, or -1.
    int rowOfId(const QString &id) const;
    /// The row and column whose field is at `pointer` (or below it), or an invalid index.
    QModelIndex indexOfPointer(const QString &pointer) const;

protected:
    /// The row's data for roles other than the shared ones; `row` is valid.
    virtual QVariant cellData(int row, int column, int role) const = 0;
    /// JSON pointer of the field shown in the cell ("/pools/3/gpuCount"); empty when none.
    virtual QString fieldPointer(int row, int column) const = 0;
    /// JSON pointer of the row's object ("/pools/3"); its own diagnostics show in column 0.
    virtual QString rowPointer(int row) const = 0;
    /// The ids the rows should show now, in order.
    virtual QStringList currentIds() const = 0;

    /// Brings the rows in line with currentIds(): removed and added ids become row removals and
    /// insertions, a reorder a reset; then every remaining cell is reported changed.
    void syncRows();
    /// Rebuilds every row (after the document's scenario was replaced).
    void resetRows();
    /// Reports every cell of `row` changed.
    void rowChanged(int row);

private:
    QStringList cellDiagnostics(int row, int column, int *worstSeverity) const;

    ScenarioDocument *m_document;
    QStringList m_ids;
};

} // namespace longitude::models
