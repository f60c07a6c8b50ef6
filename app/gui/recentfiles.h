#pragma once

#include <QObject>
#include <QStringList>

class QMenu;

namespace longitude::app {

/// The most recently opened or saved scenario files, kept in QSettings and shown as a menu.
class RecentFiles : public QObject
{
    Q_OBJECT

public:
    /// Eight entries, as most desktop applications keep (a Longitude choice, 2026-11-26).
    static constexpr int kMaxFiles = 8;

    explicit RecentFiles(QObject *parent = nullptr);

    QStringList files() const;
    /// Puts `path` first (moving it if present).
    void add(const QString &path);
    void remove(const QString &path);
    void clear();
    /// Keeps `menu` listing the files; choosing one emits openRequested().
    void attachMenu(QMenu *menu);

signals:
    void openRequested(const QString &path);
    void changed();

private:
    void rebuildMenu();
    void store(const QStringList &files);

    QMenu *m_menu = nullptr;
};

} // namespace longitude::app
