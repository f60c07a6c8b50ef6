#pragma once

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace longitude::models {
class ScenarioDocument;
}

namespace longitude::ui {

class DistributionEditor;
class FieldDiagnosticLabel;

/// Form for one workload class: share, model, prompt and output length distributions, shared
/// system prompts (groups, length, popularity skew), sessions (turns, think time) and the share of
/// requests tagged with their origin's residency zone. Each field carries the engine's diagnostic;
/// every finished change replaces the class in one undo step.
class WorkloadForm : public QWidget
{
    Q_OBJECT

public:
    explicit WorkloadForm(models::ScenarioDocument *document, QWidget *parent = nullptr);

    void setWorkloadId(const QString &workloadId);
    QString workloadId() const { return m_workloadId; }
    /// Focuses the editor of the field named by the last part of a pointer ("prefixTokens").
    bool focusField(const QString &field);

private:
    void reload();
    void apply();
    void addRow(const QString &label, const QString &field, QWidget *editor, bool children = false);

    models::ScenarioDocument *m_document;
    QString m_workloadId;
    bool m_loading = false;
    QFormLayout *m_form;
    QLabel *m_title;
    QLineEdit *m_id;
    QDoubleSpinBox *m_share;
    QComboBox *m_model;
    DistributionEditor *m_prompt;
    DistributionEditor *m_output;
    QSpinBox *m_prefixGroups;
    QSpinBox *m_prefixTokens;
    QDoubleSpinBox *m_prefixZipf;
    DistributionEditor *m_turns;
    DistributionEditor *m_thinkTime;
    QDoubleSpinBox *m_residency;
    QList<QPair<QString, FieldDiagnosticLabel *>> m_diagnostics; // field key -> label
    QList<QPair<QString, QWidget *>> m_editors;                 // field key -> editor
};

} // namespace longitude::ui
