#pragma once

#include "engine/network/regiongraph.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QList>
#include <QPair>

namespace longitude::models {

class CatalogRepository;
class ScenarioDocument;

/// Regions × regions round-trip times for the RTT matrix editor. A cell shows the direct link's
/// RTT, or, in italics and prefixed with "≈", the shortest-path RTT when there is no direct link.
/// Cells are coloured on a latency scale (LatencyColorRole, also the background). Editing a cell
/// sets or clears the direct RTT through the document; with symmetric editing (the default) the
/// opposite direction follows.
class RttMatrixModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    explicit RttMatrixModel(ScenarioDocument *document, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    /// A positive number sets the RTT in milliseconds; an empty value or 0 removes the direct link.
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    bool symmetricEditing() const { return m_symmetricEditing; }
    void setSymmetricEditing(bool symmetric);

    /// Region id of a row or column.
    QString regionId(int section) const;
    /// The cell of the link at `pointer` ("/links/3/rttMs"), or an invalid index.
    QModelIndex indexOfPointer(const QString &pointer) const;
    /// The engine's view of the network the cells show (direct links, else shortest paths).
    const engine::RegionGraph &graph() const { return m_graph; }

    /// Gives every pair without a direct RTT in either direction a symmetric link with its
    /// shortest-path RTT, as one undo step. Returns the number of links added.
    int fillMissingFromShortestPaths();
    /// Gives every pair without a direct RTT in either direction the catalog's measured RTTs
    /// (each measured direction becomes a link, one symmetric link when both agree), as one undo
    /// step. Pairs the catalog does not measure stay as they are. Returns the links added.
    int fillMissingFromCatalog(const CatalogRepository &catalog);

    /// Colour of an RTT on the latency scale of legendStops(), interpolated between stops.
    static QColor colorForRtt(double rttMs);
    /// (RTT ms, colour) stops of the scale, ascending, for the legend.
    static QList<QPair<double, QColor>> legendStops();

private:
    void rebuild();
    void refresh();
    int linkIndex(int row, int column) const;
    std::optional<engine::RttPath> path(int row, int column) const;

    ScenarioDocument *m_document;
    engine::RegionGraph m_graph{engine::Scenario{}};
    QStringList m_regionIds;
    bool m_symmetricEditing = true;
};

} // namespace longitude::models
