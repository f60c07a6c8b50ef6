#include "addregiontool.h"

#include "ui/map/catalogregionpicker.h"
#include "ui/map/greatcircle.h"
#include "ui/map/mapcanvas.h"

#include "models/scenariodocument.h"

#include <QFontMetricsF>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>

#include <cmath>

namespace longitude::ui {

namespace {

constexpr double kGhostRadiusPx = 4.5;
constexpr double kGhostHitPx = 8.0;
// A custom region takes the UTC offset of the nearest catalog region when one is this close
// (same country or metro in practice); else the nautical offset round(lon / 15°).
constexpr double kOffsetFromNeighbourKm = 800.0;

double roundCoordinate(double degrees) { return std::round(degrees * 1e4) / 1e4; }

std::vector<std::string> scenarioIds(const engine::Scenario &scenario)
{
    std::vector<std::string> ids;
    for (const engine::Region &region : scenario.regions)
        ids.push_back(region.id);
    return ids;
}

} // namespace

AddRegionTool::AddRegionTool(MapCanvas *canvas)
    : MapTool(canvas)
{
}

QString AddRegionTool::name() const { return MapCanvas::tr("Add region"); }

QString AddRegionTool::hint() const
{
    return MapCanvas::tr("Click a hollow circle to add that catalog region, or anywhere to pick among the nearest "
                         "ones or place a custom region.");
}

QCursor AddRegionTool::cursor() const { return Qt::CrossCursor; }

const engine::Region *AddRegionTool::ghostAt(QPointF position) const
{
    const MapCatalog &catalog = canvas()->catalog();
    const engine::Scenario &scenario = canvas()->scenario();
    const engine::Region *hit = nullptr;
    int hits = 0;
    double best = kGhostHitPx;
    for (const engine::Region &region : catalog.regions) {
        if (scenario.findRegion(region.id))
            continue;
        const double distance = QLineF(canvas()->viewState().lonLatToScreen(QPointF(region.lon, region.lat)), position).length();
        if (distance > kGhostHitPx)
            continue;
        ++hits;
        if (distance <= best) {
            best = distance;
            hit = &region;
        }
    }
    // Several circles under the pointer (co-located providers): let the menu disambiguate.
    return hits == 1 ? hit : nullptr;
}

void AddRegionTool::mouseClick(QMouseEvent *event)
{
    if (const engine::Region *ghost = ghostAt(event->position())) {
        addCatalogRegion(ghost->id);
        return;
    }
    offerAt(event->position(), canvas()->mapToGlobal(event->position().toPoint()));
}

void AddRegionTool::mouseHover(QMouseEvent *event)
{
    const engine::Region *ghost = ghostAt(event->position());
    const QString id = ghost ? QString::fromStdString(ghost->id) : QString();
    if (id != m_hoveredGhost) {
        m_hoveredGhost = id;
        canvas()->requestRepaint();
    }
}

void AddRegionTool::deactivate() { m_hoveredGhost.clear(); }

void AddRegionTool::paintOverlay(QPainter &painter) const
{
    const MapCatalog &catalog = canvas()->catalog();
    const engine::Scenario &scenario = canvas()->scenario();
    const MapViewState &view = canvas()->viewState();
    const MapStyle &style = canvas()->renderer().style();
    const QRectF viewport = view.viewportRect();
    painter.save();
    painter.setBrush(QColor(255, 255, 255, 150));
    for (const engine::Region &region : catalog.regions) {
        if (scenario.findRegion(region.id))
            continue;
        const QPointF at = view.lonLatToScreen(QPointF(region.lon, region.lat));
        if (!viewport.contains(at))
            continue;
        QColor color = style.zoneColor(scenario, region.zone);
        if (const engine::ResidencyZone *zone = catalog.findZone(region.zone); zone && !scenario.findZone(region.zone))
            color = QColor(QString::fromStdString(zone->color));
        if (!color.isValid())
            color = style.unassignedZone;
        painter.setPen(QPen(color, 1.6));
        painter.drawEllipse(at, kGhostRadiusPx, kGhostRadiusPx);
    }
    if (const engine::Region *hovered = catalog.findRegion(m_hoveredGhost.toStdString())) {
        const QPointF at = view.lonLatToScreen(QPointF(hovered->lon, hovered->lat));
        painter.setPen(QPen(style.selection, 2.0));
        painter.setBrush(Qt::NoBrush);
        painter.drawEllipse(at, kGhostRadiusPx + 3, kGhostRadiusPx + 3);
        const QString text = MapCanvas::tr("Add %1 — %2").arg(m_hoveredGhost, QString::fromStdString(hovered->name));
        const QFontMetricsF metrics(style.regionFont);
        QRectF box(0, 0, metrics.horizontalAdvance(text) + 10, metrics.height() + 4);
        box.moveTopLeft(at + QPointF(10, -box.height() / 2));
        if (box.right() > viewport.right())
            box.moveRight(at.x() - 10);
        painter.setPen(QPen(style.selection, 1.0));
        painter.setBrush(style.labelBackground);
        painter.drawRoundedRect(box, 3, 3);
        painter.setFont(style.regionFont);
        painter.setPen(style.text);
        painter.drawText(box, Qt::AlignCenter, text);
    }
    painter.restore();
}

QMenu *AddRegionTool::offerAt(QPointF position, QPoint globalPosition)
{
    const std::optional<QPointF> lonLat = canvas()->viewState().screenToLonLat(position);
    if (!lonLat) {
        emit canvas()->statusMessage(MapCanvas::tr("That point is off the map."));
        return nullptr;
    }
    const MapCatalog &catalog = canvas()->catalog();
    auto *menu = new QMenu(canvas());
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->setObjectName(QStringLiteral("addRegionMenu"));
    const auto nearest = catalog.nearest(*lonLat, kNearestCount, scenarioIds(canvas()->scenario()));
    if (!nearest.empty())
        menu->addSection(MapCanvas::tr("Nearest catalog regions"));
    for (const engine::Region *region : nearest) {
        const double km = GreatCircle::distanceKm(*lonLat, QPointF(region->lon, region->lat));
        const std::string id = region->id;
        QAction *action = menu->addAction(MapCanvas::tr("%1 — %2 (%3 km)")
                                              .arg(QString::fromStdString(region->id), QString::fromStdString(region->name))
                                              .arg(std::lround(km)),
                                          canvas(), [this, id] { addCatalogRegion(id); });
        action->setData(QString::fromStdString(id));
    }
    menu->addSeparator();
    const QPointF point = *lonLat;
    QAction *custom = menu->addAction(MapCanvas::tr("Custom region here (%1, %2)")
                                          .arg(point.y(), 0, 'f', 2)
                                          .arg(point.x(), 0, 'f', 2),
                                      canvas(), [this, point] { addCustomRegion(point); });
    custom->setData(QStringLiteral("custom"));
    if (!catalog.regions.empty())
        menu->addAction(MapCanvas::tr("Search the catalog…"), canvas(), [this] { openCatalogPicker(); });
    if (!nearest.empty())
        menu->setActiveAction(menu->actions().at(1));
    menu->popup(globalPosition);
    return menu;
}

void AddRegionTool::openCatalogPicker()
{
    const MapCatalog &catalog = canvas()->catalog();
    auto *picker = new CatalogRegionPicker(catalog.regions, catalog.zones, scenarioIds(canvas()->scenario()), canvas());
    picker->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(picker, &QDialog::accepted, canvas(), [this, picker] {
        const QStringList ids = picker->selectedIds();
        if (ids.size() > 1)
            canvas()->document()->beginMacro(MapCanvas::tr("Add %n region(s)", nullptr, int(ids.size())));
        for (const QString &id : ids)
            addCatalogRegion(id.toStdString());
        if (ids.size() > 1)
            canvas()->document()->endMacro();
    });
    picker->open();
}

QString AddRegionTool::addCatalogRegion(const std::string &id)
{
    const MapCatalog &catalog = canvas()->catalog();
    const engine::Region *region = catalog.findRegion(id);
    if (!region)
        return {};
    models::ScenarioDocument *document = canvas()->document();
    const engine::ResidencyZone *zone = catalog.findZone(region->zone);
    const bool addZone = zone && !document->scenario().findZone(region->zone);
    if (addZone) {
        document->beginMacro(MapCanvas::tr("Add region %1").arg(QString::fromStdString(id)));
        document->addZone(*zone);
    }
    const QString added = document->addRegion(*region);
    if (addZone)
        document->endMacro();
    canvas()->selectRegion(added);
    emit canvas()->statusMessage(MapCanvas::tr("Added %1 (%2)").arg(added, QString::fromStdString(region->name)));
    return added;
}

QString AddRegionTool::addCustomRegion(QPointF lonLat)
{
    const MapCatalog &catalog = canvas()->catalog();
    models::ScenarioDocument *document = canvas()->document();
    const engine::Scenario &scenario = document->scenario();
    engine::Region region;
    region.id = "custom";
    region.name = MapCanvas::tr("Custom region").toStdString();
    region.provider = "custom";
    region.lon = roundCoordinate(lonLat.x());
    region.lat = roundCoordinate(lonLat.y());
    region.utcOffsetHours = std::round(lonLat.x() / 15.0);
    const auto nearest = catalog.nearest(lonLat, 1);
    const engine::ResidencyZone *catalogZone = nullptr;
    if (!nearest.empty()) {
        const engine::Region &neighbour = *nearest.front();
        region.zone = neighbour.zone;
        catalogZone = catalog.findZone(neighbour.zone);
        if (GreatCircle::distanceKm(lonLat, QPointF(neighbour.lon, neighbour.lat)) <= kOffsetFromNeighbourKm)
            region.utcOffsetHours = neighbour.utcOffsetHours;
    } else if (!scenario.zones.empty()) {
        region.zone = scenario.zones.front().id;
    }
    const bool addZone = catalogZone && !scenario.findZone(region.zone);
    if (addZone) {
        document->beginMacro(MapCanvas::tr("Add custom region"));
        document->addZone(*catalogZone);
    }
    const QString added = document->addRegion(region);
    if (addZone)
        document->endMacro();
    canvas()->selectRegion(added);
    emit canvas()->statusMessage(MapCanvas::tr("Added custom region %1; drag it to adjust, double-click to rename.").arg(added));
    emit canvas()->editRegionRequested(added);
    return added;
}

} // namespace longitude::ui
