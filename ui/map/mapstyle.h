#pragma once

#include <QColor>
#include <QFont>
#include <QList>

#include <string>

namespace longitude::engine {
struct Scenario;
}

namespace longitude::ui {

/// Colours, fonts and sizes of the map in one place, shared by the renderer, the layout (which
/// needs the same fonts to measure labels) and the tests (which check pixels against these
/// colours instead of hard-coding them). Sizes are logical pixels; fonts use pixel sizes so
/// that a PNG, an SVG (72 dpi) and the screen lay labels out identically.
class MapStyle
{
public:
    QColor background{0xe9, 0xec, 0xef};     ///< outside the globe
    QColor ocean{0xd6, 0xe6, 0xf2};
    QColor land{0xf3, 0xef, 0xe6};
    QColor coastline{0x9d, 0xb1, 0xc4};
    QColor countryBorder{0xc9, 0xbf, 0xae};
    QColor graticule{0xc3, 0xd5, 0xe4};
    QColor countryLabel{0x8a, 0x7f, 0x6c};
    QColor text{0x1f, 0x29, 0x33};
    QColor mutedText{0x5b, 0x66, 0x70};
    QColor labelBackground{255, 255, 255, 225};
    QColor labelBorder{0xb8, 0xc2, 0xcc};
    QColor badgeBackground{0x26, 0x32, 0x3f, 235};
    QColor badgeText{0xff, 0xff, 0xff};
    QColor markerOutline{0xff, 0xff, 0xff};
    QColor selection{0x11, 0x11, 0x11};
    QColor hover{0x33, 0x33, 0x33};
    QColor night{0x0b, 0x1a, 0x3a};          ///< drawn at low alpha, once per twilight band
    QColor load{0xf0, 0x8a, 0x00};
    QColor unassignedZone{0x8c, 0x8c, 0x8c};

    QFont regionFont;
    QFont badgeFont;
    QFont linkFont;
    QFont countryFont;
    QFont legendFont;
    QFont legendTitleFont;

    double markerRadiusPx = 6.5;
    double zoneHaloPx = 20.0;     ///< how far a zone's shading reaches beyond its regions
    double linkWidthPx = 2.6;
    double maxLoadRadiusPx = 30.0; ///< radius of the load disc at the busiest region's peak

    /// The default light style.
    MapStyle();

    /// Colour of a residency zone: its own "#rrggbb" when valid, else the next palette colour
    /// (in `scenario.zones` order) that no other zone uses; grey for a zone id that the scenario
    /// does not define.
    QColor zoneColor(const engine::Scenario &scenario, const std::string &zoneId) const;

    /// Automatic zone colours: distinguishable hues of similar weight (Tableau 10 order, minus
    /// its yellow, which vanishes on the beige land).
    static const QList<QColor> &zonePalette();
};

} // namespace longitude::ui
