#include "models/reservationstrategymodel.h"

#include <QFont>
#include <QLocale>

namespace longitude::models {

QString ReservationStrategyModel::shortName(const std::string &key)
{
    if (key == "local-reserved")
        return tr("Reserve each region's peak");
    if (key == "global-reserved")
        return tr("Reserve the global peak ⇄");
    if (key == "on-demand")
        return tr("All on-demand");
    if (key == "local-mix")
        return tr("Best mix, regional pools");
    if (key == "global-mix")
        return tr("Best mix, global pool ⇄");
    return QString::fromStdString(key);
}

ReservationStrategyModel::ReservationStrategyModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ReservationStrategyModel::setPlan(const engine::ReservationPlan &plan)
{
    beginResetModel();
    m_rows = plan.strategies();
    m_cheapestKey = QString::fromStdString(plan.cheapest().key);
    m_details.clear();
    for (const auto &row : m_rows) {
        QString detail;
        if (row.key == "local-mix") {
            QStringList parts;
            for (std::size_t r = 0; r < plan.regions.size() && r < plan.regionMixes.size(); ++r)
                parts << tr("%1 reserves %2").arg(QString::fromStdString(plan.regions[r].id)).arg(plan.regionMixes[r].reservedReplicas);
            detail = parts.join(QStringLiteral(", "));
        } else if (row.crossRegion) {
            detail = tr("Requests may be served up to %1 ms of RTT away (%2 → %3)")
                         .arg(plan.worstRttMs, 0, 'f', 0)
                         .arg(QString::fromStdString(plan.worstRttFrom), QString::fromStdString(plan.worstRttTo));
        }
        m_details.push_back(detail);
    }
    endResetModel();
}

void ReservationStrategyModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_details.clear();
    m_cheapestKey.clear();
    endResetModel();
}

int ReservationStrategyModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ReservationStrategyModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReservationStrategyModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    const auto &row = m_rows[static_cast<std::size_t>(index.row())];
    const auto value = [&]() -> double {
        switch (index.column()) {
        case ReservedReplicasColumn: return row.reservedReplicas;
        case OnDemandHoursColumn: return row.onDemandReplicaHours;
        case UsdPerDayColumn: return row.usdPerDay;
        case UsdPerMonthColumn: return row.usdPerMonth();
        default: return 0.0;
        }
    };
    switch (role) {
    case Qt::DisplayRole: {
        const QLocale locale;
        switch (index.column()) {
        case StrategyColumn: return shortName(row.key);
        case ReservedReplicasColumn: return locale.toString(row.reservedReplicas);
        case OnDemandHoursColumn: return locale.toString(value(), 'f', 0);
        case UsdPerDayColumn:
        case UsdPerMonthColumn: return QStringLiteral("$") + locale.toString(value(), 'f', 0);
        default: return {};
        }
    }
    case ValueRole:
        return index.column() == StrategyColumn ? QVariant(QString::fromStdString(row.key)) : QVariant(value());
    case Qt::TextAlignmentRole:
        return index.column() == StrategyColumn ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                                : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::FontRole:
        if (QString::fromStdString(row.key) == m_cheapestKey) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::ToolTipRole: {
        const QString detail = m_details[static_cast<std::size_t>(index.row())];
        const QString label = QString::fromStdString(row.label);
        return detail.isEmpty() ? label : label + QStringLiteral("\n") + detail;
    }
    default:
        return {};
    }
}

QVariant ReservationStrategyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case StrategyColumn: return tr("Strategy");
    case ReservedReplicasColumn: return tr("Reserved");
    case OnDemandHoursColumn: return tr("On-demand rep-h/day");
    case UsdPerDayColumn: return tr("$/day");
    case UsdPerMonthColumn: return tr("$/month");
    default: return {};
    }
}

} // namespace longitude::models
