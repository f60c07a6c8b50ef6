#include "latencycolorscale.h"

namespace longitude::ui {

const QList<LatencyColorScale::Stop> &LatencyColorScale::stops()
{
    // The same hue at the same RTT as the RTT matrix (models::RttMatrixModel: green to 40 ms,
    // yellow at 100, orange at 150, red at 250), but darker and more saturated: a line of 2–3 px
    // must stand out on the pale ocean and beige land, where the matrix's pale cell yellow would
    // vanish. Neighbouring stops also differ in lightness, for colour-blind readers.
    static const QList<Stop> scale{
        {0.0, QColor(0x1a, 0x98, 0x50)},   // green
        {40.0, QColor(0x5a, 0xa7, 0x1e)},  // leaf green
        {100.0, QColor(0xd4, 0x9b, 0x00)}, // amber (the matrix's yellow, darkened)
        {150.0, QColor(0xe8, 0x62, 0x0f)}, // orange
        {250.0, QColor(0xc8, 0x1e, 0x2a)}, // red
        {350.0, QColor(0x6a, 0x1b, 0x7a)}, // purple: antipodal paths
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
