#pragma once

#include "engine/scenario/diagnostic.h"

#include <QDialog>

namespace longitude::ui {

/// Says why a file could not be opened: the file, and for each problem where it is (JSON pointer,
/// line and column) and what was expected, in the engine's words. Shown instead of opening, so
/// the document already open stays as it was.
class DiagnosticsDialog : public QDialog
{
    Q_OBJECT

public:
    DiagnosticsDialog(const QString &title, const QString &filePath, const engine::Diagnostics &diagnostics,
                      QWidget *parent = nullptr);

    /// The text shown (tests read it).
    QString text() const { return m_text; }

private:
    QString m_text;
};

} // namespace longitude::ui
