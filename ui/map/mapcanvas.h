#pragma once

#include "mapcatalog.h"
#include "maplayout.h"
#include "maprenderer.h"
#include "maprenderoptions.h"
#include "mapviewstate.h"

#include <QPointer>
#include <QWidget>

class QVariantAnimation;

#include <array>
#include <expected>
#include <memory>
#include <optional>

namespace longitude::models {
class ScenarioDocument;
}

namespace longitude::ui {

class AddPoolTool;
class AddRegionTool;
class DrawLinkTool;
class LinkRttEditor;
class MapTool;
class SelectTool;
class ZonePaintTool;

/// The world map widget: shows the document's scenario through a MapRenderer, zooms with the
/// wheel around the cursor and pans by dragging, and forwards every other gesture to the active
/// MapTool. It edits nothing itself: tools and context-menu actions call the ScenarioDocument's
/// edit methods (one undo command each), and the canvas repaints on the document's change
/// signals. The selected region is the document's current region, shared with the other panels.
class MapCanvas : public QWidget
{
    Q_OBJECT

public:
    enum class Tool { Select, AddRegion, AddPool, DrawLink, ZonePaint };
    Q_ENUM(Tool)

    explicit MapCanvas(models::ScenarioDocument *document, QWidget *parent = nullptr);
    ~MapCanvas() override;

    models::ScenarioDocument *document() const { return m_document; }
    const engine::Scenario &scenario() const;

    // --- View ------------------------------------------------------------------------------
    const MapViewState &viewState() const { return m_view; }
    /// Replaces zoom and centre (the viewport stays the widget's size).
    void setViewState(const MapViewState &view);
    /// Zooms around the viewport centre (factor > 1 zooms in).
    void zoomBy(double factor);
    void fitWorld();
    /// Frames every region of the scenario with its labels and pool badges (the whole world when
    /// there is none, or when the regions span most of it), and keeps it framed when the canvas
    /// is resized until the planner zooms or pans. Opening a scenario does this too.
    void fitScenario();
    /// The view fitScenario() would show in a viewport of `view`'s size.
    MapViewState scenarioFit(MapViewState view) const;
    /// True while the view follows the scenario (after opening or "Fit", before any zoom or pan).
    bool isFittedToScenario() const { return m_autoFit; }

    // --- Layers and overlays ---------------------------------------------------------------
    const MapRenderOptions &renderOptions() const { return m_options; }
    /// Sets the layer switches and overlay time of `options`; selection and hover stay the
    /// canvas's own.
    void setLayers(const MapRenderOptions &options);
    void setShowDayNight(bool show);
    void setShowLoad(bool show);
    /// The UTC instant of the day/night and load overlays.
    void setOverlayTime(const QDateTime &utc);

    const MapRenderer &renderer() const { return m_renderer; }
    /// The layout of what is on screen now (what hit tests use).
    const MapLayout &layout() const;

    // --- Catalog ---------------------------------------------------------------------------
    void setCatalog(MapCatalog catalog);
    const MapCatalog &catalog() const { return m_catalog; }

    // --- Tools -----------------------------------------------------------------------------
    Tool activeTool() const { return m_activeTool; }
    void setActiveTool(Tool tool);
    MapTool *tool(Tool tool) const;
    SelectTool *selectTool() const;
    AddRegionTool *addRegionTool() const;
    AddPoolTool *addPoolTool() const;
    DrawLinkTool *drawLinkTool() const;
    ZonePaintTool *zonePaintTool() const;

    // --- Selection and hover ---------------------------------------------------------------
    /// The selected region: the document's current region.
    QString selectedRegionId() const;
    void selectRegion(const QString &regionId);
    /// Index into Scenario::links of the selected link, -1 when none.
    int selectedLinkIndex() const { return m_options.selectedLinkIndex; }
    void selectLink(int linkIndex);
    void clearSelection();
    QString hoveredRegionId() const { return m_options.hoveredRegionId; }
    int hoveredLinkIndex() const { return m_options.hoveredLinkIndex; }

    // --- Services for tools ----------------------------------------------------------------
    /// Shows a region somewhere else until cleared (live drag preview); no document change.
    void setPositionOverride(const QString &regionId, QPointF lonLat);
    void clearPositionOverrides();
    void setHighlightedZone(const QString &zoneId);
    /// The context menu of whatever is under `position` (region, link or empty map).
    void showContextMenu(QPointF position, QPoint globalPosition);
    /// Opens the RTT editor popup for link `linkIndex` (and its reverse direction, if any).
    LinkRttEditor *editLink(int linkIndex);
    /// Opens the quick pool dialog to add a pool to `regionId`.
    void requestAddPool(const QString &regionId);
    /// Switches to the draw-link tool with `regionId` as the link's start.
    void startLinkFrom(const QString &regionId);
    /// Removes the selected link pair or region, as one undo step. Returns false if none.
    bool deleteSelection();
    void requestRepaint();

    // --- Export ----------------------------------------------------------------------------
    /// Writes the current view (zoom and centre; size `size`, the widget's when empty) without
    /// hover highlights. The error message names the file.
    std::expected<void, QString> exportPng(const QString &path, QSize size = {}, double devicePixelRatio = 2.0) const;
    std::expected<void, QString> exportSvg(const QString &path, QSize size = {}) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void selectionChanged();
    void activeToolChanged(longitude::ui::MapCanvas::Tool tool);
    void viewChanged();
    /// A hint or outcome for the status bar.
    void statusMessage(const QString &message);
    void editRegionRequested(const QString &regionId);
    void editPoolRequested(const QString &poolId);
    /// Geographic position under the mouse, (lon, lat) degrees; nullopt off the globe.
    void pointerMoved(std::optional<QPointF> lonLat);

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    void onScenarioChanged();
    void applyScenarioFit();
    void invalidateLayout();
    void updateHover(QPointF position);
    QString toolTipAt(QPointF position) const;
    MapRenderOptions exportOptions() const;

    models::ScenarioDocument *m_document;
    MapRenderer m_renderer;
    MapViewState m_view;
    bool m_autoFit = true;
    MapRenderOptions m_options;
    MapCatalog m_catalog;
    mutable std::optional<MapLayout> m_layout;

    std::array<std::unique_ptr<MapTool>, 5> m_tools;
    Tool m_activeTool = Tool::Select;

    // The gesture in progress.
    enum class Gesture { None, Pending, Panning, Tool };
    Gesture m_gesture = Gesture::None;
    Qt::MouseButton m_gestureButton = Qt::NoButton;
    QPointF m_pressPosition;
    QPointF m_lastPosition;

    QPointer<LinkRttEditor> m_linkEditor;

    // Wheel zoom glides to its target instead of jumping a notch at a time.
    QVariantAnimation *m_zoomAnimation;
    double m_targetZoom = 1.0;
    QPointF m_zoomAnchor;
};

} // namespace longitude::ui
