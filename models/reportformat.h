#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace longitude::models {

struct SimulationSummary;

/// How results read everywhere a planner sees them (the Results dock, the run history, the
/// comparison table, the exported report): one set of rules, so the same number never appears
/// with two roundings. Formatted with the default QLocale; units in the text.
class ReportFormat
{
    Q_DECLARE_TR_FUNCTIONS(ReportFormat)

public:
    /// "41.1 ms" below 100 ms, "1,339 ms" above (the histogram's 0.4 % error makes more digits noise).
    static QString ms(double value);
    /// A share in [0, 1] as a percentage: "93.0 %".
    static QString percent(double share, int decimals = 1);
    /// A count of requests: "12,345" (sampled runs give weighted, fractional estimates: rounded).
    static QString count(double value);
    /// US dollars with cents: "$151.36"; below one cent per unit use `decimals`.
    static QString usd(double value, int decimals = 2);
    /// A plain number with `decimals` decimals.
    static QString number(double value, int decimals);
    /// Simulated seconds as "1 h 5 min", "10 min", "45 s".
    static QString duration(double seconds);

    /// How a measure compares with what the planner asked for.
    enum class Status { Neutral, Good, Warning, Bad };
    /// One line of a run's headline: what, how much, against which target.
    struct Measure
    {
        QString name;
        QString value;
        QString target; ///< empty when the scenario sets none
        Status status = Status::Neutral;
    };
    /// Every headline measure of a run in reading order (latency against the SLA, requests,
    /// residency, prefix cache, utilisation, cost), for the Results dock and the report.
    static QList<Measure> measures(const SimulationSummary &summary);
};

} // namespace longitude::models
