#include "ui/panels/poolspanel.h"

#include "models/poolsmodel.h"
#include "models/scenariodocument.h"
#include "ui/panels/poolinspector.h"
#include "ui/widgets/choicesdelegate.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QSplitter>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace longitude::ui {

namespace {

// One 8-GPU node, the unit clouds sell H100s in (AWS p5.48xlarge = 8×H100, DOMAIN.md §4).
constexpr int kDefaultGpuCount = 8;

} // namespace

PoolsPanel::PoolsPanel(models::ScenarioDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_model(new models::PoolsModel(document, this))
    , m_view(new QTableView(this))
    , m_inspector(new PoolInspector(document, this))
{
    m_view->setObjectName(QStringLiteral("poolsView"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(new ChoicesDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                            | QAbstractItemView::AnyKeyPressed);
    m_view->verticalHeader()->hide();
    // The model name takes the spare width (it is the longest and most variable text); a
    // stretched last column would push the money far from the rest of its row.
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(models::PoolsModel::ModelColumn, QHeaderView::Stretch);
    m_view->horizontalHeader()->setStretchLastSection(false);

    auto *toolBar = new QToolBar(this);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    QAction *add = toolBar->addAction(tr("Add pool"), this, &PoolsPanel::addPool);
    add->setObjectName(QStringLiteral("addPoolAction"));
    add->setToolTip(tr("Add a GPU pool in the selected region"));
    QAction *remove = toolBar->addAction(tr("Remove pool"), this, &PoolsPanel::removeSelectedPool);
    remove->setObjectName(QStringLiteral("removePoolAction"));
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_view->addAction(remove);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_view);
    splitter->addWidget(m_inspector);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(toolBar);
    layout->addWidget(splitter, 1);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { m_inspector->setPoolId(m_model->idAt(current.row())); });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        if (m_model->rowCount() > 0)
            m_view->setCurrentIndex(m_model->index(0, 0));
        m_inspector->setPoolId(selectedPoolId());
    });
    if (m_model->rowCount() > 0)
        m_view->setCurrentIndex(m_model->index(0, 0));
}

void PoolsPanel::setCatalog(const models::CatalogRepository *catalog)
{
    m_inspector->setCatalog(catalog);
}

QString PoolsPanel::selectedPoolId() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? m_model->idAt(current.row()) : QString();
}

QString PoolsPanel::addPool()
{
    const engine::Scenario &s = m_document->scenario();
    if (s.regions.empty() || s.gpuTypes.empty() || s.models.empty())
        return {};
    engine::Pool pool;
    const QString current = m_document->currentRegionId();
    pool.region = current.isEmpty() || s.findRegion(current.toStdString()) == nullptr ? s.regions.front().id
                                                                                     : current.toStdString();
    pool.gpuType = s.gpuTypes.front().id;
    pool.model = s.models.front().id;
    const QList<int> tps = models::PoolsModel::tensorParallelChoices(s, QString::fromStdString(pool.model),
                                                                     QString::fromStdString(pool.gpuType));
    pool.tensorParallel = tps.front();
    pool.gpuCount = std::max(kDefaultGpuCount, pool.tensorParallel);
    pool.id = QStringLiteral("%1-%2").arg(QString::fromStdString(pool.region), QString::fromStdString(pool.gpuType).toLower()).toStdString();
    const QString id = m_document->addPool(pool);
    const int row = m_model->rowOfId(id);
    if (row >= 0) {
        m_view->setCurrentIndex(m_model->index(row, models::PoolsModel::GpuCountColumn));
        m_view->scrollTo(m_view->currentIndex());
    }
    return id;
}

void PoolsPanel::removeSelectedPool()
{
    const QString id = selectedPoolId();
    if (!id.isEmpty())
        m_document->removePool(id);
}

bool PoolsPanel::revealPointer(const QString &pointer)
{
    const QModelIndex index = m_model->indexOfPointer(pointer);
    if (!index.isValid())
        return false;
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
    // Jump into the inspector's editor for the field, where its diagnostic is shown.
    static const QList<QPair<QString, PoolInspector::Field>> fields{
        {QStringLiteral("id"), PoolInspector::Field::Id},
        {QStringLiteral("region"), PoolInspector::Field::Region},
        {QStringLiteral("gpuType"), PoolInspector::Field::GpuType},
        {QStringLiteral("gpuCount"), PoolInspector::Field::GpuCount},
        {QStringLiteral("model"), PoolInspector::Field::Model},
        {QStringLiteral("tensorParallel"), PoolInspector::Field::TensorParallel},
        {QStringLiteral("pricing"), PoolInspector::Field::Pricing}};
    const QString field = pointer.section(QLatin1Char('/'), 3, 3);
    for (const auto &[key, value] : fields) {
        if (key == field) {
            m_inspector->focusField(value);
            return true;
        }
    }
    m_view->setFocus(Qt::OtherFocusReason);
    return true;
}

} // namespace longitude::ui
