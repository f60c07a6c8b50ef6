#include "ui/panels/settingspanel.h"

#include "models/scenariodocument.h"
#include "models/scenariosettings.h"
#include "ui/widgets/fielddiagnosticlabel.h"
#include "ui/widgets/numberspinbox.h"
#include "ui/widgets/parammapeditor.h"

#include <QCheckBox>
#include <QEvent>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <limits>

// The engine's policy table names the policies and their parameters once it is in the tree.
#if __has_include("engine/policies/policyregistry.h")
#include "engine/policies/policyregistry.h"
#define LONGITUDE_HAVE_POLICY_REGISTRY 1
#else
#define LONGITUDE_HAVE_POLICY_REGISTRY 0
#endif

namespace longitude::ui {

namespace {

QDoubleSpinBox *numberBox(QWidget *parent, double maximum, int decimals, const QString &suffix)
{
    auto *box = new NumberSpinBox(parent);
    box->setRange(0, maximum);
    box->setDecimals(decimals);
    box->setSuffix(suffix);
    return box;
}

} // namespace

SettingsPanel::SettingsPanel(models::ScenarioDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_scroll(new QScrollArea(this))
    , m_name(new QLineEdit(this))
    , m_description(new QPlainTextEdit(this))
    , m_ttft(numberBox(this, 1e6, 0, tr(" ms")))
    , m_e2e(numberBox(this, 1e7, 0, tr(" ms")))
    , m_policy(new QComboBox(this))
    , m_routingParams(new ParamMapEditor(this))
    , m_probe(numberBox(this, 1e6, 0, tr(" ms")))
    , m_placement(new QLineEdit(this))
    , m_placementParams(new ParamMapEditor(this))
    , m_overflow(new QCheckBox(tr("Spill to other regions when the SLA budget allows"), this))
    , m_overflowParams(new ParamMapEditor(this))
    , m_outages(new QTableWidget(0, 3, this))
    , m_failoverParams(new ParamMapEditor(this))
    , m_duration(numberBox(this, 1e7, 0, tr(" s")))
    , m_warmup(numberBox(this, 1e7, 0, tr(" s")))
    , m_seed(new QSpinBox(this))
    , m_startHour(numberBox(this, 23.99, 2, tr(" h UTC")))
    , m_bucket(numberBox(this, 1e6, 0, tr(" s")))
    , m_kvBlock(new QSpinBox(this))
    , m_prefixCache(new QCheckBox(tr("Simulate the prefix (KV) cache"), this))
    , m_sampling(new QCheckBox(tr("Simulate a window of each hour instead of the whole day"), this))
    , m_samplingWindow(numberBox(this, 3600, 0, tr(" s")))
    , m_samplingWarmup(numberBox(this, 3600, 0, tr(" s")))
{
    m_ttft->setSpecialValueText(QString());
    m_e2e->setSpecialValueText(tr("not set"));
    m_probe->setSpecialValueText(tr("live state"));
    m_description->setFixedHeight(fontMetrics().height() * 4);
    m_policy->setEditable(true);
    m_policy->setToolTip(tr("Routing policy name (longitude-cli list-policies lists them)"));
#if LONGITUDE_HAVE_POLICY_REGISTRY
    const engine::PolicyRegistry registry = engine::PolicyRegistry::builtins();
    for (const auto &policy : registry.policies()) {
        QStringList parameters;
        for (const auto &parameter : policy.parameters)
            parameters << QStringLiteral("%1 (default %2): %3")
                              .arg(QString::fromStdString(parameter.name))
                              .arg(parameter.defaultValue)
                              .arg(QString::fromStdString(parameter.description));
        m_policy->addItem(QString::fromStdString(policy.name));
        m_policy->setItemData(m_policy->count() - 1,
                              QString::fromStdString(policy.description)
                                  + (parameters.isEmpty() ? QString() : QStringLiteral("\n") + parameters.join(QLatin1Char('\n'))),
                              Qt::ToolTipRole);
    }
#else
    // The names docs/scenario-format.md uses until the engine's policy table is in the tree.
    m_policy->addItems({QStringLiteral("least-load"), QStringLiteral("round-robin")});
#endif
    m_seed->setRange(0, std::numeric_limits<int>::max());
    m_kvBlock->setRange(1, 65536);
    m_kvBlock->setSuffix(tr(" tokens"));
    m_kvBlock->setKeyboardTracking(false);
    m_seed->setKeyboardTracking(false);
    m_outages->setHorizontalHeaderLabels({tr("Region or pool"), tr("Start (s)"), tr("Duration (s)")});
    m_outages->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_outages->verticalHeader()->hide();
    m_outages->setMinimumHeight(fontMetrics().height() * 6);

    auto *content = new QWidget(m_scroll);
    // One column: the panel lives in a side dock, where two columns would truncate the fields.
    auto *left = new QVBoxLayout(content);
    QVBoxLayout *right = left;
    auto group = [&](QVBoxLayout *column, const QString &title) {
        auto *box = new QGroupBox(title, content);
        auto *form = new QFormLayout(box);
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        column->addWidget(box);
        return form;
    };

    QFormLayout *scenario = group(left, tr("Scenario"));
    scenario->addRow(tr("Name"), field(m_name, QStringLiteral("/name")));
    scenario->addRow(tr("Description"), field(m_description, QStringLiteral("/description")));

    QFormLayout *sla = group(left, tr("Service level"));
    sla->addRow(tr("TTFT p99"), field(m_ttft, QStringLiteral("/sla/ttftP99Ms")));
    sla->addRow(tr("End-to-end p99"), field(m_e2e, QStringLiteral("/sla/e2eP99Ms")));

    QFormLayout *routing = group(left, tr("Routing"));
    routing->addRow(tr("Policy"), field(m_policy, QStringLiteral("/routing/policy")));
    routing->addRow(tr("Parameters"), field(m_routingParams, QStringLiteral("/routing/params"), true));
    routing->addRow(tr("Probe interval"), field(m_probe, QStringLiteral("/routing/probeIntervalMs")));

    QFormLayout *placement = group(left, tr("Placement"));
    placement->addRow(tr("Strategy"), field(m_placement, QStringLiteral("/placement/strategy")));
    placement->addRow(tr("Parameters"), field(m_placementParams, QStringLiteral("/placement/params"), true));

    QFormLayout *overflow = group(right, tr("Overflow"));
    overflow->addRow(field(m_overflow, QStringLiteral("/overflow/enabled")));
    overflow->addRow(tr("Parameters"), field(m_overflowParams, QStringLiteral("/overflow/params"), true));

    QFormLayout *failover = group(right, tr("Failover"));
    auto *outageButtons = new QHBoxLayout;
    auto *addOutage = new QToolButton(content);
    addOutage->setText(tr("Add outage"));
    auto *removeOutage = new QToolButton(content);
    removeOutage->setText(tr("Remove outage"));
    outageButtons->addWidget(addOutage);
    outageButtons->addWidget(removeOutage);
    outageButtons->addStretch();
    failover->addRow(tr("Outages"), field(m_outages, QStringLiteral("/failover/outages"), true));
    failover->addRow(QString(), outageButtons);
    failover->addRow(tr("Parameters"), field(m_failoverParams, QStringLiteral("/failover/params"), true));

    QFormLayout *simulation = group(right, tr("Simulation"));
    simulation->addRow(tr("Duration"), field(m_duration, QStringLiteral("/simulation/durationS")));
    simulation->addRow(tr("Warm-up"), field(m_warmup, QStringLiteral("/simulation/warmupS")));
    simulation->addRow(tr("Seed"), field(m_seed, QStringLiteral("/simulation/seed")));
    simulation->addRow(tr("Start"), field(m_startHour, QStringLiteral("/simulation/startUtcHour")));
    simulation->addRow(tr("Time bucket"), field(m_bucket, QStringLiteral("/simulation/bucketS")));
    simulation->addRow(tr("KV block"), field(m_kvBlock, QStringLiteral("/simulation/kvBlockTokens")));
    simulation->addRow(field(m_prefixCache, QStringLiteral("/simulation/prefixCache")));
    simulation->addRow(field(m_sampling, QStringLiteral("/simulation/sampling/enabled")));
    simulation->addRow(tr("Window per hour"), field(m_samplingWindow, QStringLiteral("/simulation/sampling/windowS")));
    simulation->addRow(tr("Warm-up per hour"), field(m_samplingWarmup, QStringLiteral("/simulation/sampling/warmupS")));
    left->addStretch();

    m_scroll->setWidget(content);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_scroll);

    connect(m_name, &QLineEdit::editingFinished, this, &SettingsPanel::apply);
    connect(m_placement, &QLineEdit::editingFinished, this, &SettingsPanel::apply);
    connect(m_policy, &QComboBox::activated, this, &SettingsPanel::apply);
    connect(m_policy->lineEdit(), &QLineEdit::editingFinished, this, &SettingsPanel::apply);
    for (QDoubleSpinBox *box : {m_ttft, m_e2e, m_probe, m_duration, m_warmup, m_startHour, m_bucket, m_samplingWindow, m_samplingWarmup})
        connect(box, &QDoubleSpinBox::valueChanged, this, &SettingsPanel::apply);
    for (QSpinBox *box : {m_seed, m_kvBlock})
        connect(box, &QSpinBox::valueChanged, this, &SettingsPanel::apply);
    for (QCheckBox *box : {m_overflow, m_prefixCache, m_sampling})
        connect(box, &QCheckBox::toggled, this, &SettingsPanel::apply);
    for (ParamMapEditor *editor : {m_routingParams, m_placementParams, m_overflowParams, m_failoverParams})
        connect(editor, &ParamMapEditor::edited, this, &SettingsPanel::apply);
    // A multi-line text has no "editing finished": apply when it loses focus, not per key.
    m_description->installEventFilter(this);
    connect(m_outages, &QTableWidget::itemChanged, this, &SettingsPanel::apply);
    connect(addOutage, &QToolButton::clicked, this, [this] {
        const QSignalBlocker blocker(m_outages);
        const int row = m_outages->rowCount();
        m_outages->insertRow(row);
        const auto &regions = m_document->scenario().regions;
        m_outages->setItem(row, 0, new QTableWidgetItem(regions.empty() ? QString() : QString::fromStdString(regions.front().id)));
        m_outages->setItem(row, 1, new QTableWidgetItem(QStringLiteral("0")));
        // Ten minutes, an assumption to edit; JPMorgan's rehearsed failover took 22 (seed 000).
        m_outages->setItem(row, 2, new QTableWidgetItem(QStringLiteral("600")));
        apply();
    });
    connect(removeOutage, &QToolButton::clicked, this, [this] {
        if (m_outages->currentRow() >= 0) {
            m_outages->removeRow(m_outages->currentRow());
            apply();
        }
    });
    connect(document, &models::ScenarioDocument::settingsChanged, this, &SettingsPanel::reload);
    connect(document, &models::ScenarioDocument::scenarioReset, this, &SettingsPanel::reload);
    reload();
}

bool SettingsPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_description && event->type() == QEvent::FocusOut)
        apply();
    return QWidget::eventFilter(watched, event);
}

QWidget *SettingsPanel::field(QWidget *editor, const QString &pointer, bool children)
{
    auto *cell = new QWidget(editor->parentWidget());
    auto *layout = new QVBoxLayout(cell);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(1);
    layout->addWidget(editor);
    auto *diagnostic = new FieldDiagnosticLabel(m_document, cell);
    diagnostic->setPointer(pointer, children);
    layout->addWidget(diagnostic);
    m_editors.insert(pointer, editor);
    return cell;
}

QWidget *SettingsPanel::editorFor(const QString &pointer) const
{
    // The longest registered pointer that is the given one or above it.
    QWidget *best = nullptr;
    qsizetype bestLength = -1;
    for (auto it = m_editors.begin(); it != m_editors.end(); ++it) {
        if ((pointer == it.key() || pointer.startsWith(it.key() + QLatin1Char('/'))) && it.key().size() > bestLength) {
            best = it.value();
            bestLength = it.key().size();
        }
    }
    return best;
}

bool SettingsPanel::revealPointer(const QString &pointer)
{
    QWidget *editor = editorFor(pointer);
    if (editor == nullptr)
        return false;
    m_scroll->ensureWidgetVisible(editor);
    editor->setFocus(Qt::OtherFocusReason);
    return true;
}

void SettingsPanel::reload()
{
    const models::ScenarioSettings s = models::ScenarioSettings::of(m_document->scenario());
    m_loading = true;
    const QList<QObject *> widgets{m_name, m_description, m_ttft, m_e2e, m_policy, m_probe, m_placement, m_overflow,
                                   m_outages, m_duration, m_warmup, m_seed, m_startHour, m_bucket, m_kvBlock,
                                   m_prefixCache, m_sampling, m_samplingWindow, m_samplingWarmup};
    std::vector<std::unique_ptr<QSignalBlocker>> blockers;
    for (QObject *widget : widgets)
        blockers.push_back(std::make_unique<QSignalBlocker>(widget));
    m_name->setText(QString::fromStdString(s.name));
    if (m_description->toPlainText() != QString::fromStdString(s.description))
        m_description->setPlainText(QString::fromStdString(s.description));
    m_ttft->setValue(s.sla.ttftP99Ms);
    m_e2e->setValue(s.sla.e2eP99Ms);
    const QString policy = QString::fromStdString(s.routing.policy);
    if (m_policy->findText(policy) < 0)
        m_policy->addItem(policy);
    m_policy->setCurrentText(policy);
    m_routingParams->setParams(s.routing.params);
    m_probe->setValue(s.routing.probeIntervalMs);
    m_placement->setText(QString::fromStdString(s.placement.strategy));
    m_placementParams->setParams(s.placement.params);
    m_overflow->setChecked(s.overflow.enabled);
    m_overflowParams->setParams(s.overflow.params);
    m_outages->setRowCount(0);
    for (const auto &outage : s.failover.outages) {
        const int row = m_outages->rowCount();
        m_outages->insertRow(row);
        m_outages->setItem(row, 0, new QTableWidgetItem(QString::fromStdString(outage.target)));
        m_outages->setItem(row, 1, new QTableWidgetItem(QString::number(outage.startS)));
        m_outages->setItem(row, 2, new QTableWidgetItem(QString::number(outage.durationS)));
    }
    m_failoverParams->setParams(s.failover.params);
    m_duration->setValue(s.simulation.durationS);
    m_warmup->setValue(s.simulation.warmupS);
    m_seed->setValue(static_cast<int>(std::min<std::uint64_t>(s.simulation.seed, std::numeric_limits<int>::max())));
    m_startHour->setValue(s.simulation.startUtcHour);
    m_bucket->setValue(s.simulation.bucketS);
    m_kvBlock->setValue(s.simulation.kvBlockTokens);
    m_prefixCache->setChecked(s.simulation.prefixCache);
    m_sampling->setChecked(s.simulation.sampling.enabled);
    m_samplingWindow->setValue(s.simulation.sampling.windowS);
    m_samplingWarmup->setValue(s.simulation.sampling.warmupS);
    m_samplingWindow->setEnabled(s.simulation.sampling.enabled);
    m_samplingWarmup->setEnabled(s.simulation.sampling.enabled);
    m_loading = false;
}

models::ScenarioSettings SettingsPanel::collect() const
{
    models::ScenarioSettings s = models::ScenarioSettings::of(m_document->scenario());
    s.name = m_name->text().toStdString();
    s.description = m_description->toPlainText().toStdString();
    s.sla.ttftP99Ms = m_ttft->value();
    s.sla.e2eP99Ms = m_e2e->value();
    s.routing.policy = m_policy->currentText().trimmed().toStdString();
    s.routing.params = m_routingParams->params();
    s.routing.probeIntervalMs = m_probe->value();
    s.placement.strategy = m_placement->text().trimmed().toStdString();
    s.placement.params = m_placementParams->params();
    s.overflow.enabled = m_overflow->isChecked();
    s.overflow.params = m_overflowParams->params();
    s.failover.outages.clear();
    for (int row = 0; row < m_outages->rowCount(); ++row) {
        engine::Outage outage;
        auto text = [&](int column) { return m_outages->item(row, column) ? m_outages->item(row, column)->text() : QString(); };
        outage.target = text(0).trimmed().toStdString();
        outage.startS = text(1).toDouble();
        outage.durationS = text(2).toDouble();
        s.failover.outages.push_back(outage);
    }
    s.failover.params = m_failoverParams->params();
    s.simulation.durationS = m_duration->value();
    s.simulation.warmupS = m_warmup->value();
    // The spin box cannot hold a 64-bit seed: keep a larger one unless the planner changed it.
    if (static_cast<std::uint64_t>(m_seed->value()) != std::min<std::uint64_t>(s.simulation.seed, std::numeric_limits<int>::max()))
        s.simulation.seed = static_cast<std::uint64_t>(m_seed->value());
    s.simulation.startUtcHour = m_startHour->value();
    s.simulation.bucketS = m_bucket->value();
    s.simulation.kvBlockTokens = m_kvBlock->value();
    s.simulation.prefixCache = m_prefixCache->isChecked();
    s.simulation.sampling.enabled = m_sampling->isChecked();
    s.simulation.sampling.windowS = m_samplingWindow->value();
    s.simulation.sampling.warmupS = m_samplingWarmup->value();
    return s;
}

void SettingsPanel::apply()
{
    if (m_loading)
        return;
    m_document->editSettings(collect());
}

} // namespace longitude::ui
