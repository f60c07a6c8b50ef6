#include "latencycolorscale.h"

namespace longitude::ui {

const QList<LatencyColorScale::Stop> &LatencyColorScale::stops()
{
    // Hues chosen to stay readable on both the pale ocean and the beige land, and to differ in
    // lightness as well as hue (so neighbouring bands separate for colour-blind readers too).
    static const QList<Stop> scale{
        {0.0, QColor(0x1a, 0x98, 0x50)},   // green
        {40.0, QColor(0x66, 0xa6, 0x1e)},  // leaf
        {80.0, QColor(0xd9, 0x9a, 0x00)},  // amber
        {150.0, QColor(0xe0, 0x4e, 0x1b)}, // orange-red
        {220.0, QColor(0xb0, 0x1a, 0x5a)}, // crimson
        {300.0, QColor(0x5e, 0x2a, 0x8c)}, // purple
    };
    return scale;
}

QColor LatencyColorScale::color(double rttMs)
{
    const QList<Stop> &scale = stops();
    if (rttMs <= scale.first().rttMs)
        return scale.first().color;
    for (qsizetype i = 1; i < scale.size(); ++i) {
        if (rttMs <= scale.at(i).rttMs) {
            const Stop &a = scale.at(i - 1);
            const Stop &b = scale.at(i);
            const double t = (rttMs - a.rttMs) / (b.rttMs - a.rttMs);
            return QColor::fromRgbF(float(a.color.redF() + (b.color.redF() - a.color.redF()) * t),
                                    float(a.color.greenF() + (b.color.greenF() - a.color.greenF()) * t),
                                    float(a.color.blueF() + (b.color.blueF() - a.color.blueF()) * t));
        }
    }
    return scale.last().color;
}

QString LatencyColorScale::tickLabel(int stopIndex)
{
    const QList<Stop> &scale = stops();
    const QString number = QString::number(scale.at(stopIndex).rttMs, 'f', 0);
    return stopIndex == scale.size() - 1 ? number + QLatin1Char('+') : number;
}

} // namespace longitude::ui
