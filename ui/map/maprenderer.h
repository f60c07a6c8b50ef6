#pragma once

#include "maplayout.h"
#include "maprenderoptions.h"
#include "mapstyle.h"
#include "mapviewstate.h"

#include <QImage>
#include <QString>

#include <expected>

class QPainter;

namespace longitude::engine {
struct Scenario;
}

namespace longitude::ui {

class WorldMap;

/// Paints the whole map (ocean, graticule, land and borders, night, zones, links, regions, pools,
/// labels, legends) for a scenario and a view onto any QPainter: the widget, a QImage for PNG
/// export and tests, a QSvgGenerator for SVG. It owns no widget and no state beyond its style and
/// the map geometry (as KDE Marble's GeoPainter does), so every output shows the same map.
///
/// Pens are in logical pixels whatever the view's zoom (paths are transformed to the screen
/// before stroking), and a device pixel ratio on the target makes them crisp on high-DPI screens.
class MapRenderer
{
public:
    /// `map` must outlive the renderer; the default is the bundled Natural Earth map.
    explicit MapRenderer(const WorldMap &map, MapStyle style = {});
    MapRenderer();

    const MapStyle &style() const { return m_style; }
    const WorldMap &worldMap() const { return *m_map; }

    /// Lays the map out for `view` (see MapLayout).
    MapLayout layout(const engine::Scenario &scenario, const MapViewState &view, const MapRenderOptions &options) const;

    /// Paints with a fresh layout.
    void paint(QPainter &painter, const engine::Scenario &scenario, const MapViewState &view,
               const MapRenderOptions &options) const;
    /// Paints a layout computed by layout() for the same scenario, view and options.
    void paint(QPainter &painter, const engine::Scenario &scenario, const MapViewState &view,
               const MapRenderOptions &options, const MapLayout &layout) const;

    /// Renders into a new ARGB image of `logicalSize` × `devicePixelRatio` pixels.
    QImage renderImage(const engine::Scenario &scenario, const MapViewState &view, const MapRenderOptions &options,
                       double devicePixelRatio = 1.0) const;

    /// Writes a PNG of the view resized to `logicalSize` (zoom and centre kept). The error names
    /// the file.
    std::expected<void, QString> exportPng(const QString &path, QSize logicalSize, const engine::Scenario &scenario,
                                           MapViewState view, const MapRenderOptions &options,
                                           double devicePixelRatio = 2.0) const;
    /// Writes an SVG (vector paths and text) of the view resized to `logicalSize`.
    std::expected<void, QString> exportSvg(const QString &path, QSize logicalSize, const engine::Scenario &scenario,
                                           MapViewState view, const MapRenderOptions &options) const;

private:
    void paintBase(QPainter &painter, const MapViewState &view, const MapRenderOptions &options) const;
    void paintNight(QPainter &painter, const MapViewState &view, const MapRenderOptions &options) const;
    void paintZones(QPainter &painter, const MapLayout &layout) const;
    void paintCountryLabels(QPainter &painter, const MapLayout &layout) const;
    void paintLinks(QPainter &painter, const MapLayout &layout, const MapRenderOptions &options) const;
    void paintRegions(QPainter &painter, const MapLayout &layout, const MapRenderOptions &options) const;
    void paintLegends(QPainter &painter, const MapLayout &layout) const;

    const WorldMap *m_map;
    MapStyle m_style;
};

} // namespace longitude::ui
