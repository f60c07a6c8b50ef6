#pragma once

#include "maptool.h"

#include <QString>
#include <QStringList>

namespace longitude::ui {

/// Paints residency zones: click a region, or drag across several, to put them in the current
/// zone. One stroke is one undo step. The current zone is drawn stronger while the tool is
/// active, so the planner sees what the zone already covers.
class ZonePaintTool : public MapTool
{
public:
    explicit ZonePaintTool(MapCanvas *canvas);

    QString name() const override;
    QString hint() const override;
    QCursor cursor() const override;

    /// The zone regions are painted with; empty = the scenario's first zone.
    void setZone(const QString &zoneId);
    QString zone() const;

    void activate() override;
    void deactivate() override;
    bool mousePress(QMouseEvent *event) override;
    void mouseDrag(QMouseEvent *event) override;
    void mouseRelease(QMouseEvent *event) override;
    void mouseClick(QMouseEvent *event) override;

    /// Regions painted by the stroke in progress (or the last one).
    QStringList paintedRegions() const { return m_painted; }

private:
    void paintAt(QPointF position);
    void endStroke();

    QString m_zone;
    bool m_active = false;
    bool m_inMacro = false;
    QStringList m_painted;
};

} // namespace longitude::ui
