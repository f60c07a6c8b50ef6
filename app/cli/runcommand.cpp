// `longitude-cli run FILE`: simulates a scenario and prints a human summary; optionally writes
// the stable summary JSON (docs/summary-format.md) and the per-bucket time series as CSV.
#include "commandfiles.h"
#include "commandregistry.h"

#include "engine/io/scenariojson.h"
#include "engine/io/summaryjson.h"
#include "engine/io/timeseriescsv.h"
#include "engine/policies/policyregistry.h"
#include "engine/sim/simulation.h"

#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <optional>

namespace longitude::app {

namespace {

using namespace longitude::engine;

const char *kHelp =
    "usage: longitude-cli run FILE [--seed N] [--duration D] [--policy NAME] [--json OUT]\n"
    "                              [--timeseries OUT.csv] [--quiet] [--timing]\n"
    "                              [--sampled] [--window D] [--window-warmup D]\n"
    "\n"
    "Simulates the scenario in FILE and prints a summary: requests, TTFT / E2E / TPOT / queue\n"
    "wait percentiles, prefix-cache hit rates, utilisation, cost, SLA attainment, per region,\n"
    "and the simulator's speed in simulated requests per wall second.\n"
    "\n"
    "options:\n"
    "  --seed N             random seed (overrides simulation.seed)\n"
    "  --duration D         simulated time: seconds, or with a unit: 90s, 10m, 24h\n"
    "  --policy NAME        routing policy (overrides routing.policy)\n"
    "  --sampled            time-sampled mode: each simulated hour runs a warm-up, then a\n"
    "                       measured window, weighted by that hour's traffic (a whole day in\n"
    "                       a fraction of the time; see docs/performance.md for its accuracy)\n"
    "  --window D           measured window per hour (implies --sampled; default\n"
    "                       simulation.sampling.windowS, 60 s)\n"
    "  --window-warmup D    unmeasured warm-up before each window, 0 allowed (implies\n"
    "                       --sampled; default simulation.sampling.warmupS, 30 s)\n"
    "  --json OUT           write the summary as JSON (schema longitude.summary/1) to OUT\n"
    "  --timeseries OUT     write one CSV row per time bucket to OUT\n"
    "  -q, --quiet          print nothing but errors\n"
    "  --timing             put the wall-clock time in the JSON (wall_seconds); without it the\n"
    "                       JSON is byte-identical for the same scenario and seed\n"
    "\n"
    "exit status: 0 success, 2 invalid input (bad file, unknown policy, bad option),\n"
    "1 internal error.\n";

int runRun(const CommandArgs &args, std::ostream &out, std::ostream &err);

const CommandRegistration registration({"run", "simulate a scenario and summarise it", kHelp, &runRun});

/// "90", "90s", "10m", "24h", "1.5h" -> seconds; nullopt if malformed, negative, or zero
/// unless \a allowZero.
std::optional<double> parseDuration(const std::string &text, bool allowZero = false)
{
    if (text.empty())
        return std::nullopt;
    double factor = 1.0;
    std::string number = text;
    switch (text.back()) {
    case 's': number.pop_back(); break;
    case 'm': factor = 60.0; number.pop_back(); break;
    case 'h': factor = 3600.0; number.pop_back(); break;
    case 'd': factor = 86400.0; number.pop_back(); break;
    default: break;
    }
    if (number.empty())
        return std::nullopt;
    std::size_t used = 0;
    double value = 0.0;
    try {
        value = std::stod(number, &used);
    } catch (...) {
        return std::nullopt;
    }
    if (used != number.size() || !std::isfinite(value) || value < 0.0 || (value == 0.0 && !allowZero))
        return std::nullopt;
    return value * factor;
}

std::optional<std::uint64_t> parseSeed(const std::string &text)
{
    if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos || text.size() > 20)
        return std::nullopt;
    try {
        return std::stoull(text);
    } catch (...) {
        return std::nullopt;
    }
}

/// Draws a progress bar on standard error when it is a terminal.
class ProgressBar : public SimulationObserver
{
public:
    void progress(double fraction) override
    {
        const int percent = static_cast<int>(fraction * 100.0);
        if (percent == m_last)
            return;
        m_last = percent;
        const int filled = percent * 30 / 100;
        std::fprintf(stderr, "\r[%.*s%*s] %3d%%", filled, "##############################", 30 - filled, "", percent);
        std::fflush(stderr);
    }
    void finish()
    {
        if (m_last >= 0)
            std::fprintf(stderr, "\r%*s\r", 40, "");
    }

private:
    int m_last = -1;
};

std::string fixed(double value, int decimals)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

std::string latencyLine(const char *name, const LogHistogram &h)
{
    char buffer[200];
    std::snprintf(buffer, sizeof buffer, "  %-12s mean %9.1f  p50 %9.1f  p90 %9.1f  p99 %9.1f  max %9.1f ms\n", name,
                  h.mean() / 1e3, h.quantile(0.5) / 1e3, h.quantile(0.9) / 1e3, h.quantile(0.99) / 1e3,
                  static_cast<double>(h.max()) / 1e3);
    return buffer;
}

/// Overflow control and router queues (docs/policies.md): printed when overflow is enabled or
/// when router queues held requests anyway (balancer policies such as SkyLB, failover reroutes).
void printOverflow(const SimulationResult &r, std::ostream &out)
{
    const OverflowCounters &o = r.overflow;
    bool rescued = false;
    for (const auto &rescuer : o.byRegion)
        rescued = rescued || rescuer.spilledIn > 0.0 || rescuer.reroutedIn > 0.0 || rescuer.refusals > 0.0;
    if (!r.overflowEnabled && o.spilled == 0.0 && o.queued == 0.0 && o.shed == 0.0 && !rescued)
        return;
    out << "overflow   " << (r.overflowEnabled ? "on" : "off") << ": spilled " << fixed(o.spilled, 0)
        << ", held in router queues " << fixed(o.queued, 0) << " (longest " << fixed(o.maxQueueLength, 0)
        << "), queue timeouts " << fixed(o.queueTimeouts, 0) << ", shed " << fixed(o.shed, 0) << "\n";
    if (!rescued)
        return;
    char buffer[256];
    std::snprintf(buffer, sizeof buffer, "  %-18s %12s %12s %10s %13s\n", "rescuer", "spilled in", "rerouted in",
                  "peak /s", "cap refusals");
    out << buffer;
    for (std::size_t i = 0; i < o.byRegion.size() && i < r.regions.size(); ++i) {
        const auto &rescuer = o.byRegion[i];
        if (rescuer.spilledIn == 0.0 && rescuer.reroutedIn == 0.0 && rescuer.refusals == 0.0
            && rescuer.peakPerSecond == 0.0)
            continue;
        std::snprintf(buffer, sizeof buffer, "  %-18s %12.0f %12.0f %10.0f %13.0f\n", r.regions[i].id.c_str(),
                      rescuer.spilledIn, rescuer.reroutedIn, rescuer.peakPerSecond, rescuer.refusals);
        out << buffer;
    }
}

/// Outages and what failover did about them (docs/policies.md): printed when the scenario has
/// outages.
void printFailover(const SimulationResult &r, std::ostream &out)
{
    if (!r.failoverEnabled)
        return;
    const FailoverCounters &f = r.failover;
    out << "failover   lost in flight " << fixed(f.lostInFlight, 0) << ", failed deliveries "
        << fixed(f.failedDeliveries, 0) << ", retried " << fixed(f.retried, 0) << ", failed " << fixed(f.failed, 0)
        << "\n           rerouted " << fixed(f.rerouted, 0) << ", degraded " << fixed(f.degraded, 0)
        << ", shed " << fixed(f.shedRescuer + f.shedNoHealthy, 0) << " (rescuer protection "
        << fixed(f.shedRescuer, 0) << ", no healthy replica in zone " << fixed(f.shedNoHealthy, 0) << ")\n";
    for (const auto &outage : f.outages) {
        out << "           outage " << outage.target << " " << fixed(outage.startS, 0) << "-" << fixed(outage.endS, 0)
            << " s: detected after "
            << (outage.detectedAfterS >= 0.0 ? fixed(outage.detectedAfterS, 4) + " s" : std::string("(not within the run)"))
            << ", recovered after "
            << (outage.recoveredAfterS >= 0.0 ? fixed(outage.recoveredAfterS, 4) + " s"
                                              : std::string("(not within the run)"))
            << "\n";
    }
}

void printSummary(const SimulationResult &r, const SamplingSettings &sampling, std::ostream &out)
{
    out << "scenario   " << r.scenario << "\n"
        << "policy     " << r.policy << ", seed " << r.seed << (r.sampled ? ", time-sampled" : "")
        << (r.probeIntervalMs > 0.0 ? ", routers see loads probed every " + fixed(r.probeIntervalMs, 0) + " ms" : "")
        << "\n"
        << "simulated  " << fixed(r.simulatedSeconds, 1) << " s";
    if (r.sampled)
        out << " (of each hour " << fixed(sampling.windowS, 0) << " s measured after " << fixed(sampling.warmupS, 0)
            << " s warm-up; counts and cost weighted to the whole span)";
    out << "\n\n";
    out << "requests   arrived " << fixed(r.requests.arrived, 0) << ", completed " << fixed(r.requests.completed, 0)
        << ", shed " << fixed(r.requests.shed, 0) << ", cross-region " << fixed(r.requests.crossRegion, 0)
        << ", residency violations " << fixed(r.requests.residencyViolations, 0) << "\n";
    for (const auto &[reason, count] : r.shedReasons)
        out << "           shed (" << reason << "): " << fixed(count, 0) << "\n";
    out << "latency\n"
        << latencyLine("TTFT", r.latency.ttft) << latencyLine("E2E", r.latency.e2e) << latencyLine("TPOT", r.latency.tpot)
        << latencyLine("queue wait", r.latency.queueWait);
    out << "SLA        TTFT p99 target " << fixed(r.slaTtftP99Ms, 0) << " ms: " << fixed(100.0 * r.slaAttainment(), 2)
        << " % of requests within, p99 " << fixed(r.latency.ttft.quantile(0.99) / 1e3, 1) << " ms\n";
    out << "prefix     token hit " << fixed(100.0 * r.cache.tokenHitRate(), 1) << " %, block hit "
        << fixed(100.0 * r.cache.blockHitRate(), 1) << " %, request hit " << fixed(100.0 * r.cache.requestHitRate(), 1)
        << " %\n";
    out << "utilisation " << fixed(100.0 * r.computeUtilizationMean(), 1) << " % of compute capacity, "
        << fixed(100.0 * r.utilizationMean(), 1) << " % of batch slots\n";
    for (const auto &pool : r.pools)
        out << "           " << pool.id << ": " << fixed(100.0 * pool.computeUtilization(r.measuredUs), 1)
            << " % compute, " << fixed(100.0 * pool.utilization(r.measuredUs), 1) << " % slots, "
            << fixed(100.0 * pool.busyFraction(r.measuredUs), 1) << " % busy\n";
    out << "cost       GPU $" << fixed(r.gpuUsd, 2) << " + egress $" << fixed(r.egressUsd, 2) << " = $"
        << fixed(r.totalUsd(), 2) << "\n";
    printOverflow(r, out);
    printFailover(r, out);
    out << "by region\n";
    char buffer[256];
    for (const auto &region : r.regions) {
        std::snprintf(buffer, sizeof buffer,
                      "  %-18s arrived %10.0f  shed %8.0f  TTFT p50 %8.1f p99 %8.1f ms  hit %5.1f %%  compute %5.1f %%"
                      "  slots %5.1f %%\n",
                      region.id.c_str(), region.requests.arrived, region.requests.shed,
                      region.latency.ttft.quantile(0.5) / 1e3, region.latency.ttft.quantile(0.99) / 1e3,
                      100.0 * region.cache.tokenHitRate(), 100.0 * region.computeUtilization(),
                      region.slotCapacityUs > 0.0 ? 100.0 * region.runningSlotUs / region.slotCapacityUs : 0.0);
        out << buffer;
    }
    const auto generated = static_cast<double>(r.generatedRequests);
    const double perSecond = r.wallSeconds > 0.0 ? generated / r.wallSeconds : 0.0;
    out << "\nspeed      " << fixed(generated, 0) << " simulated requests (warm-up included) in " << fixed(r.wallSeconds, 2)
        << " s wall: " << fixed(perSecond / 1e6, 3) << " M requests/s, " << r.events << " events\n";
}

int runRun(const CommandArgs &args, std::ostream &out, std::ostream &err)
{
    const Command &self = *CommandRegistry::instance().find("run");
    std::string file;
    std::string jsonPath;
    std::string csvPath;
    SimulationOptions options;
    bool quiet = false;
    bool timing = false;
    bool sampled = false;
    std::optional<double> windowS;
    std::optional<double> windowWarmupS;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string &arg = args[i];
        const auto value = [&](const char *option) -> std::optional<std::string> {
            if (i + 1 >= args.size())
                return std::nullopt;
            (void)option;
            return args[++i];
        };
        if (arg == "-h" || arg == "--help") {
            out << self.help;
            return kExitOk;
        } else if (arg == "-q" || arg == "--quiet") {
            quiet = true;
        } else if (arg == "--timing") {
            timing = true;
        } else if (arg == "--seed") {
            const auto v = value("--seed");
            const auto seed = v ? parseSeed(*v) : std::nullopt;
            if (!seed)
                return usageError(self, "--seed needs a non-negative integer", err);
            options.seed = *seed;
        } else if (arg == "--duration") {
            const auto v = value("--duration");
            const auto seconds = v ? parseDuration(*v) : std::nullopt;
            if (!seconds)
                return usageError(self, "--duration needs a positive time such as 3600, 90s, 10m or 24h", err);
            options.durationS = *seconds;
        } else if (arg == "--sampled") {
            sampled = true;
        } else if (arg == "--window") {
            const auto v = value("--window");
            windowS = v ? parseDuration(*v) : std::nullopt;
            if (!windowS)
                return usageError(self, "--window needs a positive time such as 60, 60s or 5m", err);
            sampled = true;
        } else if (arg == "--window-warmup") {
            const auto v = value("--window-warmup");
            windowWarmupS = v ? parseDuration(*v, true) : std::nullopt;
            if (!windowWarmupS)
                return usageError(self, "--window-warmup needs a time of 0 or more such as 0, 30s or 2m", err);
            sampled = true;
        } else if (arg == "--policy") {
            const auto v = value("--policy");
            if (!v)
                return usageError(self, "--policy needs a NAME", err);
            options.policy = *v;
        } else if (arg == "--json") {
            const auto v = value("--json");
            if (!v)
                return usageError(self, "--json needs a file name", err);
            jsonPath = *v;
        } else if (arg == "--timeseries") {
            const auto v = value("--timeseries");
            if (!v)
                return usageError(self, "--timeseries needs a file name", err);
            csvPath = *v;
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
    if (sampled) {
        SamplingSettings &sampling = loaded->scenario.simulation.sampling;
        sampling.enabled = true;
        sampling.windowS = windowS.value_or(sampling.windowS);
        sampling.warmupS = windowWarmupS.value_or(sampling.warmupS);
        if (sampling.windowS + sampling.warmupS > 3600.0)
            return usageError(self, "the sampled window plus its warm-up must fit in an hour (3600 s), got "
                                        + fixed(sampling.windowS + sampling.warmupS, 0) + " s", err);
    }
    if (options.policy) {
        const PolicyRegistry policies = PolicyRegistry::builtins();
        if (!policies.find(*options.policy))
            return usageError(self, policies.create(*options.policy, {}).error(), err);
    }
    {
        const SimulationSettings &sim = loaded->scenario.simulation;
        const double duration = options.durationS.value_or(sim.durationS);
        if (!sim.sampling.enabled && sim.warmupS >= duration)
            err << file << ": warning: /simulation/warmupS: the warm-up (" << fixed(sim.warmupS, 0)
                << " s) is not shorter than the duration (" << fixed(duration, 0) << " s): nothing is measured\n";
    }
    ProgressBar bar;
    if (!quiet && isatty(STDERR_FILENO))
        options.observer = &bar;
    auto simulation = Simulation::create(loaded->scenario, options);
    if (!simulation) {
        err << file << ": error: " << simulation.error() << "\n";
        return kExitInvalid;
    }
    auto result = simulation->run();
    bar.finish();
    if (!result) {
        err << file << ": error: " << result.error() << "\n";
        return kExitInvalid;
    }
    if (!jsonPath.empty() && !writeCommandOutput(self, jsonPath, SummaryJson::write(*result, timing), err))
        return kExitInvalid;
    if (!csvPath.empty() && !writeCommandOutput(self, csvPath, TimeSeriesCsv::write(*result), err))
        return kExitInvalid;
    if (!quiet)
        printSummary(*result, loaded->scenario.simulation.sampling, out);
    return kExitOk;
}

} // namespace

} // namespace longitude::app
