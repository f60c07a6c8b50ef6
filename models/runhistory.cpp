#include "models/runhistory.h"

#include "models/modelroles.h"
#include "models/reportformat.h"

#include <QColor>

namespace longitude::models {

namespace {

bool isText(int column)
{
    return column == RunHistory::ScenarioColumn || column == RunHistory::PolicyColumn;
}

QString csvField(const QVariant &value)
{
    if (value.typeId() == QMetaType::Double)
        return QString::number(value.toDouble(), 'f', 6);
    QString text = value.toString();
    if (text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"')) || text.contains(QLatin1Char('\n'))) {
        text.replace(QLatin1String("\""), QLatin1String("\"\""));
        text = QLatin1Char('"') + text + QLatin1Char('"');
    }
    return text;
}

} // namespace

RunHistory::RunHistory(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int RunHistory::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_runs.size());
}

int RunHistory::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunHistory::value(const SimulationSummary &s, int runNumber, int column)
{
    switch (column) {
    case RunColumn: return runNumber;
    case ScenarioColumn: return s.scenario;
    case PolicyColumn: return s.policy;
    case SeedColumn: return s.seed;
    case TokenHitRateColumn: return s.cacheTokenHitRate;
    case RequestHitRateColumn: return s.cacheRequestHitRate;
    case TtftP50Column: return s.ttft.p50Ms;
    case TtftP99Column: return s.ttft.p99Ms;
    case SlaAttainmentColumn: return s.slaAttainment;
    case CrossRegionColumn: return s.crossRegionShare();
    case ShedColumn: return s.shed;
    case EgressUsdColumn: return s.egressUsd;
    case TotalUsdColumn: return s.totalUsd();
    default: return {};
    }
}

QString RunHistory::columnTitle(int column)
{
    switch (column) {
    case RunColumn: return tr("Run");
    case ScenarioColumn: return tr("Scenario");
    case PolicyColumn: return tr("Policy");
    case SeedColumn: return tr("Seed");
    case TokenHitRateColumn: return tr("Token hit rate");
    case RequestHitRateColumn: return tr("Request hit rate");
    case TtftP50Column: return tr("TTFT p50 (ms)");
    case TtftP99Column: return tr("TTFT p99 (ms)");
    case SlaAttainmentColumn: return tr("SLA attainment");
    case CrossRegionColumn: return tr("Cross-region");
    case ShedColumn: return tr("Shed");
    case EgressUsdColumn: return tr("Egress (USD)");
    case TotalUsdColumn: return tr("Total cost (USD)");
    default: return {};
    }
}

QVariant RunHistory::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Run &run = m_runs.at(index.row());
    const SimulationSummary &s = run.summary;
    const int column = index.column();
    switch (role) {
    case ValueRole:
        return value(s, run.number, column);
    case Qt::DisplayRole:
        switch (column) {
        case RunColumn: return QString::number(run.number);
        case ScenarioColumn: return s.scenario;
        case PolicyColumn: return s.cancelled ? tr("%1 (cancelled)").arg(s.policy) : s.policy;
        case SeedColumn: return QString::number(s.seed);
        case TokenHitRateColumn: return ReportFormat::percent(s.cacheTokenHitRate, 2);
        case RequestHitRateColumn: return ReportFormat::percent(s.cacheRequestHitRate, 2);
        case TtftP50Column: return ReportFormat::number(s.ttft.p50Ms, 1);
        case TtftP99Column: return ReportFormat::number(s.ttft.p99Ms, 1);
        case SlaAttainmentColumn: return ReportFormat::percent(s.slaAttainment, 2);
        case CrossRegionColumn: return ReportFormat::percent(s.crossRegionShare(), 1);
        case ShedColumn: return ReportFormat::count(s.shed);
        case EgressUsdColumn: return ReportFormat::number(s.egressUsd, 2);
        case TotalUsdColumn: return ReportFormat::number(s.totalUsd(), 2);
        default: return {};
        }
    case Qt::TextAlignmentRole:
        return QVariant(static_cast<int>((isText(column) ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter));
    case Qt::ForegroundRole:
        // A missed SLA reads at once: the same red as the Results dock (#d73027, ColorBrewer RdYlBu).
        if (column == TtftP99Column && s.slaTtftP99Ms > 0 && s.ttft.p99Ms > s.slaTtftP99Ms)
            return QColor(0xd7, 0x30, 0x27);
        return {};
    case Qt::ToolTipRole:
        if (column == TtftP99Column && s.slaTtftP99Ms > 0)
            return tr("Target %1").arg(ReportFormat::ms(s.slaTtftP99Ms));
        if (column == ShedColumn && !s.shedByReason.isEmpty()) {
            QStringList reasons;
            for (auto it = s.shedByReason.cbegin(); it != s.shedByReason.cend(); ++it)
                reasons << QStringLiteral("%1: %2").arg(it.key(), ReportFormat::count(it.value()));
            return reasons.join(QLatin1Char('\n'));
        }
        return {};
    default:
        return {};
    }
}

QVariant RunHistory::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole)
        return columnTitle(section);
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case TokenHitRateColumn: return tr("Prompt tokens found in the prefix cache / prompt tokens");
        case RequestHitRateColumn: return tr("Share of completed requests that hit at least one cached block");
        case SlaAttainmentColumn: return tr("Share of completed requests whose TTFT is within the SLA target");
        case CrossRegionColumn: return tr("Completed requests served outside their origin region");
        case ShedColumn: return tr("Requests refused or lost (no replica, queue full, outage…)");
        case TotalUsdColumn: return tr("GPU + egress cost of the measured time");
        default: return {};
        }
    }
    return {};
}

void RunHistory::add(const SimulationSummary &summary)
{
    const int row = static_cast<int>(m_runs.size());
    beginInsertRows({}, row, row);
    m_runs.append({++m_lastNumber, summary});
    endInsertRows();
}

void RunHistory::clear()
{
    if (m_runs.isEmpty())
        return;
    beginResetModel();
    m_runs.clear();
    endResetModel();
}

QList<SimulationSummary> RunHistory::summaries() const
{
    QList<SimulationSummary> list;
    list.reserve(m_runs.size());
    for (const Run &run : m_runs)
        list << run.summary;
    return list;
}

QString RunHistory::toCsv(const QList<int> &rows, const QList<int> &columns) const
{
    QList<int> cols = columns;
    if (cols.isEmpty()) {
        for (int c = 0; c < ColumnCount; ++c)
            cols << c;
    }
    QList<int> order = rows;
    if (order.isEmpty()) {
        for (int r = 0; r < m_runs.size(); ++r)
            order << r;
    }
    QStringList header;
    for (int c : std::as_const(cols))
        header << csvField(columnTitle(c));
    QString out = header.join(QLatin1Char(',')) + QLatin1Char('\n');
    for (int r : std::as_const(order)) {
        if (r < 0 || r >= m_runs.size())
            continue;
        QStringList line;
        for (int c : std::as_const(cols))
            line << csvField(value(m_runs.at(r).summary, m_runs.at(r).number, c));
        out += line.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    return out;
}

} // namespace longitude::models
