// The dialogs on their own: what they show and what they return.

#include "ui/dialogs/diagnosticsdialog.h"
#include "ui/dialogs/preferencesdialog.h"
#include "ui/dialogs/traceimportdialog.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace longitude;

class TestDialogs : public QObject
{
    Q_OBJECT

private slots:
    void diagnosticsNameFileFieldAndLine();
    void preferencesRoundTrip();
    void traceImportPreviewsTheShape();
    void traceImportRefusesABadFile();
};

void TestDialogs::diagnosticsNameFileFieldAndLine()
{
    engine::Diagnostic d;
    d.file = "/plans/eu.longitude.json";
    d.pointer = "/pools/3/gpuCount";
    d.line = 42;
    d.column = 7;
    d.message = "must be a positive integer, got -4";
    ui::DiagnosticsDialog dialog(QStringLiteral("Cannot open scenario"), QStringLiteral("/plans/eu.longitude.json"), {d});
    QVERIFY(dialog.text().contains(QStringLiteral("/plans/eu.longitude.json:42:7")));
    QVERIFY(dialog.text().contains(QStringLiteral("/pools/3/gpuCount")));
    QVERIFY(dialog.text().contains(QStringLiteral("got -4")));
    bool headingNamesFile = false;
    for (const QLabel *label : dialog.findChildren<QLabel *>())
        headingNamesFile = headingNamesFile || label->text().contains(QStringLiteral("eu.longitude.json"));
    QVERIFY(headingNamesFile);
}

void TestDialogs::preferencesRoundTrip()
{
    ui::PreferencesDialog dialog;
    dialog.setAppearance(ui::PreferencesDialog::Appearance::Dark);
    dialog.setAutosaveIntervalS(90);
    QCOMPARE(dialog.appearance(), ui::PreferencesDialog::Appearance::Dark);
    QCOMPARE(dialog.autosaveIntervalS(), 90);
}

void TestDialogs::traceImportPreviewsTheShape()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("t.jsonl"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"timestamp\": 0, \"input_length\": 1, \"output_length\": 1, \"hash_ids\": [1]}\n"
               "{\"timestamp\": 1000, \"input_length\": 1, \"output_length\": 1, \"hash_ids\": [1]}\n");
    file.close();
    ui::TraceImportDialog dialog(QStringLiteral("eu-west-1"), 60);
    auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled());
    dialog.setTracePath(path);
    QVERIFY(dialog.shape().has_value());
    QCOMPARE(dialog.shape()->records(), 2LL);
    QVERIFY(ok->isEnabled());
    QVERIFY(!dialog.useTracePeak());
}

void TestDialogs::traceImportRefusesABadFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("notes.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("a,b\n1,2\n");
    file.close();
    ui::TraceImportDialog dialog(QStringLiteral("eu-west-1"), 60);
    dialog.setTracePath(path);
    QVERIFY(!dialog.shape().has_value());
    QVERIFY(!dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
    bool explained = false;
    for (const QLabel *label : dialog.findChildren<QLabel *>())
        explained = explained || label->text().contains(QStringLiteral("notes.csv"));
    QVERIFY(explained);
}

QTEST_MAIN(TestDialogs)
#include "tst_dialogs.moc"
