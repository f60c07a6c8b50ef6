#include "ui/widgets/fielddiagnosticlabel.h"

#include "models/scenariodocument.h"

namespace longitude::ui {

FieldDiagnosticLabel::FieldDiagnosticLabel(models::ScenarioDocument *document, QWidget *parent)
    : QLabel(parent)
    , m_document(document)
{
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    setVisible(false);
    connect(document, &models::ScenarioDocument::diagnosticsChanged, this, &FieldDiagnosticLabel::refresh);
    connect(document, &models::ScenarioDocument::scenarioReset, this, &FieldDiagnosticLabel::refresh);
}

void FieldDiagnosticLabel::setPointer(const QString &pointer, bool includeChildren)
{
    m_pointer = pointer;
    m_includeChildren = includeChildren;
    refresh();
}

void FieldDiagnosticLabel::refresh()
{
    if (m_document == nullptr || m_pointer.isEmpty()) {
        clear();
        setVisible(false);
        return;
    }
    QStringList lines;
    bool error = false;
    for (const auto &diagnostic : m_document->diagnosticsAt(m_pointer, m_includeChildren)) {
        error = error || diagnostic.severity == engine::Severity::Error;
        lines << QString::fromStdString(diagnostic.message);
    }
    if (lines.isEmpty()) {
        clear();
        setVisible(false);
        return;
    }
    setText(QStringLiteral("⚠ ") + lines.join(QStringLiteral("\n⚠ ")));
    // Saturated enough to read on both the light and the dark palette.
    setStyleSheet(error ? QStringLiteral("color: #e0443a;") : QStringLiteral("color: #d08a00;"));
    setVisible(true);
}

} // namespace longitude::ui
