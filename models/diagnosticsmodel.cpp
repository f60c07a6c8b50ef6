#include "models/diagnosticsmodel.h"

#include "models/modelroles.h"
#include "models/scenariodocument.h"

#include <QColor>

#include <algorithm>

namespace longitude::models {

namespace {

template<typename T>
QString idOf(const std::vector<T> &items, int index)
{
    if (index < 0 || index >= static_cast<int>(items.size()))
        return QString::number(index);
    return QString::fromStdString(items[static_cast<std::size_t>(index)].id);
}

/// The id-like label of element `index` of the top-level list `list`, or the number itself.
QString elementLabel(const engine::Scenario &s, const QString &list, int index)
{
    if (list == QLatin1String("regions"))
        return idOf(s.regions, index);
    if (list == QLatin1String("pools"))
        return idOf(s.pools, index);
    if (list == QLatin1String("zones"))
        return idOf(s.zones, index);
    if (list == QLatin1String("gpuTypes"))
        return idOf(s.gpuTypes, index);
    if (list == QLatin1String("models"))
        return idOf(s.models, index);
    if (list == QLatin1String("workloads"))
        return idOf(s.workloads, index);
    if (list == QLatin1String("links") && index >= 0 && index < static_cast<int>(s.links.size())) {
        const auto &link = s.links[static_cast<std::size_t>(index)];
        return QStringLiteral("%1 → %2").arg(QString::fromStdString(link.from), QString::fromStdString(link.to));
    }
    if (list == QLatin1String("traffic") && index >= 0 && index < static_cast<int>(s.traffic.size()))
        return QString::fromStdString(s.traffic[static_cast<std::size_t>(index)].region);
    return QString::number(index);
}

} // namespace

DiagnosticsModel::DiagnosticsModel(ScenarioDocument *document, QObject *parent)
    : QAbstractTableModel(parent)
    , m_document(document)
{
    connect(document, &ScenarioDocument::diagnosticsChanged, this, &DiagnosticsModel::refresh);
    connect(document, &ScenarioDocument::scenarioReset, this, &DiagnosticsModel::refresh);
    m_diagnostics = document->diagnostics();
}

void DiagnosticsModel::refresh()
{
    const engine::Diagnostics &current = m_document->diagnostics();
    if (current == m_diagnostics)
        return;
    beginResetModel();
    m_diagnostics = current;
    endResetModel();
}

int DiagnosticsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_diagnostics.size());
}

int DiagnosticsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int DiagnosticsModel::errorCount() const
{
    return static_cast<int>(std::count_if(m_diagnostics.begin(), m_diagnostics.end(),
                                          [](const auto &d) { return d.severity == engine::Severity::Error; }));
}

int DiagnosticsModel::warningCount() const
{
    return static_cast<int>(m_diagnostics.size()) - errorCount();
}

QString DiagnosticsModel::describePointer(const engine::Scenario &scenario, const QString &pointer)
{
    if (pointer.isEmpty())
        return tr("scenario");
    QStringList parts = pointer.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (QString &part : parts)
        part.replace(QLatin1String("~1"), QLatin1String("/")).replace(QLatin1String("~0"), QLatin1String("~"));
    if (parts.size() >= 2) {
        bool ok = false;
        const int index = parts[1].toInt(&ok);
        if (ok)
            parts[1] = elementLabel(scenario, parts[0], index);
    }
    return parts.join(QStringLiteral(" › "));
}

QVariant DiagnosticsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const engine::Diagnostic &d = m_diagnostics[static_cast<std::size_t>(index.row())];
    const bool error = d.severity == engine::Severity::Error;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeverityColumn: return error ? tr("Error") : tr("Warning");
        case LocationColumn: return describePointer(m_document->scenario(), QString::fromStdString(d.pointer));
        case MessageColumn: return QString::fromStdString(d.message);
        default: return {};
        }
    case Qt::DecorationRole:
        if (index.column() == SeverityColumn)
            return error ? QColor(0xd7, 0x30, 0x27) : QColor(0xe6, 0xa1, 0x17);
        return {};
    case Qt::ToolTipRole:
        return QString::fromStdString(engine::formatDiagnostic(d));
    case JsonPointerRole:
        return QString::fromStdString(d.pointer);
    case SeverityRole:
        return static_cast<int>(d.severity);
    default:
        return {};
    }
}

QVariant DiagnosticsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SeverityColumn: return tr("Severity");
    case LocationColumn: return tr("Where");
    case MessageColumn: return tr("Problem");
    default: return {};
    }
}

} // namespace longitude::models
