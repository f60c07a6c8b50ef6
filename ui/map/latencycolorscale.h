#pragma once

#include <QColor>
#include <QList>
#include <QString>

namespace longitude::ui {

/// Colours a round-trip time for links and the map legend: green for what fits comfortably in
/// the network share of a p99 budget (DOMAIN.md §1: ~40 ms), amber to orange for the usual
/// cross-region band (50–150 ms), red and purple for intercontinental paths. Every stop is also a
/// legend tick, so the legend and the links can never disagree.
class LatencyColorScale
{
public:
    struct Stop
    {
        double rttMs;
        QColor color;
    };

    /// The stops, increasing in RTT. Values beyond the last stop take its colour.
    static const QList<Stop> &stops();
    /// Colour for an RTT, interpolated between stops.
    static QColor color(double rttMs);
    /// Short label for a tick, e.g. "150" or "300+".
    static QString tickLabel(int stopIndex);
};

} // namespace longitude::ui
