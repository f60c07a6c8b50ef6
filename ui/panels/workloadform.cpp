#include "ui/panels/workloadform.h"

#include "models/scenariodocument.h"
#include "ui/widgets/distributioneditor.h"
#include "ui/widgets/fielddiagnosticlabel.h"
#include "ui/widgets/numberspinbox.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

namespace longitude::ui {

WorkloadForm::WorkloadForm(models::ScenarioDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_form(new QFormLayout)
    , m_title(new QLabel(this))
    , m_id(new QLineEdit(this))
    , m_share(new NumberSpinBox(this))
    , m_model(new QComboBox(this))
    , m_prompt(new DistributionEditor(this))
    , m_output(new DistributionEditor(this))
    , m_prefixGroups(new QSpinBox(this))
    , m_prefixTokens(new QSpinBox(this))
    , m_prefixZipf(new NumberSpinBox(this))
    , m_turns(new DistributionEditor(this))
    , m_thinkTime(new DistributionEditor(this))
    , m_residency(new NumberSpinBox(this))
{
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_share->setRange(0, 1e6);
    m_prefixGroups->setRange(0, 1'000'000);
    m_prefixTokens->setRange(0, 10'000'000);
    m_prefixZipf->setRange(0, 10);
    m_residency->setRange(0, 1);
    m_residency->setSingleStep(0.05);
    m_residency->setToolTip(tr("Share of requests tagged with their origin region's residency zone; "
                               "they are never served outside it"));
    for (QAbstractSpinBox *box : std::initializer_list<QAbstractSpinBox *>{m_share, m_prefixGroups, m_prefixTokens, m_prefixZipf, m_residency})
        box->setKeyboardTracking(false);

    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    addRow(tr("Id"), QStringLiteral("id"), m_id);
    addRow(tr("Share"), QStringLiteral("share"), m_share);
    addRow(tr("Model"), QStringLiteral("model"), m_model);
    addRow(tr("Prompt tokens"), QStringLiteral("promptTokens"), m_prompt, true);
    addRow(tr("Output tokens"), QStringLiteral("outputTokens"), m_output, true);
    addRow(tr("Shared prompts"), QStringLiteral("prefixGroups"), m_prefixGroups);
    addRow(tr("Shared prompt tokens"), QStringLiteral("prefixTokens"), m_prefixTokens);
    addRow(tr("Popularity skew (Zipf)"), QStringLiteral("prefixZipf"), m_prefixZipf);
    addRow(tr("Turns per session"), QStringLiteral("sessionTurns"), m_turns, true);
    addRow(tr("Think time (s)"), QStringLiteral("thinkTimeS"), m_thinkTime, true);
    addRow(tr("Residency share"), QStringLiteral("residencyShare"), m_residency);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(m_form);
    layout->addStretch();

    connect(m_id, &QLineEdit::editingFinished, this, &WorkloadForm::apply);
    connect(m_model, &QComboBox::activated, this, &WorkloadForm::apply);
    connect(m_share, &QDoubleSpinBox::valueChanged, this, &WorkloadForm::apply);
    connect(m_prefixZipf, &QDoubleSpinBox::valueChanged, this, &WorkloadForm::apply);
    connect(m_residency, &QDoubleSpinBox::valueChanged, this, &WorkloadForm::apply);
    connect(m_prefixGroups, &QSpinBox::valueChanged, this, &WorkloadForm::apply);
    connect(m_prefixTokens, &QSpinBox::valueChanged, this, &WorkloadForm::apply);
    for (DistributionEditor *editor : {m_prompt, m_output, m_turns, m_thinkTime})
        connect(editor, &DistributionEditor::edited, this, &WorkloadForm::apply);
    connect(document, &models::ScenarioDocument::workloadsChanged, this, &WorkloadForm::reload);
    // The panel selects a row after a reset; an id that no longer exists clears the form.
    connect(document, &models::ScenarioDocument::scenarioReset, this, &WorkloadForm::reload);
    reload();
}

void WorkloadForm::addRow(const QString &label, const QString &field, QWidget *editor, bool children)
{
    auto *diagnostic = new FieldDiagnosticLabel(m_document, this);
    diagnostic->setProperty("includeChildren", children);
    auto *cell = new QWidget(this);
    auto *cellLayout = new QVBoxLayout(cell);
    cellLayout->setContentsMargins(0, 0, 0, 0);
    cellLayout->setSpacing(1);
    cellLayout->addWidget(editor);
    cellLayout->addWidget(diagnostic);
    m_form->addRow(label, cell);
    m_diagnostics << qMakePair(field, diagnostic);
    m_editors << qMakePair(field, editor);
}

void WorkloadForm::setWorkloadId(const QString &workloadId)
{
    m_workloadId = workloadId;
    reload();
}

bool WorkloadForm::focusField(const QString &field)
{
    for (const auto &[key, editor] : m_editors) {
        if (key == field) {
            editor->setFocus(Qt::OtherFocusReason);
            return true;
        }
    }
    return false;
}

void WorkloadForm::reload()
{
    const engine::Scenario &s = m_document->scenario();
    int index = -1;
    for (std::size_t i = 0; i < s.workloads.size(); ++i) {
        if (s.workloads[i].id == m_workloadId.toStdString())
            index = static_cast<int>(i);
    }
    m_loading = true;
    setEnabled(index >= 0);
    if (index < 0) {
        m_workloadId.clear();
        m_title->setText(tr("No workload class selected"));
        for (const auto &[key, label] : m_diagnostics)
            label->setPointer({});
        m_loading = false;
        return;
    }
    const engine::WorkloadClass &w = s.workloads[static_cast<std::size_t>(index)];
    m_title->setText(tr("Workload class %1").arg(m_workloadId));
    const QList<QObject *> editors{m_id, m_share, m_model, m_prefixGroups, m_prefixTokens, m_prefixZipf, m_residency};
    std::vector<std::unique_ptr<QSignalBlocker>> blockers;
    for (QObject *editor : editors)
        blockers.push_back(std::make_unique<QSignalBlocker>(editor));
    m_id->setText(m_workloadId);
    m_share->setValue(w.share);
    m_model->clear();
    for (const auto &model : s.models)
        m_model->addItem(QString::fromStdString(model.id));
    if (m_model->findText(QString::fromStdString(w.model)) < 0)
        m_model->addItem(QString::fromStdString(w.model));
    m_model->setCurrentText(QString::fromStdString(w.model));
    m_prompt->setDistribution(w.promptTokens);
    m_output->setDistribution(w.outputTokens);
    m_prefixGroups->setValue(w.prefixGroups);
    m_prefixTokens->setValue(w.prefixTokens);
    m_prefixZipf->setValue(w.prefixZipf);
    m_turns->setDistribution(w.sessionTurns);
    m_thinkTime->setDistribution(w.thinkTimeS);
    m_residency->setValue(w.residencyShare);
    for (const auto &[key, label] : m_diagnostics)
        label->setPointer(QStringLiteral("/workloads/%1/%2").arg(index).arg(key), label->property("includeChildren").toBool());
    m_loading = false;
}

void WorkloadForm::apply()
{
    if (m_loading || m_workloadId.isEmpty())
        return;
    const auto &workloads = m_document->scenario().workloads;
    const auto it = std::find_if(workloads.begin(), workloads.end(),
                                 [&](const engine::WorkloadClass &w) { return w.id == m_workloadId.toStdString(); });
    if (it == workloads.end())
        return;
    engine::WorkloadClass w = *it;
    const QString id = m_id->text().trimmed();
    if (!id.isEmpty())
        w.id = id.toStdString();
    w.share = m_share->value();
    w.model = m_model->currentText().toStdString();
    w.promptTokens = m_prompt->distribution();
    w.outputTokens = m_output->distribution();
    w.prefixGroups = m_prefixGroups->value();
    w.prefixTokens = m_prefixTokens->value();
    w.prefixZipf = m_prefixZipf->value();
    w.sessionTurns = m_turns->distribution();
    w.thinkTimeS = m_thinkTime->distribution();
    w.residencyShare = m_residency->value();
    const QString oldId = m_workloadId;
    if (m_document->editWorkload(oldId, w))
        m_workloadId = QString::fromStdString(w.id);
    reload();
}

} // namespace longitude::ui
