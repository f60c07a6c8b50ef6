#pragma once

#include <QString>

class QTextStream;

namespace longitude::app {

/// `longitude --report OUT.html|OUT.pdf FILE`: loads FILE, runs its simulation on the runner's
/// worker thread (as the GUI does), writes the budget-review report and returns an exit status,
/// without a window. Kept out of main() so that tests call it directly.
///
/// Exit status: 0 written; 1 FILE cannot be opened or has errors (each problem printed with its
/// file, field and line); 2 OUT is not .html/.pdf or cannot be written; 3 the simulation failed.
class ReportCommand
{
public:
    static int run(const QString &outPath, const QString &scenarioPath, QTextStream &out, QTextStream &err);
};

} // namespace longitude::app
