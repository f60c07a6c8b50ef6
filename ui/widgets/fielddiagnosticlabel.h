#pragma once

#include <QLabel>
#include <QPointer>

namespace longitude::models {
class ScenarioDocument;
}

namespace longitude::ui {

/// A line under a form field with the engine's diagnostics for that field (red for errors, amber
/// for warnings); hidden when the field is fine. Forms put one next to every field, so invalid
/// combinations are explained where they are edited, in the engine's own words.
class FieldDiagnosticLabel : public QLabel
{
    Q_OBJECT

public:
    explicit FieldDiagnosticLabel(models::ScenarioDocument *document, QWidget *parent = nullptr);

    /// The field's JSON pointer; with `includeChildren` problems below it count too. An empty
    /// pointer shows nothing.
    void setPointer(const QString &pointer, bool includeChildren = false);
    QString pointer() const { return m_pointer; }

private:
    void refresh();

    QPointer<models::ScenarioDocument> m_document;
    QString m_pointer;
    bool m_includeChildren = false;
};

} // namespace longitude::ui
