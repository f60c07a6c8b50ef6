#include "models/regionsmodel.h"

#include "models/modelroles.h"
#include "models/scenariodocument.h"

namespace longitude::models {

namespace {

const char *const kFieldNames[] = {"id", "name", "zone", "provider", "lon", "lat", "utcOffsetHours", "gatewayLatencyMs"};

} // namespace

RegionsModel::RegionsModel(ScenarioDocument *document, QObject *parent)
    : IdTableModel(document, parent)
{
    connect(document, &ScenarioDocument::regionAdded, this, &RegionsModel::syncRows);
    connect(document, &ScenarioDocument::regionRemoved, this, &RegionsModel::syncRows);
    connect(document, &ScenarioDocument::regionChanged, this, [this](const QString &id) { rowChanged(rowOfId(id)); });
    connect(document, &ScenarioDocument::zonesChanged, this, [this] {
        if (rowCount() > 0)
            emit dataChanged(index(0, ZoneColumn), index(rowCount() - 1, ZoneColumn));
    });
    resetRows();
}

int RegionsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RegionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn: return tr("Id");
    case NameColumn: return tr("Name");
    case ZoneColumn: return tr("Zone");
    case ProviderColumn: return tr("Provider");
    case LonColumn: return tr("Lon °");
    case LatColumn: return tr("Lat °");
    case UtcOffsetColumn: return tr("UTC offset h");
    case GatewayColumn: return tr("Gateway ms");
    default: return {};
    }
}

Qt::ItemFlags RegionsModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags result = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() != IdColumn)
        result |= Qt::ItemIsEditable;
    return result;
}

int RegionsModel::scenarioIndex(int row) const
{
    const std::string id = idAt(row).toStdString();
    const auto &regions = document()->scenario().regions;
    for (std::size_t i = 0; i < regions.size(); ++i) {
        if (regions[i].id == id)
            return static_cast<int>(i);
    }
    return -1;
}

QVariant RegionsModel::cellData(int row, int column, int role) const
{
    const int i = scenarioIndex(row);
    if (i < 0)
        return {};
    const engine::Region &region = document()->scenario().regions[static_cast<std::size_t>(i)];
    if (role == Qt::DisplayRole || role == Qt::EditRole) {
        switch (column) {
        case IdColumn: return QString::fromStdString(region.id);
        case NameColumn: return QString::fromStdString(region.name);
        case ZoneColumn: return QString::fromStdString(region.zone);
        case ProviderColumn: return QString::fromStdString(region.provider);
        case LonColumn: return role == Qt::EditRole ? QVariant(region.lon) : QVariant(QString::number(region.lon, 'f', 2));
        case LatColumn: return role == Qt::EditRole ? QVariant(region.lat) : QVariant(QString::number(region.lat, 'f', 2));
        case UtcOffsetColumn: return region.utcOffsetHours;
        case GatewayColumn: return region.gatewayLatencyMs;
        default: return {};
        }
    }
    if (role == ChoicesRole) {
        QStringList choices;
        if (column == ZoneColumn) {
            for (const auto &zone : document()->scenario().zones)
                choices << QString::fromStdString(zone.id);
        } else if (column == ProviderColumn) {
            choices = {QStringLiteral("aws"), QStringLiteral("gcp"), QStringLiteral("azure"), QStringLiteral("custom")};
        }
        return choices.isEmpty() ? QVariant() : QVariant(choices);
    }
    if (role == Qt::TextAlignmentRole && column >= LonColumn)
        return QVariant(static_cast<int>(Qt::AlignRight | Qt::AlignVCenter));
    return {};
}

QString RegionsModel::fieldPointer(int row, int column) const
{
    const int i = scenarioIndex(row);
    if (i < 0 || column < 0 || column >= ColumnCount)
        return {};
    return QStringLiteral("/regions/%1/%2").arg(i).arg(QLatin1String(kFieldNames[column]));
}

QString RegionsModel::rowPointer(int row) const
{
    const int i = scenarioIndex(row);
    return i < 0 ? QString() : QStringLiteral("/regions/%1").arg(i);
}

QStringList RegionsModel::currentIds() const
{
    QStringList ids;
    for (const auto &region : document()->scenario().regions)
        ids << QString::fromStdString(region.id);
    return ids;
}

bool RegionsModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    const int i = scenarioIndex(index.row());
    if (i < 0)
        return false;
    engine::Region region = document()->scenario().regions[static_cast<std::size_t>(i)];
    const QString id = QString::fromStdString(region.id);
    bool ok = true;
    const double number = value.toDouble(&ok);
    switch (index.column()) {
    case NameColumn:
        region.name = value.toString().trimmed().toStdString();
        return !region.name.empty() && document()->editRegion(region);
    case ZoneColumn:
        return document()->setRegionZone(id, value.toString());
    case ProviderColumn:
        region.provider = value.toString().trimmed().toStdString();
        return document()->editRegion(region);
    case LonColumn:
        return ok && document()->moveRegion(id, number, region.lat);
    case LatColumn:
        return ok && document()->moveRegion(id, region.lon, number);
    case UtcOffsetColumn:
        region.utcOffsetHours = number;
        return ok && document()->editRegion(region);
    case GatewayColumn:
        region.gatewayLatencyMs = number;
        return ok && document()->editRegion(region);
    default:
        return false;
    }
}

} // namespace longitude::models
