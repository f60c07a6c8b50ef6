#pragma once

#include <QDoubleSpinBox>

namespace longitude::ui {

/// A spin box for scenario numbers that shows them as typed: "512", "0.8", "6.2", never
/// "512.000". Token counts and milliseconds are mostly whole, shape parameters are not, and the
/// same field must read well for both.
class NumberSpinBox : public QDoubleSpinBox
{
    Q_OBJECT

public:
    explicit NumberSpinBox(QWidget *parent = nullptr);

    QString textFromValue(double value) const override;
};

} // namespace longitude::ui
