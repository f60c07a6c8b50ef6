#pragma once

#include <QCursor>
#include <QPoint>
#include <QPointF>
#include <QString>

class QKeyEvent;
class QMouseEvent;
class QPainter;

namespace longitude::ui {

class MapCanvas;

/// One way of interacting with the map (select and move, add regions, add pools, draw links,
/// paint zones), as in QGIS and Tiled: the canvas forwards mouse and key events to the active
/// tool instead of growing one giant mouse handler. Tools change the scenario only through the
/// canvas's ScenarioDocument, so every edit is one undo command.
///
/// Gestures: a left press the tool does not claim (mousePress returns false) becomes either a
/// click (mouseClick, on release without movement) or a pan of the map, handled by the canvas.
/// The wheel always zooms and the middle button always pans.
class MapTool
{
public:
    explicit MapTool(MapCanvas *canvas);
    virtual ~MapTool();
    MapTool(const MapTool &) = delete;
    MapTool &operator=(const MapTool &) = delete;

    /// Short name for buttons ("Select").
    virtual QString name() const = 0;
    /// One sentence for the status bar saying what a click does.
    virtual QString hint() const = 0;
    virtual QCursor cursor() const { return Qt::ArrowCursor; }

    virtual void activate() {}
    /// Called when another tool takes over: cancel any gesture in progress.
    virtual void deactivate() {}

    /// Left press at `event->position()`. Return true to own the drag that may follow (then
    /// mouseDrag and mouseRelease come here and the map does not pan).
    virtual bool mousePress(QMouseEvent *event);
    virtual void mouseDrag(QMouseEvent *event);
    virtual void mouseRelease(QMouseEvent *event);
    /// A left press and release without movement that mousePress did not claim.
    virtual void mouseClick(QMouseEvent *event);
    virtual void mouseDoubleClick(QMouseEvent *event);
    /// Mouse moved with no button held (or during a gesture the tool does not own).
    virtual void mouseHover(QMouseEvent *event);
    /// Return true if the key was used.
    virtual bool keyPress(QKeyEvent *event);
    /// Right click: by default the canvas's context menu for what is under the cursor.
    virtual void contextMenu(QPointF position, QPoint globalPosition);
    /// Drawn over the map in screen coordinates (rubber bands, ghosts, previews).
    virtual void paintOverlay(QPainter &painter) const;

protected:
    MapCanvas *canvas() const { return m_canvas; }

private:
    MapCanvas *m_canvas;
};

} // namespace longitude::ui
