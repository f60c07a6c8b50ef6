#include "worldmap.h"

#include "mapprojection.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace longitude::ui {

namespace {

// Edges longer than this (degrees) are split before projecting: straight segments in (lon, lat)
// are curves in the Natural Earth projection (e.g. ring cuts along the ±180° meridian).
constexpr double kMaxEdgeDeg = 2.0;

struct RingResult
{
    QPolygonF polygon;
    QString error;
};

RingResult projectRing(const QJsonArray &flat, const QString &pointer)
{
    RingResult result;
    if (flat.size() < 6 || flat.size() % 2 != 0) {
        result.error = QStringLiteral("%1: expected an even count of at least 6 numbers (3 points), got %2")
                           .arg(pointer)
                           .arg(flat.size());
        return result;
    }
    QPolygonF lonLat;
    lonLat.reserve(flat.size() / 2 + 1);
    for (qsizetype i = 0; i < flat.size(); i += 2) {
        const QJsonValue lonValue = flat.at(i);
        const QJsonValue latValue = flat.at(i + 1);
        if (!lonValue.isDouble() || !latValue.isDouble()) {
            result.error = QStringLiteral("%1/%2: expected numbers (lon, lat)").arg(pointer).arg(i);
            return result;
        }
        const QPointF point(lonValue.toDouble(), latValue.toDouble());
        if (std::abs(point.x()) > 180.0 || std::abs(point.y()) > 90.0) {
            result.error = QStringLiteral("%1/%2: (%3, %4) is outside lon [-180, 180], lat [-90, 90]")
                               .arg(pointer)
                               .arg(i)
                               .arg(point.x())
                               .arg(point.y());
            return result;
        }
        lonLat << point;
    }
    lonLat << lonLat.first();
    result.polygon = MapProjection::projectDensified(lonLat, kMaxEdgeDeg);
    return result;
}

QString addRings(QPainterPath &path, const QJsonValue &rings, const QString &pointer)
{
    if (!rings.isArray())
        return QStringLiteral("%1: expected an array of rings").arg(pointer);
    const QJsonArray array = rings.toArray();
    for (qsizetype r = 0; r < array.size(); ++r) {
        const QString ringPointer = QStringLiteral("%1/%2").arg(pointer).arg(r);
        if (!array.at(r).isArray())
            return QStringLiteral("%1: expected a flat array [lon0, lat0, lon1, lat1, ...]").arg(ringPointer);
        RingResult ring = projectRing(array.at(r).toArray(), ringPointer);
        if (!ring.error.isEmpty())
            return ring.error;
        path.addPolygon(ring.polygon);
        path.closeSubpath();
    }
    return {};
}

struct BundledMap
{
    WorldMap map;
    QString error;
};

const BundledMap &bundledMap()
{
    static const BundledMap bundled = [] {
        QFile file(QStringLiteral(":/map/world-110m.json"));
        if (!file.open(QIODevice::ReadOnly))
            return BundledMap{WorldMap(), QStringLiteral(":/map/world-110m.json: the bundled world map is missing from the resources")};
        auto parsed = WorldMap::fromJson(file.readAll(), file.fileName());
        if (!parsed)
            return BundledMap{WorldMap(), parsed.error()};
        return BundledMap{std::move(*parsed), QString()};
    }();
    return bundled;
}

} // namespace

std::expected<WorldMap, QString> WorldMap::fromJson(const QByteArray &json, const QString &sourceName)
{
    auto fail = [&](const QString &message) {
        return std::unexpected(QStringLiteral("%1: %2").arg(sourceName, message));
    };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(QStringLiteral("not valid JSON at byte %1: %2").arg(parseError.offset).arg(parseError.errorString()));
    if (!document.isObject())
        return fail(QStringLiteral("expected a JSON object at the top level"));
    const QJsonObject root = document.object();

    WorldMap map;
    map.m_attribution = root.value(QLatin1String("attribution")).toString();
    map.m_land.setFillRule(Qt::OddEvenFill);
    if (const QString error = addRings(map.m_land, root.value(QLatin1String("land")), QStringLiteral("land"));
        !error.isEmpty())
        return fail(error);

    const QJsonValue countries = root.value(QLatin1String("countries"));
    if (!countries.isArray())
        return fail(QStringLiteral("countries: expected an array"));
    const QJsonArray countryArray = countries.toArray();
    map.m_countries.reserve(countryArray.size());
    for (qsizetype c = 0; c < countryArray.size(); ++c) {
        const QString pointer = QStringLiteral("countries/%1").arg(c);
        if (!countryArray.at(c).isObject())
            return fail(QStringLiteral("%1: expected an object").arg(pointer));
        const QJsonObject object = countryArray.at(c).toObject();
        Country country;
        country.name = object.value(QLatin1String("name")).toString();
        country.iso3 = object.value(QLatin1String("iso3")).toString();
        if (country.name.isEmpty())
            return fail(QStringLiteral("%1/name: expected a non-empty string").arg(pointer));
        const QJsonArray label = object.value(QLatin1String("label")).toArray();
        if (label.size() != 2 || !label.at(0).isDouble() || !label.at(1).isDouble())
            return fail(QStringLiteral("%1/label: expected [lon, lat]").arg(pointer));
        country.labelLonLat = QPointF(label.at(0).toDouble(), label.at(1).toDouble());
        country.path.setFillRule(Qt::OddEvenFill);
        if (const QString error = addRings(country.path, object.value(QLatin1String("rings")), pointer + QStringLiteral("/rings"));
            !error.isEmpty())
            return fail(error);
        country.projectedBounds = country.path.boundingRect();
        country.projectedArea = country.projectedBounds.width() * country.projectedBounds.height();
        map.m_countries.push_back(std::move(country));
    }
    return map;
}

const WorldMap &WorldMap::bundled() { return bundledMap().map; }

QString WorldMap::bundledError() { return bundledMap().error; }

const WorldMap::Country *WorldMap::countryAt(QPointF lonLatDeg) const
{
    const QPointF projected = MapProjection::project(lonLatDeg);
    for (const Country &country : m_countries)
        if (country.projectedBounds.contains(projected) && country.path.contains(projected))
            return &country;
    return nullptr;
}

} // namespace longitude::ui
