#pragma once

#include "maptool.h"

#include <QPointF>
#include <QString>

#include <string>

class QMenu;

namespace longitude::engine {
struct Region;
}

namespace longitude::ui {

/// Adds regions. While active, the catalog regions the scenario lacks show as hollow circles:
/// clicking one adds it; clicking elsewhere offers the nearest catalog regions (with their
/// distance), a custom region at the click point, or the searchable catalog list. A catalog
/// region brings its residency zone along when the scenario does not have it yet (one undo step).
class AddRegionTool : public MapTool
{
public:
    /// How many nearest catalog regions the click menu offers.
    static constexpr size_t kNearestCount = 5;

    explicit AddRegionTool(MapCanvas *canvas);

    QString name() const override;
    QString hint() const override;
    QCursor cursor() const override;

    void mouseClick(QMouseEvent *event) override;
    void mouseHover(QMouseEvent *event) override;
    void paintOverlay(QPainter &painter) const override;
    void deactivate() override;

    /// Shows the "nearest regions / custom region / search" menu for a screen point; returns it
    /// (it deletes itself when closed), or nullptr off the globe.
    QMenu *offerAt(QPointF position, QPoint globalPosition);
    /// Opens the searchable catalog list.
    void openCatalogPicker();

    /// Adds catalog region `id` (and its zone if missing) as one undo step; selects it.
    /// Returns the id used, empty if `id` is not in the catalog.
    QString addCatalogRegion(const std::string &id);
    /// Adds a custom region at (lon, lat) degrees, taking zone and UTC offset from the nearest
    /// catalog region; selects it and asks for it to be edited (named). Returns its id.
    QString addCustomRegion(QPointF lonLat);

    /// The catalog region not yet in the scenario whose hollow circle is under `position`, if
    /// exactly one is.
    const engine::Region *ghostAt(QPointF position) const;

private:
    QString m_hoveredGhost;
};

} // namespace longitude::ui
