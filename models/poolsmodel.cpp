#include "models/poolsmodel.h"

#include "engine/planning/costmodel.h"
#include "models/modelroles.h"
#include "models/scenariodocument.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

namespace longitude::models {

namespace {

const char *const kFieldNames[] = {"id", "region", "gpuType", "gpuCount", "model", "tensorParallel", "pricing"};

/// A positive integer from a cell editor value, or 0.
int positiveInteger(const QVariant &value)
{
    bool ok = false;
    const double number = value.toDouble(&ok);
    if (!ok || number < 1 || number != std::floor(number) || number > 1e9)
        return 0;
    return static_cast<int>(number);
}

} // namespace

PoolsModel::PoolsModel(ScenarioDocument *document, QObject *parent)
    : IdTableModel(document, parent)
{
    connect(document, &ScenarioDocument::poolsChanged, this, &PoolsModel::syncRows);
    // Prices and profiles of new GPU types and models change costs and choices.
    connect(document, &ScenarioDocument::hardwareChanged, this, &PoolsModel::syncRows);
    resetRows();
}

int PoolsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PoolsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn: return tr("Pool");
    case RegionColumn: return tr("Region");
    case GpuTypeColumn: return tr("GPU");
    case GpuCountColumn: return tr("GPUs");
    case ModelColumn: return tr("Model");
    case TensorParallelColumn: return tr("TP");
    case PricingColumn: return tr("Pricing");
    case ReplicasColumn: return tr("Replicas");
    case CostColumn: return tr("USD/h");
    default: return {};
    }
}

Qt::ItemFlags PoolsModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags result = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() < ReplicasColumn)
        result |= Qt::ItemIsEditable;
    return result;
}

int PoolsModel::scenarioIndex(int row) const
{
    const std::string id = idAt(row).toStdString();
    const auto &pools = document()->scenario().pools;
    for (std::size_t i = 0; i < pools.size(); ++i) {
        if (pools[i].id == id)
            return static_cast<int>(i);
    }
    return -1;
}

QList<int> PoolsModel::tensorParallelChoices(const engine::Scenario &scenario, const QString &modelId,
                                             const QString &gpuTypeId)
{
    QList<int> choices;
    if (const engine::Model *model = scenario.findModel(modelId.toStdString())) {
        for (const auto &profile : model->profiles) {
            if (profile.gpuType == gpuTypeId.toStdString() && !choices.contains(profile.tensorParallel))
                choices << profile.tensorParallel;
        }
    }
    if (choices.isEmpty())
        choices = {1, 2, 4, 8};
    std::sort(choices.begin(), choices.end());
    return choices;
}

QVariant PoolsModel::cellData(int row, int column, int role) const
{
    const int i = scenarioIndex(row);
    if (i < 0)
        return {};
    const engine::Scenario &s = document()->scenario();
    const engine::Pool &pool = s.pools[static_cast<std::size_t>(i)];
    const engine::GpuType *gpu = s.findGpuType(pool.gpuType);
    if (role == Qt::DisplayRole || role == Qt::EditRole) {
        switch (column) {
        case IdColumn: return QString::fromStdString(pool.id);
        case RegionColumn: return QString::fromStdString(pool.region);
        case GpuTypeColumn: return QString::fromStdString(pool.gpuType);
        case GpuCountColumn: return pool.gpuCount;
        case ModelColumn: return QString::fromStdString(pool.model);
        case TensorParallelColumn: return pool.tensorParallel;
        case PricingColumn: return QString::fromLatin1(engine::pricingModeName(pool.pricing));
        case ReplicasColumn:
            return pool.tensorParallel > 0 ? QVariant(pool.gpuCount / pool.tensorParallel) : QVariant();
        case CostColumn: {
            if (gpu == nullptr)
                return {};
            const double usd = engine::CostModel::poolUsdPerHour(s, pool);
            return role == Qt::EditRole ? QVariant(usd) : QVariant(QLocale().toString(usd, 'f', 2));
        }
        default: return {};
        }
    }
    if (role == ChoicesRole) {
        QStringList choices;
        switch (column) {
        case RegionColumn:
            for (const auto &region : s.regions)
                choices << QString::fromStdString(region.id);
            break;
        case GpuTypeColumn:
            for (const auto &type : s.gpuTypes)
                choices << QString::fromStdString(type.id);
            break;
        case ModelColumn:
            for (const auto &model : s.models)
                choices << QString::fromStdString(model.id);
            break;
        case TensorParallelColumn:
            for (int tp : tensorParallelChoices(s, QString::fromStdString(pool.model), QString::fromStdString(pool.gpuType)))
                choices << QString::number(tp);
            break;
        case PricingColumn:
            for (auto mode : {engine::PricingMode::Reserved, engine::PricingMode::OnDemand, engine::PricingMode::Spot})
                choices << QString::fromLatin1(engine::pricingModeName(mode));
            break;
        default:
            return {};
        }
        return choices;
    }
    if (role == Qt::ToolTipRole) {
        if (column == GpuTypeColumn && gpu != nullptr)
            return QString::fromStdString(gpu->name);
        if (column == CostColumn && gpu != nullptr) {
            return tr("%1 GPUs × %2 USD per GPU-hour (%3, %4)")
                .arg(pool.gpuCount)
                .arg(engine::CostModel::usdPerGpuHour(*gpu, pool.pricing))
                .arg(QString::fromStdString(gpu->prices.source), QString::fromStdString(gpu->prices.asOf));
        }
        return {};
    }
    if (role == Qt::TextAlignmentRole && (column == GpuCountColumn || column == TensorParallelColumn
                                          || column == ReplicasColumn || column == CostColumn))
        return QVariant(static_cast<int>(Qt::AlignRight | Qt::AlignVCenter));
    return {};
}

QString PoolsModel::fieldPointer(int row, int column) const
{
    const int i = scenarioIndex(row);
    if (i < 0 || column < 0 || column > PricingColumn)
        return {};
    return QStringLiteral("/pools/%1/%2").arg(i).arg(QLatin1String(kFieldNames[column]));
}

QString PoolsModel::rowPointer(int row) const
{
    const int i = scenarioIndex(row);
    return i < 0 ? QString() : QStringLiteral("/pools/%1").arg(i);
}

QStringList PoolsModel::currentIds() const
{
    QStringList ids;
    for (const auto &pool : document()->scenario().pools)
        ids << QString::fromStdString(pool.id);
    return ids;
}

bool PoolsModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    const int i = scenarioIndex(index.row());
    if (i < 0)
        return false;
    const engine::Scenario &s = document()->scenario();
    engine::Pool pool = s.pools[static_cast<std::size_t>(i)];
    const QString oldId = QString::fromStdString(pool.id);
    const std::string text = value.toString().trimmed().toStdString();
    switch (index.column()) {
    case IdColumn:
        if (text.empty())
            return false;
        pool.id = text;
        break;
    case RegionColumn:
        if (s.findRegion(text) == nullptr)
            return false;
        pool.region = text;
        break;
    case GpuTypeColumn:
        if (s.findGpuType(text) == nullptr)
            return false;
        pool.gpuType = text;
        break;
    case GpuCountColumn:
        pool.gpuCount = positiveInteger(value);
        if (pool.gpuCount == 0)
            return false;
        break;
    case ModelColumn:
        if (s.findModel(text) == nullptr)
            return false;
        pool.model = text;
        break;
    case TensorParallelColumn:
        pool.tensorParallel = positiveInteger(value);
        if (pool.tensorParallel == 0)
            return false;
        break;
    case PricingColumn: {
        const auto mode = engine::pricingModeFromName(text);
        if (!mode)
            return false;
        pool.pricing = *mode;
        break;
    }
    default:
        return false;
    }
    return document()->editPool(oldId, pool);
}

} // namespace longitude::models
