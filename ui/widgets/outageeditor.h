#pragma once

#include <QWidget>

#include <vector>

class QAbstractButton;
class QComboBox;
class QDoubleSpinBox;
class QGridLayout;
class QLabel;

namespace longitude::models {
class ScenarioDocument;
}

namespace longitude::ui {

/// The failover outages (scenario.failover.outages) as a small table edited in place: what goes
/// down (a region, i.e. all its pools, or one pool, picked from the scenario's), when it fails
/// (seconds after the simulation starts) and for how long, with Add and a Remove per row. The
/// engine's diagnostics of an outage show under its row. Each change is one document edit.
class OutageEditor : public QWidget
{
    Q_OBJECT

public:
    explicit OutageEditor(models::ScenarioDocument *document, QWidget *parent = nullptr);

    /// Shows the document's outages and the regions and pools they may name.
    void reload();

    int rowCount() const { return static_cast<int>(m_rows.size()); }
    QAbstractButton *addButton() const { return m_add; }
    QComboBox *targetBox(int row) const;
    QDoubleSpinBox *startBox(int row) const;
    QDoubleSpinBox *durationBox(int row) const;
    QAbstractButton *removeButton(int row) const;
    /// The editor of the field at `pointer` ("/failover/outages/1/startS"), or null.
    QWidget *editorFor(const QString &pointer) const;

private:
    struct Row
    {
        QComboBox *target;
        QDoubleSpinBox *start;
        QDoubleSpinBox *duration;
        QAbstractButton *remove;
    };

    void rebuild(int count);
    void fillTargets(QComboBox *box, const QString &current) const;
    void addOutage();
    void editRow(int row);

    models::ScenarioDocument *m_document;
    QWidget *m_table = nullptr;
    QGridLayout *m_grid = nullptr;
    QLabel *m_empty;
    QAbstractButton *m_add;
    std::vector<Row> m_rows;
    bool m_loading = false;
};

} // namespace longitude::ui
