#pragma once

#include "models/idtablemodel.h"

namespace longitude::models {

/// The scenario's regions as a table (region list, pickers of the pool and traffic editors).
/// Editable cells push document commands: name, provider, coordinates, UTC offset, zone and
/// gateway latency.
class RegionsModel : public IdTableModel
{
    Q_OBJECT

public:
    enum Column { IdColumn, NameColumn, ZoneColumn, ProviderColumn, LonColumn, LatColumn,
                  UtcOffsetColumn, GatewayColumn, ColumnCount };

    explicit RegionsModel(ScenarioDocument *document, QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

protected:
    QVariant cellData(int row, int column, int role) const override;
    QString fieldPointer(int row, int column) const override;
    QString rowPointer(int row) const override;
    QStringList currentIds() const override;

private:
    int scenarioIndex(int row) const;
};

} // namespace longitude::models
