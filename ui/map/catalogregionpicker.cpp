#include "catalogregionpicker.h"

#include "engine/scenario/scenario.h"

#include <QDialogButtonBox>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QVBoxLayout>

#include <algorithm>

namespace longitude::ui {

namespace {
constexpr int kIdRole = Qt::UserRole + 1;
}

CatalogRegionPicker::CatalogRegionPicker(const std::vector<engine::Region> &catalog,
                                         const std::vector<engine::ResidencyZone> &zones,
                                         const std::vector<std::string> &existingIds, QWidget *parent)
    : QDialog(parent)
    , m_search(new QLineEdit(this))
    , m_list(new QListView(this))
    , m_model(new QStandardItemModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    setWindowTitle(tr("Add regions from the catalog"));
    for (const engine::Region &region : catalog) {
        const auto zone = std::find_if(zones.begin(), zones.end(), [&](const auto &z) { return z.id == region.zone; });
        const QString zoneText = QString::fromStdString(zone != zones.end() && !zone->name.empty()
                                                            ? region.zone + " — " + zone->name
                                                            : region.zone);
        auto *item = new QStandardItem(QStringLiteral("%1 — %2 (%3, %4)")
                                           .arg(QString::fromStdString(region.id), QString::fromStdString(region.name),
                                                QString::fromStdString(region.provider), zoneText));
        item->setData(QString::fromStdString(region.id), kIdRole);
        item->setEditable(false);
        if (std::find(existingIds.begin(), existingIds.end(), region.id) != existingIds.end()) {
            item->setEnabled(false);
            item->setText(item->text() + tr(" — already in the scenario"));
        }
        m_model->appendRow(item);
    }
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_list->setModel(m_proxy);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setUniformItemSizes(true);
    m_search->setPlaceholderText(tr("Search by id, name, provider or zone"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Add"));
    buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    connect(m_list->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this, buttons] { buttons->button(QDialogButtonBox::Ok)->setEnabled(!selectedIds().isEmpty()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListView::doubleClicked, this, [this](const QModelIndex &index) {
        if (index.flags() & Qt::ItemIsEnabled)
            accept();
    });
    // Enter in the search field picks the first match when nothing is selected yet.
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        if (m_list->selectionModel()->selectedIndexes().isEmpty()) {
            for (int row = 0; row < m_proxy->rowCount(); ++row) {
                const QModelIndex index = m_proxy->index(row, 0);
                if (index.flags() & Qt::ItemIsEnabled) {
                    m_list->setCurrentIndex(index);
                    break;
                }
            }
        }
        if (!selectedIds().isEmpty())
            accept();
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_search);
    layout->addWidget(m_list);
    layout->addWidget(buttons);
    resize(560, 480);
    m_search->setFocus();
}

QStringList CatalogRegionPicker::selectedIds() const
{
    QModelIndexList indexes = m_list->selectionModel()->selectedIndexes();
    std::sort(indexes.begin(), indexes.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QStringList ids;
    for (const QModelIndex &index : indexes)
        if (index.flags() & Qt::ItemIsEnabled)
            ids << index.data(kIdRole).toString();
    return ids;
}

int CatalogRegionPicker::visibleCount() const { return m_proxy->rowCount(); }

} // namespace longitude::ui
