#pragma once

#include "models/idtablemodel.h"

#include <QColor>

namespace longitude::models {

/// Residency zones with their legend colour and how many regions they hold (zone list, map
/// legend, zone pickers). Name and colour are editable.
class ZonesModel : public IdTableModel
{
    Q_OBJECT

public:
    enum Column { IdColumn, NameColumn, ColorColumn, RegionCountColumn, ColumnCount };

    explicit ZonesModel(ScenarioDocument *document, QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    /// The colour a zone is drawn with: its own, else a fixed colour picked from its position,
    /// so that "automatic" zones still differ from each other and stay stable between runs.
    static QColor zoneColor(const engine::Scenario &scenario, const QString &zoneId);

protected:
    QVariant cellData(int row, int column, int role) const override;
    QString fieldPointer(int row, int column) const override;
    QString rowPointer(int row) const override;
    QStringList currentIds() const override;

private:
    int scenarioIndex(int row) const;
};

} // namespace longitude::models
