// `longitude-cli plan FILE`: SkyLB's reservation question for a scenario (DOMAIN.md section 7,
// docs/planning.md): replicas per region and UTC hour at a replica's simulated capacity, the
// region-local / global / on-demand costs, and the cheapest reserved/on-demand mix.
#include "commandfiles.h"
#include "commandregistry.h"

#include "engine/io/scenariojson.h"
#include "engine/planning/reservationplan.h"
#include "engine/planning/reservationplanjson.h"

#include <cmath>
#include <cstdio>
#include <optional>

namespace longitude::app {

namespace {

using namespace longitude::engine;

const char *kHelp =
    "usage: longitude-cli plan FILE [--model ID] [--capacity RPS] [--json OUT] [--quiet]\n"
    "\n"
    "Plans GPU reservations for the scenario in FILE (docs/planning.md): sizes one replica's\n"
    "sustainable request rate at the SLA by simulation, turns each region's hourly traffic\n"
    "(aligned to UTC) into replicas, and prints SkyLB's region-local, global and on-demand\n"
    "costs in replica-hours and dollars per day and month, and the cheapest mix of reserved\n"
    "and on-demand replicas for region-local pools and for a global pool.\n"
    "\n"
    "options:\n"
    "  --model ID        plan this model (default: the one serving the most requests)\n"
    "  --capacity RPS    skip the sizing search: one replica sustains RPS requests/s\n"
    "  --json OUT        write the plan as JSON (schema longitude.plan/1) to OUT\n"
    "  -q, --quiet       print nothing but errors\n"
    "\n"
    "exit status: 0 success, 2 invalid input (bad file, unknown model, an SLA no replica can\n"
    "meet, bad option), 1 internal error.\n";

int runPlan(const CommandArgs &args, std::ostream &out, std::ostream &err);

const CommandRegistration registration({"plan", "size replicas and plan reserved vs on-demand GPUs (SkyLB's model)",
                                        kHelp, &runPlan});

std::string fixed(double value, int decimals)
{
    if (!std::isfinite(value))
        return "n/a";
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

/// "12,345.67": thousands separated, for money.
std::string money(double value)
{
    const std::string digits = fixed(std::abs(value), 2);
    const std::size_t point = digits.find('.');
    std::string text(value < 0.0 ? "-$" : "$");
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && i < point && (point - i) % 3 == 0)
            text.push_back(',');
        text.push_back(digits[i]);
    }
    return text;
}

std::string offset(double hours)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%+g", hours);
    return buffer;
}

/// `value` right-aligned in `width` characters.
std::string cell(int value, std::size_t width)
{
    const std::string digits = std::to_string(value);
    std::string text(width > digits.size() ? width - digits.size() : 0, ' ');
    text.append(digits);
    return text;
}

void printDemand(const ReservationPlan &plan, std::ostream &out)
{
    const ReservationDemand &d = plan.demand;
    std::size_t labelWidth = 5;
    for (const auto &region : plan.regions)
        labelWidth = std::max(labelWidth, region.id.size() + offset(region.utcOffsetHours).size() + 3);
    const auto label = [&](const std::string &text) {
        std::string padded(2, ' ');
        padded.append(text);
        padded.append(labelWidth - text.size(), ' ');
        return padded;
    };
    // One column width for all cells: the widest number plus a space.
    const std::size_t width = std::to_string(std::max(d.globalPeak(), 23)).size() + 1;
    std::string line = label("UTC");
    for (int h = 0; h < ReservationDemand::kHours; ++h)
        line += cell(h, width);
    out << line << "   peak\n";
    for (std::size_t r = 0; r < plan.regions.size(); ++r) {
        line = label(plan.regions[r].id + " (" + offset(plan.regions[r].utcOffsetHours) + ")");
        for (const int v : d.replicas[r])
            line += cell(v, width);
        out << line << cell(d.peakOf(static_cast<int>(r)), 7) << "\n";
    }
    line = label("total");
    for (const int v : d.totals())
        line += cell(v, width);
    out << line << cell(d.globalPeak(), 7) << "\n";
    out << "  global peak " << d.globalPeak() << " replicas at " << d.globalPeakHour() << ":00 UTC; sum of regional peaks "
        << d.sumOfRegionalPeaks() << "\n";
}

void printPlan(const ReservationPlan &plan, std::ostream &out)
{
    out << "scenario   " << plan.scenario << "\n"
        << "model      " << plan.target.model << " on " << plan.target.gpuType << " TP" << plan.target.tensorParallel << " ("
        << plan.gpusPerReplica << " GPU" << (plan.gpusPerReplica == 1 ? "" : "s") << " per replica), "
        << fixed(100.0 * plan.requestShare, 1) << " % of the requests\n"
        << "SLA        TTFT p99 <= " << fixed(plan.ttftBudgetMs, 0) << " ms";
    if (plan.e2eBudgetMs > 0.0)
        out << ", E2E p99 <= " << fixed(plan.e2eBudgetMs, 0) << " ms";
    out << "\n\n";

    out << "capacity   " << fixed(plan.capacityRps, 2) << " requests/s per replica at the SLA";
    if (plan.sizing) {
        const SizingResult &s = *plan.sizing;
        out << " (TTFT p99 " << fixed(s.ttftP99Ms, 1) << " ms; " << fixed(s.failingRps, 2) << " req/s fails)\n"
            << "           sizing: " << s.setup.replicas << " replicas behind " << s.setup.policy << ", gateway "
            << fixed(s.setup.gatewayLatencyMs, 0) << " ms, " << fixed(s.setup.warmupS, 0) << " s warm-up + "
            << fixed(s.setup.measuredS, 0) << " s measured per probe, seed " << s.setup.seed << ", " << s.probes.size()
            << " probes, " << fixed(s.simulatedRequests, 0) << " requests simulated, resolution "
            << fixed(100.0 * s.setup.resolution, 1) << " %\n";
    } else {
        out << " (given)\n";
    }
    out << "\ndemand     replicas per UTC hour, d_r(t) = ceil(rate_r(t) / capacity)\n";
    printDemand(plan, out);

    const ReservationDemand &d = plan.demand;
    const double local = static_cast<double>(d.localReplicaHours());
    out << "\nSkyLB      replica-hours per day (DOMAIN.md section 7)\n"
        << "  C_local = sum_r 24 max_t d_r(t)    " << d.localReplicaHours() << "\n"
        << "  C_agg   = 24 max_t sum_r d_r(t)    " << d.aggregateReplicaHours() << "  ("
        << fixed(local > 0.0 ? 100.0 * (d.aggregateReplicaHours() / local - 1.0) : 0.0, 1) << " % vs C_local)\n"
        << "  C_od    = sum_t sum_r d_r(t) / 0.4 " << fixed(d.onDemandReplicaHours(), 1) << "  (" << d.usedReplicaHours()
        << " replica-hours used, on-demand at SkyLB's 2.5x)\n";

    out << "\nprices     " << plan.target.gpuType << ": reserved " << money(plan.reservedUsdPerGpuHour) << ", on-demand "
        << money(plan.onDemandUsdPerGpuHour) << " per GPU-hour (" << fixed(plan.onDemandPremium(), 2)
        << "x); per replica-hour " << money(plan.reservedUsdPerReplicaHour()) << " / "
        << money(plan.onDemandUsdPerReplicaHour());
    if (!plan.priceAsOf.empty())
        out << "; as of " << plan.priceAsOf;
    out << "\n";
    if (!plan.priceSource.empty())
        out << "           source: " << plan.priceSource << "\n";

    out << "\ncost       per day and per month (730 h)\n";
    char row[256];
    std::snprintf(row, sizeof row, "  %-54s %8s %10s %12s %14s\n", "strategy", "reserved", "on-demand", "$/day",
                  "$/month");
    out << row;
    std::snprintf(row, sizeof row, "  %-54s %8s %10s\n", "", "replicas", "rep-hours");
    out << row;
    for (const auto &s : plan.strategies()) {
        std::snprintf(row, sizeof row, "  %-54s %8d %10s %12s %14s\n", s.label.c_str(), s.reservedReplicas,
                      fixed(s.onDemandReplicaHours, 0).c_str(), money(s.usdPerDay).c_str(), money(s.usdPerMonth()).c_str());
        out << row;
    }
    if (!plan.regionMixes.empty()) {
        out << "  region-local mix reserves";
        for (std::size_t r = 0; r < plan.regions.size(); ++r)
            out << (r == 0 ? " " : ", ") << plan.regions[r].id << " " << plan.regionMixes[r].reservedReplicas;
        out << "\n";
    }
    const auto baseline = plan.strategies().front();
    const auto best = plan.cheapest(true);
    const auto bestLocal = plan.cheapest(false);
    out << "\ncheapest   " << best.label << ": " << money(best.usdPerDay) << "/day, saves "
        << money(baseline.usdPerDay - best.usdPerDay) << "/day ("
        << fixed(baseline.usdPerDay > 0.0 ? 100.0 * (1.0 - best.usdPerDay / baseline.usdPerDay) : 0.0, 1)
        << " %) against the region-local reservation\n";
    if (best.key != bestLocal.key)
        out << "           without cross-region routing: " << bestLocal.label << ", " << money(bestLocal.usdPerDay)
            << "/day\n";
    if (plan.currentReplicas > 0)
        out << "current    the scenario's pools: " << plan.currentReplicas << " replicas (" << plan.currentGpus
            << " GPUs), " << money(plan.currentUsdPerDay) << "/day at their pricing\n";

    out << "\nglobal     ";
    if (plan.worstRttFrom.empty())
        out << "one region: the global pool is the region's pool\n";
    else
        out << "worst RTT " << fixed(plan.worstRttMs, 0) << " ms (" << plan.worstRttFrom << " -> " << plan.worstRttTo
            << "); " << (plan.globalFeasible ? "pool sized for TTFT p99 <= " + fixed(plan.globalTtftBudgetMs, 0) + " ms: "
                                                   + fixed(plan.globalCapacityRps, 2) + " requests/s per replica, peak "
                                                   + std::to_string(plan.globalDemand.globalPeak()) + " replicas"
                                             : std::string("a global pool cannot meet the SLA"))
            << "\n";
    if (!plan.notes.empty()) {
        out << "\nnotes\n";
        for (const auto &note : plan.notes)
            out << "  - " << note << "\n";
    }
}

int runPlan(const CommandArgs &args, std::ostream &out, std::ostream &err)
{
    const Command &self = *CommandRegistry::instance().find("plan");
    std::string file;
    std::string jsonPath;
    ReservationPlanOptions options;
    bool quiet = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string &arg = args[i];
        const auto value = [&]() -> std::optional<std::string> {
            if (i + 1 >= args.size())
                return std::nullopt;
            return args[++i];
        };
        if (arg == "-h" || arg == "--help") {
            out << self.help;
            return kExitOk;
        } else if (arg == "-q" || arg == "--quiet") {
            quiet = true;
        } else if (arg == "--json") {
            const auto v = value();
            if (!v)
                return usageError(self, "--json needs a file name", err);
            jsonPath = *v;
        } else if (arg == "--model") {
            const auto v = value();
            if (!v || v->empty())
                return usageError(self, "--model needs a model id", err);
            options.model = *v;
        } else if (arg == "--capacity") {
            const auto v = value();
            double rps = 0.0;
            std::size_t used = 0;
            try {
                rps = v ? std::stod(*v, &used) : 0.0;
            } catch (...) {
                rps = 0.0;
            }
            if (!v || used != v->size() || !std::isfinite(rps) || rps <= 0.0)
                return usageError(self, "--capacity needs a positive number of requests/s", err);
            options.capacityRps = rps;
        } else if (arg.size() > 1 && arg[0] == '-') {
            return usageError(self, "unknown option '" + arg + "'", err);
        } else if (file.empty()) {
            file = arg;
        } else {
            return usageError(self, "takes one FILE, got '" + file + "' and '" + arg + "'", err);
        }
    }
    if (file.empty())
        return usageError(self, "no FILE given", err);

    auto loaded = loadScenarioForCommand(file, quiet, err);
    if (!loaded)
        return kExitInvalid;
    auto plan = ReservationPlan::compute(loaded->scenario, options);
    if (!plan) {
        err << file << ": error: " << plan.error() << "\n";
        return kExitInvalid;
    }
    if (!jsonPath.empty() && !writeCommandOutput(self, jsonPath, ReservationPlanJson::write(*plan), err))
        return kExitInvalid;
    if (!quiet)
        printPlan(*plan, out);
    return kExitOk;
}

} // namespace

} // namespace longitude::app
