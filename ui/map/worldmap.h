#pragma once

#include <QByteArray>
#include <QPainterPath>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <expected>
#include <vector>

namespace longitude::ui {

/// The base map (land and countries) parsed once into QPainterPaths in projected coordinates
/// (MapProjection, y north-up), so that painting is a transform and a fill, never a reparse.
///
/// Source format (resources/map/world-110m.json, written by scripts/convert_world_map.mjs):
/// `{"attribution": "...", "land": [[lon0,lat0,lon1,lat1,...], ...],
///   "countries": [{"name", "iso3", "label": [lon,lat], "rings": [[...], ...]}]}`.
/// Rings are flat; outer rings and holes are both listed, so paths use the odd-even fill rule.
class WorldMap
{
public:
    /// One country: its outline and where its name goes.
    struct Country
    {
        QString name;
        QString iso3;
        QPointF labelLonLat;        ///< (lon, lat) degrees of the label anchor
        QPainterPath path;          ///< projected, odd-even
        QRectF projectedBounds;     ///< bounding box of `path`
        double projectedArea = 0.0; ///< area of the bounding box, orders labels by importance
    };

    WorldMap() = default;

    /// Parses the JSON text. `sourceName` only labels error messages, which name the JSON
    /// pointer of the first problem (e.g. "countries/12/rings/0: expected an even count").
    static std::expected<WorldMap, QString> fromJson(const QByteArray &json, const QString &sourceName);

    /// The map bundled at `:/map/world-110m.json`, parsed on first use. If the resource is
    /// missing or broken the map is empty and `bundledError()` says why: the canvas then still
    /// shows the ocean, graticule and regions.
    static const WorldMap &bundled();
    static QString bundledError();

    const QPainterPath &land() const { return m_land; }
    const std::vector<Country> &countries() const { return m_countries; }
    const QString &attribution() const { return m_attribution; }
    bool isEmpty() const { return m_land.isEmpty() && m_countries.empty(); }

    /// The country whose outline contains a geographic point, or nullptr (open ocean).
    const Country *countryAt(QPointF lonLatDeg) const;

private:
    QPainterPath m_land;
    std::vector<Country> m_countries;
    QString m_attribution;
};

} // namespace longitude::ui
