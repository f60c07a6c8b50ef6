#include "ui/panels/poolinspector.h"

#include "models/catalogrepository.h"
#include "models/poolsmodel.h"
#include "models/scenariodocument.h"
#include "ui/widgets/fielddiagnosticlabel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace longitude::ui {

namespace {

const char *const kFieldKeys[] = {"id", "region", "gpuType", "gpuCount", "model", "tensorParallel", "pricing"};

// Item data of a combo entry that names a catalog element not yet in the scenario.
constexpr int kFromCatalogRole = Qt::UserRole + 1;

/// Fills `combo` with `items` (scenario ids, selectable by text) and then `catalogItems` (ids
/// offered from the catalog), selecting `current`.
void fillCombo(QComboBox *combo, const QStringList &items, const QString &current, const QStringList &catalogItems = {})
{
    const QSignalBlocker blocker(combo);
    combo->clear();
    for (const QString &item : items)
        combo->addItem(item, item);
    int index = combo->findData(current);
    if (index < 0 && !current.isEmpty()) {
        // Keep showing an id the scenario does not define: the diagnostic explains it.
        combo->addItem(current, current);
        index = combo->count() - 1;
    }
    if (!catalogItems.isEmpty())
        combo->insertSeparator(combo->count());
    for (const QString &item : catalogItems) {
        combo->addItem(PoolInspector::tr("%1 (from the catalog)").arg(item), item);
        combo->setItemData(combo->count() - 1, true, kFromCatalogRole);
    }
    combo->setCurrentIndex(index);
}

template<typename T>
QStringList catalogOnly(const std::vector<T> &catalogItems, const std::vector<T> &scenarioItems)
{
    QStringList ids;
    for (const T &item : catalogItems) {
        const bool inScenario = std::any_of(scenarioItems.begin(), scenarioItems.end(),
                                            [&](const T &other) { return other.id == item.id; });
        if (!inScenario)
            ids << QString::fromStdString(item.id);
    }
    return ids;
}

} // namespace

PoolInspector::PoolInspector(models::ScenarioDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_title(new QLabel(this))
    , m_id(new QLineEdit(this))
    , m_region(new QComboBox(this))
    , m_gpuType(new QComboBox(this))
    , m_gpuCount(new QSpinBox(this))
    , m_model(new QComboBox(this))
    , m_tensorParallel(new QComboBox(this))
    , m_pricing(new QComboBox(this))
    , m_summary(new QLabel(this))
{
    m_id->setObjectName(QStringLiteral("poolId"));
    m_region->setObjectName(QStringLiteral("poolRegion"));
    m_gpuType->setObjectName(QStringLiteral("poolGpuType"));
    m_gpuCount->setObjectName(QStringLiteral("poolGpuCount"));
    m_model->setObjectName(QStringLiteral("poolModel"));
    m_tensorParallel->setObjectName(QStringLiteral("poolTensorParallel"));
    m_pricing->setObjectName(QStringLiteral("poolPricing"));

    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_gpuCount->setRange(0, 1'000'000);
    m_gpuCount->setKeyboardTracking(false);
    m_gpuCount->setToolTip(tr("Number of GPUs in the pool; a multiple of the tensor-parallel degree"));
    m_tensorParallel->setToolTip(tr("GPUs per replica; the model needs a latency profile for this GPU type at this degree"));
    m_pricing->setToolTip(tr("Which of the GPU type's prices applies"));
    m_summary->setWordWrap(true);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const QList<QPair<QString, QWidget *>> rows{
        {tr("Id"), m_id},           {tr("Region"), m_region},       {tr("GPU type"), m_gpuType},
        {tr("GPUs"), m_gpuCount},   {tr("Model"), m_model},         {tr("Tensor parallel"), m_tensorParallel},
        {tr("Pricing"), m_pricing}};
    for (const auto &[label, field] : rows) {
        auto *diagnostic = new FieldDiagnosticLabel(document, this);
        m_diagnostics << diagnostic;
        auto *cell = new QWidget(this);
        auto *cellLayout = new QVBoxLayout(cell);
        cellLayout->setContentsMargins(0, 0, 0, 0);
        cellLayout->setSpacing(1);
        cellLayout->addWidget(field);
        cellLayout->addWidget(diagnostic);
        form->addRow(label, cell);
    }
    auto *poolDiagnostic = new FieldDiagnosticLabel(document, this);
    m_diagnostics << poolDiagnostic;

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(form);
    layout->addWidget(poolDiagnostic);
    layout->addWidget(m_summary);
    layout->addStretch();

    connect(m_id, &QLineEdit::editingFinished, this, &PoolInspector::apply);
    connect(m_gpuCount, &QSpinBox::valueChanged, this, &PoolInspector::apply);
    for (QComboBox *combo : {m_region, m_gpuType, m_model, m_tensorParallel, m_pricing})
        connect(combo, &QComboBox::activated, this, &PoolInspector::apply);
    connect(document, &models::ScenarioDocument::poolsChanged, this, &PoolInspector::reload);
    connect(document, &models::ScenarioDocument::hardwareChanged, this, &PoolInspector::reload);
    connect(document, &models::ScenarioDocument::regionAdded, this, &PoolInspector::reload);
    connect(document, &models::ScenarioDocument::regionRemoved, this, &PoolInspector::reload);
    // The panel selects a row after a reset; an id that no longer exists clears the form.
    connect(document, &models::ScenarioDocument::scenarioReset, this, &PoolInspector::reload);
    reload();
}

void PoolInspector::setCatalog(const models::CatalogRepository *catalog)
{
    m_catalog = catalog;
    reload();
}

void PoolInspector::setPoolId(const QString &poolId)
{
    m_poolId = poolId;
    reload();
}

QWidget *PoolInspector::editor(Field field) const
{
    switch (field) {
    case Field::Id: return m_id;
    case Field::Region: return m_region;
    case Field::GpuType: return m_gpuType;
    case Field::GpuCount: return m_gpuCount;
    case Field::Model: return m_model;
    case Field::TensorParallel: return m_tensorParallel;
    case Field::Pricing: return m_pricing;
    }
    return nullptr;
}

void PoolInspector::focusField(Field field)
{
    if (QWidget *widget = editor(field))
        widget->setFocus(Qt::OtherFocusReason);
}

void PoolInspector::reload()
{
    const engine::Scenario &s = m_document->scenario();
    int index = -1;
    for (std::size_t i = 0; i < s.pools.size(); ++i) {
        if (s.pools[i].id == m_poolId.toStdString())
            index = static_cast<int>(i);
    }
    m_loading = true;
    setEnabled(index >= 0);
    if (index < 0) {
        m_poolId.clear();
        m_title->setText(tr("No pool selected"));
        m_summary->clear();
        for (FieldDiagnosticLabel *label : m_diagnostics)
            label->setPointer({});
        m_loading = false;
        return;
    }
    const engine::Pool &pool = s.pools[static_cast<std::size_t>(index)];
    m_title->setText(tr("Pool %1").arg(m_poolId));

    QStringList regions, gpuTypes, modelIds;
    for (const auto &region : s.regions)
        regions << QString::fromStdString(region.id);
    for (const auto &type : s.gpuTypes)
        gpuTypes << QString::fromStdString(type.id);
    for (const auto &model : s.models)
        modelIds << QString::fromStdString(model.id);
    QStringList pricing;
    for (auto mode : {engine::PricingMode::Reserved, engine::PricingMode::OnDemand, engine::PricingMode::Spot})
        pricing << QString::fromLatin1(engine::pricingModeName(mode));
    QStringList tps;
    for (int tp : models::PoolsModel::tensorParallelChoices(s, QString::fromStdString(pool.model),
                                                            QString::fromStdString(pool.gpuType)))
        tps << QString::number(tp);

    {
        const QSignalBlocker idBlocker(m_id);
        m_id->setText(m_poolId);
    }
    fillCombo(m_region, regions, QString::fromStdString(pool.region));
    fillCombo(m_gpuType, gpuTypes, QString::fromStdString(pool.gpuType),
              m_catalog ? catalogOnly(m_catalog->catalog().gpuTypes, s.gpuTypes) : QStringList());
    fillCombo(m_model, modelIds, QString::fromStdString(pool.model),
              m_catalog ? catalogOnly(m_catalog->catalog().models, s.models) : QStringList());
    fillCombo(m_tensorParallel, tps, QString::number(pool.tensorParallel));
    fillCombo(m_pricing, pricing, QString::fromLatin1(engine::pricingModeName(pool.pricing)));
    {
        const QSignalBlocker countBlocker(m_gpuCount);
        m_gpuCount->setValue(pool.gpuCount);
    }
    for (int field = 0; field < 7; ++field)
        m_diagnostics[field]->setPointer(QStringLiteral("/pools/%1/%2").arg(index).arg(QLatin1String(kFieldKeys[field])), true);
    m_diagnostics.last()->setPointer(QStringLiteral("/pools/%1").arg(index));

    QStringList summary;
    if (pool.tensorParallel > 0)
        summary << (pool.gpuCount / pool.tensorParallel == 1 ? tr("1 replica")
                                                           : tr("%1 replicas").arg(pool.gpuCount / pool.tensorParallel));
    if (const engine::GpuType *gpu = s.findGpuType(pool.gpuType)) {
        summary << tr("%1 GB HBM per GPU").arg(gpu->memoryGb);
        if (!gpu->prices.asOf.empty())
            summary << tr("prices as of %1").arg(QString::fromStdString(gpu->prices.asOf));
    }
    m_summary->setText(summary.join(QStringLiteral(" · ")));
    m_loading = false;
}

void PoolInspector::apply()
{
    if (m_loading || m_poolId.isEmpty())
        return;
    const engine::Pool *current = m_document->scenario().findPool(m_poolId.toStdString());
    if (current == nullptr)
        return;
    engine::Pool pool = *current;
    const QString id = m_id->text().trimmed();
    if (!id.isEmpty())
        pool.id = id.toStdString();
    pool.region = m_region->currentText().toStdString();
    pool.gpuType = m_gpuType->currentData().toString().toStdString();
    pool.gpuCount = m_gpuCount->value();
    pool.model = m_model->currentData().toString().toStdString();
    pool.tensorParallel = m_tensorParallel->currentText().toInt();
    if (const auto mode = engine::pricingModeFromName(m_pricing->currentText().toStdString()))
        pool.pricing = *mode;
    const QString oldId = m_poolId;
    const bool newGpuType = m_gpuType->currentData(kFromCatalogRole).toBool();
    const bool newModel = m_model->currentData(kFromCatalogRole).toBool();
    const engine::GpuType *catalogGpu = m_catalog && newGpuType ? m_catalog->findGpuType(pool.gpuType) : nullptr;
    const engine::Model *catalogModel = m_catalog && newModel ? m_catalog->findModel(pool.model) : nullptr;
    if (catalogGpu != nullptr || catalogModel != nullptr) {
        // Copy the hardware into the scenario and use it: one undo step.
        m_document->beginMacro(tr("Use %1 for pool %2")
                                   .arg(QString::fromStdString(catalogGpu ? catalogGpu->id : catalogModel->id), oldId));
        if (catalogGpu != nullptr)
            m_document->addGpuType(*catalogGpu);
        if (catalogModel != nullptr)
            m_document->addModel(*catalogModel);
        if (m_document->editPool(oldId, pool))
            m_poolId = QString::fromStdString(pool.id);
        m_document->endMacro();
    } else if (m_document->editPool(oldId, pool)) {
        m_poolId = QString::fromStdString(pool.id);
    }
    reload();
}

} // namespace longitude::ui
