#pragma once

#include "engine/scenario/scenario.h"

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QStackedWidget;

namespace longitude::ui {

/// Edits one engine::Distribution (a token count or a time): its kind and the parameters that
/// kind uses, plus the optional clamp. It emits edited() when the planner finishes a change; the
/// owning form then pushes one command for the whole workload class.
class DistributionEditor : public QWidget
{
    Q_OBJECT

public:
    explicit DistributionEditor(QWidget *parent = nullptr);

    void setDistribution(const engine::Distribution &distribution);
    engine::Distribution distribution() const;

signals:
    void edited();

private:
    QDoubleSpinBox *numberBox(double maximum);
    void showKind();

    QComboBox *m_kind;
    QStackedWidget *m_pages;
    QDoubleSpinBox *m_value;
    QDoubleSpinBox *m_uniformMin;
    QDoubleSpinBox *m_uniformMax;
    QDoubleSpinBox *m_mean;
    QDoubleSpinBox *m_mu;
    QDoubleSpinBox *m_sigma;
    QLineEdit *m_values;
    QLineEdit *m_weights;
    QDoubleSpinBox *m_clampMin;
    QDoubleSpinBox *m_clampMax;
    QWidget *m_clamp;
};

} // namespace longitude::ui
