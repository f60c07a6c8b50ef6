#pragma once

#include <QWidget>

class QAction;
class QActionGroup;
class QComboBox;
class QToolBar;

namespace longitude::models {
class ScenarioDocument;
}

namespace longitude::ui {

class MapCanvas;
class MapTimeBar;

/// The map as the main window embeds it: the canvas, a tool bar (the five map tools, the zone
/// to paint with, overlays, zoom, export) and the overlay time bar. Composition only: every
/// behaviour lives in MapCanvas and its tools.
class MapWidget : public QWidget
{
    Q_OBJECT

public:
    explicit MapWidget(models::ScenarioDocument *document, QWidget *parent = nullptr);

    MapCanvas *canvas() const { return m_canvas; }
    MapTimeBar *timeBar() const { return m_timeBar; }
    QToolBar *toolBar() const { return m_toolBar; }
    QComboBox *zoneBox() const { return m_zoneBox; }
    QAction *dayNightAction() const { return m_dayNight; }
    QAction *loadAction() const { return m_load; }

    /// Asks for a file name and exports the current view as PNG or SVG (by extension).
    void exportWithDialog();

private:
    void refillZones();
    void updateTimeBar();

    MapCanvas *m_canvas;
    MapTimeBar *m_timeBar;
    QToolBar *m_toolBar;
    QComboBox *m_zoneBox;
    QActionGroup *m_tools;
    QAction *m_dayNight;
    QAction *m_load;
};

} // namespace longitude::ui
