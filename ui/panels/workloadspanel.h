#pragma once

#include "ui/widgets/pointertarget.h"

#include <QWidget>

class QTableView;

namespace longitude::models {
class ScenarioDocument;
class WorkloadsModel;
}

namespace longitude::ui {

class WorkloadForm;

/// Workload classes: the table of classes with add and remove, and the form of the selected one.
class WorkloadsPanel : public QWidget, public PointerTarget
{
    Q_OBJECT

public:
    explicit WorkloadsPanel(models::ScenarioDocument *document, QWidget *parent = nullptr);

    bool revealPointer(const QString &pointer) override;
    QTableView *view() const { return m_view; }
    WorkloadForm *form() const { return m_form; }

private:
    void addWorkload();
    void removeWorkload();

    models::ScenarioDocument *m_document;
    models::WorkloadsModel *m_model;
    QTableView *m_view;
    WorkloadForm *m_form;
};

} // namespace longitude::ui
