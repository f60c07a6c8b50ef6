#include "ui/panels/problemspanel.h"

#include "models/diagnosticsmodel.h"
#include "models/modelroles.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace longitude::ui {

ProblemsPanel::ProblemsPanel(models::ScenarioDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_model(new models::DiagnosticsModel(document, this))
    , m_view(new QTableView(this))
    , m_summary(new QLabel(this))
    , m_emptyState(new QLabel(this))
{
    m_view->setObjectName(QStringLiteral("problemsView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(true);
    m_view->verticalHeader()->hide();
    // Messages wrap; rows grow to show them whole.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(models::DiagnosticsModel::SeverityColumn, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(models::DiagnosticsModel::LocationColumn, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setStretchLastSection(true);

    // With nothing to list, one friendly sentence says so instead of an empty table.
    m_emptyState->setObjectName(QStringLiteral("problemsEmptyState"));
    m_emptyState->setAlignment(Qt::AlignCenter);
    m_emptyState->setWordWrap(true);
    m_emptyState->setForegroundRole(QPalette::PlaceholderText);
    m_emptyState->setText(tr("No problems: the scenario is ready to simulate."));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_summary);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_emptyState, 1);

    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &index) {
        emit pointerActivated(index.data(models::JsonPointerRole).toString());
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &ProblemsPanel::refreshSummary);
    refreshSummary();
}

QString ProblemsPanel::summary() const
{
    const int errors = m_model->errorCount();
    const int warnings = m_model->warningCount();
    if (errors == 0 && warnings == 0)
        return tr("No problems");
    const QString errorText = errors == 1 ? tr("1 error") : tr("%1 errors").arg(errors);
    const QString warningText = warnings == 1 ? tr("1 warning") : tr("%1 warnings").arg(warnings);
    return errorText + QStringLiteral(", ") + warningText;
}

void ProblemsPanel::refreshSummary()
{
    const bool empty = m_model->rowCount() == 0;
    m_summary->setText(summary() + (empty ? QString() : tr(" — double-click one to go to the field")));
    m_summary->setVisible(!empty);
    m_view->setVisible(!empty);
    m_emptyState->setVisible(empty);
    emit summaryChanged(summary());
}

} // namespace longitude::ui
