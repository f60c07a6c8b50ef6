#include "models/reportformat.h"

#include "models/simulationsummary.h"

#include <QLocale>

#include <cmath>

namespace longitude::models {

QString ReportFormat::ms(double value)
{
    return QLocale().toString(value, 'f', std::abs(value) < 100 ? 1 : 0) + QStringLiteral(" ms");
}

QString ReportFormat::percent(double share, int decimals)
{
    return QLocale().toString(share * 100, 'f', decimals) + QStringLiteral(" %");
}

QString ReportFormat::count(double value)
{
    return QLocale().toString(std::round(value), 'f', 0);
}

QString ReportFormat::usd(double value, int decimals)
{
    return QStringLiteral("$") + QLocale().toString(value, 'f', decimals);
}

QString ReportFormat::number(double value, int decimals)
{
    return QLocale().toString(value, 'f', decimals);
}

QString ReportFormat::duration(double seconds)
{
    const auto total = static_cast<long long>(std::llround(seconds));
    const long long hours = total / 3600;
    const long long minutes = (total % 3600) / 60;
    const long long rest = total % 60;
    QStringList parts;
    if (hours > 0)
        parts << QStringLiteral("%1 h").arg(hours);
    if (minutes > 0)
        parts << QStringLiteral("%1 min").arg(minutes);
    if (rest > 0 || parts.isEmpty())
        parts << QStringLiteral("%1 s").arg(rest);
    return parts.join(QLatin1Char(' '));
}

QList<ReportFormat::Measure> ReportFormat::measures(const SimulationSummary &s)
{
    // A p99 target means 99 % of requests within it.
    constexpr double kP99Share = 0.99;
    const bool hasTarget = s.slaTtftP99Ms > 0;
    const auto against = [](bool good) { return good ? Status::Good : Status::Bad; };
    QList<Measure> list{
        {tr("TTFT p50"), ms(s.ttft.p50Ms), {}, Status::Neutral},
        {tr("TTFT p90"), ms(s.ttft.p90Ms), {}, Status::Neutral},
        {tr("TTFT p99"), ms(s.ttft.p99Ms), hasTarget ? QStringLiteral("≤ ") + ms(s.slaTtftP99Ms) : QString(),
         hasTarget ? against(s.slaMet()) : Status::Neutral},
        {tr("Requests within the TTFT target"), percent(s.slaAttainment, 2),
         hasTarget ? QStringLiteral("≥ ") + percent(kP99Share, 0) : QString(),
         hasTarget && s.completed > 0 ? against(s.slaAttainment >= kP99Share) : Status::Neutral},
        {tr("End-to-end p50"), ms(s.e2e.p50Ms), {}, Status::Neutral},
        {tr("End-to-end p99"), ms(s.e2e.p99Ms), {}, Status::Neutral},
        {tr("Time per output token p50"), ms(s.tpot.p50Ms), {}, Status::Neutral},
        {tr("Replica queue wait p99"), ms(s.queueWait.p99Ms), {}, Status::Neutral},
        {tr("Requests arrived"), count(s.arrived), {}, Status::Neutral},
        {tr("Completed"), count(s.completed), {}, Status::Neutral},
        {tr("Throughput"), number(s.simulatedS > 0 ? s.completed / s.simulatedS : 0.0, 1) + tr(" req/s"),
         {}, Status::Neutral},
        {tr("Shed"), count(s.shed) + QStringLiteral(" (") + percent(s.arrived > 0 ? s.shed / s.arrived : 0.0, 2) + QLatin1Char(')'),
         {}, s.shed > 0 ? Status::Warning : Status::Neutral},
        {tr("Served in another region"),
         count(s.crossRegion) + QStringLiteral(" (") + percent(s.crossRegionShare(), 1) + QLatin1Char(')'), {}, Status::Neutral},
        {tr("Residency violations"), count(s.residencyViolations), QStringLiteral("0"),
         against(s.residencyViolations == 0.0)},
        {tr("Prefix-cache token hit rate"), percent(s.cacheTokenHitRate, 2), {}, Status::Neutral},
        {tr("Prefix-cache request hit rate"), percent(s.cacheRequestHitRate, 2), {}, Status::Neutral},
        {tr("Compute utilisation"), percent(s.computeUtilizationMean), {}, Status::Neutral},
        {tr("Batch slots in use"), percent(s.utilizationMean), {}, Status::Neutral},
    };
    if (s.overflowSpilled > 0)
        list << Measure{tr("Spilled to another region (overflow)"), count(s.overflowSpilled), {}, Status::Neutral};
    if (s.failoverRerouted > 0)
        list << Measure{tr("Rerouted around an outage"), count(s.failoverRerouted), {}, Status::Neutral};
    if (s.failoverDegraded > 0)
        list << Measure{tr("Degraded to the smaller model"), count(s.failoverDegraded), {}, Status::Warning};
    // What each outage did: when the routers noticed and what it cost (issue: failover report).
    // Detection takes from a fraction of a millisecond (a refused delivery) to seconds (probes).
    const auto delay = [](double seconds) { return seconds < 1.0 ? ms(seconds * 1000.0) : number(seconds, 1) + tr(" s"); };
    for (const SimulationSummary::Outage &outage : s.outages) {
        const QString detected = outage.detectedAfterS >= 0.0 ? tr("detected after %1").arg(delay(outage.detectedAfterS))
                                                              : tr("not detected within the run");
        const QString recovered = outage.recoveredAfterS >= 0.0
                                      ? tr("in use again %1 after it came back").arg(delay(outage.recoveredAfterS))
                                      : tr("not back in use within the run");
        list << Measure{tr("Outage of %1 (%2 s to %3 s)").arg(outage.target, number(outage.startS, 0), number(outage.endS, 0)),
                        detected + QStringLiteral(" · ") + recovered, {}, Status::Warning};
    }
    const auto counted = [&list](const QString &name, double value, Status status) {
        if (value > 0)
            list << Measure{name, count(value), {}, status};
    };
    counted(tr("Lost in flight when a replica failed"), s.failoverLostInFlight, Status::Warning);
    counted(tr("Sent to a failed replica before detection"), s.failoverFailedDeliveries, Status::Warning);
    counted(tr("Retried after an outage"), s.failoverRetried, Status::Neutral);
    // Every shed request by its reason (queue-timeout, outage-lost, rescuer-protection, ...).
    for (auto it = s.shedByReason.cbegin(); it != s.shedByReason.cend(); ++it)
        counted(tr("Shed (%1)").arg(it.key()), it.value(), Status::Warning);
    list << Measure{tr("GPU cost"), usd(s.gpuUsd), {}, Status::Neutral}
         << Measure{tr("Egress cost"),
                    usd(s.egressUsd) + QStringLiteral(" (") + number(s.egressGb, 2) + tr(" GB)"), {}, Status::Neutral}
         << Measure{tr("Total cost"), usd(s.totalUsd()), {}, Status::Neutral}
         << Measure{tr("Cost per million input tokens"), usd(s.usdPerMillionInputTokens(), 3), {}, Status::Neutral}
         << Measure{tr("Cost per million output tokens"), usd(s.usdPerMillionOutputTokens(), 3), {}, Status::Neutral};
    return list;
}

} // namespace longitude::models
