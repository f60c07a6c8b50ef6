#include "models/idtablemodel.h"

#include "models/modelroles.h"
#include "models/scenariodocument.h"

#include <QColor>

namespace longitude::models {

namespace {

// Light tints that keep the text readable in both light and dark palettes.
const QColor kErrorTint(220, 60, 60, 90);
const QColor kWarningTint(230, 170, 40, 80);

} // namespace

IdTableModel::IdTableModel(ScenarioDocument *document, QObject *parent)
    : QAbstractTableModel(parent)
    , m_document(document)
{
    connect(document, &ScenarioDocument::scenarioReset, this, &IdTableModel::resetRows);
    connect(document, &ScenarioDocument::diagnosticsChanged, this, [this] {
        if (!m_ids.isEmpty()) {
            emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1),
                             {Qt::ToolTipRole, Qt::BackgroundRole, DiagnosticRole, SeverityRole});
        }
    });
}

int IdTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_ids.size());
}

QVariant IdTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const int column = index.column();
    switch (role) {
    case IdRole:
        return m_ids.at(row);
    case JsonPointerRole: {
        const QString pointer = fieldPointer(row, column);
        return pointer.isEmpty() && column == 0 ? rowPointer(row) : pointer;
    }
    case DiagnosticRole:
        return cellDiagnostics(row, column, nullptr).join(QLatin1Char('\n'));
    case SeverityRole: {
        int severity = -1;
        cellDiagnostics(row, column, &severity);
        return severity;
    }
    case Qt::ToolTipRole: {
        const QStringList problems = cellDiagnostics(row, column, nullptr);
        const QVariant own = cellData(row, column, role);
        if (problems.isEmpty())
            return own;
        QStringList lines;
        if (own.isValid())
            lines << own.toString();
        lines << problems;
        return lines.join(QLatin1Char('\n'));
    }
    case Qt::BackgroundRole: {
        const QVariant own = cellData(row, column, role);
        if (own.isValid())
            return own;
        int severity = -1;
        cellDiagnostics(row, column, &severity);
        if (severity == static_cast<int>(engine::Severity::Error))
            return kErrorTint;
        if (severity == static_cast<int>(engine::Severity::Warning))
            return kWarningTint;
        return {};
    }
    default:
        return cellData(row, column, role);
    }
}

QString IdTableModel::idAt(int row) const
{
    return row >= 0 && row < m_ids.size() ? m_ids.at(row) : QString();
}

int IdTableModel::rowOfId(const QString &id) const
{
    return static_cast<int>(m_ids.indexOf(id));
}

QModelIndex IdTableModel::indexOfPointer(const QString &pointer) const
{
    for (int row = 0; row < rowCount(); ++row) {
        const QString base = rowPointer(row);
        if (base.isEmpty() || (pointer != base && !pointer.startsWith(base + QLatin1Char('/'))))
            continue;
        for (int column = 0; column < columnCount(); ++column) {
            const QString field = fieldPointer(row, column);
            if (!field.isEmpty() && (pointer == field || pointer.startsWith(field + QLatin1Char('/'))))
                return index(row, column);
        }
        return index(row, 0);
    }
    return {};
}

void IdTableModel::syncRows()
{
    const QStringList target = currentIds();
    for (int row = static_cast<int>(m_ids.size()) - 1; row >= 0; --row) {
        if (!target.contains(m_ids.at(row))) {
            beginRemoveRows({}, row, row);
            m_ids.removeAt(row);
            endRemoveRows();
        }
    }
    QStringList survivorsInTargetOrder;
    for (const QString &id : target) {
        if (m_ids.contains(id))
            survivorsInTargetOrder << id;
    }
    if (survivorsInTargetOrder != m_ids) {
        resetRows();
        return;
    }
    for (int row = 0; row < target.size(); ++row) {
        if (row < m_ids.size() && m_ids.at(row) == target.at(row))
            continue;
        beginInsertRows({}, row, row);
        m_ids.insert(row, target.at(row));
        endInsertRows();
    }
    if (m_ids != target) {
        // Duplicate ids (an invalid scenario) defeat the diff; fall back to a reset.
        resetRows();
        return;
    }
    if (!m_ids.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

void IdTableModel::resetRows()
{
    beginResetModel();
    m_ids = currentIds();
    endResetModel();
}

void IdTableModel::rowChanged(int row)
{
    if (row >= 0 && row < rowCount())
        emit dataChanged(index(row, 0), index(row, columnCount() - 1));
}

QStringList IdTableModel::cellDiagnostics(int row, int column, int *worstSeverity) const
{
    QStringList messages;
    auto collect = [&](const QString &pointer, bool children) {
        if (pointer.isEmpty())
            return;
        for (const auto &diagnostic : m_document->diagnosticsAt(pointer, children)) {
            messages << QString::fromStdString(diagnostic.message);
            if (worstSeverity != nullptr
                && (*worstSeverity < 0 || diagnostic.severity == engine::Severity::Error))
                *worstSeverity = static_cast<int>(diagnostic.severity);
        }
    };
    collect(fieldPointer(row, column), true);
    if (column == 0)
        collect(rowPointer(row), false);
    return messages;
}

} // namespace longitude::models
