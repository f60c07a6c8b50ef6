#include "ui/dialogs/diagnosticsdialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace longitude::ui {

DiagnosticsDialog::DiagnosticsDialog(const QString &title, const QString &filePath,
                                     const engine::Diagnostics &diagnostics, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(title);
    QStringList lines;
    for (const auto &d : diagnostics)
        lines << QString::fromStdString(engine::formatDiagnostic(d));
    m_text = lines.join(QLatin1Char('\n'));

    const QString problems = diagnostics.size() == 1 ? tr("1 problem") : tr("%1 problems").arg(diagnostics.size());
    auto *heading = new QLabel(tr("%1 could not be opened (%2). The open scenario is unchanged.")
                                   .arg(QDir::toNativeSeparators(filePath), problems),
                               this);
    heading->setWordWrap(true);
    heading->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *details = new QPlainTextEdit(m_text, this);
    details->setReadOnly(true);
    details->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    details->setMinimumSize(560, 180);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(details, 1);
    layout->addWidget(buttons);
}

} // namespace longitude::ui
