#include "app/gui/screenshotcommand.h"

#include "app/gui/mainwindow.h"
#include "models/simulationrunner.h"

#include <QDockWidget>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QImage>
#include <QRegularExpression>
#include <QTextStream>
#include <QTimer>

namespace longitude::app {

namespace {

// Long enough for the deferred chart rebuilds (GlobalTrafficChart batches model changes) and
// the layouts of a freshly shown window to settle before the grab.
constexpr int kSettleMs = 300;

QString simplified(QString text)
{
    return text.remove(QLatin1Char('&')).remove(QLatin1Char(' ')).toLower();
}

} // namespace

std::expected<QSize, QString> ScreenshotCommand::parseSize(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^\\s*(\\d{1,5})\\s*[xX×]\\s*(\\d{1,5})\\s*$"));
    const QRegularExpressionMatch match = pattern.match(text);
    const QString expected = QStringLiteral("--size: expected WIDTHxHEIGHT in pixels, each from %1 to %2 (e.g. 1600x1000), got \"%3\"")
                                 .arg(kMinSide)
                                 .arg(kMaxSide)
                                 .arg(text);
    if (!match.hasMatch())
        return std::unexpected(expected);
    const QSize size(match.captured(1).toInt(), match.captured(2).toInt());
    if (size.width() < kMinSide || size.height() < kMinSide * 5 / 8 || size.width() > kMaxSide || size.height() > kMaxSide)
        return std::unexpected(expected + QStringLiteral(" (the height at least %1)").arg(kMinSide * 5 / 8));
    return size;
}

std::expected<QDockWidget *, QString> ScreenshotCommand::findTab(const MainWindow &window, const QString &name)
{
    const QString wanted = simplified(name);
    QStringList names;
    for (QDockWidget *dock : window.findChildren<QDockWidget *>(QString(), Qt::FindDirectChildrenOnly)) {
        QString shortName = dock->objectName();
        shortName.remove(QStringLiteral("Dock"));
        if (!wanted.isEmpty() && (simplified(dock->windowTitle()) == wanted || simplified(shortName) == wanted))
            return dock;
        names << QStringLiteral("\"%1\"").arg(dock->windowTitle().remove(QLatin1Char('&')));
    }
    names.sort();
    return std::unexpected(QStringLiteral("--tab: no tab is called \"%1\"; expected one of %2").arg(name, names.join(QStringLiteral(", "))));
}

int ScreenshotCommand::run(MainWindow &window, const Options &options, QTextStream &err)
{
    // Checked before simulating, so a typo does not cost a whole run.
    const QString tab = !options.tab.isEmpty() ? options.tab : options.run ? QStringLiteral("Results") : QString();
    QDockWidget *tabDock = nullptr;
    if (!tab.isEmpty()) {
        const auto dock = findTab(window, tab);
        if (!dock) {
            err << "longitude: " << dock.error() << "\n";
            return 2;
        }
        tabDock = *dock;
    }
    if (!QFileInfo(options.outPath).absoluteDir().exists()) {
        err << "longitude: cannot write " << options.outPath << ": the folder does not exist\n";
        return 2;
    }
    if (options.size.isValid())
        window.resize(options.size);
    if (options.run) {
        // The window's own run, so the Results tab shows what a planner would get; this thread
        // waits in an event loop, the engine works on the runner's thread.
        QEventLoop loop;
        QString failure;
        bool finished = false;
        models::SimulationRunner *runner = window.runner();
        QObject::connect(runner, &models::SimulationRunner::finished, &loop, [&] {
            finished = true;
            loop.quit();
        });
        QObject::connect(runner, &models::SimulationRunner::failed, &loop, [&](const QString &message) {
            failure = message;
            loop.quit();
        });
        QObject::connect(runner, &models::SimulationRunner::cancelled, &loop, [&] {
            failure = QStringLiteral("cancelled");
            loop.quit();
        });
        if (!window.runSimulation()) {
            err << "longitude: --run: the scenario has errors; `longitude-cli validate FILE` lists them\n";
            return 1;
        }
        loop.exec();
        if (!finished) {
            err << "longitude: --run: the simulation failed: " << failure << "\n";
            return 3;
        }
    }
    if (tabDock != nullptr) {
        tabDock->show();
        tabDock->raise();
    }
    QEventLoop settle;
    QTimer::singleShot(kSettleMs, &settle, &QEventLoop::quit);
    settle.exec();
    if (!window.screenshot().save(options.outPath)) {
        err << "longitude: cannot write " << options.outPath << "\n";
        return 2;
    }
    return 0;
}

} // namespace longitude::app
