#include "ui/panels/rttmatrixpanel.h"

#include "models/rttmatrixmodel.h"
#include "models/scenariodocument.h"
#include "ui/widgets/choicesdelegate.h"
#include "ui/widgets/latencylegend.h"

#include <QCheckBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace longitude::ui {

RttMatrixPanel::RttMatrixPanel(models::ScenarioDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_model(new models::RttMatrixModel(document, this))
    , m_view(new QTableView(this))
    , m_symmetric(new QCheckBox(tr("Symmetric"), this))
    , m_status(new QLabel(this))
{
    m_view->setObjectName(QStringLiteral("rttView"));
    m_view->setModel(m_model);
    auto *delegate = new ChoicesDelegate(m_view);
    delegate->setNumeric(true);
    m_view->setItemDelegate(delegate);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                            | QAbstractItemView::AnyKeyPressed);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setToolTip(tr("To region"));
    m_view->verticalHeader()->setToolTip(tr("From region"));
    m_view->setCornerButtonEnabled(false);
    m_view->horizontalHeader()->setMinimumSectionSize(fontMetrics().horizontalAdvance(QStringLiteral("≈000.0")) + 12);

    m_symmetric->setObjectName(QStringLiteral("rttSymmetric"));
    m_symmetric->setChecked(m_model->symmetricEditing());
    m_symmetric->setToolTip(tr("When checked, an edit sets the RTT in both directions"));
    connect(m_symmetric, &QCheckBox::toggled, m_model, &models::RttMatrixModel::setSymmetricEditing);

    auto *toolBar = new QToolBar(this);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolBar->addWidget(m_symmetric);
    toolBar->addSeparator();
    QAction *fillPaths = toolBar->addAction(tr("Fill missing from shortest paths"), this,
                                            &RttMatrixPanel::fillFromShortestPaths);
    fillPaths->setObjectName(QStringLiteral("fillFromPathsAction"));
    fillPaths->setToolTip(tr("Give every pair without a direct RTT a link with its shortest-path RTT (one undo step)"));
    m_fillFromCatalog = toolBar->addAction(tr("Fill missing from catalog"));
    m_fillFromCatalog->setObjectName(QStringLiteral("fillFromCatalogAction"));
    m_fillFromCatalog->setToolTip(tr("Give every pair without a direct RTT the measured value from the catalog (one undo step)"));
    m_fillFromCatalog->setEnabled(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(toolBar);
    layout->addWidget(m_view, 1);
    auto *legend = new LatencyLegend(this);
    legend->setMaximumWidth(760);
    layout->addWidget(legend);
    layout->addWidget(m_status);
    m_status->setWordWrap(true);
}

void RttMatrixPanel::fillFromShortestPaths()
{
    const int added = m_model->fillMissingFromShortestPaths();
    m_status->setText(added == 0 ? tr("Every connected pair already has a direct RTT.")
                                 : (added == 1 ? tr("Added 1 link from shortest paths.") : tr("Added %1 links from shortest paths.").arg(added)));
}

bool RttMatrixPanel::revealPointer(const QString &pointer)
{
    const QModelIndex index = m_model->indexOfPointer(pointer);
    if (!index.isValid())
        return false;
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
    m_view->setFocus(Qt::OtherFocusReason);
    return true;
}

} // namespace longitude::ui
