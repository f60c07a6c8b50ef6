#pragma once

#include "maptool.h"

#include <QPointF>
#include <QString>

namespace longitude::ui {

/// Draws links: drag from one region to another, or click one and then the other. The new
/// link's RTT is the catalog's measurement when both regions are catalog regions with one
/// (each direction its own, as measured), else an estimate from the great-circle distance; the
/// link is selected so the planner can click it to correct the number. An existing link between
/// the two is replaced (one undo step either way).
class DrawLinkTool : public MapTool
{
public:
    explicit DrawLinkTool(MapCanvas *canvas);

    QString name() const override;
    QString hint() const override;
    QCursor cursor() const override;

    bool mousePress(QMouseEvent *event) override;
    void mouseDrag(QMouseEvent *event) override;
    void mouseRelease(QMouseEvent *event) override;
    void mouseClick(QMouseEvent *event) override;
    void mouseHover(QMouseEvent *event) override;
    bool keyPress(QKeyEvent *event) override;
    void contextMenu(QPointF position, QPoint globalPosition) override;
    void paintOverlay(QPainter &painter) const override;
    void deactivate() override;

    /// Starts a link at `regionId`; the next click on another region completes it.
    void startFrom(const QString &regionId);
    QString source() const { return m_source; }

    /// Links `from` and `to` as described above. Returns false if either is missing or they
    /// are the same region.
    bool createLink(const QString &from, const QString &to);

    /// RTT estimate for two points (lon, lat degrees) with no measurement, ms:
    /// 3 ms + 1.6 × the round trip through fibre along the great circle (2 d / 204,190 km/s),
    /// at least 1 ms. A least-squares fit of the measured inter-region RTTs in shared/data
    /// (AWS cloudping p50 2025-05-29, GCP dashboard median 2023-11-27, Azure P95 to 2026-07-30)
    /// against GeoNames great-circle distances, fitted 2026-11-26: median relative error 13–16 %.
    static double estimatedRttMs(QPointF fromLonLat, QPointF toLonLat);

private:
    void cancel();
    QString regionAt(QPointF position) const;

    QString m_source;
    QString m_target;
    QPointF m_cursor;
    bool m_dragging = false;
};

} // namespace longitude::ui
