#include "maplayout.h"

#include "greatcircle.h"
#include "latencycolorscale.h"
#include "mapprojection.h"
#include "solarterminator.h"
#include "worldmap.h"

#include "engine/scenario/scenario.h"
#include "models/trafficpresets.h"

#include <QFontMetricsF>
#include <QLocale>
#include <QPainterPathStroker>

#include <algorithm>
#include <cmath>
#include <map>
#include <limits>
#include <numbers>
#include <numeric>

namespace longitude::ui {

namespace {

constexpr double kPadX = 5.0;
constexpr double kPadY = 2.0;
constexpr double kBadgeGap = 2.0;
constexpr int kMaxBadgeLines = 3;
// Regions of one zone closer than this many halo radii are joined into one shaded blob.
constexpr double kZoneBridgeHalos = 5.0;

/// Rectangles already taken on screen; labels are placed greedily where they fit.
class Occupancy
{
public:
    explicit Occupancy(QRectF bounds)
        : m_bounds(bounds)
    {
    }
    bool isFree(const QRectF &rect) const
    {
        if (!m_bounds.contains(rect))
            return false;
        return std::none_of(m_rects.begin(), m_rects.end(), [&](const QRectF &r) { return r.intersects(rect); });
    }
    void add(const QRectF &rect) { m_rects.push_back(rect); }

private:
    QRectF m_bounds;
    std::vector<QRectF> m_rects;
};

QString formatRtt(double rttMs)
{
    return rttMs < 10.0 ? QString::number(rttMs, 'f', 1) : QString::number(std::lround(rttMs));
}

QString formatRps(double rps)
{
    if (rps >= 10'000.0)
        return QStringLiteral("%1k req/s").arg(std::lround(rps / 1000.0));
    if (rps >= 1000.0)
        return QStringLiteral("%1k req/s").arg(rps / 1000.0, 0, 'f', 1);
    return QStringLiteral("%1 req/s").arg(std::lround(rps));
}

// Region ids label the map: short, unique, and what planners type and see in every table
// ("eu-central-1", "westeurope"); the display name is in the tooltip.
QString regionTitle(const engine::Region &region)
{
    return QString::fromStdString(region.id.empty() ? region.name : region.id);
}
// "Llama-3.3-70B-Instruct (FP8, FP8 KV cache)" → "Llama-3.3-70B FP8": badges must stay short,
// and the weight precision is what a planner distinguishes deployments by.
QString shortModelName(const engine::Model &model)
{
    QString name = QString::fromStdString(model.name.empty() ? model.id : model.name);
    const qsizetype paren = name.indexOf(QLatin1String(" ("));
    if (paren > 0)
        name.truncate(paren);
    name.remove(QLatin1String("-Instruct"), Qt::CaseInsensitive);
    const QString precision = model.bytesPerParam == 1.0 ? QStringLiteral("FP8")
                              : model.bytesPerParam == 2.0 ? QStringLiteral("BF16")
                                                           : QString();
    if (!precision.isEmpty() && !name.contains(precision, Qt::CaseInsensitive))
        name += QLatin1Char(' ') + precision;
    return name;
}

QStringList poolBadgeLines(const engine::Scenario &scenario, const std::string &regionId)
{
    QStringList lines;
    for (const engine::Pool &pool : scenario.pools) {
        if (pool.region != regionId)
            continue;
        const engine::Model *model = scenario.findModel(pool.model);
        const QString modelName = model ? shortModelName(*model) : QString::fromStdString(pool.model);
        lines << QStringLiteral("%1×%2 · %3").arg(pool.gpuCount).arg(QString::fromStdString(pool.gpuType), modelName);
    }
    if (lines.size() > kMaxBadgeLines) {
        const qsizetype hidden = lines.size() - (kMaxBadgeLines - 1);
        lines = lines.mid(0, kMaxBadgeLines - 1);
        lines << QStringLiteral("+%1 more pools").arg(hidden);
    }
    return lines;
}

// Requests per second from a region at the overlay time: its daily curve (explicit or preset,
// in local hours) at the region's local hour, times its peak.
double loadRpsAt(const engine::RegionTraffic &traffic, double utcOffsetHours, const QDateTime &utc)
{
    const QTime time = utc.toUTC().time();
    const double utcHour = time.hour() + time.minute() / 60.0 + time.second() / 3600.0;
    return models::TrafficPresets::rpsAt(traffic, utcOffsetHours, utcHour);
}

double peakOf(const engine::RegionTraffic &traffic)
{
    const std::vector<double> curve = models::TrafficPresets::effectiveCurve(traffic);
    return traffic.peakRps * *std::max_element(curve.begin(), curve.end());
}

// Fans out markers that would overlap (co-located regions of different providers, a city with
// three data centres, a whole continent at world zoom). Overlapping markers form a cluster that is
// packed in concentric rings around its centre: regions nearest the centre go inside, and each
// ring keeps its members' compass order, so the fan still reads like the geography. Clusters
// whose packed discs collide are merged and packed again until none overlap.
// Returns, per item, the outward direction of its fanned-out marker (zero when not moved).
std::vector<QPointF> fanOut(std::vector<MapLayout::RegionItem> &items)
{
    const size_t n = items.size();
    std::vector<QPointF> outward(n);
    if (n < 2)
        return outward;
    double maxRadius = 0.0;
    for (const auto &item : items)
        maxRadius = std::max(maxRadius, item.radiusPx);
    const double pitch = 2 * maxRadius + 4.0; // centre-to-centre distance of packed markers

    struct Cluster
    {
        std::vector<size_t> members;
        QPointF center;
        double radius = 0.0; // of the disc that holds every packed marker
    };
    auto pack = [&](Cluster &cluster) {
        auto &members = cluster.members;
        QPointF center;
        for (size_t i : members)
            center += items[i].anchor;
        center /= double(members.size());
        cluster.center = center;
        if (members.size() == 1) {
            items[members[0]].marker = items[members[0]].anchor;
            outward[members[0]] = QPointF();
            cluster.radius = items[members[0]].radiusPx;
            return;
        }
        std::sort(members.begin(), members.end(), [&](size_t a, size_t b) {
            const double da = QLineF(items[a].anchor, center).length();
            const double db = QLineF(items[b].anchor, center).length();
            return da < db - 1e-9 || (std::abs(da - db) <= 1e-9 && items[a].id < items[b].id);
        });
        // Ring capacities: up to 7 fit on the first ring; bigger clusters put one marker in the
        // middle and fill rings of growing radius (a hexagonal-like packing).
        std::vector<std::pair<double, size_t>> rings; // (radius, capacity)
        size_t remaining = members.size();
        if (remaining <= 7) {
            rings.emplace_back(std::max(pitch * 0.8, pitch / (2 * std::sin(std::numbers::pi / double(remaining)))), remaining);
        } else {
            rings.emplace_back(0.0, 1);
            remaining -= 1;
            for (int r = 1; remaining > 0; ++r) {
                const double radius = r * pitch;
                const auto capacity = std::min(remaining, size_t(std::floor(2 * std::numbers::pi * radius / pitch)));
                rings.emplace_back(radius, capacity);
                remaining -= capacity;
            }
        }
        size_t next = 0;
        for (const auto &[ringRadius, capacity] : rings) {
            std::vector<size_t> ring(members.begin() + qsizetype(next), members.begin() + qsizetype(next + capacity));
            next += capacity;
            auto angleOf = [&](size_t i) {
                const QPointF d = items[i].anchor - center;
                return QLineF(items[i].anchor, center).length() < 0.5 ? -std::numbers::pi / 2 : std::atan2(d.y(), d.x());
            };
            std::stable_sort(ring.begin(), ring.end(), [&](size_t a, size_t b) { return angleOf(a) < angleOf(b); });
            // Evenly spaced slots in the members' compass order, rotated to the circular mean of
            // their offsets, so that each marker lands as near its true bearing as possible.
            const double slot = 2 * std::numbers::pi / double(ring.size());
            double sinSum = 0.0;
            double cosSum = 0.0;
            for (size_t m = 0; m < ring.size(); ++m) {
                sinSum += std::sin(angleOf(ring[m]) - slot * double(m));
                cosSum += std::cos(angleOf(ring[m]) - slot * double(m));
            }
            const double start = std::atan2(sinSum, cosSum);
            for (size_t m = 0; m < ring.size(); ++m) {
                const double angle = start + slot * double(m);
                const QPointF direction(std::cos(angle), std::sin(angle));
                items[ring[m]].marker = center + direction * ringRadius;
                outward[ring[m]] = ringRadius > 0 ? direction : QPointF();
            }
            cluster.radius = ringRadius + maxRadius;
        }
    };

    std::vector<Cluster> clusters;
    for (size_t i = 0; i < n; ++i) {
        Cluster cluster;
        cluster.members = {i};
        pack(cluster);
        clusters.push_back(std::move(cluster));
    }
    for (bool merged = true; merged;) {
        merged = false;
        for (size_t a = 0; a < clusters.size() && !merged; ++a) {
            for (size_t b = a + 1; b < clusters.size() && !merged; ++b) {
                const double distance = QLineF(clusters[a].center, clusters[b].center).length();
                bool overlap = distance < clusters[a].radius + clusters[b].radius + 2.0;
                if (overlap && clusters[a].members.size() + clusters[b].members.size() > 2) {
                    // Discs are conservative: merge only if two actual markers are too close.
                    overlap = false;
                    for (size_t i : clusters[a].members)
                        for (size_t j : clusters[b].members)
                            overlap = overlap || QLineF(items[i].marker, items[j].marker).length() < pitch - 0.5;
                }
                if (!overlap)
                    continue;
                clusters[a].members.insert(clusters[a].members.end(), clusters[b].members.begin(), clusters[b].members.end());
                clusters.erase(clusters.begin() + qsizetype(b));
                pack(clusters[a]);
                merged = true;
            }
        }
    }
    return outward;
}

// A zone's shading: a halo around each of its regions, joined by bands along the edges of the
// regions' minimum spanning tree (Prim, on screen distances) that are short enough to read as
// "nearby". Unlike a convex hull this never paints a continent-sized triangle between three
// far-apart regions of one zone (Mumbai, Tokyo, Sydney), yet a compact zone reads as one blob.
QPainterPath zoneHalo(const std::vector<QPointF> &points, double halo)
{
    const size_t n = points.size();
    if (n == 0)
        return {};
    QPainterPath tree;
    std::vector<char> inTree(n, 0);
    std::vector<double> bestDistance(n, std::numeric_limits<double>::infinity());
    std::vector<size_t> bestParent(n, 0);
    bestDistance[0] = 0.0;
    for (size_t step = 0; step < n; ++step) {
        size_t next = n;
        for (size_t i = 0; i < n; ++i)
            if (!inTree[i] && (next == n || bestDistance[i] < bestDistance[next]))
                next = i;
        inTree[next] = 1;
        if (step > 0 && bestDistance[next] <= halo * kZoneBridgeHalos) {
            tree.moveTo(points[bestParent[next]]);
            tree.lineTo(points[next]);
        }
        for (size_t i = 0; i < n; ++i) {
            const double distance = QLineF(points[next], points[i]).length();
            if (!inTree[i] && distance < bestDistance[i]) {
                bestDistance[i] = distance;
                bestParent[i] = next;
            }
        }
    }
    QPainterPath shape;
    if (!tree.isEmpty()) {
        QPainterPathStroker stroker;
        stroker.setWidth(halo * 1.3);
        stroker.setJoinStyle(Qt::RoundJoin);
        stroker.setCapStyle(Qt::RoundCap);
        shape = stroker.createStroke(tree);
    }
    shape.setFillRule(Qt::WindingFill);
    for (const QPointF &point : points)
        shape.addEllipse(point, halo, halo);
    return shape.simplified();
}

double distanceToSegment(QPointF p, QPointF a, QPointF b)
{
    const QPointF ab = b - a;
    const double lengthSquared = QPointF::dotProduct(ab, ab);
    const double t = lengthSquared > 0 ? std::clamp(QPointF::dotProduct(p - a, ab) / lengthSquared, 0.0, 1.0) : 0.0;
    return QLineF(p, a + ab * t).length();
}

// The point a fraction of the way along the total length of all pieces.
QPointF pointAlong(const QList<QPolygonF> &pieces, double fraction)
{
    double total = 0.0;
    for (const QPolygonF &piece : pieces)
        for (qsizetype i = 1; i < piece.size(); ++i)
            total += QLineF(piece[i - 1], piece[i]).length();
    double remaining = total * fraction;
    for (const QPolygonF &piece : pieces) {
        for (qsizetype i = 1; i < piece.size(); ++i) {
            const double length = QLineF(piece[i - 1], piece[i]).length();
            if (remaining <= length && length > 0)
                return piece[i - 1] + (piece[i] - piece[i - 1]) * (remaining / length);
            remaining -= length;
        }
    }
    return pieces.isEmpty() || pieces.first().isEmpty() ? QPointF() : pieces.first().first();
}

QRectF pill(const QFontMetricsF &metrics, const QString &text)
{
    return QRectF(0, 0, metrics.horizontalAdvance(text) + 2 * kPadX, metrics.height() + 2 * kPadY);
}

} // namespace

MapLayout MapLayout::compute(const engine::Scenario &scenario, const WorldMap &map, const MapViewState &view,
                             const MapRenderOptions &options, const MapStyle &style)
{
    MapLayout layout;
    const QRectF viewport = view.viewportRect();
    const QFontMetricsF regionMetrics(style.regionFont);
    const QFontMetricsF badgeMetrics(style.badgeFont);
    const QFontMetricsF linkMetrics(style.linkFont);
    const QFontMetricsF countryMetrics(style.countryFont);
    const QFontMetricsF legendMetrics(style.legendFont);
    const QFontMetricsF legendTitleMetrics(style.legendTitleFont);

    // --- Regions and their markers ---------------------------------------------------------
    double maxPeakRps = 0.0;
    for (const engine::RegionTraffic &traffic : scenario.traffic)
        maxPeakRps = std::max(maxPeakRps, peakOf(traffic));
    for (size_t i = 0; i < scenario.regions.size(); ++i) {
        const engine::Region &region = scenario.regions[i];
        RegionItem item;
        item.regionIndex = int(i);
        item.id = QString::fromStdString(region.id);
        item.lonLat = options.positionOverrides.value(item.id, QPointF(region.lon, region.lat));
        item.anchor = view.lonLatToScreen(item.lonLat);
        item.marker = item.anchor;
        item.color = style.zoneColor(scenario, region.zone);
        item.custom = region.provider == "custom";
        item.badgeLines = poolBadgeLines(scenario, region.id);
        item.radiusPx = style.markerRadiusPx + (item.badgeLines.isEmpty() ? 0.0 : 1.5);
        item.title = regionTitle(region);
        if (options.showLoad) {
            const auto traffic = std::find_if(scenario.traffic.begin(), scenario.traffic.end(),
                                              [&](const engine::RegionTraffic &t) { return t.region == region.id; });
            if (traffic != scenario.traffic.end()) {
                item.loadRps = loadRpsAt(*traffic, region.utcOffsetHours, options.utc);
                if (item.loadRps >= 0 && maxPeakRps > 0)
                    item.loadRadiusPx = style.maxLoadRadiusPx * std::sqrt(item.loadRps / maxPeakRps);
                if (item.loadRps >= 0)
                    item.title += QStringLiteral(" · ") + formatRps(item.loadRps);
            }
        }
        layout.regions.push_back(std::move(item));
    }
    const std::vector<QPointF> outward = fanOut(layout.regions);

    // --- Legends and captions (placed first: labels must not hide them) --------------------
    Occupancy occupied(viewport.adjusted(2, 2, -2, -2));
    const bool legendFits = options.showLegend && viewport.width() >= 320 && viewport.height() >= 200;
    double legendBottom = viewport.bottom() - 10.0;
    const double lineHeight = legendMetrics.height() + 3.0;
    if (legendFits && options.showLinks && !scenario.links.empty()) {
        const double width = 210.0;
        const double height = 6 + legendTitleMetrics.height() + 4 + 10 + 3 + legendMetrics.height() + 6;
        layout.latencyLegendRect = QRectF(10, legendBottom - height, width, height);
        legendBottom = layout.latencyLegendRect.top() - 6;
        occupied.add(layout.latencyLegendRect.adjusted(-3, -3, 3, 3));
    }
    if (legendFits && options.showZones) {
        for (size_t z = 0; z < scenario.zones.size(); ++z) {
            const engine::ResidencyZone &zone = scenario.zones[z];
            const auto count = std::count_if(scenario.regions.begin(), scenario.regions.end(),
                                             [&](const engine::Region &r) { return r.zone == zone.id; });
            const QString zoneId = QString::fromStdString(zone.id);
            if (count == 0 && zoneId != options.highlightedZoneId)
                continue;
            const QString name = QString::fromStdString(zone.name.empty() ? zone.id : zone.name);
            const QString text = name == zoneId ? QStringLiteral("%1 (%2)").arg(name).arg(count)
                                                : QStringLiteral("%1 — %2 (%3)").arg(zoneId, name).arg(count);
            layout.zoneLegendRows.append({text, style.zoneColor(scenario, zone.id)});
        }
        if (!layout.zoneLegendRows.isEmpty()) {
            double width = legendTitleMetrics.horizontalAdvance(QStringLiteral("Residency zones"));
            for (const LegendRow &row : std::as_const(layout.zoneLegendRows))
                width = std::max(width, 18 + legendMetrics.horizontalAdvance(row.text));
            width += 16;
            const double height = 6 + legendTitleMetrics.height() + 3 + lineHeight * double(layout.zoneLegendRows.size()) + 4;
            if (legendBottom - height > viewport.top() + 40) {
                layout.zoneLegendRect = QRectF(10, legendBottom - height, width, height);
                occupied.add(layout.zoneLegendRect.adjusted(-3, -3, 3, 3));
            } else {
                layout.zoneLegendRows.clear();
            }
        }
    }
    if (options.showDayNight || options.showLoad) {
        layout.timeText = QLocale::c().toString(options.utc.toUTC(), QStringLiteral("ddd d MMM yyyy · HH:mm 'UTC'"));
        QRectF rect = pill(legendTitleMetrics, layout.timeText).adjusted(0, 0, 8, 4);
        rect.moveCenter(QPointF(viewport.center().x(), viewport.top() + 8 + rect.height() / 2));
        layout.timeRect = rect;
        occupied.add(rect.adjusted(-3, -3, 3, 3));
    }
    if (options.showDayNight)
        layout.subsolarLonLat = SolarTerminator::subsolarPoint(options.utc);
    layout.attribution = map.attribution();
    if (!layout.attribution.isEmpty()) {
        QFont font = style.legendFont;
        font.setPixelSize(9);
        const QFontMetricsF metrics(font);
        if (metrics.horizontalAdvance(layout.attribution) > viewport.width() * 0.55)
            layout.attribution = QStringLiteral("Natural Earth");
        const double width = metrics.horizontalAdvance(layout.attribution) + 8;
        layout.attributionRect = QRectF(viewport.right() - width - 4, viewport.bottom() - metrics.height() - 4,
                                        width, metrics.height() + 2);
        occupied.add(layout.attributionRect);
    }

    // Markers are obstacles for every label.
    for (const RegionItem &item : layout.regions) {
        const double r = item.radiusPx + 2.0;
        occupied.add(QRectF(item.marker - QPointF(r, r), QSizeF(2 * r, 2 * r)));
    }

    // --- Region labels, most important first ------------------------------------------------
    std::vector<size_t> order(layout.regions.size());
    std::iota(order.begin(), order.end(), size_t(0));
    auto gpuCount = [&](const RegionItem &item) {
        int count = 0;
        for (const engine::Pool &pool : scenario.pools)
            if (pool.region == scenario.regions[size_t(item.regionIndex)].id)
                count += pool.gpuCount;
        return count;
    };
    auto rank = [&](const RegionItem &item) {
        if (item.id == options.selectedRegionId)
            return 0;
        if (item.id == options.hoveredRegionId)
            return 1;
        return item.badgeLines.isEmpty() ? 3 : 2;
    };
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        const RegionItem &ra = layout.regions[a];
        const RegionItem &rb = layout.regions[b];
        if (rank(ra) != rank(rb))
            return rank(ra) < rank(rb);
        return gpuCount(ra) > gpuCount(rb);
    });
    for (size_t index : order) {
        RegionItem &item = layout.regions[index];
        if (!viewport.contains(item.marker))
            continue;
        const QRectF titleBox = pill(regionMetrics, item.title);
        QList<QRectF> badgeBoxes;
        for (const QString &line : std::as_const(item.badgeLines))
            badgeBoxes << pill(badgeMetrics, line);
        const double gap = item.radiusPx + 4.0;
        const QPointF m = item.marker;
        // Try the full block (title and badges), then the title alone.
        for (const qsizetype badges : {badgeBoxes.size(), qsizetype(0)}) {
            double width = titleBox.width();
            double height = titleBox.height();
            for (qsizetype b = 0; b < badges; ++b) {
                width = std::max(width, badgeBoxes[b].width());
                height += kBadgeGap + badgeBoxes[b].height();
            }
            const double th = titleBox.height();
            struct Candidate
            {
                QRectF rect;
                bool leftSide;
            };
            // Beside the marker (title centred on it, or shifted up or down by a line), then
            // below and above it (centred, or hanging to either side).
            std::vector<Candidate> candidates;
            for (const double shift : {0.0, -0.9, 0.9}) {
                const double top = m.y() - th / 2 + shift * th;
                candidates.push_back({QRectF(m.x() + gap, top, width, height), false});
                candidates.push_back({QRectF(m.x() - gap - width, top, width, height), true});
                const double upTop = m.y() + th / 2 - height + shift * th;
                if (badges > 0) {
                    candidates.push_back({QRectF(m.x() + gap, upTop, width, height), false});
                    candidates.push_back({QRectF(m.x() - gap - width, upTop, width, height), true});
                }
            }
            for (const double left : {m.x() - width / 2, m.x() - gap * 0.6, m.x() - width + gap * 0.6}) {
                candidates.push_back({QRectF(left, m.y() + gap, width, height), left < m.x() - width / 2 - 1});
                candidates.push_back({QRectF(left, m.y() - gap - height, width, height), left < m.x() - width / 2 - 1});
            }
            const QPointF out = outward[index];
            if (!out.isNull()) {
                std::stable_sort(candidates.begin(), candidates.end(), [&](const Candidate &a, const Candidate &b) {
                    return QPointF::dotProduct(a.rect.center() - m, out) > QPointF::dotProduct(b.rect.center() - m, out);
                });
            }
            const auto chosen = std::find_if(candidates.begin(), candidates.end(),
                                             [&](const Candidate &c) { return occupied.isFree(c.rect); });
            if (chosen == candidates.end())
                continue;
            const QRectF block = chosen->rect;
            occupied.add(block.adjusted(-2, -2, 2, 2));
            auto aligned = [&](const QRectF &box, double top) {
                const double left = chosen->leftSide ? block.right() - box.width() : block.left();
                return QRectF(QPointF(left, top), box.size());
            };
            item.titleShown = true;
            item.titleRect = aligned(titleBox, block.top());
            double top = item.titleRect.bottom() + kBadgeGap;
            for (qsizetype b = 0; b < badges; ++b) {
                item.badgeRects << aligned(badgeBoxes[b], top);
                top += badgeBoxes[b].height() + kBadgeGap;
            }
            break;
        }
    }

    // --- Links ------------------------------------------------------------------------------
    if (options.showLinks) {
        std::map<std::pair<std::string, std::string>, size_t> pairs;
        for (size_t i = 0; i < scenario.links.size(); ++i) {
            const engine::Link &link = scenario.links[i];
            const RegionItem *from = layout.region(QString::fromStdString(link.from));
            const RegionItem *to = layout.region(QString::fromStdString(link.to));
            if (!from || !to || link.from == link.to)
                continue;
            const auto key = std::minmax(link.from, link.to);
            const auto found = pairs.find(key);
            if (found != pairs.end()) {
                layout.links[found->second].linkIndices << int(i);
                continue;
            }
            pairs.emplace(key, layout.links.size());
            LinkItem item;
            item.linkIndices << int(i);
            item.from = from->id;
            item.to = to->id;
            const QPointF fromShift = from->marker - from->anchor;
            const QPointF toShift = to->marker - to->anchor;
            const std::vector<QPolygonF> arc = GreatCircle::arc(from->lonLat, to->lonLat, 1.0);
            qsizetype total = 0;
            for (const QPolygonF &piece : arc)
                total += piece.size();
            qsizetype seen = 0;
            for (const QPolygonF &piece : arc) {
                QPolygonF screen;
                screen.reserve(piece.size());
                for (const QPointF &lonLat : piece) {
                    // Blend the fan-out displacement of both ends along the arc, so the line
                    // meets the markers where they are drawn.
                    const double t = total > 1 ? double(seen) / double(total - 1) : 0.0;
                    screen << view.lonLatToScreen(lonLat) + fromShift * (1 - t) + toShift * t;
                    ++seen;
                }
                item.pieces << screen;
            }
            if (arc.size() == 1 && arc.front().size() == 1)
                item.pieces.first() << to->marker;
            layout.links.push_back(std::move(item));
        }
        for (LinkItem &item : layout.links) {
            const engine::Link &first = scenario.links[size_t(item.linkIndices.first())];
            item.rttMs = first.rttMs;
            item.labelText = formatRtt(first.rttMs);
            if (item.linkIndices.size() > 1) {
                const engine::Link &second = scenario.links[size_t(item.linkIndices.at(1))];
                item.rttMs = std::max(first.rttMs, second.rttMs);
                if (formatRtt(second.rttMs) != item.labelText)
                    item.labelText += QStringLiteral(" / ") + formatRtt(second.rttMs);
            }
            item.labelText += QStringLiteral(" ms");
            item.color = LatencyColorScale::color(item.rttMs);
        }
        // Selected and hovered link labels first, then shorter links (more of them fit).
        std::vector<size_t> linkOrder(layout.links.size());
        std::iota(linkOrder.begin(), linkOrder.end(), size_t(0));
        auto linkRank = [&](const LinkItem &item) {
            if (item.linkIndices.contains(options.selectedLinkIndex))
                return 0;
            return item.linkIndices.contains(options.hoveredLinkIndex) ? 1 : 2;
        };
        std::stable_sort(linkOrder.begin(), linkOrder.end(), [&](size_t a, size_t b) {
            return linkRank(layout.links[a]) < linkRank(layout.links[b]);
        });
        for (size_t index : linkOrder) {
            LinkItem &item = layout.links[index];
            QRectF box = pill(linkMetrics, item.labelText);
            for (const double fraction : {0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74}) {
                box.moveCenter(pointAlong(item.pieces, fraction));
                if (occupied.isFree(box)) {
                    item.labelRect = box;
                    item.labelShown = true;
                    occupied.add(box.adjusted(-2, -2, 2, 2));
                    break;
                }
            }
        }
    }

    // --- Zone halos -------------------------------------------------------------------------
    if (options.showZones) {
        for (const engine::ResidencyZone &zone : scenario.zones) {
            std::vector<QPointF> points;
            for (const RegionItem &item : layout.regions)
                if (scenario.regions[size_t(item.regionIndex)].zone == zone.id)
                    points.push_back(item.marker);
            if (points.empty())
                continue;
            ZoneShape shape;
            shape.zoneId = QString::fromStdString(zone.id);
            shape.color = style.zoneColor(scenario, zone.id);
            shape.path = zoneHalo(points, style.zoneHaloPx);
            shape.highlighted = shape.zoneId == options.highlightedZoneId;
            if (shape.path.boundingRect().intersects(viewport))
                layout.zones.push_back(std::move(shape));
        }
    }

    // --- Country names, largest first, only where they fit ----------------------------------
    if (options.showCountryLabels && view.zoom() >= MapRenderOptions::kCountryLabelMinZoom) {
        std::vector<const WorldMap::Country *> countries;
        for (const WorldMap::Country &country : map.countries())
            countries.push_back(&country);
        std::stable_sort(countries.begin(), countries.end(), [](const auto *a, const auto *b) {
            return a->projectedArea > b->projectedArea;
        });
        const QTransform toScreen = view.projectedToScreenTransform();
        const QTransform toProjected = toScreen.inverted();
        for (const WorldMap::Country *country : countries) {
            const QRectF bounds = toScreen.mapRect(country->projectedBounds);
            if (!bounds.intersects(viewport))
                continue;
            const double textWidth = countryMetrics.horizontalAdvance(country->name);
            if (bounds.width() < textWidth * 1.1 || bounds.height() < countryMetrics.height() * 1.5)
                continue;
            // At its label point, else nudged up, down or sideways, as long as the name stays
            // over its own country.
            const QPointF anchor = view.lonLatToScreen(country->labelLonLat);
            const double h = countryMetrics.height() * 1.6;
            const double w = textWidth * 0.35;
            QRectF rect(0, 0, textWidth + 4, countryMetrics.height());
            bool placed = false;
            for (const QPointF offset : {QPointF(0, 0), QPointF(0, -h), QPointF(0, h), QPointF(-w, 0), QPointF(w, 0),
                                         QPointF(0, -2 * h), QPointF(0, 2 * h)}) {
                rect.moveCenter(anchor + offset);
                if (!occupied.isFree(rect))
                    continue;
                if (!offset.isNull() && !country->path.contains(toProjected.map(rect.center())))
                    continue;
                placed = true;
                break;
            }
            if (!placed)
                continue;
            occupied.add(rect.adjusted(-6, -3, 6, 3));
            layout.countryLabels.push_back({country->name, rect});
        }
    }
    return layout;
}

const MapLayout::RegionItem *MapLayout::regionAt(QPointF screen) const
{
    for (auto it = regions.rbegin(); it != regions.rend(); ++it)
        if (QLineF(it->marker, screen).length() <= it->radiusPx + 3.0)
            return &*it;
    for (auto it = regions.rbegin(); it != regions.rend(); ++it) {
        if (it->titleShown && it->titleRect.contains(screen))
            return &*it;
        for (const QRectF &badge : it->badgeRects)
            if (badge.contains(screen))
                return &*it;
    }
    return nullptr;
}

const MapLayout::LinkItem *MapLayout::linkAt(QPointF screen, double tolerancePx) const
{
    for (auto it = links.rbegin(); it != links.rend(); ++it)
        if (it->labelShown && it->labelRect.contains(screen))
            return &*it;
    const LinkItem *best = nullptr;
    double bestDistance = tolerancePx;
    for (const LinkItem &item : links) {
        for (const QPolygonF &piece : item.pieces) {
            for (qsizetype i = 1; i < piece.size(); ++i) {
                const double distance = distanceToSegment(screen, piece[i - 1], piece[i]);
                if (distance <= bestDistance) {
                    bestDistance = distance;
                    best = &item;
                }
            }
        }
    }
    return best;
}

const MapLayout::RegionItem *MapLayout::region(const QString &id) const
{
    const auto it = std::find_if(regions.begin(), regions.end(), [&](const RegionItem &item) { return item.id == id; });
    return it == regions.end() ? nullptr : &*it;
}

} // namespace longitude::ui
