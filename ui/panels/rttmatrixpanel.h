#pragma once

#include "ui/widgets/pointertarget.h"

#include <QWidget>

class QAction;
class QCheckBox;
class QLabel;
class QTableView;

namespace longitude::models {
class RttMatrixModel;
class ScenarioDocument;
}

namespace longitude::ui {

/// The RTT matrix editor: regions × regions, direct links in solid colour and shortest paths in
/// pale italics, coloured on a latency scale with its legend. Cells are typed in (empty clears);
/// "Symmetric" makes an edit apply to both directions. The fill actions complete the matrix in
/// one undo step each.
class RttMatrixPanel : public QWidget, public PointerTarget
{
    Q_OBJECT

public:
    explicit RttMatrixPanel(models::ScenarioDocument *document, QWidget *parent = nullptr);

    bool revealPointer(const QString &pointer) override;

    QTableView *view() const { return m_view; }
    models::RttMatrixModel *model() const { return m_model; }
    QCheckBox *symmetricCheck() const { return m_symmetric; }
    /// The "fill missing from catalog" action; the window enables it and handles it when a
    /// catalog with measured RTTs is available.
    QAction *fillFromCatalogAction() const { return m_fillFromCatalog; }

private:
    void fillFromShortestPaths();

    models::ScenarioDocument *m_document;
    models::RttMatrixModel *m_model;
    QTableView *m_view;
    QCheckBox *m_symmetric;
    QAction *m_fillFromCatalog;
    QLabel *m_status;
};

} // namespace longitude::ui
