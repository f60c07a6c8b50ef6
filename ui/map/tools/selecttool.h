#pragma once

#include "maptool.h"

#include <QPointF>
#include <QString>

namespace longitude::ui {

/// The default tool: click a region or link to select it (a link opens its RTT editor), drag a
/// custom region to move it (one undo step on release), drag the empty map to pan, double-click
/// a region to edit it, Delete to remove the selection. Cloud regions stay where the provider
/// built them: only regions with provider "custom" move.
class SelectTool : public MapTool
{
public:
    explicit SelectTool(MapCanvas *canvas);

    QString name() const override;
    QString hint() const override;

    bool mousePress(QMouseEvent *event) override;
    void mouseDrag(QMouseEvent *event) override;
    void mouseRelease(QMouseEvent *event) override;
    void mouseClick(QMouseEvent *event) override;
    void mouseDoubleClick(QMouseEvent *event) override;
    bool keyPress(QKeyEvent *event) override;
    void deactivate() override;

private:
    void cancelDrag();

    QString m_draggedRegion;
    QPointF m_grabOffset; ///< marker position minus press position, screen px
    QPointF m_dropLonLat;
    bool m_moved = false;
};

} // namespace longitude::ui
