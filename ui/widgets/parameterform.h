#pragma once

#include "engine/policies/policyregistry.h"
#include "models/scenariosettings.h"

#include <QPointer>
#include <QWidget>

#include <vector>

class QAbstractButton;
class QDoubleSpinBox;
class QGridLayout;
class QLabel;

namespace longitude::models {
class ScenarioDocument;
}

namespace longitude::ui {

/// Edits one settings section's `params` (routing, overflow or failover) against the engine's
/// table of what it accepts (engine::PolicyParameter: name, default, range, integer, meaning and
/// source), so that the form always offers exactly what the engine reads: a spin box per
/// parameter bounded by its range and showing the default until it is set, a button back to the
/// default, the description underneath and the engine's diagnostic under that. A parameter the
/// table does not know (left from another policy, a typo in a file) gets a row with its value and
/// a Remove button. Each change is one document edit (ScenarioDocument::setParameter).
class ParameterForm : public QWidget
{
    Q_OBJECT

public:
    ParameterForm(models::ScenarioDocument *document, models::ParamSection section, QWidget *parent = nullptr);

    /// The parameters the section accepts now; rows are rebuilt only when the names change.
    void setTable(const std::vector<engine::PolicyParameter> &table);
    /// Shows the document's current values; unset parameters show their default.
    void reload();

    /// The editor of the field at `pointer` ("/routing/params/alpha"), or null.
    QWidget *editorFor(const QString &pointer) const;
    /// The spin box of parameter `name` (null for an unknown one).
    QDoubleSpinBox *spinBox(const QString &name) const;
    /// The Reset button of a known parameter, the Remove button of an unknown one.
    QAbstractButton *resetButton(const QString &name) const;
    /// Names of the rows shown for parameters the table does not know.
    QStringList unknownNames() const;

private:
    struct Row
    {
        QString name;
        engine::PolicyParameter parameter;
        bool known = true;
        QPointer<QDoubleSpinBox> box;
        QPointer<QLabel> value; ///< unknown parameters: their value, read only
        QPointer<QAbstractButton> button;
    };

    void rebuild(const QStringList &unknown);
    void addKnownRow(const engine::PolicyParameter &parameter, int &line);
    void addUnknownRow(const QString &name, int &line);
    QString pointerOf(const QString &name) const;
    const Row *row(const QString &name) const;

    models::ScenarioDocument *m_document;
    models::ParamSection m_section;
    std::vector<engine::PolicyParameter> m_table;
    QWidget *m_rows = nullptr;
    QGridLayout *m_grid = nullptr;
    std::vector<Row> m_rowList;
    bool m_loading = false;
};

} // namespace longitude::ui
