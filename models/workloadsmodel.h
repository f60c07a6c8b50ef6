#pragma once

#include "models/idtablemodel.h"

namespace longitude::models {

/// Workload classes as a table (id, share, model, prompt and output lengths, shared prefixes,
/// residency share). Scalar cells are editable here; distributions are edited by the workload
/// form, which replaces the whole class through ScenarioDocument::editWorkload().
class WorkloadsModel : public IdTableModel
{
    Q_OBJECT

public:
    enum Column { IdColumn, ShareColumn, ModelColumn, PromptColumn, OutputColumn, PrefixGroupsColumn,
                  PrefixTokensColumn, ResidencyShareColumn, ColumnCount };

    explicit WorkloadsModel(ScenarioDocument *document, QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    /// A short description of a distribution, e.g. "uniform 100–2000" or "lognormal μ 6.2 σ 0.8".
    static QString describe(const engine::Distribution &distribution);

protected:
    QVariant cellData(int row, int column, int role) const override;
    QString fieldPointer(int row, int column) const override;
    QString rowPointer(int row) const override;
    QStringList currentIds() const override;

private:
    int scenarioIndex(int row) const;
};

} // namespace longitude::models
