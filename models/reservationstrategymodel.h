#pragma once

#include "engine/planning/reservationplan.h"

#include <QAbstractTableModel>

#include <vector>

namespace longitude::models {

/// The cost table of a reservation plan: one row per way of paying for the demand (region-local
/// reservation, global reservation, on-demand autoscaling, and the optimal reserved/on-demand
/// mixes), with reserved replicas, on-demand replica-hours and dollars per day and month (reserved
/// replica-hours are 24 x the replicas). Short strategy names for a narrow dock; the full label
/// and the details are the tooltip. Read-only: it shows an
/// engine::ReservationPlan::strategies() list so that the panel and its tests read the same
/// numbers the CLI prints.
class ReservationStrategyModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        StrategyColumn,
        ReservedReplicasColumn,
        OnDemandHoursColumn,
        UsdPerDayColumn,
        UsdPerMonthColumn,
        ColumnCount
    };
    /// Raw numbers (double) behind the formatted display text.
    static constexpr int ValueRole = Qt::UserRole + 1;

    explicit ReservationStrategyModel(QObject *parent = nullptr);

    /// Shows `plan`'s strategies; the cheapest row is marked in bold.
    void setPlan(const engine::ReservationPlan &plan);
    void clear();
    /// The table's name for a strategy key ("⇄" marks those that route across regions).
    static QString shortName(const std::string &key);
    const engine::ReservationPlan::Strategy &strategyAt(int row) const { return m_rows.at(static_cast<std::size_t>(row)); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<engine::ReservationPlan::Strategy> m_rows;
    std::vector<QString> m_details; ///< tooltip per row
    QString m_cheapestKey;
};

} // namespace longitude::models
