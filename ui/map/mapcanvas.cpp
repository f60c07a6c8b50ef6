#include "mapcanvas.h"

#include "greatcircle.h"
#include "linkrtteditor.h"
#include "quickpooldialog.h"
#include "tools/addpooltool.h"
#include "tools/addregiontool.h"
#include "tools/drawlinktool.h"
#include "tools/selecttool.h"
#include "tools/zonepainttool.h"

#include "models/scenariodocument.h"
#include "models/trafficpresets.h"

#include <QActionGroup>
#include <QContextMenuEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <QVariantAnimation>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace longitude::ui {

namespace {

// A press that moves less than this (logical px) before release is a click, not a drag.
constexpr double kClickSlopPx = 4.0;
// One wheel notch (120 units, 15°) zooms by 2^(1/4) ≈ 1.19: four notches double the scale,
// and trackpads' fractional deltas zoom smoothly in between.
constexpr double kWheelNotchesPerDoubling = 4.0;
constexpr double kKeyPanPx = 80.0;
// Long enough to read as motion, short enough that a quick series of notches still feels direct.
constexpr int kZoomAnimationMs = 160;
// Room between the scenario's labels and the edge of the view when fitting (logical px).
constexpr double kFitMarginPx = 48.0;
// Below this zoom a fit shows nearly the whole world anyway: show all of it, uncropped.
constexpr double kWorldFitZoom = 1.4;
// Regions more than half the globe apart (say the US and Japan) are linked across the Pacific,
// by arcs that would leave a cropped view: such a scenario is shown as the whole world.
constexpr double kWorldFitSpanLonDeg = 180.0;
constexpr double kWorldFitSpanLatDeg = 100.0;

QString formatLonLat(double lon, double lat)
{
    return QStringLiteral("%1°%2 %3°%4")
        .arg(std::abs(lat), 0, 'f', 2)
        .arg(lat >= 0 ? QLatin1Char('N') : QLatin1Char('S'))
        .arg(std::abs(lon), 0, 'f', 2)
        .arg(lon >= 0 ? QLatin1Char('E') : QLatin1Char('W'));
}

QString formatUtcOffset(double hours)
{
    const int minutes = static_cast<int>(std::lround(std::abs(hours) * 60));
    QString text = QStringLiteral("UTC%1%2").arg(hours < 0 ? QLatin1Char('-') : QLatin1Char('+')).arg(minutes / 60);
    if (minutes % 60 != 0)
        text += QStringLiteral(":%1").arg(minutes % 60, 2, 10, QLatin1Char('0'));
    return text;
}

} // namespace

MapCanvas::MapCanvas(models::ScenarioDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_zoomAnimation(new QVariantAnimation(this))
{
    m_zoomAnimation->setDuration(kZoomAnimationMs);
    m_zoomAnimation->setEasingCurve(QEasingCurve::OutCubic);
    connect(m_zoomAnimation, &QVariantAnimation::valueChanged, this, [this](const QVariant &value) {
        m_autoFit = false;
        m_view.zoomAt(m_zoomAnchor, value.toDouble() / m_view.zoom());
        invalidateLayout();
        emit viewChanged();
    });
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setContextMenuPolicy(Qt::DefaultContextMenu);
    setAccessibleName(tr("World map"));
    m_view.setViewportSize(size());

    m_tools[size_t(Tool::Select)] = std::make_unique<SelectTool>(this);
    m_tools[size_t(Tool::AddRegion)] = std::make_unique<AddRegionTool>(this);
    m_tools[size_t(Tool::AddPool)] = std::make_unique<AddPoolTool>(this);
    m_tools[size_t(Tool::DrawLink)] = std::make_unique<DrawLinkTool>(this);
    m_tools[size_t(Tool::ZonePaint)] = std::make_unique<ZonePaintTool>(this);
    setCursor(tool(m_activeTool)->cursor());

    using Doc = models::ScenarioDocument;
    for (auto signal : {&Doc::poolsChanged, &Doc::linksChanged, &Doc::zonesChanged, &Doc::workloadsChanged,
                        &Doc::settingsChanged})
        connect(m_document, signal, this, &MapCanvas::onScenarioChanged);
    for (auto signal : {&Doc::regionAdded, &Doc::regionRemoved, &Doc::regionChanged, &Doc::trafficChanged})
        connect(m_document, signal, this, &MapCanvas::onScenarioChanged);
    connect(m_document, &Doc::scenarioReset, this, [this] {
        m_options.selectedLinkIndex = -1;
        m_options.hoveredLinkIndex = -1;
        m_options.hoveredRegionId.clear();
        clearPositionOverrides();
        onScenarioChanged();
        // A scenario just opened is framed; the planner's own zoom and pan stop the framing.
        fitScenario();
    });
    connect(m_document, &Doc::currentRegionChanged, this, [this](const QString &regionId) {
        m_options.selectedRegionId = regionId;
        invalidateLayout();
        emit selectionChanged();
    });
    m_options.selectedRegionId = m_document->currentRegionId();
}

MapCanvas::~MapCanvas() = default;

const engine::Scenario &MapCanvas::scenario() const { return m_document->scenario(); }

void MapCanvas::setViewState(const MapViewState &view)
{
    m_autoFit = false;
    m_view = view;
    m_view.setViewportSize(size());
    invalidateLayout();
    emit viewChanged();
}

void MapCanvas::zoomBy(double factor)
{
    m_autoFit = false;
    m_view.zoomAt(m_view.viewportRect().center(), factor);
    invalidateLayout();
    emit viewChanged();
}

void MapCanvas::fitWorld()
{
    m_autoFit = false;
    m_view.fitWorld();
    invalidateLayout();
    emit viewChanged();
}

void MapCanvas::fitScenario()
{
    m_autoFit = true;
    applyScenarioFit();
}

void MapCanvas::applyScenarioFit()
{
    m_view = scenarioFit(m_view);
    invalidateLayout();
    emit viewChanged();
}

MapViewState MapCanvas::scenarioFit(MapViewState view) const
{
    const auto &regions = scenario().regions;
    if (regions.empty()) {
        view.fitWorld();
        return view;
    }
    double minLon = 180, maxLon = -180, minLat = 90, maxLat = -90;
    for (const engine::Region &region : regions) {
        minLon = std::min(minLon, region.lon);
        maxLon = std::max(maxLon, region.lon);
        minLat = std::min(minLat, region.lat);
        maxLat = std::max(maxLat, region.lat);
    }
    if (maxLon - minLon > kWorldFitSpanLonDeg || maxLat - minLat > kWorldFitSpanLatDeg) {
        view.fitWorld();
        return view;
    }
    // At least ~20° across, so one region does not zoom to a street.
    const double padLon = std::max(2.0, (20.0 - (maxLon - minLon)) / 2);
    const double padLat = std::max(2.0, (12.0 - (maxLat - minLat)) / 2);
    view.fitLonLatRect(QRectF(QPointF(std::max(-180.0, minLon - padLon), std::max(-90.0, minLat - padLat)),
                              QPointF(std::min(180.0, maxLon + padLon), std::min(90.0, maxLat + padLat))),
                       kFitMarginPx);

    // Labels and pool badges have a fixed size in pixels, so they decide the zoom as much as the
    // regions do: zoom out until everything drawn for a region is inside the view, then centre
    // it. The greedy label placement may move a label when the zoom changes: a few rounds settle.
    const QRectF target = view.viewportRect().adjusted(kFitMarginPx / 2, kFitMarginPx / 2, -kFitMarginPx / 2, -kFitMarginPx / 2);
    for (int round = 0; round < 6 && view.zoom() >= kWorldFitZoom; ++round) {
        const MapLayout layout = m_renderer.layout(scenario(), view, m_options);
        QRectF anchors;
        QRectF content;
        for (const MapLayout::RegionItem &item : layout.regions) {
            const QRectF marker(item.marker - QPointF(item.radiusPx, item.radiusPx),
                                QSizeF(2 * item.radiusPx, 2 * item.radiusPx));
            anchors = anchors.isNull() ? QRectF(item.anchor, QSizeF(1e-6, 1e-6)) : anchors.united(QRectF(item.anchor, QSizeF(1e-6, 1e-6)));
            content = content.isNull() ? marker : content.united(marker);
            if (item.titleShown)
                content = content.united(item.titleRect);
            for (const QRectF &badge : item.badgeRects)
                content = content.united(badge);
        }
        if (target.contains(content))
            break;
        // What sticks out beyond the anchors stays the same in pixels; only the anchors' spread
        // scales with the zoom.
        const double overhangX = content.width() - anchors.width();
        const double overhangY = content.height() - anchors.height();
        double factor = 1.0;
        if (content.width() > target.width())
            factor = std::min(factor, (target.width() - overhangX) / std::max(anchors.width(), 1.0));
        if (content.height() > target.height())
            factor = std::min(factor, (target.height() - overhangY) / std::max(anchors.height(), 1.0));
        if (factor < 1.0) {
            // A little extra, so that the next round does not stop a hair short.
            view.zoomAt(view.viewportRect().center(), std::max(0.05, factor * 0.97));
            continue;
        }
        view.panByPixels(target.center() - content.center());
    }
    // A scenario that spans the globe is best seen as the whole world, not a slightly cropped one.
    if (view.zoom() < kWorldFitZoom)
        view.fitWorld();
    return view;
}

void MapCanvas::setLayers(const MapRenderOptions &options)
{
    m_options.showGraticule = options.showGraticule;
    m_options.showCountryLabels = options.showCountryLabels;
    m_options.showZones = options.showZones;
    m_options.showLinks = options.showLinks;
    m_options.showLegend = options.showLegend;
    m_options.showDayNight = options.showDayNight;
    m_options.showLoad = options.showLoad;
    m_options.utc = options.utc;
    invalidateLayout();
}

void MapCanvas::setShowDayNight(bool show)
{
    m_options.showDayNight = show;
    invalidateLayout();
}

void MapCanvas::setShowLoad(bool show)
{
    m_options.showLoad = show;
    invalidateLayout();
}

void MapCanvas::setOverlayTime(const QDateTime &utc)
{
    m_options.utc = utc.toUTC();
    invalidateLayout();
}

const MapLayout &MapCanvas::layout() const
{
    if (!m_layout)
        m_layout = m_renderer.layout(scenario(), m_view, m_options);
    return *m_layout;
}

void MapCanvas::setCatalog(MapCatalog catalog)
{
    m_catalog = std::move(catalog);
    update();
}

void MapCanvas::setActiveTool(Tool kind)
{
    if (kind == m_activeTool)
        return;
    tool(m_activeTool)->deactivate();
    m_gesture = Gesture::None;
    m_activeTool = kind;
    tool(kind)->activate();
    setCursor(tool(kind)->cursor());
    update();
    emit activeToolChanged(kind);
    emit statusMessage(tool(kind)->hint());
}

MapTool *MapCanvas::tool(Tool kind) const { return m_tools[size_t(kind)].get(); }
SelectTool *MapCanvas::selectTool() const { return static_cast<SelectTool *>(tool(Tool::Select)); }
AddRegionTool *MapCanvas::addRegionTool() const { return static_cast<AddRegionTool *>(tool(Tool::AddRegion)); }
AddPoolTool *MapCanvas::addPoolTool() const { return static_cast<AddPoolTool *>(tool(Tool::AddPool)); }
DrawLinkTool *MapCanvas::drawLinkTool() const { return static_cast<DrawLinkTool *>(tool(Tool::DrawLink)); }
ZonePaintTool *MapCanvas::zonePaintTool() const { return static_cast<ZonePaintTool *>(tool(Tool::ZonePaint)); }

QString MapCanvas::selectedRegionId() const { return m_document->currentRegionId(); }

void MapCanvas::selectRegion(const QString &regionId)
{
    if (m_options.selectedLinkIndex >= 0) {
        m_options.selectedLinkIndex = -1;
        invalidateLayout();
        if (regionId == m_document->currentRegionId())
            emit selectionChanged();
    }
    // The document emits currentRegionChanged, which repaints and emits selectionChanged.
    m_document->setCurrentRegionId(regionId);
}

void MapCanvas::selectLink(int linkIndex)
{
    const int valid = linkIndex >= 0 && size_t(linkIndex) < scenario().links.size() ? linkIndex : -1;
    m_document->setCurrentRegionId(QString());
    if (valid == m_options.selectedLinkIndex)
        return;
    m_options.selectedLinkIndex = valid;
    invalidateLayout();
    emit selectionChanged();
}

void MapCanvas::clearSelection()
{
    selectLink(-1);
    m_document->setCurrentRegionId(QString());
}

void MapCanvas::setPositionOverride(const QString &regionId, QPointF lonLat)
{
    m_options.positionOverrides.insert(regionId, lonLat);
    invalidateLayout();
}

void MapCanvas::clearPositionOverrides()
{
    if (m_options.positionOverrides.isEmpty())
        return;
    m_options.positionOverrides.clear();
    invalidateLayout();
}

void MapCanvas::setHighlightedZone(const QString &zoneId)
{
    m_options.highlightedZoneId = zoneId;
    invalidateLayout();
}

void MapCanvas::requestRepaint() { update(); }

void MapCanvas::onScenarioChanged()
{
    // Links are addressed by index: an edit may have shifted them.
    if (m_options.selectedLinkIndex >= int(scenario().links.size()))
        m_options.selectedLinkIndex = -1;
    if (m_options.hoveredLinkIndex >= int(scenario().links.size()))
        m_options.hoveredLinkIndex = -1;
    invalidateLayout();
}

void MapCanvas::invalidateLayout()
{
    m_layout.reset();
    update();
}

// --- Context menu, editors, dialogs ----------------------------------------------------------

void MapCanvas::showContextMenu(QPointF position, QPoint globalPosition)
{
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    const engine::Scenario &s = scenario();
    if (const MapLayout::RegionItem *item = layout().regionAt(position)) {
        const QString id = item->id;
        selectRegion(id);
        menu->addSection(id);
        menu->addAction(tr("Edit region…"), this, [this, id] { emit editRegionRequested(id); });
        menu->addAction(tr("Add GPU pool…"), this, [this, id] { requestAddPool(id); });
        menu->addAction(tr("Draw link from here"), this, [this, id] { startLinkFrom(id); });
        QMenu *zones = menu->addMenu(tr("Assign zone"));
        auto *group = new QActionGroup(zones);
        const engine::Region *region = s.findRegion(id.toStdString());
        for (const engine::ResidencyZone &zone : s.zones) {
            const QString zoneId = QString::fromStdString(zone.id);
            const QString label = zone.name.empty() || zone.name == zone.id
                                      ? zoneId
                                      : QStringLiteral("%1 — %2").arg(zoneId, QString::fromStdString(zone.name));
            QAction *action = zones->addAction(label, this, [this, id, zoneId] { m_document->setRegionZone(id, zoneId); });
            action->setCheckable(true);
            action->setChecked(region && region->zone == zone.id);
            group->addAction(action);
        }
        zones->setEnabled(!s.zones.empty());
        bool firstPool = true;
        for (const engine::Pool &pool : s.pools) {
            if (pool.region != id.toStdString())
                continue;
            if (firstPool)
                menu->addSeparator();
            firstPool = false;
            const QString poolId = QString::fromStdString(pool.id);
            menu->addAction(tr("Edit pool %1…").arg(poolId), this, [this, poolId] { emit editPoolRequested(poolId); });
            menu->addAction(tr("Remove pool %1").arg(poolId), this, [this, poolId] { m_document->removePool(poolId); });
        }
        menu->addSeparator();
        menu->addAction(tr("Delete region"), this, [this, id] { m_document->removeRegion(id); });
    } else if (const MapLayout::LinkItem *link = layout().linkAt(position)) {
        const int index = link->linkIndices.first();
        selectLink(index);
        menu->addSection(QStringLiteral("%1 ↔ %2").arg(link->from, link->to));
        menu->addAction(tr("Edit RTT…"), this, [this, index] { editLink(index); });
        menu->addAction(tr("Delete link"), this, [this] { deleteSelection(); });
    } else {
        const std::optional<QPointF> lonLat = m_view.screenToLonLat(position);
        if (lonLat) {
            menu->addSection(formatLonLat(lonLat->x(), lonLat->y()));
            menu->addAction(tr("Add region here…"), this, [this, position, globalPosition] {
                addRegionTool()->offerAt(position, globalPosition);
            });
        }
        menu->addAction(tr("Add region from catalog…"), this, [this] { addRegionTool()->openCatalogPicker(); });
        menu->addSeparator();
        menu->addAction(tr("Fit scenario"), this, &MapCanvas::fitScenario);
        menu->addAction(tr("Show whole world"), this, &MapCanvas::fitWorld);
    }
    menu->popup(globalPosition);
}

LinkRttEditor *MapCanvas::editLink(int linkIndex)
{
    const engine::Scenario &s = scenario();
    if (linkIndex < 0 || size_t(linkIndex) >= s.links.size())
        return nullptr;
    if (m_linkEditor)
        m_linkEditor->close();
    selectLink(linkIndex);
    const engine::Link &link = s.links[size_t(linkIndex)];
    auto *editor = new LinkRttEditor(m_document, QString::fromStdString(link.from), QString::fromStdString(link.to), this);
    m_linkEditor = editor;
    // Next to the link's label (or its middle), inside the canvas.
    QPointF anchor = rect().center();
    for (const MapLayout::LinkItem &item : layout().links) {
        if (!item.linkIndices.contains(linkIndex))
            continue;
        anchor = item.labelShown ? item.labelRect.bottomLeft() + QPointF(0, 4) : item.pieces.first().first();
    }
    editor->adjustSize();
    QPoint topLeft = anchor.toPoint();
    topLeft.setX(std::clamp(topLeft.x(), 0, std::max(0, width() - editor->width())));
    topLeft.setY(std::clamp(topLeft.y(), 0, std::max(0, height() - editor->height())));
    editor->move(mapToGlobal(topLeft));
    editor->show();
    editor->focusRtt();
    return editor;
}

void MapCanvas::requestAddPool(const QString &regionId)
{
    if (!scenario().findRegion(regionId.toStdString()))
        return;
    auto *dialog = new QuickPoolDialog(scenario(), regionId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, regionId] {
        engine::Pool pool = dialog->pool();
        const QString base = QStringLiteral("%1-%2").arg(regionId, QString::fromStdString(pool.gpuType).toLower());
        pool.id = m_document->uniquePoolId(base).toStdString();
        const QString id = m_document->addPool(pool);
        emit statusMessage(tr("Added pool %1: %2×%3 in %4")
                               .arg(id)
                               .arg(pool.gpuCount)
                               .arg(QString::fromStdString(pool.gpuType), regionId));
    });
    dialog->open();
}

void MapCanvas::startLinkFrom(const QString &regionId)
{
    setActiveTool(Tool::DrawLink);
    drawLinkTool()->startFrom(regionId);
}

bool MapCanvas::deleteSelection()
{
    const engine::Scenario &s = scenario();
    if (m_options.selectedLinkIndex >= 0 && size_t(m_options.selectedLinkIndex) < s.links.size()) {
        const engine::Link link = s.links[size_t(m_options.selectedLinkIndex)];
        m_options.selectedLinkIndex = -1;
        m_document->clearRtt(QString::fromStdString(link.from), QString::fromStdString(link.to), true);
        emit selectionChanged();
        return true;
    }
    const QString region = selectedRegionId();
    if (!region.isEmpty() && s.findRegion(region.toStdString()))
        return m_document->removeRegion(region);
    return false;
}

// --- Export -----------------------------------------------------------------------------------

MapRenderOptions MapCanvas::exportOptions() const
{
    MapRenderOptions options = m_options;
    options.hoveredRegionId.clear();
    options.hoveredLinkIndex = -1;
    options.positionOverrides.clear();
    return options;
}

std::expected<void, QString> MapCanvas::exportPng(const QString &path, QSize size, double devicePixelRatio) const
{
    return m_renderer.exportPng(path, size.isEmpty() ? this->size() : size, scenario(), m_view, exportOptions(),
                                devicePixelRatio);
}

std::expected<void, QString> MapCanvas::exportSvg(const QString &path, QSize size) const
{
    return m_renderer.exportSvg(path, size.isEmpty() ? this->size() : size, scenario(), m_view, exportOptions());
}

QSize MapCanvas::sizeHint() const { return QSize(960, 520); }

QSize MapCanvas::minimumSizeHint() const { return QSize(320, 200); }

// --- Events -----------------------------------------------------------------------------------

bool MapCanvas::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

void MapCanvas::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    m_renderer.paint(painter, scenario(), m_view, m_options, layout());
    painter.setRenderHint(QPainter::Antialiasing);
    tool(m_activeTool)->paintOverlay(painter);
}

void MapCanvas::resizeEvent(QResizeEvent *)
{
    m_view.setViewportSize(size());
    if (m_autoFit)
        applyScenarioFit();
    else
        invalidateLayout();
}

void MapCanvas::mousePressEvent(QMouseEvent *event)
{
    setFocus(Qt::MouseFocusReason);
    if (m_linkEditor)
        m_linkEditor->close();
    m_pressPosition = event->position();
    m_lastPosition = event->position();
    m_gestureButton = event->button();
    if (event->button() == Qt::MiddleButton) {
        m_gesture = Gesture::Panning;
        setCursor(Qt::ClosedHandCursor);
        return;
    }
    if (event->button() != Qt::LeftButton)
        return;
    m_gesture = tool(m_activeTool)->mousePress(event) ? Gesture::Tool : Gesture::Pending;
}

void MapCanvas::mouseMoveEvent(QMouseEvent *event)
{
    const QPointF position = event->position();
    emit pointerMoved(m_view.screenToLonLat(position));
    switch (m_gesture) {
    case Gesture::Tool:
        tool(m_activeTool)->mouseDrag(event);
        break;
    case Gesture::Pending:
        if (QLineF(position, m_pressPosition).length() < kClickSlopPx)
            break;
        m_gesture = Gesture::Panning;
        setCursor(Qt::ClosedHandCursor);
        [[fallthrough]];
    case Gesture::Panning:
        m_autoFit = false;
        m_view.panByPixels(position - m_lastPosition);
        invalidateLayout();
        emit viewChanged();
        break;
    case Gesture::None:
        updateHover(position);
        tool(m_activeTool)->mouseHover(event);
        break;
    }
    m_lastPosition = position;
}

void MapCanvas::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != m_gestureButton)
        return;
    const Gesture gesture = m_gesture;
    m_gesture = Gesture::None;
    m_gestureButton = Qt::NoButton;
    switch (gesture) {
    case Gesture::Tool:
        tool(m_activeTool)->mouseRelease(event);
        break;
    case Gesture::Pending:
        tool(m_activeTool)->mouseClick(event);
        break;
    case Gesture::Panning:
        setCursor(tool(m_activeTool)->cursor());
        break;
    case Gesture::None:
        break;
    }
    updateHover(event->position());
}

void MapCanvas::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        tool(m_activeTool)->mouseDoubleClick(event);
}

void MapCanvas::wheelEvent(QWheelEvent *event)
{
    const double notches = event->angleDelta().y() / 120.0;
    if (notches == 0.0) {
        event->ignore();
        return;
    }
    // Successive notches add up: the glide heads for the accumulated target.
    const bool gliding = m_zoomAnimation->state() == QAbstractAnimation::Running;
    const double from = m_view.zoom();
    m_targetZoom = std::clamp((gliding ? m_targetZoom : from) * std::pow(2.0, notches / kWheelNotchesPerDoubling),
                              MapViewState::kMinZoom, MapViewState::kMaxZoom);
    m_zoomAnchor = event->position();
    m_zoomAnimation->stop();
    m_zoomAnimation->setStartValue(from);
    m_zoomAnimation->setEndValue(m_targetZoom);
    m_zoomAnimation->start();
    event->accept();
}

void MapCanvas::keyPressEvent(QKeyEvent *event)
{
    if (tool(m_activeTool)->keyPress(event))
        return;
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomBy(std::sqrt(2.0));
        return;
    case Qt::Key_Minus:
        zoomBy(1 / std::sqrt(2.0));
        return;
    case Qt::Key_0:
    case Qt::Key_Home:
        fitWorld();
        return;
    case Qt::Key_Left:
    case Qt::Key_Right:
    case Qt::Key_Up:
    case Qt::Key_Down: {
        const QPointF delta(event->key() == Qt::Key_Left ? kKeyPanPx : event->key() == Qt::Key_Right ? -kKeyPanPx : 0.0,
                            event->key() == Qt::Key_Up ? kKeyPanPx : event->key() == Qt::Key_Down ? -kKeyPanPx : 0.0);
        m_autoFit = false;
        m_view.panByPixels(delta);
        invalidateLayout();
        emit viewChanged();
        return;
    }
    case Qt::Key_Escape:
        if (m_activeTool != Tool::Select) {
            setActiveTool(Tool::Select);
            return;
        }
        clearSelection();
        return;
    default:
        QWidget::keyPressEvent(event);
    }
}

void MapCanvas::contextMenuEvent(QContextMenuEvent *event)
{
    tool(m_activeTool)->contextMenu(event->pos(), event->globalPos());
}

void MapCanvas::leaveEvent(QEvent *)
{
    if (m_options.hoveredRegionId.isEmpty() && m_options.hoveredLinkIndex < 0)
        return;
    m_options.hoveredRegionId.clear();
    m_options.hoveredLinkIndex = -1;
    invalidateLayout();
}

void MapCanvas::updateHover(QPointF position)
{
    const MapLayout::RegionItem *region = layout().regionAt(position);
    const MapLayout::LinkItem *link = region ? nullptr : layout().linkAt(position);
    const QString regionId = region ? region->id : QString();
    const int linkIndex = link ? link->linkIndices.first() : -1;
    if (regionId == m_options.hoveredRegionId && linkIndex == m_options.hoveredLinkIndex)
        return;
    m_options.hoveredRegionId = regionId;
    m_options.hoveredLinkIndex = linkIndex;
    invalidateLayout();
}

QString MapCanvas::toolTipAt(QPointF position) const
{
    const engine::Scenario &s = scenario();
    if (const MapLayout::RegionItem *item = layout().regionAt(position)) {
        const engine::Region &region = s.regions[size_t(item->regionIndex)];
        const engine::ResidencyZone *zone = s.findZone(region.zone);
        QStringList lines;
        lines << QStringLiteral("<b>%1</b> — %2").arg(item->id.toHtmlEscaped(),
                                                      QString::fromStdString(region.name).toHtmlEscaped());
        lines << tr("%1 · zone %2").arg(QString::fromStdString(region.provider),
                                        QString::fromStdString(zone && !zone->name.empty() ? zone->id + " — " + zone->name
                                                                                           : region.zone)
                                            .toHtmlEscaped());
        lines << QStringLiteral("%1 · %2").arg(formatLonLat(region.lon, region.lat), formatUtcOffset(region.utcOffsetHours));
        for (const engine::Pool &pool : s.pools) {
            if (pool.region != region.id)
                continue;
            lines << tr("Pool %1: %2×%3, %4, TP%5, %6")
                         .arg(QString::fromStdString(pool.id).toHtmlEscaped())
                         .arg(pool.gpuCount)
                         .arg(QString::fromStdString(pool.gpuType).toHtmlEscaped(),
                              QString::fromStdString(pool.model).toHtmlEscaped())
                         .arg(pool.tensorParallel)
                         .arg(QString::fromLatin1(engine::pricingModeName(pool.pricing)));
        }
        for (const engine::RegionTraffic &traffic : s.traffic) {
            if (traffic.region != region.id)
                continue;
            QString line = tr("Traffic: peak %1 req/s").arg(traffic.peakRps, 0, 'f', 0);
            if (item->loadRps >= 0)
                line += tr("; %1 req/s at %2").arg(item->loadRps, 0, 'f', 0).arg(m_options.utc.toString(QStringLiteral("HH:mm 'UTC'")));
            lines << line;
        }
        if (item->custom)
            lines << tr("<i>Custom region: drag to move it.</i>");
        return lines.join(QLatin1String("<br>"));
    }
    if (const MapLayout::LinkItem *item = layout().linkAt(position)) {
        QStringList lines;
        for (int index : item->linkIndices) {
            const engine::Link &link = s.links[size_t(index)];
            lines << QStringLiteral("<b>%1 %2 %3</b>: %4 ms")
                         .arg(QString::fromStdString(link.from).toHtmlEscaped(),
                              link.symmetric ? QStringLiteral("↔") : QStringLiteral("→"),
                              QString::fromStdString(link.to).toHtmlEscaped())
                         .arg(link.rttMs, 0, 'f', link.rttMs < 10 ? 1 : 0);
            if (!link.source.empty())
                lines << tr("<i>source: %1</i>").arg(QString::fromStdString(link.source).toHtmlEscaped());
        }
        const engine::Region *from = s.findRegion(item->from.toStdString());
        const engine::Region *to = s.findRegion(item->to.toStdString());
        if (from && to)
            lines << tr("Great-circle distance %1 km").arg(
                         std::lround(GreatCircle::distanceKm(QPointF(from->lon, from->lat), QPointF(to->lon, to->lat))));
        lines << tr("<i>Click to edit the RTT.</i>");
        return lines.join(QLatin1String("<br>"));
    }
    return {};
}

} // namespace longitude::ui
