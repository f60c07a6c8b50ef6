#include "ui/panels/regionspanel.h"

#include "models/regionsmodel.h"
#include "models/scenariodocument.h"
#include "models/zonesmodel.h"
#include "ui/widgets/choicesdelegate.h"

#include <QColorDialog>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QMessageBox>
#include <QSplitter>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace longitude::ui {

namespace {

QTableView *makeTable(QAbstractItemModel *model, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setModel(model);
    view->setItemDelegate(new ChoicesDelegate(view));
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}

} // namespace

RegionsPanel::RegionsPanel(models::ScenarioDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_regionsModel(new models::RegionsModel(document, this))
    , m_zonesModel(new models::ZonesModel(document, this))
    , m_regions(makeTable(m_regionsModel, this))
    , m_zones(makeTable(m_zonesModel, this))
{
    m_regions->setObjectName(QStringLiteral("regionsView"));
    m_regions->horizontalHeader()->setStretchLastSection(false);
    m_regions->horizontalHeader()->setSectionResizeMode(models::RegionsModel::NameColumn, QHeaderView::Stretch);
    m_zones->setObjectName(QStringLiteral("zonesView"));

    auto *toolBar = new QToolBar(this);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolBar->addAction(tr("Add region"), this, &RegionsPanel::addRegion);
    toolBar->addAction(tr("Remove region"), this, &RegionsPanel::removeRegion);
    toolBar->addSeparator();
    toolBar->addAction(tr("Add zone"), this, &RegionsPanel::addZone);
    toolBar->addAction(tr("Remove zone"), this, &RegionsPanel::removeZone);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_regions);
    splitter->addWidget(m_zones);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    // A table's size hint ignores its columns: start wide enough for the zones' four columns.
    splitter->setSizes({950, 450});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(toolBar);
    layout->addWidget(splitter, 1);

    connect(m_regions->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        if (!m_updating && current.isValid())
            m_document->setCurrentRegionId(m_regionsModel->idAt(current.row()));
    });
    connect(document, &models::ScenarioDocument::currentRegionChanged, this, [this](const QString &id) {
        const int row = m_regionsModel->rowOfId(id);
        if (row < 0 || row == m_regions->currentIndex().row())
            return;
        m_updating = true;
        m_regions->setCurrentIndex(m_regionsModel->index(row, 0));
        m_updating = false;
    });
    // A colour is picked, not typed.
    connect(m_zones, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        if (index.column() != models::ZonesModel::ColorColumn)
            return;
        const QColor color = QColorDialog::getColor(index.data(Qt::EditRole).value<QColor>(), this, tr("Zone colour"));
        if (color.isValid())
            m_zonesModel->setData(index, color);
    });
    m_zones->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::AnyKeyPressed);
    connect(m_zones, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        if (index.column() == models::ZonesModel::NameColumn)
            m_zones->edit(index);
    });
}

void RegionsPanel::addRegion()
{
    const engine::Scenario &s = m_document->scenario();
    engine::Region region;
    region.id = "region";
    region.name = tr("New region").toStdString();
    region.zone = s.zones.empty() ? std::string() : s.zones.front().id;
    const QString id = m_document->addRegion(region);
    m_document->setCurrentRegionId(id);
    const int row = m_regionsModel->rowOfId(id);
    if (row >= 0)
        m_regions->edit(m_regionsModel->index(row, models::RegionsModel::NameColumn));
}

void RegionsPanel::removeRegion()
{
    const QModelIndex current = m_regions->currentIndex();
    if (current.isValid())
        m_document->removeRegion(m_regionsModel->idAt(current.row()));
}

void RegionsPanel::addZone()
{
    engine::ResidencyZone zone;
    zone.id = "ZONE";
    zone.name = tr("New zone").toStdString();
    const QString id = m_document->addZone(zone);
    const int row = m_zonesModel->rowOfId(id);
    if (row >= 0)
        m_zones->setCurrentIndex(m_zonesModel->index(row, models::ZonesModel::NameColumn));
}

void RegionsPanel::removeZone()
{
    const QModelIndex current = m_zones->currentIndex();
    if (!current.isValid())
        return;
    const QString id = m_zonesModel->idAt(current.row());
    if (!m_document->removeZone(id))
        QMessageBox::information(this, tr("Remove zone"),
                                 tr("Zone %1 still has regions. Move them to another zone first.").arg(id));
}

bool RegionsPanel::revealPointer(const QString &pointer)
{
    QModelIndex index = m_regionsModel->indexOfPointer(pointer);
    QTableView *view = m_regions;
    if (!index.isValid()) {
        index = m_zonesModel->indexOfPointer(pointer);
        view = m_zones;
    }
    if (!index.isValid())
        return false;
    view->setCurrentIndex(index);
    view->scrollTo(index);
    view->setFocus(Qt::OtherFocusReason);
    return true;
}

} // namespace longitude::ui
