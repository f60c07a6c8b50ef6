#pragma once

#include <QPalette>

class QChart;

namespace longitude::ui {

/// Makes a Qt Charts chart follow the application palette (light or dark), since the charts'
/// own themes do not read it and a white chart in a dark window is unreadable.
class ChartStyle
{
public:
    static void apply(QChart *chart, const QPalette &palette);
};

} // namespace longitude::ui
