#pragma once

#include <QWidget>

class QLabel;
class QTableView;

namespace longitude::models {
class DiagnosticsModel;
class ScenarioDocument;
}

namespace longitude::ui {

/// The Problems dock: every engine diagnostic of the open scenario with where it is and what is
/// wrong. Activating one (double-click or Enter) emits its JSON pointer; the window hands it to
/// the panel that edits that field.
class ProblemsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ProblemsPanel(models::ScenarioDocument *document, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    /// The sentence shown instead of the table while there are no problems.
    QLabel *emptyState() const { return m_emptyState; }
    models::DiagnosticsModel *model() const { return m_model; }
    /// "2 errors, 1 warning" or "No problems".
    QString summary() const;

signals:
    void pointerActivated(const QString &pointer);
    void summaryChanged(const QString &summary);

private:
    void refreshSummary();

    models::DiagnosticsModel *m_model;
    QTableView *m_view;
    QLabel *m_summary;
    QLabel *m_emptyState;
};

} // namespace longitude::ui
