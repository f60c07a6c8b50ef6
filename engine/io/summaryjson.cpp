#include "summaryjson.h"

#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

namespace longitude::engine {

namespace {
/// A minimal writer with exactly the formatting the format promises.
class Writer
{
public:
    void open(const char *key = nullptr)
    {
        prefix(key);
        m_out += '{';
        m_first.push_back(true);
        m_array.push_back(false);
    }
    void openArray(const char *key)
    {
        prefix(key);
        m_out += '[';
        m_first.push_back(true);
        m_array.push_back(true);
    }
    void close()
    {
        const bool empty = m_first.back();
        const bool array = m_array.back();
        m_first.pop_back();
        m_array.pop_back();
        if (!empty) {
            m_out += '\n';
            indent();
        }
        m_out += array ? ']' : '}';
    }
    void number(const char *key, double value, int decimals)
    {
        prefix(key);
        if (!std::isfinite(value)) {
            m_out += "null";
            return;
        }
        char buffer[64];
        // Avoid "-0.000": a negative zero must print like zero on every platform.
        if (std::abs(value) < 0.5 * std::pow(10.0, -decimals))
            value = 0.0;
        std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
        m_out += buffer;
    }
    void integer(const char *key, unsigned long long value)
    {
        prefix(key);
        m_out += std::to_string(value);
    }
    void text(const char *key, const std::string &value)
    {
        prefix(key);
        quoted(value);
    }
    void boolean(const char *key, bool value)
    {
        prefix(key);
        m_out += value ? "true" : "false";
    }
    void null(const char *key)
    {
        prefix(key);
        m_out += "null";
    }
    void key(const std::string &k) { m_pendingKey = k; }
    std::string finish() { return m_out + "\n"; }

private:
    void indent() { m_out.append(2 * m_first.size(), ' '); }
    void quoted(const std::string &value)
    {
        m_out += '"';
        for (const char c : value) {
            const auto u = static_cast<unsigned char>(c);
            if (c == '"' || c == '\\') {
                m_out += '\\';
                m_out += c;
            } else if (u < 0x20) {
                char buffer[8];
                std::snprintf(buffer, sizeof buffer, "\\u%04x", u);
                m_out += buffer;
            } else {
                m_out += c;
            }
        }
        m_out += '"';
    }
    void prefix(const char *key)
    {
        if (m_first.empty())
            return;
        if (!m_first.back())
            m_out += ',';
        m_first.back() = false;
        m_out += '\n';
        indent();
        if (m_array.back())
            return;
        quoted(key ? std::string(key) : m_pendingKey);
        m_pendingKey.clear();
        m_out += ": ";
    }

    std::string m_out;
    std::vector<bool> m_first;
    std::vector<bool> m_array;
    std::string m_pendingKey;
};

void latency(Writer &w, const char *key, const LogHistogram &h)
{
    w.open(key);
    w.number("mean", h.mean() * 1e-3, 3);
    w.number("p50", h.quantile(0.50) * 1e-3, 3);
    w.number("p90", h.quantile(0.90) * 1e-3, 3);
    w.number("p95", h.quantile(0.95) * 1e-3, 3);
    w.number("p99", h.quantile(0.99) * 1e-3, 3);
    w.number("max", static_cast<double>(h.max()) * 1e-3, 3);
    w.number("count", h.count(), 0);
    w.close();
}

void cache(Writer &w, const CacheCounters &c)
{
    w.open("prefix_cache");
    w.number("token_hit_rate", c.tokenHitRate(), 6);
    w.number("block_hit_rate", c.blockHitRate(), 6);
    w.number("request_hit_rate", c.requestHitRate(), 6);
    w.close();
}

void requests(Writer &w, const RequestCounters &c)
{
    w.open("requests");
    w.number("arrived", c.arrived, 0);
    w.number("completed", c.completed, 0);
    w.number("shed", c.shed, 0);
    w.number("cross_region", c.crossRegion, 0);
    w.number("residency_violations", c.residencyViolations, 0);
}
void overflow(Writer &w, const SimulationResult &r)
{
    const OverflowCounters &o = r.overflow;
    w.open("overflow");
    w.boolean("enabled", r.overflowEnabled);
    w.number("spilled", o.spilled, 0);
    w.number("queued", o.queued, 0);
    w.number("queue_timeouts", o.queueTimeouts, 0);
    w.number("shed", o.shed, 0);
    w.number("max_queue_length", o.maxQueueLength, 0);
    w.open("by_rescuer");
    for (std::size_t i = 0; i < o.byRegion.size() && i < r.regions.size(); ++i) {
        const auto &rescuer = o.byRegion[i];
        if (rescuer.spilledIn == 0.0 && rescuer.reroutedIn == 0.0 && rescuer.refusals == 0.0 && rescuer.peakPerSecond == 0.0)
            continue;
        w.key(r.regions[i].id);
        w.open(nullptr);
        w.number("spilled_in", rescuer.spilledIn, 0);
        w.number("rerouted_in", rescuer.reroutedIn, 0);
        w.number("peak_per_second", rescuer.peakPerSecond, 0);
        w.number("cap_refusals", rescuer.refusals, 0);
        w.close();
    }
    w.close();
    w.close();
}

void failover(Writer &w, const SimulationResult &r)
{
    const FailoverCounters &f = r.failover;
    w.open("failover");
    w.boolean("enabled", r.failoverEnabled);
    w.number("lost_in_flight", f.lostInFlight, 0);
    w.number("failed_deliveries", f.failedDeliveries, 0);
    w.number("retried", f.retried, 0);
    w.number("failed", f.failed, 0);
    w.number("rerouted", f.rerouted, 0);
    w.number("shed", f.shedRescuer + f.shedNoHealthy, 0);
    w.number("shed_rescuer_protection", f.shedRescuer, 0);
    w.number("shed_no_healthy_replica", f.shedNoHealthy, 0);
    w.number("degraded", f.degraded, 0);
    w.openArray("outages");
    for (const auto &outage : f.outages) {
        w.open(nullptr);
        w.text("target", outage.target);
        w.number("start_s", outage.startS, 3);
        w.number("end_s", outage.endS, 3);
        if (outage.detectedAfterS >= 0.0)
            w.number("detected_after_s", outage.detectedAfterS, 6);
        else
            w.null("detected_after_s");
        if (outage.recoveredAfterS >= 0.0)
            w.number("recovered_after_s", outage.recoveredAfterS, 6);
        else
            w.null("recovered_after_s");
        w.close();
    }
    w.close();
    w.close();
}
} // namespace

std::string SummaryJson::write(const SimulationResult &r, bool includeWallTime)
{
    Writer w;
    w.open();
    w.text("schema", kSchema);
    w.text("scenario", r.scenario);
    w.integer("seed", r.seed);
    w.text("policy", r.policy);
    w.boolean("sampled", r.sampled);
    w.number("simulated_seconds", r.simulatedSeconds, 3);
    if (includeWallTime)
        w.number("wall_seconds", r.wallSeconds, 3);
    else
        w.null("wall_seconds");
    w.integer("events", r.events);

    requests(w, r.requests);
    w.open("shed_by_reason");
    for (const auto &[reason, count] : r.shedReasons) {
        w.key(reason);
        w.number(nullptr, count, 0);
    }
    w.close();
    w.close();
    w.open("tokens");
    w.number("input", r.requests.inputTokens, 0);
    w.number("output", r.requests.outputTokens, 0);
    w.close();
    w.number("throughput_rps", r.simulatedSeconds > 0.0 ? r.requests.completed / r.simulatedSeconds : 0.0, 3);

    latency(w, "ttft_ms", r.latency.ttft);
    latency(w, "e2e_ms", r.latency.e2e);
    latency(w, "tpot_ms", r.latency.tpot);
    latency(w, "queue_wait_ms", r.latency.queueWait);
    cache(w, r.cache);

    w.open("utilization");
    w.number("mean", r.utilizationMean(), 6);
    w.open("by_pool");
    for (const auto &pool : r.pools) {
        w.key(pool.id);
        w.number(nullptr, pool.utilization(r.measuredUs), 6);
    }
    w.close();
    w.open("busy_fraction_by_pool");
    for (const auto &pool : r.pools) {
        w.key(pool.id);
        w.number(nullptr, pool.busyFraction(r.measuredUs), 6);
    }
    w.close();
    w.number("compute_mean", r.computeUtilizationMean(), 6);
    w.open("compute_by_pool");
    for (const auto &pool : r.pools) {
        w.key(pool.id);
        w.number(nullptr, pool.computeUtilization(r.measuredUs), 6);
    }
    w.close();
    w.close();

    w.open("cost");
    w.number("gpu_usd", r.gpuUsd, 4);
    w.number("egress_usd", r.egressUsd, 4);
    w.number("total_usd", r.totalUsd(), 4);
    const double inputM = r.requests.inputTokens * 1e-6;
    const double outputM = r.requests.outputTokens * 1e-6;
    w.number("usd_per_million_input_tokens", inputM > 0.0 ? r.totalUsd() / inputM : 0.0, 6);
    w.number("usd_per_million_output_tokens", outputM > 0.0 ? r.totalUsd() / outputM : 0.0, 6);
    w.number("egress_gb", r.egressBytes * 1e-9, 6);
    w.close();

    w.open("sla");
    w.number("ttft_p99_target_ms", r.slaTtftP99Ms, 3);
    w.number("attainment", r.slaAttainment(), 6);
    w.number("ttft_p99_ms", r.latency.ttft.quantile(0.99) * 1e-3, 3);
    w.boolean("met", r.requests.completed > 0.0 && r.latency.ttft.quantile(0.99) * 1e-3 <= r.slaTtftP99Ms);
    w.close();

    w.open("by_region");
    for (const auto &region : r.regions) {
        w.key(region.id);
        w.open(nullptr);
        requests(w, region.requests);
        w.close();
        latency(w, "ttft_ms", region.latency.ttft);
        latency(w, "e2e_ms", region.latency.e2e);
        cache(w, region.cache);
        w.number("utilization", region.slotCapacityUs > 0.0 ? region.runningSlotUs / region.slotCapacityUs : 0.0, 6);
        w.number("compute_utilization", region.computeUtilization(), 6);
        w.close();
    }
    w.close();
    w.number("probe_interval_ms", r.probeIntervalMs, 3);
    overflow(w, r);
    failover(w, r);
    w.close();
    return w.finish();
}

} // namespace longitude::engine
