#include "models/recoverystore.h"

#include "models/scenariodocument.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUuid>

#include <algorithm>

namespace longitude::models {

namespace {

const QLatin1String kNoteSuffix(".note.json");
const QLatin1String kScenarioSuffix(".longitude.json");
const QLatin1String kLockSuffix(".lock");

} // namespace

RecoveryStore::RecoveryStore(ScenarioDocument *document, const QString &folder, int intervalS, QObject *parent)
    : QObject(parent)
    , m_document(document)
{
    QDir().mkpath(folder);
    const QString session = QDir(folder).filePath(
        QStringLiteral("session-") + QUuid::createUuid().toString(QUuid::WithoutBraces));
    m_scenarioPath = session + kScenarioSuffix;
    m_notePath = session + kNoteSuffix;
    m_lock = std::make_unique<QLockFile>(session + kLockSuffix);
    // Only a dead owner makes a lock stale: a long session must keep its files.
    m_lock->setStaleLockTime(0);
    m_lock->tryLock(0);

    setIntervalS(intervalS);
    connect(&m_timer, &QTimer::timeout, this, &RecoveryStore::autosave);
    connect(document, &ScenarioDocument::modifiedChanged, this, [this](bool modified) {
        if (!modified)
            removeFiles();
    });
    m_timer.start();
}

RecoveryStore::~RecoveryStore()
{
    removeFiles();
}

QString RecoveryStore::defaultFolder()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)).filePath(QStringLiteral("recovery"));
}

void RecoveryStore::setIntervalS(int seconds)
{
    m_timer.setInterval(std::max(1, seconds) * 1000);
}

bool RecoveryStore::autosave()
{
    if (!m_document->isModified()) {
        removeFiles();
        return true;
    }
    if (!m_document->writeCopy(m_scenarioPath))
        return false;
    QJsonObject note{{QStringLiteral("originalPath"), m_document->filePath()},
                     {QStringLiteral("displayName"), m_document->displayName()},
                     {QStringLiteral("savedAt"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}};
    QSaveFile file(m_notePath);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(QJsonDocument(note).toJson());
    return file.commit();
}

void RecoveryStore::removeFiles()
{
    QFile::remove(m_scenarioPath);
    QFile::remove(m_notePath);
}

QList<RecoveryStore::Orphan> RecoveryStore::orphans(const QString &folder)
{
    QList<Orphan> result;
    const QDir dir(folder);
    for (const QString &name : dir.entryList({QStringLiteral("*") + kNoteSuffix}, QDir::Files)) {
        const QString session = dir.filePath(name.chopped(kNoteSuffix.size()));
        QLockFile lock(session + kLockSuffix);
        lock.setStaleLockTime(0);
        if (!lock.tryLock(0))
            continue; // its process is still running
        lock.unlock();
        Orphan orphan;
        orphan.notePath = session + kNoteSuffix;
        orphan.scenarioPath = session + kScenarioSuffix;
        QFile file(orphan.notePath);
        if (!file.open(QIODevice::ReadOnly) || !QFile::exists(orphan.scenarioPath))
            continue;
        const QJsonObject note = QJsonDocument::fromJson(file.readAll()).object();
        orphan.originalPath = note.value(QStringLiteral("originalPath")).toString();
        orphan.displayName = note.value(QStringLiteral("displayName")).toString();
        orphan.savedAt = QDateTime::fromString(note.value(QStringLiteral("savedAt")).toString(), Qt::ISODate);
        result << orphan;
    }
    std::sort(result.begin(), result.end(), [](const Orphan &a, const Orphan &b) { return a.savedAt > b.savedAt; });
    return result;
}

void RecoveryStore::discard(const Orphan &orphan)
{
    QFile::remove(orphan.scenarioPath);
    QFile::remove(orphan.notePath);
}

} // namespace longitude::models
