#include "models/rttmatrixmodel.h"

#include "models/catalogrepository.h"
#include "models/commands/setlinkcommand.h"
#include "models/modelroles.h"
#include "models/scenariodocument.h"

#include <QFont>

#include <cmath>

namespace longitude::models {

namespace {

// Scale anchored on the seed's budget (seed 002, DOMAIN.md §1): ~40 ms of network in an 800 ms
// p99, and cross-region RTTs of 50–150 ms; beyond ~250 ms a hop eats a third of the budget.
const QList<QPair<double, QColor>> kStops{
    {0.0, QColor(0x1a, 0x98, 0x50)},
    {40.0, QColor(0x91, 0xcf, 0x60)},
    {100.0, QColor(0xfe, 0xe0, 0x8b)},
    {150.0, QColor(0xfc, 0x8d, 0x59)},
    {250.0, QColor(0xd7, 0x30, 0x27)},
};

QString formatMs(double ms)
{
    return QString::number(ms, 'f', ms < 10 ? 1 : 0);
}

} // namespace

RttMatrixModel::RttMatrixModel(ScenarioDocument *document, QObject *parent)
    : QAbstractTableModel(parent)
    , m_document(document)
{
    connect(document, &ScenarioDocument::scenarioReset, this, &RttMatrixModel::rebuild);
    connect(document, &ScenarioDocument::regionAdded, this, &RttMatrixModel::rebuild);
    connect(document, &ScenarioDocument::regionRemoved, this, &RttMatrixModel::rebuild);
    connect(document, &ScenarioDocument::linksChanged, this, &RttMatrixModel::refresh);
    connect(document, &ScenarioDocument::diagnosticsChanged, this, &RttMatrixModel::refresh);
    connect(document, &ScenarioDocument::regionChanged, this, [this](const QString &id) {
        const int section = static_cast<int>(m_regionIds.indexOf(id));
        if (section >= 0) {
            emit headerDataChanged(Qt::Horizontal, section, section);
            emit headerDataChanged(Qt::Vertical, section, section);
        }
    });
    rebuild();
}

int RttMatrixModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_regionIds.size());
}

int RttMatrixModel::columnCount(const QModelIndex &parent) const
{
    return rowCount(parent);
}

QString RttMatrixModel::regionId(int section) const
{
    return section >= 0 && section < m_regionIds.size() ? m_regionIds.at(section) : QString();
}

void RttMatrixModel::setSymmetricEditing(bool symmetric)
{
    m_symmetricEditing = symmetric;
}

void RttMatrixModel::rebuild()
{
    beginResetModel();
    m_regionIds.clear();
    for (const auto &region : m_document->scenario().regions)
        m_regionIds << QString::fromStdString(region.id);
    m_graph = engine::RegionGraph(m_document->scenario());
    endResetModel();
}

void RttMatrixModel::refresh()
{
    m_graph = engine::RegionGraph(m_document->scenario());
    if (!m_regionIds.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

std::optional<engine::RttPath> RttMatrixModel::path(int row, int column) const
{
    return m_graph.shortestPath(regionId(row).toStdString(), regionId(column).toStdString());
}

int RttMatrixModel::linkIndex(int row, int column) const
{
    const auto &links = m_document->scenario().links;
    const std::string from = regionId(row).toStdString();
    const std::string to = regionId(column).toStdString();
    const int forward = SetLinkCommand::indexOfLink(links, from, to);
    if (forward >= 0)
        return forward;
    const int backward = SetLinkCommand::indexOfLink(links, to, from);
    return backward >= 0 && links[static_cast<std::size_t>(backward)].symmetric ? backward : -1;
}

QModelIndex RttMatrixModel::indexOfPointer(const QString &pointer) const
{
    static const QLatin1String prefix("/links/");
    if (!pointer.startsWith(prefix))
        return {};
    bool ok = false;
    const int link = pointer.mid(prefix.size()).section(QLatin1Char('/'), 0, 0).toInt(&ok);
    const auto &links = m_document->scenario().links;
    if (!ok || link < 0 || link >= static_cast<int>(links.size()))
        return {};
    const int row = static_cast<int>(m_regionIds.indexOf(QString::fromStdString(links[static_cast<std::size_t>(link)].from)));
    const int column = static_cast<int>(m_regionIds.indexOf(QString::fromStdString(links[static_cast<std::size_t>(link)].to)));
    return row >= 0 && column >= 0 ? index(row, column) : QModelIndex();
}

QVariant RttMatrixModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const int column = index.column();
    if (row == column) {
        if (role == Qt::DisplayRole)
            return QStringLiteral("·");
        if (role == Qt::TextAlignmentRole)
            return static_cast<int>(Qt::AlignCenter);
        return {};
    }
    const std::optional<engine::RttPath> route = path(row, column);
    const bool reachable = route.has_value();
    const double rttMs = reachable ? route->rttMs : 0.0;
    const bool isDirect = reachable && route->direct;
    const int link = isDirect ? linkIndex(row, column) : -1;
    switch (role) {
    case Qt::DisplayRole:
        if (isDirect)
            return formatMs(rttMs);
        return reachable ? QStringLiteral("≈%1").arg(formatMs(rttMs)) : QStringLiteral("—");
    case Qt::EditRole:
        return isDirect ? QVariant(rttMs) : QVariant(QString());
    case ValueRole:
        return reachable ? QVariant(rttMs) : QVariant();
    case IsDirectLinkRole:
        return isDirect;
    case LatencyColorRole:
        return reachable ? QVariant(colorForRtt(rttMs)) : QVariant();
    case Qt::BackgroundRole: {
        if (!reachable)
            return {};
        QColor color = colorForRtt(rttMs);
        // Shortest-path cells are paler: a derived number, not a measurement.
        color.setAlpha(isDirect ? 230 : 110);
        return color;
    }
    case Qt::ForegroundRole:
        // The scale is light enough for dark text in both palettes.
        return reachable ? QVariant(QColor(Qt::black)) : QVariant();
    case Qt::FontRole: {
        if (isDirect)
            return {};
        QFont font;
        font.setItalic(true);
        return font;
    }
    case Qt::TextAlignmentRole:
        return QVariant(static_cast<int>(Qt::AlignRight | Qt::AlignVCenter));
    case IdRole:
        return regionId(row);
    case JsonPointerRole:
        return link >= 0 ? QStringLiteral("/links/%1/rttMs").arg(link) : QString();
    case DiagnosticRole:
    case Qt::ToolTipRole: {
        QStringList lines;
        if (role == Qt::ToolTipRole) {
            const QString pair = QStringLiteral("%1 → %2").arg(regionId(row), regionId(column));
            if (isDirect && link >= 0) {
                const auto &l = m_document->scenario().links[static_cast<std::size_t>(link)];
                lines << tr("%1: %2 ms, direct link").arg(pair, formatMs(rttMs));
                if (!l.source.empty())
                    lines << tr("Source: %1").arg(QString::fromStdString(l.source));
            } else if (reachable) {
                QStringList hops;
                for (const std::string &hop : route->regions)
                    hops << QString::fromStdString(hop);
                lines << tr("%1: ≈%2 ms by shortest path %3 (no direct link)")
                             .arg(pair, formatMs(rttMs), hops.join(QStringLiteral(" → ")));
            } else {
                lines << tr("%1: no path; link these regions").arg(pair);
            }
        }
        if (link >= 0) {
            for (const auto &d : m_document->diagnosticsAt(QStringLiteral("/links/%1").arg(link), true))
                lines << QString::fromStdString(d.message);
        }
        return lines.join(QLatin1Char('\n'));
    }
    default:
        return {};
    }
}

QVariant RttMatrixModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (section < 0 || section >= m_regionIds.size())
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole)
        return m_regionIds.at(section);
    if (role == Qt::ToolTipRole) {
        if (const engine::Region *region = m_document->scenario().findRegion(m_regionIds.at(section).toStdString()))
            return orientation == Qt::Vertical ? tr("From %1").arg(QString::fromStdString(region->name))
                                               : tr("To %1").arg(QString::fromStdString(region->name));
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}

Qt::ItemFlags RttMatrixModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags result = QAbstractTableModel::flags(index);
    if (index.isValid() && index.row() != index.column())
        result |= Qt::ItemIsEditable;
    return result;
}

bool RttMatrixModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid) || index.row() == index.column())
        return false;
    const QString from = regionId(index.row());
    const QString to = regionId(index.column());
    const QString text = value.toString().trimmed();
    bool ok = true;
    const double rttMs = text.isEmpty() ? 0.0 : value.toDouble(&ok);
    if (!ok || rttMs < 0 || !std::isfinite(rttMs))
        return false;
    if (rttMs == 0.0)
        return m_document->clearRtt(from, to, m_symmetricEditing);
    return m_document->setRtt(from, to, rttMs, m_symmetricEditing);
}

int RttMatrixModel::fillMissingFromShortestPaths()
{
    std::vector<engine::Link> missing;
    for (int i = 0; i < rowCount(); ++i) {
        for (int j = i + 1; j < rowCount(); ++j) {
            const auto forward = m_graph.rttMs(regionId(i).toStdString(), regionId(j).toStdString());
            const auto backward = m_graph.rttMs(regionId(j).toStdString(), regionId(i).toStdString());
            if (path(i, j).value_or(engine::RttPath{}).direct || path(j, i).value_or(engine::RttPath{}).direct)
                continue;
            if (!forward || !backward)
                continue;
            engine::Link link;
            link.from = regionId(i).toStdString();
            link.to = regionId(j).toStdString();
            link.symmetric = *forward == *backward;
            link.rttMs = *forward;
            link.source = "shortest path over the scenario's links";
            missing.push_back(link);
            if (!link.symmetric) {
                std::swap(link.from, link.to);
                link.rttMs = *backward;
                missing.push_back(link);
            }
        }
    }
    if (missing.empty())
        return 0;
    m_document->beginMacro((missing.size() == 1 ? tr("Fill 1 missing RTT from shortest paths")
                                                : tr("Fill %1 missing RTTs from shortest paths").arg(missing.size())));
    for (const auto &link : missing)
        m_document->setLink(link);
    m_document->endMacro();
    return static_cast<int>(missing.size());
}

int RttMatrixModel::fillMissingFromCatalog(const CatalogRepository &catalog)
{
    std::vector<engine::Link> missing;
    for (int i = 0; i < rowCount(); ++i) {
        for (int j = i + 1; j < rowCount(); ++j) {
            if (path(i, j).value_or(engine::RttPath{}).direct || path(j, i).value_or(engine::RttPath{}).direct)
                continue;
            const std::string a = regionId(i).toStdString();
            const std::string b = regionId(j).toStdString();
            auto forward = catalog.measuredLink(a, b);
            auto backward = catalog.measuredLink(b, a);
            if (forward && backward && forward->rttMs == backward->rttMs) {
                forward->symmetric = true;
                missing.push_back(*forward);
                continue;
            }
            for (auto &link : {forward, backward}) {
                if (link) {
                    engine::Link directed = *link;
                    directed.symmetric = false;
                    missing.push_back(directed);
                }
            }
        }
    }
    if (missing.empty())
        return 0;
    m_document->beginMacro((missing.size() == 1 ? tr("Fill 1 missing RTT from the catalog")
                                                : tr("Fill %1 missing RTTs from the catalog").arg(missing.size())));
    for (const auto &link : missing)
        m_document->setLink(link);
    m_document->endMacro();
    return static_cast<int>(missing.size());
}

QColor RttMatrixModel::colorForRtt(double rttMs)
{
    if (rttMs <= kStops.first().first)
        return kStops.first().second;
    for (int i = 1; i < kStops.size(); ++i) {
        if (rttMs <= kStops[i].first) {
            const double t = (rttMs - kStops[i - 1].first) / (kStops[i].first - kStops[i - 1].first);
            const QColor &a = kStops[i - 1].second;
            const QColor &b = kStops[i].second;
            return QColor::fromRgbF(static_cast<float>(a.redF() + t * (b.redF() - a.redF())),
                                    static_cast<float>(a.greenF() + t * (b.greenF() - a.greenF())),
                                    static_cast<float>(a.blueF() + t * (b.blueF() - a.blueF())));
        }
    }
    return kStops.last().second;
}

QList<QPair<double, QColor>> RttMatrixModel::legendStops()
{
    return kStops;
}

} // namespace longitude::models
