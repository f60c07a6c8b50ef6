#include "ui/panels/workloadspanel.h"

#include "models/scenariodocument.h"
#include "models/workloadsmodel.h"
#include "ui/panels/workloadform.h"
#include "ui/widgets/choicesdelegate.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QScrollArea>
#include <QSplitter>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace longitude::ui {

WorkloadsPanel::WorkloadsPanel(models::ScenarioDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_model(new models::WorkloadsModel(document, this))
    , m_view(new QTableView(this))
    , m_form(new WorkloadForm(document, this))
{
    m_view->setObjectName(QStringLiteral("workloadsView"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(new ChoicesDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setStretchLastSection(true);

    auto *toolBar = new QToolBar(this);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolBar->addAction(tr("Add class"), this, &WorkloadsPanel::addWorkload);
    QAction *remove = toolBar->addAction(tr("Remove class"), this, &WorkloadsPanel::removeWorkload);
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_view->addAction(remove);

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_form);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_view);
    splitter->addWidget(scroll);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    // A table's size hint ignores its columns: start wide enough for the class's main columns.
    splitter->setSizes({600, 800});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(toolBar);
    layout->addWidget(splitter, 1);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { m_form->setWorkloadId(m_model->idAt(current.row())); });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        if (m_model->rowCount() > 0)
            m_view->setCurrentIndex(m_model->index(0, 0));
    });
    if (m_model->rowCount() > 0)
        m_view->setCurrentIndex(m_model->index(0, 0));
}

void WorkloadsPanel::addWorkload()
{
    engine::WorkloadClass w;
    const engine::Scenario &s = m_document->scenario();
    if (!s.workloads.empty()) {
        w = s.workloads.front();
        w.share = 1.0;
    } else {
        // 2K-token prompts as in seed 000 (DOMAIN.md §1); 300 output tokens is a Longitude assumption.
        w.promptTokens = engine::Distribution::constant(2000);
        w.outputTokens = engine::Distribution::constant(300);
        if (!s.models.empty())
            w.model = s.models.front().id;
    }
    w.id = "class";
    const QString id = m_document->addWorkload(w);
    const int row = m_model->rowOfId(id);
    if (row >= 0)
        m_view->setCurrentIndex(m_model->index(row, 0));
}

void WorkloadsPanel::removeWorkload()
{
    const QModelIndex current = m_view->currentIndex();
    if (current.isValid())
        m_document->removeWorkload(m_model->idAt(current.row()));
}

bool WorkloadsPanel::revealPointer(const QString &pointer)
{
    const QModelIndex index = m_model->indexOfPointer(pointer);
    if (!index.isValid())
        return false;
    m_view->setCurrentIndex(m_model->index(index.row(), 0));
    m_view->scrollTo(index);
    if (!m_form->focusField(pointer.section(QLatin1Char('/'), 3, 3)))
        m_view->setFocus(Qt::OtherFocusReason);
    return true;
}

} // namespace longitude::ui
