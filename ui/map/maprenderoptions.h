#pragma once

#include <QDateTime>
#include <QHash>
#include <QPointF>
#include <QString>
#include <QTimeZone>

namespace longitude::ui {

/// What a map shows beyond the scenario itself: layers, the overlay time, and the interaction
/// state (selection, hover, a region being dragged) that the canvas feeds in. A plain value, so
/// that export and tests can render exactly what the widget shows, or a clean variant of it.
struct MapRenderOptions
{
    bool showGraticule = true;
    bool showCountryLabels = true; ///< only where they fit, from zoom kCountryLabelMinZoom
    bool showZones = true;
    bool showLinks = true;
    bool showLegend = true;
    bool showDayNight = false;     ///< night shading with twilight bands at `utc`
    bool showLoad = false;         ///< each region's traffic at `utc` as a disc and in its label

    /// The instant of the day/night and load overlays (UTC). The default is the March 2025
    /// equinox at noon UTC, so an overlay without a chosen time is still well defined.
    QDateTime utc = QDateTime(QDate(2025, 3, 20), QTime(12, 0), QTimeZone::utc());

    QString selectedRegionId;
    QString hoveredRegionId;
    int selectedLinkIndex = -1; ///< index into Scenario::links, -1 = none
    int hoveredLinkIndex = -1;
    QString highlightedZoneId;  ///< drawn stronger (the zone paint tool's current zone)

    /// (lon, lat) degrees to show instead of a region's stored position (live drag preview).
    QHash<QString, QPointF> positionOverrides;

    /// Country names appear from this zoom level (1 = whole world) where they fit.
    static constexpr double kCountryLabelMinZoom = 1.6;
};

} // namespace longitude::ui
