#include "ui/widgets/numberspinbox.h"

#include <QLocale>

namespace longitude::ui {

NumberSpinBox::NumberSpinBox(QWidget *parent)
    : QDoubleSpinBox(parent)
{
    // Enough precision for shares and shape parameters; the display drops trailing zeros.
    setDecimals(4);
    setKeyboardTracking(false);
    setLocale(QLocale::c());
}

QString NumberSpinBox::textFromValue(double value) const
{
    QString text = locale().toString(value, 'f', decimals());
    if (text.contains(locale().decimalPoint())) {
        while (text.endsWith(QLatin1Char('0')))
            text.chop(1);
        if (text.endsWith(locale().decimalPoint()))
            text.chop(1);
    }
    return text;
}

} // namespace longitude::ui
