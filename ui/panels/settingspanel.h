#pragma once

#include "ui/widgets/pointertarget.h"

#include <QMap>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QPlainTextEdit;
class QScrollArea;
class QSpinBox;
class QTableWidget;

namespace longitude::models {
class ScenarioDocument;
struct ScenarioSettings;
}

namespace longitude::ui {

class FieldDiagnosticLabel;
class ParamMapEditor;

/// The scenario-wide settings as forms: name, SLA targets, routing policy and its parameters,
/// placement, overflow, failover outages and the simulation settings. Every field shows the
/// engine's diagnostic for it; each finished change is one EditSettings undo step.
class SettingsPanel : public QWidget, public PointerTarget
{
    Q_OBJECT

public:
    explicit SettingsPanel(models::ScenarioDocument *document, QWidget *parent = nullptr);

    bool revealPointer(const QString &pointer) override;
    /// The editor of the field at `pointer` ("/sla/ttftP99Ms"), or null (tests drive it).
    QWidget *editorFor(const QString &pointer) const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *field(QWidget *editor, const QString &pointer, bool children = false);
    void reload();
    void apply();
    models::ScenarioSettings collect() const;

    models::ScenarioDocument *m_document;
    bool m_loading = false;
    QScrollArea *m_scroll;
    QMap<QString, QWidget *> m_editors; // pointer -> editor
    QLineEdit *m_name;
    QPlainTextEdit *m_description;
    QDoubleSpinBox *m_ttft;
    QDoubleSpinBox *m_e2e;
    QComboBox *m_policy;
    ParamMapEditor *m_routingParams;
    QDoubleSpinBox *m_probe;
    QLineEdit *m_placement;
    ParamMapEditor *m_placementParams;
    QCheckBox *m_overflow;
    ParamMapEditor *m_overflowParams;
    QTableWidget *m_outages;
    ParamMapEditor *m_failoverParams;
    QDoubleSpinBox *m_duration;
    QDoubleSpinBox *m_warmup;
    QSpinBox *m_seed;
    QDoubleSpinBox *m_startHour;
    QDoubleSpinBox *m_bucket;
    QSpinBox *m_kvBlock;
    QCheckBox *m_prefixCache;
    QCheckBox *m_sampling;
    QDoubleSpinBox *m_samplingWindow;
    QDoubleSpinBox *m_samplingWarmup;
};

} // namespace longitude::ui
