#include "quickpooldialog.h"

#include "engine/planning/costmodel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace longitude::ui {

QuickPoolDialog::QuickPoolDialog(const engine::Scenario &scenario, const QString &regionId, QWidget *parent)
    : QDialog(parent)
    , m_scenario(scenario)
    , m_regionId(regionId)
    , m_gpuType(new QComboBox(this))
    , m_gpuCount(new QSpinBox(this))
    , m_model(new QComboBox(this))
    , m_tensorParallel(new QSpinBox(this))
    , m_pricing(new QComboBox(this))
    , m_summary(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Add GPU pool in %1").arg(regionId));
    for (const engine::GpuType &gpu : scenario.gpuTypes)
        m_gpuType->addItem(QString::fromStdString(gpu.name.empty() ? gpu.id : gpu.id + " — " + gpu.name),
                           QString::fromStdString(gpu.id));
    for (const engine::Model &model : scenario.models)
        m_model->addItem(QString::fromStdString(model.name.empty() ? model.id : model.name), QString::fromStdString(model.id));
    // 8 GPUs: one cloud GPU node (AWS p5.48xlarge, GCP a3-highgpu-8g), the unit pools come in.
    m_gpuCount->setRange(1, 100'000);
    m_gpuCount->setValue(8);
    m_tensorParallel->setRange(1, 64);
    for (const engine::PricingMode mode : {engine::PricingMode::OnDemand, engine::PricingMode::Reserved, engine::PricingMode::Spot})
        m_pricing->addItem(QString::fromLatin1(engine::pricingModeName(mode)), int(mode));
    m_summary->setWordWrap(true);

    // The smallest tensor-parallel degree the model has a profile for on the chosen GPU.
    auto pickTensorParallel = [this] {
        const engine::Model *model = m_scenario.findModel(m_model->currentData().toString().toStdString());
        const std::string gpu = m_gpuType->currentData().toString().toStdString();
        int best = 0;
        if (model)
            for (const engine::LatencyProfile &profile : model->profiles)
                if (profile.gpuType == gpu && (best == 0 || profile.tensorParallel < best))
                    best = profile.tensorParallel;
        if (best > 0)
            m_tensorParallel->setValue(best);
    };
    connect(m_gpuType, &QComboBox::currentIndexChanged, this, pickTensorParallel);
    connect(m_model, &QComboBox::currentIndexChanged, this, pickTensorParallel);
    pickTensorParallel();
    for (auto *combo : {m_gpuType, m_model, m_pricing})
        connect(combo, &QComboBox::currentIndexChanged, this, &QuickPoolDialog::updateSummary);
    for (auto *spin : {m_gpuCount, m_tensorParallel})
        connect(spin, &QSpinBox::valueChanged, this, &QuickPoolDialog::updateSummary);

    auto *form = new QFormLayout;
    form->addRow(tr("GPU type"), m_gpuType);
    form->addRow(tr("GPUs"), m_gpuCount);
    form->addRow(tr("Model"), m_model);
    form->addRow(tr("Tensor parallel"), m_tensorParallel);
    form->addRow(tr("Pricing"), m_pricing);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_summary);
    layout->addWidget(m_buttons);
    updateSummary();
}

engine::Pool QuickPoolDialog::pool() const
{
    engine::Pool pool;
    pool.region = m_regionId.toStdString();
    pool.gpuType = m_gpuType->currentData().toString().toStdString();
    pool.gpuCount = m_gpuCount->value();
    pool.model = m_model->currentData().toString().toStdString();
    pool.tensorParallel = m_tensorParallel->value();
    pool.pricing = engine::PricingMode(m_pricing->currentData().toInt());
    return pool;
}

void QuickPoolDialog::updateSummary()
{
    const engine::Pool candidate = pool();
    QStringList lines;
    bool ok = !candidate.gpuType.empty() && !candidate.model.empty();
    if (m_scenario.gpuTypes.empty() || m_scenario.models.empty()) {
        lines << tr("The scenario needs at least one GPU type and one model first.");
        ok = false;
    } else if (candidate.gpuCount % candidate.tensorParallel != 0) {
        lines << tr("The GPU count must be a multiple of the tensor-parallel degree (%1).").arg(candidate.tensorParallel);
        ok = false;
    } else {
        lines << tr("%n replica(s) of TP%1", nullptr, candidate.gpuCount / candidate.tensorParallel).arg(candidate.tensorParallel);
        const engine::Model *model = m_scenario.findModel(candidate.model);
        if (model && !engine::findProfile(*model, candidate.gpuType, candidate.tensorParallel))
            lines << tr("No latency profile of this model for %1 at TP%2: the scenario check will report it.")
                         .arg(QString::fromStdString(candidate.gpuType))
                         .arg(candidate.tensorParallel);
        if (const engine::GpuType *gpu = m_scenario.findGpuType(candidate.gpuType)) {
            const double perGpu = engine::CostModel::usdPerGpuHour(*gpu, candidate.pricing);
            if (perGpu > 0)
                lines << tr("$%1 per hour (%2 × $%3 per GPU-hour)")
                             .arg(engine::CostModel::poolUsdPerHour(m_scenario, candidate), 0, 'f', 2)
                             .arg(candidate.gpuCount)
                             .arg(perGpu, 0, 'f', 2);
        }
    }
    m_summary->setText(lines.join(QLatin1Char('\n')));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
}

} // namespace longitude::ui
