#include "app/gui/documentcontroller.h"

#include "app/gui/recentfiles.h"
#include "models/scenariodocument.h"
#include "ui/dialogs/diagnosticsdialog.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QWidget>

namespace longitude::app {

DocumentController::DocumentController(models::ScenarioDocument *document, RecentFiles *recentFiles, QWidget *window)
    : QObject(window)
    , m_document(document)
    , m_recentFiles(recentFiles)
    , m_window(window)
{
}

QString DocumentController::fileFilter()
{
    return tr("Longitude scenarios (*.longitude.json);;JSON files (*.json);;All files (*)");
}

QStringList DocumentController::templates()
{
    QStringList result{defaultTemplate()};
    for (const QString &name : QDir(QStringLiteral(":/samples")).entryList({QStringLiteral("*.longitude.json")})) {
        const QString path = QStringLiteral(":/samples/") + name;
        if (!result.contains(path))
            result << path;
    }
    return result;
}

bool DocumentController::maybeSave()
{
    if (!m_document->isModified() || !m_interactive)
        return true;
    const auto answer = QMessageBox::warning(
        m_window, tr("Unsaved changes"),
        tr("%1 has changes that are not saved. Save them first?").arg(m_document->displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

bool DocumentController::newFromTemplate(const QString &resourcePath)
{
    if (!maybeSave())
        return false;
    const auto loaded = m_document->loadTemplate(resourcePath);
    if (!loaded) {
        emit loadFailed(resourcePath, loaded.error());
        return false;
    }
    emit statusMessage(tr("New scenario from %1").arg(QFileInfo(resourcePath).fileName()));
    return true;
}

bool DocumentController::open()
{
    if (!maybeSave())
        return false;
    const QString start = m_document->filePath().isEmpty()
                              ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
                              : QFileInfo(m_document->filePath()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Open scenario"), start, fileFilter());
    return !path.isEmpty() && openFile(path, false);
}

bool DocumentController::openFile(const QString &path, bool askFirst)
{
    if (askFirst && !maybeSave())
        return false;
    const auto loaded = m_document->load(path);
    if (!loaded) {
        emit loadFailed(path, loaded.error());
        if (m_interactive) {
            auto *dialog = new ui::DiagnosticsDialog(tr("Cannot open scenario"), path, loaded.error(), m_window);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->open();
        }
        return false;
    }
    m_recentFiles->add(path);
    const int warnings = static_cast<int>(loaded->size());
    emit statusMessage(warnings == 0 ? tr("Opened %1").arg(QDir::toNativeSeparators(path))
                                     : tr("Opened %1 with %2, the first: %3")
                                           .arg(QDir::toNativeSeparators(path),
                                                warnings == 1 ? tr("1 warning") : tr("%1 warnings").arg(warnings),
                                                QString::fromStdString(engine::formatDiagnostic(loaded->front()))));
    return true;
}

bool DocumentController::save()
{
    if (m_document->filePath().isEmpty() || m_document->filePath().startsWith(QLatin1String(":/")))
        return saveAs();
    return saveTo(m_document->filePath());
}

bool DocumentController::saveAs()
{
    QString suggestion = m_document->filePath();
    if (suggestion.isEmpty()) {
        QString name = QString::fromStdString(m_document->scenario().name).toLower();
        name.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
        if (name.isEmpty())
            name = QStringLiteral("scenario");
        suggestion = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                         .filePath(name + QStringLiteral(".longitude.json"));
    }
    QString path = QFileDialog::getSaveFileName(m_window, tr("Save scenario as"), suggestion, fileFilter());
    if (path.isEmpty())
        return false;
    if (!path.endsWith(QLatin1String(".json")))
        path += QStringLiteral(".longitude.json");
    return saveTo(path);
}

bool DocumentController::saveTo(const QString &path)
{
    const auto saved = m_document->save(path);
    if (!saved) {
        emit statusMessage(saved.error());
        if (m_interactive)
            QMessageBox::critical(m_window, tr("Cannot save"), saved.error());
        return false;
    }
    m_recentFiles->add(path);
    emit statusMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)));
    return true;
}

} // namespace longitude::app
