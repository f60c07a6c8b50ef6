#pragma once

#include "engine/scenario/scenario.h"

#include <QDialog>
#include <QString>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QSpinBox;

namespace longitude::ui {

/// The short form behind "Add GPU pool…" on the map: GPU type, count, model, tensor parallelism
/// and pricing for a pool in one region, with the replica count and hourly cost it implies, so a
/// planner can drop capacity onto the map without leaving it. The caller adds the pool.
class QuickPoolDialog : public QDialog
{
    Q_OBJECT

public:
    QuickPoolDialog(const engine::Scenario &scenario, const QString &regionId, QWidget *parent = nullptr);

    /// The pool described by the form (id left empty: the caller picks a unique one).
    engine::Pool pool() const;

    QComboBox *gpuTypeBox() const { return m_gpuType; }
    QSpinBox *gpuCountBox() const { return m_gpuCount; }
    QComboBox *modelBox() const { return m_model; }
    QSpinBox *tensorParallelBox() const { return m_tensorParallel; }
    QComboBox *pricingBox() const { return m_pricing; }

private:
    void updateSummary();

    const engine::Scenario &m_scenario;
    QString m_regionId;
    QComboBox *m_gpuType;
    QSpinBox *m_gpuCount;
    QComboBox *m_model;
    QSpinBox *m_tensorParallel;
    QComboBox *m_pricing;
    QLabel *m_summary;
    QDialogButtonBox *m_buttons;
};

} // namespace longitude::ui
