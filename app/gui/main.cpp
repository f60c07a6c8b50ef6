// Longitude GUI entry point: `longitude [FILE]` opens FILE (the bundled default scenario when
// none); `longitude --screenshot OUT.png [FILE]` renders the main window to a PNG and exits.

#include "app/gui/documentcontroller.h"
#include "app/gui/mainwindow.h"
#include "app/gui/theme.h"
#include "models/scenariodocument.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>
#include <QImage>
#include <QTimer>

#include <cstdio>

int main(int argc, char **argv)
{
    using namespace longitude;
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
    parser.addOption(screenshot);
    parser.addOption(dark);
    parser.addPositionalArgument(QStringLiteral("FILE"), QApplication::translate("main", "Scenario to open."), QStringLiteral("[FILE]"));
    parser.process(application);

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
