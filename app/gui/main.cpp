// Longitude GUI entry point: `longitude [FILE]` opens FILE (the bundled default scenario when
// none); `longitude --screenshot OUT.png [FILE]` renders the main window to a PNG and exits;
// `longitude --report OUT.html|OUT.pdf FILE` simulates FILE and writes its report, no window.

#include "app/gui/documentcontroller.h"
#include "app/gui/mainwindow.h"
#include "app/gui/reportcommand.h"
#include "app/gui/theme.h"
#include "models/scenariodocument.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>
#include <QImage>
#include <QTextStream>
#include <QTimer>

#include <cstdio>
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
    parser.addOption(screenshot);
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
        const QString out = parser.value(screenshot);
        int status = 0;
        if (!file.isEmpty() && !opened) {
            std::fprintf(stderr, "longitude: cannot open %s\n", qPrintable(file));
            status = 1;
        }
        // Let layouts and the deferred chart rebuilds settle before grabbing.
        QTimer::singleShot(300, &window, [&] {
            if (!window.screenshot().save(out)) {
                std::fprintf(stderr, "longitude: cannot write %s\n", qPrintable(out));
                status = 2;
            }
            QApplication::exit(status);
        });
        return application.exec();
    }
    QTimer::singleShot(0, &window, &app::MainWindow::offerRecovery);
    return application.exec();
}
