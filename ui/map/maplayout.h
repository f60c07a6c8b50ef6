#pragma once

#include "maprenderoptions.h"
#include "mapstyle.h"
#include "mapviewstate.h"

#include <QColor>
#include <QPainterPath>
#include <QPointF>
#include <QPolygonF>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <vector>

namespace longitude::engine {
struct Scenario;
}

namespace longitude::ui {

class WorldMap;

/// Where everything goes on screen for one scenario, view and set of options: marker positions
/// (co-located regions fanned out so they never pile up), label and badge boxes placed greedily
/// without overlaps, link arcs and their RTT labels, zone halos, country names, legends.
///
/// The renderer paints a layout and the canvas hit-tests the same layout, so what the user clicks
/// is exactly what was drawn. Everything is in screen (logical pixel) coordinates.
class MapLayout
{
public:
    struct RegionItem
    {
        int regionIndex = -1;       ///< index into Scenario::regions
        QString id;
        QPointF lonLat;             ///< shown position (a drag override when dragging)
        QPointF anchor;             ///< the true projected position on screen
        QPointF marker;             ///< where the marker is drawn (≠ anchor when fanned out)
        double radiusPx = 0.0;
        QColor color;               ///< residency zone colour
        bool custom = false;        ///< provider "custom": draggable, drawn as a diamond
        QString title;
        QStringList badgeLines;     ///< one per pool, e.g. "8×H100 · Llama-3.3-70B FP8"
        QRectF titleRect;           ///< valid when the title is shown
        QList<QRectF> badgeRects;   ///< one per shown badge line
        bool titleShown = false;
        double loadRps = -1.0;      ///< traffic at the overlay time; < 0 when unknown or off
        double loadRadiusPx = 0.0;
    };

    struct LinkItem
    {
        QList<int> linkIndices;         ///< Scenario::links of this pair: one, or both directions
        QString from;
        QString to;
        double rttMs = 0.0;             ///< the larger direction when they differ (colour, legend)
        QColor color;
        QList<QPolygonF> pieces;        ///< the great-circle arc on screen, cut at the antimeridian
        QString labelText;
        QRectF labelRect;
        bool labelShown = false;
    };

    struct CountryLabel
    {
        QString text;
        QRectF rect;
    };

    struct ZoneShape
    {
        QString zoneId;
        QColor color;
        QPainterPath path;
        bool highlighted = false;
    };

    struct LegendRow
    {
        QString text;
        QColor color;
    };

    /// Computes the layout. `map` supplies country names; `style` the fonts that size labels.
    static MapLayout compute(const engine::Scenario &scenario, const WorldMap &map, const MapViewState &view,
                             const MapRenderOptions &options, const MapStyle &style);

    std::vector<RegionItem> regions;
    std::vector<LinkItem> links;
    std::vector<CountryLabel> countryLabels;
    std::vector<ZoneShape> zones;

    QList<LegendRow> zoneLegendRows;
    QRectF zoneLegendRect;    ///< empty when not shown
    QRectF latencyLegendRect; ///< empty when not shown
    QString timeText;         ///< overlay time, e.g. "Thu 20 Mar 2025 · 12:00 UTC"
    QRectF timeRect;
    QPointF subsolarLonLat;
    QString attribution;
    QRectF attributionRect;

    /// The region whose marker (or shown label) is under `screen`, nullptr if none. Markers win
    /// over labels, and the topmost (last painted) marker wins among markers.
    const RegionItem *regionAt(QPointF screen) const;
    /// The link whose arc passes within `tolerancePx` of `screen`, or whose label is there.
    const LinkItem *linkAt(QPointF screen, double tolerancePx = 5.0) const;
    const RegionItem *region(const QString &id) const;
};

} // namespace longitude::ui
