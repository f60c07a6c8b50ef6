#pragma once

#include "ui/widgets/pointertarget.h"

#include <QMap>
#include <QWidget>

#include <functional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QScrollArea;
class QSpinBox;
class QTimeEdit;

namespace longitude::models {
class ScenarioDocument;
struct ScenarioSettings;
}

namespace longitude::ui {

class OutageEditor;
class ParamMapEditor;
class ParameterForm;

/// The scenario-wide settings as forms: name, SLA targets, routing policy and its parameters,
/// placement, overflow, failover (outages, detection, retries, breaker, degradation) and the
/// simulation settings. What a policy, overflow and failover accept comes from the engine's
/// tables (engine::PolicyRegistry, OverflowConfig, FailoverConfig), so the form offers exactly
/// what a run reads; ranges of the other numbers come from the engine's value rules. Every field
/// shows the engine's diagnostic for it, and each finished change is one undo step.
class SettingsPanel : public QWidget, public PointerTarget
{
    Q_OBJECT

public:
    explicit SettingsPanel(models::ScenarioDocument *document, QWidget *parent = nullptr);

    bool revealPointer(const QString &pointer) override;
    /// The editor of the field at `pointer` ("/sla/ttftP99Ms"), or null (tests drive it).
    QWidget *editorFor(const QString &pointer) const;

    QComboBox *policyBox() const { return m_policy; }
    /// The selected policy's description, as the engine's registry gives it.
    QLabel *policyDescription() const { return m_policyDescription; }
    ParameterForm *routingParameters() const { return m_routingParams; }
    ParameterForm *overflowParameters() const { return m_overflowParams; }
    ParameterForm *failoverParameters() const { return m_failoverParams; }
    OutageEditor *outages() const { return m_outages; }
    QComboBox *degradeModelBox() const { return m_degradeModel; }
    QScrollArea *scrollArea() const { return m_scroll; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *field(QWidget *editor, const QString &pointer, bool children = false);
    void reload();
    void reloadPolicy();
    void reloadDegradeModels();
    void updateTimeHint();
    /// Applies `edit` to a copy of the settings and records it as one step (nothing if unchanged).
    void change(const std::function<void(models::ScenarioSettings &)> &edit);

    models::ScenarioDocument *m_document;
    bool m_loading = false;
    QScrollArea *m_scroll;
    QMap<QString, QWidget *> m_editors; // pointer -> editor
    QLineEdit *m_name;
    QPlainTextEdit *m_description;
    QDoubleSpinBox *m_ttft;
    QDoubleSpinBox *m_e2e;
    QComboBox *m_policy;
    QLabel *m_policyDescription;
    ParameterForm *m_routingParams;
    QDoubleSpinBox *m_probe;
    QLineEdit *m_placement;
    ParamMapEditor *m_placementParams;
    QCheckBox *m_overflow;
    ParameterForm *m_overflowParams;
    OutageEditor *m_outages;
    QComboBox *m_degradeModel;
    ParameterForm *m_failoverParams;
    QDoubleSpinBox *m_duration;
    QDoubleSpinBox *m_warmup;
    QLineEdit *m_seed;
    QTimeEdit *m_startTime;
    QLabel *m_timeHint;
    QDoubleSpinBox *m_bucket;
    QSpinBox *m_kvBlock;
    QCheckBox *m_prefixCache;
    QCheckBox *m_sampling;
    QDoubleSpinBox *m_samplingWindow;
    QDoubleSpinBox *m_samplingWarmup;
};

} // namespace longitude::ui
