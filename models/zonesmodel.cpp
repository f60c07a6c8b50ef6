#include "models/zonesmodel.h"

#include "models/modelroles.h"
#include "models/scenariodocument.h"

#include <algorithm>
#include <array>

namespace longitude::models {

namespace {

const char *const kFieldNames[] = {"id", "name", "color"};

// Okabe–Ito colour-blind-safe palette (Okabe & Ito 2008, "Color Universal Design").
constexpr std::array<QRgb, 8> kAutomaticColors{0xff0072b2, 0xffe69f00, 0xff009e73, 0xffcc79a7,
                                                0xff56b4e9, 0xffd55e00, 0xfff0e442, 0xff000000};

} // namespace

ZonesModel::ZonesModel(ScenarioDocument *document, QObject *parent)
    : IdTableModel(document, parent)
{
    connect(document, &ScenarioDocument::zonesChanged, this, &ZonesModel::syncRows);
    // Region counts change when regions come and go.
    connect(document, &ScenarioDocument::regionAdded, this, &ZonesModel::syncRows);
    connect(document, &ScenarioDocument::regionRemoved, this, &ZonesModel::syncRows);
    resetRows();
}

QColor ZonesModel::zoneColor(const engine::Scenario &scenario, const QString &zoneId)
{
    const std::string id = zoneId.toStdString();
    for (std::size_t i = 0; i < scenario.zones.size(); ++i) {
        if (scenario.zones[i].id != id)
            continue;
        const QColor own(QString::fromStdString(scenario.zones[i].color));
        if (own.isValid())
            return own;
        return QColor::fromRgb(kAutomaticColors[i % kAutomaticColors.size()]);
    }
    return QColor(Qt::gray);
}

int ZonesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ZonesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn: return tr("Zone");
    case NameColumn: return tr("Name");
    case ColorColumn: return tr("Colour");
    case RegionCountColumn: return tr("Regions");
    default: return {};
    }
}

Qt::ItemFlags ZonesModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags result = QAbstractTableModel::flags(index);
    if (index.isValid() && (index.column() == NameColumn || index.column() == ColorColumn))
        result |= Qt::ItemIsEditable;
    return result;
}

int ZonesModel::scenarioIndex(int row) const
{
    const std::string id = idAt(row).toStdString();
    const auto &zones = document()->scenario().zones;
    for (std::size_t i = 0; i < zones.size(); ++i) {
        if (zones[i].id == id)
            return static_cast<int>(i);
    }
    return -1;
}

QVariant ZonesModel::cellData(int row, int column, int role) const
{
    const int i = scenarioIndex(row);
    if (i < 0)
        return {};
    const engine::Scenario &s = document()->scenario();
    const engine::ResidencyZone &zone = s.zones[static_cast<std::size_t>(i)];
    const QString id = QString::fromStdString(zone.id);
    if (role == Qt::DisplayRole || role == Qt::EditRole) {
        switch (column) {
        case IdColumn: return id;
        case NameColumn: return QString::fromStdString(zone.name);
        case ColorColumn:
            if (role == Qt::EditRole)
                return zoneColor(s, id);
            return zone.color.empty() ? tr("automatic") : QString::fromStdString(zone.color);
        case RegionCountColumn:
            return static_cast<int>(std::count_if(s.regions.begin(), s.regions.end(),
                                                  [&](const engine::Region &r) { return r.zone == zone.id; }));
        default: return {};
        }
    }
    if (role == Qt::DecorationRole && (column == ColorColumn || column == IdColumn))
        return zoneColor(s, id);
    return {};
}

QString ZonesModel::fieldPointer(int row, int column) const
{
    const int i = scenarioIndex(row);
    if (i < 0 || column < 0 || column > ColorColumn)
        return {};
    return QStringLiteral("/zones/%1/%2").arg(i).arg(QLatin1String(kFieldNames[column]));
}

QString ZonesModel::rowPointer(int row) const
{
    const int i = scenarioIndex(row);
    return i < 0 ? QString() : QStringLiteral("/zones/%1").arg(i);
}

QStringList ZonesModel::currentIds() const
{
    QStringList ids;
    for (const auto &zone : document()->scenario().zones)
        ids << QString::fromStdString(zone.id);
    return ids;
}

bool ZonesModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    const int i = scenarioIndex(index.row());
    if (i < 0)
        return false;
    engine::ResidencyZone zone = document()->scenario().zones[static_cast<std::size_t>(i)];
    if (index.column() == NameColumn) {
        zone.name = value.toString().trimmed().toStdString();
        return !zone.name.empty() && document()->editZone(zone);
    }
    if (index.column() == ColorColumn) {
        const QString text = value.toString().trimmed();
        if (text.isEmpty() || text == tr("automatic")) {
            zone.color.clear();
        } else {
            const QColor color = value.canConvert<QColor>() && value.typeId() == QMetaType::QColor
                                     ? value.value<QColor>()
                                     : QColor(text);
            if (!color.isValid())
                return false;
            zone.color = color.name(QColor::HexRgb).toStdString();
        }
        return document()->editZone(zone);
    }
    return false;
}

} // namespace longitude::models
