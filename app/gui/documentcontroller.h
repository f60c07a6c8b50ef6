#pragma once

#include "engine/scenario/diagnostic.h"

#include <QObject>
#include <QString>

class QWidget;

namespace longitude::models {
class ScenarioDocument;
}

namespace longitude::app {

class RecentFiles;

/// The file side of the window: new from a template, open, save, save as, the unsaved-changes
/// question and the error dialog of a file that cannot be opened (which leaves the open document
/// as it was). Kept out of MainWindow so the window only composes.
class DocumentController : public QObject
{
    Q_OBJECT

public:
    DocumentController(models::ScenarioDocument *document, RecentFiles *recentFiles, QWidget *window);

    /// The file-dialog filter of scenario files.
    static QString fileFilter();
    /// The bundled templates (":/samples/*.longitude.json"), the default one first.
    static QStringList templates();
    static QString defaultTemplate() { return QStringLiteral(":/samples/three-regions.longitude.json"); }

    /// Asks what to do with unsaved changes. True when the caller may go on (saved, discarded or
    /// nothing to save), false when the planner cancelled.
    bool maybeSave();
    bool newFromTemplate(const QString &resourcePath);
    /// Asks for a file and opens it.
    bool open();
    /// Opens `path`; on failure shows which file and field are wrong and keeps the document.
    /// `askFirst` runs maybeSave() before.
    bool openFile(const QString &path, bool askFirst = true);
    bool save();
    bool saveAs();

    /// When false, problems are reported by signal only, never by a modal dialog (screenshots,
    /// tests); the unsaved-changes question then answers "discard".
    void setInteractive(bool interactive) { m_interactive = interactive; }

signals:
    void loadFailed(const QString &path, const engine::Diagnostics &diagnostics);
    void statusMessage(const QString &message);

private:
    bool saveTo(const QString &path);

    models::ScenarioDocument *m_document;
    RecentFiles *m_recentFiles;
    QWidget *m_window;
    bool m_interactive = true;
};

} // namespace longitude::app
