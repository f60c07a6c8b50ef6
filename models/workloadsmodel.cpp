#include "models/workloadsmodel.h"

#include "models/modelroles.h"
#include "models/scenariodocument.h"

#include <cmath>

namespace longitude::models {

namespace {

const char *const kFieldNames[] = {"id", "share", "model", "promptTokens", "outputTokens",
                                   "prefixGroups", "prefixTokens", "residencyShare"};

QString number(double value)
{
    return QString::number(value, 'g', 6);
}

} // namespace

WorkloadsModel::WorkloadsModel(ScenarioDocument *document, QObject *parent)
    : IdTableModel(document, parent)
{
    connect(document, &ScenarioDocument::workloadsChanged, this, &WorkloadsModel::syncRows);
    resetRows();
}

QString WorkloadsModel::describe(const engine::Distribution &d)
{
    QString text;
    switch (d.kind) {
    case engine::DistributionKind::Constant:
        text = number(d.value);
        break;
    case engine::DistributionKind::Uniform:
        return tr("uniform %1–%2").arg(number(d.min), number(d.max));
    case engine::DistributionKind::Exponential:
        text = tr("exponential, mean %1").arg(number(d.mean));
        break;
    case engine::DistributionKind::Lognormal:
        text = tr("lognormal μ %1 σ %2").arg(number(d.mu), number(d.sigma));
        break;
    case engine::DistributionKind::Empirical:
        text = d.values.size() == 1 ? tr("empirical, 1 value") : tr("empirical, %1 values").arg(d.values.size());
        break;
    }
    if (d.kind != engine::DistributionKind::Constant && (d.min > 0 || d.max > 0))
        text += tr(" in [%1, %2]").arg(d.min > 0 ? number(d.min) : QStringLiteral("0"),
                                       d.max > 0 ? number(d.max) : QStringLiteral("∞"));
    return text;
}

int WorkloadsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant WorkloadsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn: return tr("Class");
    case ShareColumn: return tr("Share");
    case ModelColumn: return tr("Model");
    case PromptColumn: return tr("Prompt tokens");
    case OutputColumn: return tr("Output tokens");
    case PrefixGroupsColumn: return tr("Prefix groups");
    case PrefixTokensColumn: return tr("Prefix tokens");
    case ResidencyShareColumn: return tr("Residency share");
    default: return {};
    }
}

Qt::ItemFlags WorkloadsModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags result = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() != PromptColumn && index.column() != OutputColumn)
        result |= Qt::ItemIsEditable;
    return result;
}

int WorkloadsModel::scenarioIndex(int row) const
{
    const std::string id = idAt(row).toStdString();
    const auto &workloads = document()->scenario().workloads;
    for (std::size_t i = 0; i < workloads.size(); ++i) {
        if (workloads[i].id == id)
            return static_cast<int>(i);
    }
    return -1;
}

QVariant WorkloadsModel::cellData(int row, int column, int role) const
{
    const int i = scenarioIndex(row);
    if (i < 0)
        return {};
    const engine::Scenario &s = document()->scenario();
    const engine::WorkloadClass &w = s.workloads[static_cast<std::size_t>(i)];
    if (role == Qt::DisplayRole || role == Qt::EditRole) {
        switch (column) {
        case IdColumn: return QString::fromStdString(w.id);
        case ShareColumn: return w.share;
        case ModelColumn: return QString::fromStdString(w.model);
        case PromptColumn: return describe(w.promptTokens);
        case OutputColumn: return describe(w.outputTokens);
        case PrefixGroupsColumn: return w.prefixGroups;
        case PrefixTokensColumn: return w.prefixTokens;
        case ResidencyShareColumn: return w.residencyShare;
        default: return {};
        }
    }
    if (role == ChoicesRole && column == ModelColumn) {
        QStringList choices;
        for (const auto &model : s.models)
            choices << QString::fromStdString(model.id);
        return choices;
    }
    return {};
}

QString WorkloadsModel::fieldPointer(int row, int column) const
{
    const int i = scenarioIndex(row);
    if (i < 0 || column < 0 || column >= ColumnCount)
        return {};
    return QStringLiteral("/workloads/%1/%2").arg(i).arg(QLatin1String(kFieldNames[column]));
}

QString WorkloadsModel::rowPointer(int row) const
{
    const int i = scenarioIndex(row);
    return i < 0 ? QString() : QStringLiteral("/workloads/%1").arg(i);
}

QStringList WorkloadsModel::currentIds() const
{
    QStringList ids;
    for (const auto &workload : document()->scenario().workloads)
        ids << QString::fromStdString(workload.id);
    return ids;
}

bool WorkloadsModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    const int i = scenarioIndex(index.row());
    if (i < 0)
        return false;
    const engine::Scenario &s = document()->scenario();
    engine::WorkloadClass w = s.workloads[static_cast<std::size_t>(i)];
    const QString oldId = QString::fromStdString(w.id);
    bool ok = false;
    const double numeric = value.toDouble(&ok);
    const bool wholeNumber = ok && numeric >= 0 && numeric == std::floor(numeric) && numeric < 1e9;
    switch (index.column()) {
    case IdColumn:
        w.id = value.toString().trimmed().toStdString();
        if (w.id.empty())
            return false;
        break;
    case ShareColumn:
        if (!ok)
            return false;
        w.share = numeric;
        break;
    case ModelColumn:
        if (s.findModel(value.toString().toStdString()) == nullptr)
            return false;
        w.model = value.toString().toStdString();
        break;
    case PrefixGroupsColumn:
        if (!wholeNumber)
            return false;
        w.prefixGroups = static_cast<int>(numeric);
        break;
    case PrefixTokensColumn:
        if (!wholeNumber)
            return false;
        w.prefixTokens = static_cast<int>(numeric);
        break;
    case ResidencyShareColumn:
        if (!ok)
            return false;
        w.residencyShare = numeric;
        break;
    default:
        return false;
    }
    return document()->editWorkload(oldId, w);
}

} // namespace longitude::models
