// `longitude --screenshot OUT.png [--run] [--size WxH] [--tab NAME]` through the same code main()
// calls (ScreenshotCommand) on a real main window: the run's results are in the Results tab of
// the picture, the PNG has the requested size, bad values are refused before anything runs.

#include "app/gui/documentcontroller.h"
#include "app/gui/mainwindow.h"
#include "app/gui/screenshotcommand.h"
#include "app/gui/theme.h"
#include "models/scenariodocument.h"
#include "ui/panels/resultspanel.h"

#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QImage>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTextStream>

#include <memory>

using namespace longitude;

class TestScreenshot : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void runShowsResultsAtTheRequestedSize();
    void tabIsBroughtToTheFront();
    void sizeParsing_data();
    void sizeParsing();
    void badTabIsRefusedBeforeRunning();
    void missingFolderIsRefused();

private:
    QString outputPath(const QString &name) const;

    std::unique_ptr<app::MainWindow> m_window;
};

void TestScreenshot::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setApplicationName(QStringLiteral("longitude-test"));
    QApplication::setOrganizationName(QStringLiteral("longitude-test"));
    app::Theme::initialize();
    app::Theme::apply(app::Theme::Appearance::Light);
}

void TestScreenshot::init()
{
    // As main() does for --screenshot.
    app::MainWindow::Options options;
    options.interactive = false;
    options.restoreLayout = false;
    options.autosave = false;
    m_window = std::make_unique<app::MainWindow>(options);
    QVERIFY(m_window->controller()->newFromTemplate(app::DocumentController::defaultTemplate()));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestScreenshot::cleanup()
{
    m_window.reset();
}

QString TestScreenshot::outputPath(const QString &name) const
{
    const QString folder = qEnvironmentVariable("LONGITUDE_TEST_OUTPUT", QDir::tempPath());
    QDir().mkpath(folder);
    const QString path = QDir(folder).filePath(name);
    QFile::remove(path);
    return path;
}

void TestScreenshot::runShowsResultsAtTheRequestedSize()
{
    app::ScreenshotCommand::Options options;
    options.outPath = outputPath(QStringLiteral("screenshot-run.png"));
    options.size = QSize(1280, 800);
    options.run = true;
    QString messages;
    QTextStream err(&messages);
    QCOMPARE(app::ScreenshotCommand::run(*m_window, options, err), 0);
    QVERIFY2(messages.isEmpty(), qPrintable(messages));

    const QImage image(options.outPath);
    QCOMPARE(image.size(), QSize(1280, 800));
    ui::ResultsPanel *results = m_window->resultsPanel();
    QVERIFY(results->headline()->rowCount() > 0);
    QCOMPARE(results->regions()->rowCount(), static_cast<int>(m_window->document()->scenario().regions.size()));
    // The Results tab is the one in front, so the picture shows it.
    QVERIFY(!m_window->dock(QStringLiteral("resultsDock"))->visibleRegion().isEmpty());
    QVERIFY(m_window->dock(QStringLiteral("poolsDock"))->visibleRegion().isEmpty());
}

void TestScreenshot::tabIsBroughtToTheFront()
{
    app::ScreenshotCommand::Options options;
    options.outPath = outputPath(QStringLiteral("screenshot-rtt.png"));
    options.tab = QStringLiteral("rtt matrix");
    QString messages;
    QTextStream err(&messages);
    QCOMPARE(app::ScreenshotCommand::run(*m_window, options, err), 0);
    QVERIFY(!m_window->dock(QStringLiteral("rttDock"))->visibleRegion().isEmpty());
    QCOMPARE(QImage(options.outPath).size(), m_window->size());
    // Short names work too.
    QCOMPARE(*app::ScreenshotCommand::findTab(*m_window, QStringLiteral("Traffic")), m_window->dock(QStringLiteral("trafficDock")));
    QCOMPARE(*app::ScreenshotCommand::findTab(*m_window, QStringLiteral("pools")), m_window->dock(QStringLiteral("poolsDock")));
}

void TestScreenshot::sizeParsing_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QSize>("expected"); // invalid: refused
    QTest::newRow("README") << QStringLiteral("1600x1000") << QSize(1600, 1000);
    QTest::newRow("capital X, spaces") << QStringLiteral(" 1280 X 800 ") << QSize(1280, 800);
    QTest::newRow("no height") << QStringLiteral("1600x") << QSize();
    QTest::newRow("negative") << QStringLiteral("-1600x1000") << QSize();
    QTest::newRow("too small") << QStringLiteral("320x200") << QSize();
    QTest::newRow("too large") << QStringLiteral("100000x1000") << QSize();
    QTest::newRow("words") << QStringLiteral("big") << QSize();
}

void TestScreenshot::sizeParsing()
{
    QFETCH(QString, text);
    QFETCH(QSize, expected);
    const auto parsed = app::ScreenshotCommand::parseSize(text);
    QCOMPARE(parsed.has_value(), expected.isValid());
    if (parsed)
        QCOMPARE(*parsed, expected);
    else
        QVERIFY2(parsed.error().contains(QStringLiteral("--size")) && parsed.error().contains(text), qPrintable(parsed.error()));
}

void TestScreenshot::badTabIsRefusedBeforeRunning()
{
    app::ScreenshotCommand::Options options;
    options.outPath = outputPath(QStringLiteral("screenshot-bad-tab.png"));
    options.run = true;
    options.tab = QStringLiteral("Nowhere");
    QString messages;
    QTextStream err(&messages);
    QCOMPARE(app::ScreenshotCommand::run(*m_window, options, err), 2);
    err.flush();
    QVERIFY2(messages.contains(QStringLiteral("Nowhere")) && messages.contains(QStringLiteral("\"RTT Matrix\"")), qPrintable(messages));
    QVERIFY(!QFile::exists(options.outPath));
    QCOMPARE(m_window->resultsPanel()->headline()->rowCount(), 0);
}

void TestScreenshot::missingFolderIsRefused()
{
    app::ScreenshotCommand::Options options;
    options.outPath = QDir(outputPath(QStringLiteral("no-such-folder"))).filePath(QStringLiteral("x.png"));
    QString messages;
    QTextStream err(&messages);
    QCOMPARE(app::ScreenshotCommand::run(*m_window, options, err), 2);
    err.flush();
    QVERIFY2(messages.contains(options.outPath), qPrintable(messages));
}

QTEST_MAIN(TestScreenshot)
#include "tst_screenshot.moc"
