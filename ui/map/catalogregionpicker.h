#pragma once

#include <QDialog>
#include <QStringList>

#include <string>
#include <vector>

class QLineEdit;
class QListView;
class QSortFilterProxyModel;
class QStandardItemModel;

namespace longitude::engine {
struct Region;
struct ResidencyZone;
}

namespace longitude::ui {

/// A searchable list of catalog regions ("frankfurt", "gcp", "APAC", "eu-west"), for adding
/// regions by name instead of by pointing. Regions the scenario already has are listed but
/// disabled. Several can be picked at once.
class CatalogRegionPicker : public QDialog
{
    Q_OBJECT

public:
    CatalogRegionPicker(const std::vector<engine::Region> &catalog, const std::vector<engine::ResidencyZone> &zones,
                        const std::vector<std::string> &existingIds, QWidget *parent = nullptr);

    /// Ids of the selected regions, in list order.
    QStringList selectedIds() const;

    QLineEdit *searchField() const { return m_search; }
    QListView *list() const { return m_list; }
    /// Rows left after filtering.
    int visibleCount() const;

private:
    QLineEdit *m_search;
    QListView *m_list;
    QStandardItemModel *m_model;
    QSortFilterProxyModel *m_proxy;
};

} // namespace longitude::ui
