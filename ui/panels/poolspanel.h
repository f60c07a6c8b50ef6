#pragma once

#include "ui/widgets/pointertarget.h"

#include <QWidget>

class QTableView;

namespace longitude::models {
class CatalogRepository;
class PoolsModel;
class ScenarioDocument;
}

namespace longitude::ui {

class PoolInspector;

/// The GPU pools: an editable table (combo boxes for ids, the engine's diagnostics on the cells)
/// beside an inspector form for the selected pool, with add and remove actions.
class PoolsPanel : public QWidget, public PointerTarget
{
    Q_OBJECT

public:
    explicit PoolsPanel(models::ScenarioDocument *document, QWidget *parent = nullptr);

    bool revealPointer(const QString &pointer) override;
    /// Lets the inspector offer the catalog's GPU types and models (see PoolInspector).
    void setCatalog(const models::CatalogRepository *catalog);

    QTableView *view() const { return m_view; }
    PoolInspector *inspector() const { return m_inspector; }
    models::PoolsModel *model() const { return m_model; }

    /// Adds a pool in the current region (else the first) with the first GPU type and model and
    /// selects it. Returns its id, or nothing when the scenario lacks a region, GPU type or model.
    QString addPool();
    void removeSelectedPool();

private:
    QString selectedPoolId() const;

    models::ScenarioDocument *m_document;
    models::PoolsModel *m_model;
    QTableView *m_view;
    PoolInspector *m_inspector;
};

} // namespace longitude::ui
