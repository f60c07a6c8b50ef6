// Longitude GUI entry point: `longitude [FILE]` opens FILE (the bundled default scenario when
// none); `longitude --screenshot OUT.png [--run] [--size WxH] [--tab NAME] [FILE]` renders the
// main window to a PNG and exits; `longitude --report OUT.html|OUT.pdf FILE` simulates FILE and
// writes its report, no window.

#include "app/gui/documentcontroller.h"
#include "app/gui/mainwindow.h"
#include "app/gui/reportcommand.h"
#include "app/gui/screenshotcommand.h"
#include "app/gui/theme.h"
#include "models/scenariodocument.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>
#include <QTextStream>
#include <QTimer>

#include <cstring>

int main(int argc, char **argv)
{
    using namespace longitude;
    // A report needs no display: on a server without one, the offscreen platform draws the
    // figures (unless the caller chose a platform).
    for (int i = 1; i < argc; ++i) {
        if ((std::strcmp(argv[i], "--report") == 0 || std::strncmp(argv[i], "--report=", 9) == 0)
            && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication application(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Longitude"));
    QApplication::setOrganizationName(QStringLiteral("Longitude"));
    QApplication::setApplicationVersion(QStringLiteral(LONGITUDE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.longitude.Longitude"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/longitude.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Capacity planner for multi-region LLM serving"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QApplication::translate("main", "Render the main window to OUT.png and exit."),
                                        QStringLiteral("OUT.png"));
    const QCommandLineOption dark(QStringLiteral("dark"), QApplication::translate("main", "Use the dark palette."));
    const QCommandLineOption report(QStringLiteral("report"),
                                    QApplication::translate("main", "Simulate FILE and write its report to OUT (.html or .pdf), "
                                                                    "without a window, and exit."),
                                    QStringLiteral("OUT"));
    const QCommandLineOption run(QStringLiteral("run"),
                                 QApplication::translate("main", "With --screenshot: simulate the scenario first and show its results."));
    const QCommandLineOption size(QStringLiteral("size"),
                                  QApplication::translate("main", "With --screenshot: the window size, e.g. 1600x1000."),
                                  QStringLiteral("WxH"));
    const QCommandLineOption tab(QStringLiteral("tab"),
                                 QApplication::translate("main", "With --screenshot: the tab to show, e.g. Results, Traffic, "
                                                                 "\"RTT Matrix\"."),
                                 QStringLiteral("NAME"));
    parser.addOption(screenshot);
    parser.addOption(run);
    parser.addOption(size);
    parser.addOption(tab);
    parser.addOption(dark);
    parser.addOption(report);
    parser.addPositionalArgument(QStringLiteral("FILE"), QApplication::translate("main", "Scenario to open."), QStringLiteral("[FILE]"));
    parser.process(application);

    if (parser.isSet(report)) {
        QTextStream out(stdout);
        QTextStream err(stderr);
        const QString file = parser.positionalArguments().value(0);
        return app::ReportCommand::run(QDir::current().absoluteFilePath(parser.value(report)),
                                       file.isEmpty() ? QString() : QDir::current().absoluteFilePath(file), out, err);
    }

    const bool screenshotMode = parser.isSet(screenshot);
    app::ScreenshotCommand::Options screenshotOptions;
    {
        QTextStream err(stderr);
        for (const QCommandLineOption *option : {&run, &size, &tab}) {
            if (parser.isSet(*option) && !screenshotMode) {
                err << "longitude: --" << option->names().front() << " needs --screenshot OUT.png\n";
                return 2;
            }
        }
        if (parser.isSet(size)) {
            const auto parsed = app::ScreenshotCommand::parseSize(parser.value(size));
            if (!parsed) {
                err << "longitude: " << parsed.error() << "\n";
                return 2;
            }
            screenshotOptions.size = *parsed;
        }
        screenshotOptions.outPath = parser.value(screenshot);
        screenshotOptions.run = parser.isSet(run);
        screenshotOptions.tab = parser.value(tab);
    }
    app::Theme::initialize();
    app::Theme::apply(parser.isSet(dark) ? app::Theme::Appearance::Dark
                      : screenshotMode   ? app::Theme::Appearance::Light
                                         : app::Theme::fromSettings());

    app::MainWindow::Options options;
    options.interactive = !screenshotMode;
    options.restoreLayout = !screenshotMode;
    options.autosave = !screenshotMode;
    app::MainWindow window(options);

    const QString file = parser.positionalArguments().value(0);
    bool opened = false;
    if (!file.isEmpty())
        opened = window.controller()->openFile(QDir::current().absoluteFilePath(file), false);
    if (!opened)
        window.controller()->newFromTemplate(app::DocumentController::defaultTemplate());
    window.show();

    if (screenshotMode) {
        QTextStream err(stderr);
        const int status = app::ScreenshotCommand::run(window, screenshotOptions, err);
        if (status == 0 && !file.isEmpty() && !opened) {
            // The default scenario was rendered instead: the status says FILE was not.
            err << "longitude: cannot open " << file << "\n";
            return 1;
        }
        return status;
    }
    QTimer::singleShot(0, &window, &app::MainWindow::offerRecovery);
    return application.exec();
}
