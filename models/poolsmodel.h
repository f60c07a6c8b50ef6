#pragma once

#include "models/idtablemodel.h"

namespace longitude::models {

/// The GPU pools as an editable table: region, GPU type, GPU count, model, tensor parallelism
/// and pricing. setData() checks what a cell alone can check (a positive integer, an existing
/// id) and pushes an EditPool command; combinations (TP must divide the count, the model needs a
/// profile for the GPU type at that TP, the model must fit) are the engine's diagnostics, shown on
/// the cell through the shared diagnostic roles.
class PoolsModel : public IdTableModel
{
    Q_OBJECT

public:
    enum Column { IdColumn, RegionColumn, GpuTypeColumn, GpuCountColumn, ModelColumn, TensorParallelColumn,
                  PricingColumn, ReplicasColumn, CostColumn, ColumnCount };

    explicit PoolsModel(ScenarioDocument *document, QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    /// Tensor-parallel degrees the model has profiles for on the GPU type, ascending; falls back
    /// to 1, 2, 4, 8 when there is none, so the editor still offers something.
    static QList<int> tensorParallelChoices(const engine::Scenario &scenario, const QString &modelId,
                                            const QString &gpuTypeId);

protected:
    QVariant cellData(int row, int column, int role) const override;
    QString fieldPointer(int row, int column) const override;
    QString rowPointer(int row) const override;
    QStringList currentIds() const override;

private:
    int scenarioIndex(int row) const;
};

} // namespace longitude::models
