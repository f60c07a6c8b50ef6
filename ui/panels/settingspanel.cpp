#include "ui/panels/settingspanel.h"

#include "engine/io/valuerules.h"
#include "engine/policies/policyregistry.h"
#include "engine/sim/failoverconfig.h"
#include "engine/sim/overflowconfig.h"
#include "models/scenariodocument.h"
#include "models/scenariosettings.h"
#include "ui/widgets/fielddiagnosticlabel.h"
#include "ui/widgets/numberspinbox.h"
#include "ui/widgets/outageeditor.h"
#include "ui/widgets/parameterform.h"
#include "ui/widgets/parammapeditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpressionValidator>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTimeEdit>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace longitude::ui {

namespace {

// The engine's accepted range of the field; values outside it are reported by the engine's
// diagnostics, never silently clamped by the box, except where the range itself forbids them.
QDoubleSpinBox *numberBox(QWidget *parent, const engine::NumberRange &range, int decimals, const QString &suffix)
{
    auto *box = new NumberSpinBox(parent);
    box->setRange(range.min, range.max);
    box->setDecimals(decimals);
    box->setSuffix(suffix);
    return box;
}

QLabel *noteLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    return label;
}

QString clock(long long minutes)
{
    const long long inDay = ((minutes % 1440) + 1440) % 1440;
    return QStringLiteral("%1:%2").arg(inDay / 60, 2, 10, QLatin1Char('0')).arg(inDay % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

SettingsPanel::SettingsPanel(models::ScenarioDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_scroll(new QScrollArea(this))
    , m_name(new QLineEdit(this))
    , m_description(new QPlainTextEdit(this))
    , m_ttft(numberBox(this, engine::rules::kSlaMs, 0, tr(" ms")))
    , m_e2e(numberBox(this, engine::rules::kOptionalSlaMs, 0, tr(" ms")))
    , m_policy(new QComboBox(this))
    , m_policyDescription(noteLabel(QString(), this))
    , m_routingParams(new ParameterForm(document, models::ParamSection::Routing, this))
    , m_probe(numberBox(this, engine::rules::kProbeIntervalMs, 0, tr(" ms")))
    , m_placement(new QLineEdit(this))
    , m_placementParams(new ParamMapEditor(this))
    , m_overflow(new QCheckBox(tr("Spill to other regions of the zone when the SLA budget allows"), this))
    , m_overflowParams(new ParameterForm(document, models::ParamSection::Overflow, this))
    , m_outages(new OutageEditor(document, this))
    , m_degradeModel(new QComboBox(this))
    , m_failoverParams(new ParameterForm(document, models::ParamSection::Failover, this))
    , m_duration(numberBox(this, engine::rules::kDurationS, 0, tr(" s")))
    , m_warmup(numberBox(this, engine::rules::kWarmupS, 0, tr(" s")))
    , m_seed(new QLineEdit(this))
    , m_startTime(new QTimeEdit(this))
    , m_timeHint(noteLabel(QString(), this))
    , m_bucket(numberBox(this, engine::rules::kBucketS, 0, tr(" s")))
    , m_kvBlock(new QSpinBox(this))
    , m_prefixCache(new QCheckBox(tr("Simulate the prefix (KV) cache"), this))
    , m_sampling(new QCheckBox(tr("Simulate a window of each hour instead of every second"), this))
    , m_samplingWindow(numberBox(this, engine::rules::kSamplingWindowS, 0, tr(" s")))
    , m_samplingWarmup(numberBox(this, engine::rules::kSamplingWarmupS, 0, tr(" s")))
{
    m_e2e->setSpecialValueText(tr("not set"));
    m_probe->setSpecialValueText(tr("live state"));
    m_probe->setToolTip(tr("How often routers learn the replicas' load; 0: they see it live"));
    // Six lines: a sample's description (its source, its shape, what it shows) reads in one
    // glance instead of through a three-line slot.
    m_description->setFixedHeight(fontMetrics().lineSpacing() * 6 + 2 * m_description->frameWidth()
                                  + static_cast<int>(2 * m_description->document()->documentMargin()));
    m_policy->setObjectName(QStringLiteral("policyBox"));
    m_policy->setToolTip(tr("Routing policy (longitude-cli list-policies lists the same)"));
    const engine::PolicyRegistry registry = engine::PolicyRegistry::builtins();
    for (const engine::PolicyInfo &policy : registry.policies()) {
        const QString name = QString::fromStdString(policy.name);
        m_policy->addItem(name, name);
        m_policy->setItemData(m_policy->count() - 1, QString::fromStdString(policy.description), Qt::ToolTipRole);
    }
    m_overflowParams->setTable(engine::OverflowConfig::parameters());
    m_failoverParams->setTable(engine::FailoverConfig::parameters());
    m_degradeModel->setObjectName(QStringLiteral("degradeModelBox"));
    m_degradeModel->setToolTip(tr("Model requests fall back to when their own has no healthy replica left in their zone"));
    // A seed is any unsigned 64-bit integer: more than a spin box holds.
    m_seed->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{1,20}")), m_seed));
    m_startTime->setDisplayFormat(QStringLiteral("HH:mm 'UTC'"));
    m_startTime->setKeyboardTracking(false);
    m_startTime->setToolTip(tr("UTC time of day when the simulated time starts: it places every region's daily curve"));
    m_kvBlock->setRange(static_cast<int>(engine::rules::kKvBlockTokens.min), static_cast<int>(engine::rules::kKvBlockTokens.max));
    m_kvBlock->setSuffix(tr(" tokens"));
    m_kvBlock->setKeyboardTracking(false);

    auto *content = new QWidget(m_scroll);
    // One column: the panel lives in a side dock, where two columns would truncate the fields.
    auto *column = new QVBoxLayout(content);
    auto group = [&](const QString &title) {
        auto *box = new QGroupBox(title, content);
        auto *form = new QFormLayout(box);
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        form->setRowWrapPolicy(QFormLayout::DontWrapRows);
        column->addWidget(box);
        return form;
    };

    QFormLayout *scenario = group(tr("Scenario"));
    scenario->addRow(tr("Name"), field(m_name, QStringLiteral("/name")));
    scenario->addRow(tr("Description"), field(m_description, QStringLiteral("/description")));

    QFormLayout *sla = group(tr("Service level"));
    sla->addRow(tr("TTFT p99"), field(m_ttft, QStringLiteral("/sla/ttftP99Ms")));
    sla->addRow(tr("End-to-end p99"), field(m_e2e, QStringLiteral("/sla/e2eP99Ms")));

    QFormLayout *routing = group(tr("Routing"));
    routing->addRow(tr("Policy"), field(m_policy, QStringLiteral("/routing/policy")));
    routing->addRow(m_policyDescription);
    routing->addRow(m_routingParams);
    routing->addRow(tr("Probe interval"), field(m_probe, QStringLiteral("/routing/probeIntervalMs")));

    QFormLayout *placement = group(tr("Placement"));
    placement->addRow(tr("Strategy"), field(m_placement, QStringLiteral("/placement/strategy")));
    placement->addRow(tr("Parameters"), field(m_placementParams, QStringLiteral("/placement/params"), true));
    placement->addRow(noteLabel(tr("Kept with the scenario; this build simulates every pool where it is."), content));

    QFormLayout *overflow = group(tr("Overflow"));
    overflow->addRow(field(m_overflow, QStringLiteral("/overflow/enabled")));
    overflow->addRow(m_overflowParams);
    overflow->addRow(noteLabel(tr("The rescuer caps (maxSpillRps, maxSpillShare, burstS) also bound failover reroutes "
                                  "when spilling is off."),
                               content));

    QFormLayout *failover = group(tr("Failover"));
    failover->addRow(m_outages);
    failover->addRow(tr("Degrade to"), field(m_degradeModel, QStringLiteral("/failover/degradeModel")));
    failover->addRow(m_failoverParams);

    QFormLayout *simulation = group(tr("Simulation"));
    simulation->addRow(tr("Duration"), field(m_duration, QStringLiteral("/simulation/durationS")));
    simulation->addRow(tr("Warm-up"), field(m_warmup, QStringLiteral("/simulation/warmupS")));
    simulation->addRow(tr("Start"), field(m_startTime, QStringLiteral("/simulation/startUtcHour")));
    simulation->addRow(m_timeHint);
    simulation->addRow(tr("Seed"), field(m_seed, QStringLiteral("/simulation/seed")));
    simulation->addRow(tr("Time bucket"), field(m_bucket, QStringLiteral("/simulation/bucketS")));
    simulation->addRow(tr("KV block"), field(m_kvBlock, QStringLiteral("/simulation/kvBlockTokens")));
    simulation->addRow(field(m_prefixCache, QStringLiteral("/simulation/prefixCache")));
    simulation->addRow(field(m_sampling, QStringLiteral("/simulation/sampling/enabled")));
    simulation->addRow(tr("Window per hour"), field(m_samplingWindow, QStringLiteral("/simulation/sampling/windowS")));
    simulation->addRow(tr("Warm-up per hour"), field(m_samplingWarmup, QStringLiteral("/simulation/sampling/warmupS")));
    column->addStretch();

    m_scroll->setWidget(content);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_scroll);

    using S = models::ScenarioSettings;
    connect(m_name, &QLineEdit::editingFinished, this, [this] { change([this](S &s) { s.name = m_name->text().toStdString(); }); });
    // A multi-line text has no "editing finished": apply when it loses focus, not per key.
    m_description->installEventFilter(this);
    connect(m_ttft, &QDoubleSpinBox::valueChanged, this, [this](double v) { change([v](S &s) { s.sla.ttftP99Ms = v; }); });
    connect(m_e2e, &QDoubleSpinBox::valueChanged, this, [this](double v) { change([v](S &s) { s.sla.e2eP99Ms = v; }); });
    connect(m_policy, &QComboBox::activated, this, [this] {
        if (!m_loading)
            m_document->setRoutingPolicy(m_policy->currentData().toString());
    });
    connect(m_probe, &QDoubleSpinBox::valueChanged, this, [this](double v) { change([v](S &s) { s.routing.probeIntervalMs = v; }); });
    connect(m_placement, &QLineEdit::editingFinished, this, [this] {
        change([this](S &s) { s.placement.strategy = m_placement->text().trimmed().toStdString(); });
    });
    connect(m_placementParams, &ParamMapEditor::edited, this, [this] {
        change([this](S &s) { s.placement.params = m_placementParams->params(); });
    });
    connect(m_overflow, &QCheckBox::toggled, this, [this](bool on) { change([on](S &s) { s.overflow.enabled = on; }); });
    connect(m_degradeModel, &QComboBox::activated, this, [this] {
        const std::string model = m_degradeModel->currentData().toString().toStdString();
        change([model](S &s) { s.failover.degradeModel = model; });
    });
    connect(m_duration, &QDoubleSpinBox::valueChanged, this, [this](double v) { change([v](S &s) { s.simulation.durationS = v; }); });
    connect(m_warmup, &QDoubleSpinBox::valueChanged, this, [this](double v) { change([v](S &s) { s.simulation.warmupS = v; }); });
    connect(m_seed, &QLineEdit::editingFinished, this, [this] {
        bool ok = false;
        const std::uint64_t seed = m_seed->text().toULongLong(&ok);
        if (ok)
            change([seed](S &s) { s.simulation.seed = seed; });
        else
            reload(); // beyond 2^64 - 1: back to the seed in the scenario
    });
    connect(m_startTime, &QTimeEdit::timeChanged, this, [this](QTime time) {
        const double hour = time.hour() + time.minute() / 60.0;
        change([hour](S &s) { s.simulation.startUtcHour = hour; });
    });
    connect(m_bucket, &QDoubleSpinBox::valueChanged, this, [this](double v) { change([v](S &s) { s.simulation.bucketS = v; }); });
    connect(m_kvBlock, &QSpinBox::valueChanged, this, [this](int v) { change([v](S &s) { s.simulation.kvBlockTokens = v; }); });
    connect(m_prefixCache, &QCheckBox::toggled, this, [this](bool on) { change([on](S &s) { s.simulation.prefixCache = on; }); });
    connect(m_sampling, &QCheckBox::toggled, this, [this](bool on) { change([on](S &s) { s.simulation.sampling.enabled = on; }); });
    connect(m_samplingWindow, &QDoubleSpinBox::valueChanged, this,
            [this](double v) { change([v](S &s) { s.simulation.sampling.windowS = v; }); });
    connect(m_samplingWarmup, &QDoubleSpinBox::valueChanged, this,
            [this](double v) { change([v](S &s) { s.simulation.sampling.warmupS = v; }); });

    connect(document, &models::ScenarioDocument::settingsChanged, this, &SettingsPanel::reload);
    connect(document, &models::ScenarioDocument::scenarioReset, this, &SettingsPanel::reload);
    // Outage targets and the models one may degrade to follow the regions, pools and models.
    for (auto signal : {&models::ScenarioDocument::regionAdded, &models::ScenarioDocument::regionRemoved})
        connect(document, signal, m_outages, &OutageEditor::reload);
    connect(document, &models::ScenarioDocument::poolsChanged, this, [this] {
        m_outages->reload();
        reloadDegradeModels();
    });
    connect(document, &models::ScenarioDocument::hardwareChanged, this, &SettingsPanel::reloadDegradeModels);
    reload();
}

bool SettingsPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_description && event->type() == QEvent::FocusOut)
        change([this](models::ScenarioSettings &s) { s.description = m_description->toPlainText().toStdString(); });
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
    for (ParameterForm *form : {m_routingParams, m_overflowParams, m_failoverParams}) {
        if (QWidget *editor = form->editorFor(pointer))
            return editor;
    }
    if (QWidget *editor = m_outages->editorFor(pointer))
        return editor;
    // The longest registered pointer that is the given one or above it.
    QWidget *best = nullptr;
    qsizetype bestLength = -1;
    for (auto it = m_editors.begin(); it != m_editors.end(); ++it) {
        if ((pointer == it.key() || pointer.startsWith(it.key() + QLatin1Char('/'))) && it.key().size() > bestLength) {
            best = it.value();
            bestLength = it.key().size();
        }
    }
    // A parameter that has no row of its own (a name the form no longer shows): its section.
    if (best == nullptr && pointer.startsWith(QLatin1String("/routing/params")))
        best = m_policy;
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

void SettingsPanel::change(const std::function<void(models::ScenarioSettings &)> &edit)
{
    if (m_loading)
        return;
    models::ScenarioSettings settings = models::ScenarioSettings::of(m_document->scenario());
    edit(settings);
    m_document->editSettings(settings);
}

void SettingsPanel::reloadPolicy()
{
    const engine::RoutingSettings &routing = m_document->scenario().routing;
    const QString policy = QString::fromStdString(routing.policy);
    // A name this build does not know stays visible (the engine's diagnostic says so).
    for (int i = m_policy->count() - 1; i >= 0; --i) {
        if (m_policy->itemData(i, Qt::UserRole + 1).toBool() && m_policy->itemData(i).toString() != policy)
            m_policy->removeItem(i);
    }
    int index = m_policy->findData(policy);
    if (index < 0) {
        m_policy->addItem(policy.isEmpty() ? tr("(none)") : tr("%1 (unknown)").arg(policy), policy);
        index = m_policy->count() - 1;
        m_policy->setItemData(index, true, Qt::UserRole + 1);
    }
    m_policy->setCurrentIndex(index);

    const engine::PolicyRegistry registry = engine::PolicyRegistry::builtins();
    const engine::PolicyInfo *info = registry.find(routing.policy);
    m_policyDescription->setText(info != nullptr ? QString::fromStdString(info->description)
                                                 : tr("Not a routing policy of this build: pick one from the list."));
    m_routingParams->setTable(info != nullptr ? info->parameters : std::vector<engine::PolicyParameter>{});
}

void SettingsPanel::reloadDegradeModels()
{
    const engine::Scenario &s = m_document->scenario();
    const QSignalBlocker blocker(m_degradeModel);
    m_degradeModel->clear();
    m_degradeModel->addItem(tr("(none: shed the request)"), QString());
    for (const engine::Model &model : s.models) {
        const auto pools = std::count_if(s.pools.begin(), s.pools.end(), [&](const engine::Pool &p) { return p.model == model.id; });
        if (pools == 0)
            continue; // the engine degrades only to a model that has pools
        const QString id = QString::fromStdString(model.id);
        m_degradeModel->addItem(pools == 1 ? tr("%1 (1 pool)").arg(id) : tr("%1 (%2 pools)").arg(id).arg(pools), id);
        m_degradeModel->setItemData(m_degradeModel->count() - 1, QString::fromStdString(model.name), Qt::ToolTipRole);
    }
    const QString current = QString::fromStdString(s.failover.degradeModel);
    int index = m_degradeModel->findData(current);
    if (index < 0) {
        m_degradeModel->addItem(tr("%1 (no pools)").arg(current), current);
        index = m_degradeModel->count() - 1;
    }
    m_degradeModel->setCurrentIndex(index);
}

void SettingsPanel::updateTimeHint()
{
    const engine::SimulationSettings &sim = m_document->scenario().simulation;
    if (!std::isfinite(sim.startUtcHour) || !std::isfinite(sim.durationS) || sim.durationS <= 0) {
        m_timeHint->clear();
        return;
    }
    const long long start = std::llround(sim.startUtcHour * 60.0);
    const long long end = std::llround(sim.startUtcHour * 60.0 + sim.durationS / 60.0);
    const long long days = (end - 1) / 1440 - start / 1440;
    QString text = tr("Covers %1 → %2 UTC").arg(clock(start), clock(end));
    if (days == 1)
        text += tr(" the next day");
    else if (days > 1)
        text += tr(", %1 days later").arg(days);
    if (sim.sampling.enabled)
        text += tr("; measures %1 s of each hour after %2 s of warm-up").arg(sim.sampling.windowS).arg(sim.sampling.warmupS);
    m_timeHint->setText(text);
}

void SettingsPanel::reload()
{
    const models::ScenarioSettings s = models::ScenarioSettings::of(m_document->scenario());
    m_loading = true;
    const QList<QObject *> widgets{m_name,     m_description, m_ttft,     m_e2e,       m_policy,     m_probe,
                                   m_placement, m_overflow,   m_duration, m_warmup,    m_seed,       m_startTime,
                                   m_bucket,   m_kvBlock,     m_prefixCache, m_sampling, m_samplingWindow,
                                   m_samplingWarmup, m_degradeModel};
    std::vector<std::unique_ptr<QSignalBlocker>> blockers;
    for (QObject *widget : widgets)
        blockers.push_back(std::make_unique<QSignalBlocker>(widget));
    m_name->setText(QString::fromStdString(s.name));
    // A long name shows its beginning, not its end, unless the planner is typing in it.
    if (!m_name->hasFocus())
        m_name->setCursorPosition(0);
    if (m_description->toPlainText() != QString::fromStdString(s.description))
        m_description->setPlainText(QString::fromStdString(s.description));
    m_ttft->setValue(s.sla.ttftP99Ms);
    m_e2e->setValue(s.sla.e2eP99Ms);
    reloadPolicy();
    m_probe->setValue(s.routing.probeIntervalMs);
    m_placement->setText(QString::fromStdString(s.placement.strategy));
    m_placementParams->setParams(s.placement.params);
    m_overflow->setChecked(s.overflow.enabled);
    m_overflowParams->reload();
    m_outages->reload();
    reloadDegradeModels();
    m_failoverParams->reload();
    m_duration->setValue(s.simulation.durationS);
    m_warmup->setValue(s.simulation.warmupS);
    m_seed->setText(QString::number(s.simulation.seed));
    const int minutes = static_cast<int>(std::clamp(std::lround(s.simulation.startUtcHour * 60.0), 0L, 24L * 60 - 1));
    m_startTime->setTime(QTime(minutes / 60, minutes % 60));
    updateTimeHint();
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

} // namespace longitude::ui
