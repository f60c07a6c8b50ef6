#pragma once

#include <QSize>
#include <QString>

#include <expected>

class QDockWidget;
class QTextStream;

namespace longitude::app {

class MainWindow;

/// `longitude --screenshot OUT.png [--run] [--size WxH] [--tab NAME] [FILE]`: renders the main
/// window, optionally after running the scenario's simulation through the window's own runner
/// (so the picture shows exactly what a planner would see), and writes it as a PNG. Kept out of
/// main() so that tests drive the same code on a window of their own.
///
/// Exit status: 0 written; 1 the scenario cannot be run (it has errors); 2 a bad option value or
/// OUT cannot be written; 3 the simulation failed.
class ScreenshotCommand
{
public:
    struct Options
    {
        QString outPath;
        QSize size;         ///< window size in logical pixels; empty keeps the default layout's
        bool run = false;   ///< simulate first and show the Results tab
        QString tab;        ///< dock tab to bring to the front ("Results", "RTT Matrix", ...); may be empty
    };

    /// Reads "WxH" (e.g. "1600x1000"), each side within [kMinSide, kMaxSide]; the message names
    /// the option and what was expected.
    static std::expected<QSize, QString> parseSize(const QString &text);
    /// The dock whose tab title ("RTT Matrix") or short name ("rtt", from "rttDock") is `name`,
    /// ignoring case and spaces; an error listing the valid names when none is.
    static std::expected<QDockWidget *, QString> findTab(const MainWindow &window, const QString &name);

    /// Applies `options` to the shown `window` (size, run, tab), waits in an event loop for the
    /// run and for the window to settle, and writes the PNG. Errors go to `err`.
    static int run(MainWindow &window, const Options &options, QTextStream &err);

    static constexpr int kMinSide = 640;
    static constexpr int kMaxSide = 7680;
};

} // namespace longitude::app
