#include "models/trafficmodel.h"

#include "models/modelroles.h"
#include "models/scenariodocument.h"
#include "models/trafficpresets.h"

#include <cmath>

namespace longitude::models {

QString TrafficModel::customCurveName()
{
    return QStringLiteral("custom");
}

TrafficModel::TrafficModel(ScenarioDocument *document, QObject *parent)
    : IdTableModel(document, parent)
{
    connect(document, &ScenarioDocument::regionAdded, this, &TrafficModel::syncRows);
    connect(document, &ScenarioDocument::regionRemoved, this, &TrafficModel::syncRows);
    connect(document, &ScenarioDocument::regionChanged, this, [this](const QString &id) { rowChanged(rowOfId(id)); });
    connect(document, &ScenarioDocument::trafficChanged, this, [this](const QString &id) { rowChanged(rowOfId(id)); });
    resetRows();
}

int TrafficModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TrafficModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical && role == Qt::DisplayRole)
        return idAt(section);
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        if (section == PeakColumn)
            return tr("Peak rps");
        if (section == CurveColumn)
            return tr("Curve");
        if (section >= FirstHourColumn && section < ColumnCount)
            return QStringLiteral("%1").arg(section - FirstHourColumn, 2, 10, QLatin1Char('0'));
    }
    if (role == Qt::ToolTipRole && section >= FirstHourColumn && section < ColumnCount)
        return tr("Multiplier of the peak at %1:00 local time").arg(section - FirstHourColumn);
    return QAbstractTableModel::headerData(section, orientation, role);
}

Qt::ItemFlags TrafficModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags result = QAbstractTableModel::flags(index);
    if (index.isValid())
        result |= Qt::ItemIsEditable;
    return result;
}

int TrafficModel::trafficIndex(int row) const
{
    const std::string id = idAt(row).toStdString();
    const auto &traffic = document()->scenario().traffic;
    for (std::size_t i = 0; i < traffic.size(); ++i) {
        if (traffic[i].region == id)
            return static_cast<int>(i);
    }
    return -1;
}

const engine::RegionTraffic *TrafficModel::traffic(int row) const
{
    const int i = trafficIndex(row);
    return i < 0 ? nullptr : &document()->scenario().traffic[static_cast<std::size_t>(i)];
}

bool TrafficModel::hasTraffic(int row) const
{
    return traffic(row) != nullptr;
}

double TrafficModel::peakRps(int row) const
{
    const engine::RegionTraffic *entry = traffic(row);
    return entry == nullptr ? 0.0 : entry->peakRps;
}

std::vector<double> TrafficModel::localCurve(int row) const
{
    const engine::RegionTraffic *entry = traffic(row);
    return entry == nullptr ? std::vector<double>(24, 0.0) : TrafficPresets::effectiveCurve(*entry);
}

double TrafficModel::utcOffsetHours(int row) const
{
    const engine::Region *region = document()->scenario().findRegion(idAt(row).toStdString());
    return region == nullptr ? 0.0 : region->utcOffsetHours;
}

double TrafficModel::rpsAtUtcHour(int row, int utcHour) const
{
    const engine::RegionTraffic *entry = traffic(row);
    return entry == nullptr ? 0.0 : TrafficPresets::rpsAt(*entry, utcOffsetHours(row), utcHour);
}

QVariant TrafficModel::cellData(int row, int column, int role) const
{
    const engine::RegionTraffic *entry = traffic(row);
    if (role == ChoicesRole && column == CurveColumn)
        return QStringList(TrafficPresets::names()) << customCurveName();
    if (role == Qt::TextAlignmentRole && column != CurveColumn)
        return QVariant(static_cast<int>(Qt::AlignRight | Qt::AlignVCenter));
    if (entry == nullptr) {
        if (role == Qt::ToolTipRole)
            return tr("No traffic originates in this region; type a peak to add some.");
        return {};
    }
    const int hour = column - FirstHourColumn;
    switch (role) {
    case Qt::DisplayRole:
        if (column == PeakColumn)
            return QString::number(entry->peakRps, 'g', 6);
        if (column == CurveColumn)
            return entry->hourly.empty() ? TrafficPresets::displayName(QString::fromStdString(entry->preset))
                                         : tr("Custom");
        return QString::number(localCurve(row)[static_cast<std::size_t>(hour)], 'f', 2);
    case Qt::EditRole:
        if (column == PeakColumn)
            return entry->peakRps;
        if (column == CurveColumn)
            return entry->hourly.empty() ? QString::fromStdString(entry->preset) : customCurveName();
        return localCurve(row)[static_cast<std::size_t>(hour)];
    case ValueRole:
        if (column == PeakColumn)
            return entry->peakRps;
        if (column >= FirstHourColumn)
            return localCurve(row)[static_cast<std::size_t>(hour)];
        return {};
    case Qt::ToolTipRole:
        if (column >= FirstHourColumn) {
            return tr("%1:00 local: %2 × %3 = %4 requests/s")
                .arg(hour)
                .arg(localCurve(row)[static_cast<std::size_t>(hour)])
                .arg(entry->peakRps)
                .arg(localCurve(row)[static_cast<std::size_t>(hour)] * entry->peakRps);
        }
        return {};
    default:
        return {};
    }
}

QString TrafficModel::fieldPointer(int row, int column) const
{
    const int i = trafficIndex(row);
    if (i < 0)
        return {};
    const engine::RegionTraffic &entry = document()->scenario().traffic[static_cast<std::size_t>(i)];
    if (column == PeakColumn)
        return QStringLiteral("/traffic/%1/peakRps").arg(i);
    if (column == CurveColumn)
        return entry.hourly.empty() ? QStringLiteral("/traffic/%1/preset").arg(i) : QString();
    if (column >= FirstHourColumn && column < ColumnCount && !entry.hourly.empty())
        return QStringLiteral("/traffic/%1/hourly/%2").arg(i).arg(column - FirstHourColumn);
    return {};
}

QString TrafficModel::rowPointer(int row) const
{
    const int i = trafficIndex(row);
    return i < 0 ? QString() : QStringLiteral("/traffic/%1").arg(i);
}

QStringList TrafficModel::currentIds() const
{
    QStringList ids;
    for (const auto &region : document()->scenario().regions)
        ids << QString::fromStdString(region.id);
    return ids;
}

bool TrafficModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    const QString regionId = idAt(index.row());
    const engine::RegionTraffic *entry = traffic(index.row());
    bool ok = false;
    const double number = value.toDouble(&ok);
    if (index.column() == PeakColumn) {
        if (!ok || number < 0 || !std::isfinite(number))
            return false;
        engine::RegionTraffic updated;
        if (entry != nullptr) {
            updated = *entry;
        } else {
            updated.region = regionId.toStdString();
            updated.preset = "flat";
        }
        updated.peakRps = number;
        return document()->setTraffic(updated);
    }
    if (index.column() == CurveColumn) {
        const QString curve = value.toString();
        if (curve == customCurveName()) {
            if (entry == nullptr || !entry->hourly.empty())
                return false;
            engine::RegionTraffic updated = *entry;
            updated.hourly = TrafficPresets::effectiveCurve(*entry);
            updated.preset.clear();
            return document()->setTraffic(updated);
        }
        if (!TrafficPresets::curve(curve))
            return false;
        return document()->setTrafficPreset(regionId, curve);
    }
    if (!ok || number < 0 || !std::isfinite(number))
        return false;
    return document()->setTrafficPoint(regionId, index.column() - FirstHourColumn, number);
}

} // namespace longitude::models
