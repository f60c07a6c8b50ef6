#pragma once

#include <QDateTime>
#include <QLockFile>
#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>

namespace longitude::models {

class ScenarioDocument;

/// Never lose the planner's work: while the document has unsaved changes, write a copy to a
/// recovery file every few seconds; remove it when the changes are saved or dropped and on a
/// clean exit. After a crash the files stay behind; on the next start orphans() finds them so
/// the window can offer to restore.
///
/// Each running instance owns one session (a lock file held while it runs, the recovery copy and
/// a small JSON note with the original path), so two windows never take each other's files, and
/// a session whose lock is free belongs to a process that is gone.
class RecoveryStore : public QObject
{
    Q_OBJECT

public:
    /// A recovery copy left behind by a session that did not exit cleanly.
    struct Orphan
    {
        QString scenarioPath;  ///< the recovery copy (a scenario file)
        QString notePath;      ///< the JSON note beside it
        QString originalPath;  ///< the file the scenario was edited from; empty if untitled
        QString displayName;   ///< the document's name when it was saved
        QDateTime savedAt;     ///< when the copy was written
    };

    /// Autosaves `document` into `folder` (created if needed) every `intervalS` seconds.
    RecoveryStore(ScenarioDocument *document, const QString &folder, int intervalS, QObject *parent = nullptr);
    /// A clean exit: the session's files are removed.
    ~RecoveryStore() override;

    /// The per-user folder for recovery files (under QStandardPaths::AppLocalDataLocation).
    static QString defaultFolder();

    void setIntervalS(int seconds);
    int intervalS() const { return m_timer.interval() / 1000; }

    /// Writes the copy now if the document has unsaved changes, removes it otherwise.
    /// Returns false when writing failed.
    bool autosave();
    QString scenarioPath() const { return m_scenarioPath; }

    /// Sessions in `folder` whose process is gone, newest first.
    static QList<Orphan> orphans(const QString &folder);
    /// Deletes an orphan's files (after it was restored or declined).
    static void discard(const Orphan &orphan);

private:
    void removeFiles();

    ScenarioDocument *m_document;
    QString m_scenarioPath;
    QString m_notePath;
    std::unique_ptr<QLockFile> m_lock;
    QTimer m_timer;
};

} // namespace longitude::models
