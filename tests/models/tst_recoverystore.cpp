// Autosave to a recovery file and crash recovery.

#include "models/recoverystore.h"
#include "models/scenariodocument.h"
#include "testscenarios.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace longitude;
using models::RecoveryStore;
using models::ScenarioDocument;

class TestRecoveryStore : public QObject
{
    Q_OBJECT

private slots:
    void writesOnlyWhileModified();
    void liveSessionIsNotAnOrphan();
    void crashLeavesARestorableOrphan();
    void cleanExitRemovesTheFiles();
};

void TestRecoveryStore::writesOnlyWhileModified()
{
    QTemporaryDir dir;
    ScenarioDocument document;
    document.resetScenario(tests::threeRegions(), dir.filePath(QStringLiteral("plan.longitude.json")));
    RecoveryStore store(&document, dir.path(), 3600);
    QVERIFY(store.autosave());
    QVERIFY(!QFile::exists(store.scenarioPath())); // nothing unsaved, nothing written
    QVERIFY(document.removePool("eu-a"));
    QVERIFY(store.autosave());
    QVERIFY(QFile::exists(store.scenarioPath()));
    document.undoStack()->undo(); // back to the saved state
    QVERIFY(!QFile::exists(store.scenarioPath()));
}

void TestRecoveryStore::liveSessionIsNotAnOrphan()
{
    QTemporaryDir dir;
    ScenarioDocument document;
    document.resetScenario(tests::threeRegions());
    RecoveryStore store(&document, dir.path(), 3600);
    QVERIFY(document.removePool("eu-a"));
    QVERIFY(store.autosave());
    QVERIFY(RecoveryStore::orphans(dir.path()).isEmpty());
}

void TestRecoveryStore::crashLeavesARestorableOrphan()
{
    QTemporaryDir dir;
    const QString original = dir.filePath(QStringLiteral("plan.longitude.json"));
    engine::Scenario edited;
    {
        ScenarioDocument document;
        document.resetScenario(tests::threeRegions(), original);
        QVERIFY(document.removeRegion("ap-ne"));
        edited = document.scenario();
        RecoveryStore store(&document, dir.path(), 3600);
        QVERIFY(store.autosave());
        // A crash: the files stay, the lock dies with the process. Copy them to a session whose
        // lock nobody holds, as a dead process would have left them.
        QVERIFY(QFile::copy(store.scenarioPath(), dir.filePath(QStringLiteral("session-dead.longitude.json"))));
        QVERIFY(QFile::copy(store.scenarioPath().chopped(15) + QStringLiteral(".note.json"),
                            dir.filePath(QStringLiteral("session-dead.note.json"))));
    }
    const QList<RecoveryStore::Orphan> orphans = RecoveryStore::orphans(dir.path());
    QCOMPARE(orphans.size(), 1);
    QCOMPARE(orphans.front().originalPath, original);
    QVERIFY(orphans.front().savedAt.isValid());

    ScenarioDocument restored;
    QVERIFY(restored.restore(orphans.front().scenarioPath, orphans.front().originalPath).has_value());
    QVERIFY(restored.scenario() == edited);
    QVERIFY(restored.isModified());
    QCOMPARE(restored.filePath(), original);
    RecoveryStore::discard(orphans.front());
    QVERIFY(RecoveryStore::orphans(dir.path()).isEmpty());
}

void TestRecoveryStore::cleanExitRemovesTheFiles()
{
    QTemporaryDir dir;
    QString path;
    {
        ScenarioDocument document;
        document.resetScenario(tests::threeRegions());
        RecoveryStore store(&document, dir.path(), 3600);
        QVERIFY(document.removePool("eu-a"));
        QVERIFY(store.autosave());
        path = store.scenarioPath();
        QVERIFY(QFile::exists(path));
    }
    QVERIFY(!QFile::exists(path));
    QVERIFY(RecoveryStore::orphans(dir.path()).isEmpty());
}

QTEST_GUILESS_MAIN(TestRecoveryStore)
#include "tst_recoverystore.moc"
