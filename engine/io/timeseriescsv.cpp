#include "timeseriescsv.h"

#include <cstdio>
#include <string>
#include <vector>

namespace longitude::engine {

namespace {
void append(std::string &out, double value, int decimals)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, ",%.*f", decimals, value);
    out += buffer;
}
} // namespace

std::string TimeSeriesCsv::write(const SimulationResult &r)
{
    std::string out = "bucket_start_s,arrived,completed,shed,cross_region,ttft_mean_ms,ttft_p50_ms,ttft_p99_ms,"
                      "e2e_p50_ms,e2e_p99_ms,tpot_p50_ms,queue_wait_mean_ms,utilization";
    std::vector<std::string> ids;
    for (const auto &pool : r.pools) {
        // Pool ids are validated ids, but keep the header one CSV field each.
        std::string id = pool.id;
        for (char &c : id)
            if (c == ',' || c == '"' || c == '\n')
                c = '_';
        out += ",utilization_" + id;
        ids.push_back(std::move(id));
    }
    // Compute utilisation after the slot columns, so that existing column positions hold.
    out += ",compute_utilization";
    for (const auto &id : ids)
        out += ",compute_utilization_" + id;
    out += '\n';
    double slotsTotal = 0.0;
    double gpusTotal = 0.0;
    for (const auto &pool : r.pools) {
        slotsTotal += static_cast<double>(pool.replicas) * pool.maxBatch;
        if (pool.replicas > 0)
            gpusTotal += pool.gpus;
    }
    const double bucketUs = static_cast<double>(r.bucketUs > 0 ? r.bucketUs : 1);
    for (const auto &bucket : r.timeline) {
        char buffer[64];
        std::snprintf(buffer, sizeof buffer, "%.3f", static_cast<double>(bucket.startUs) * 1e-6);
        out += buffer;
        append(out, bucket.requests.arrived, 0);
        append(out, bucket.requests.completed, 0);
        append(out, bucket.requests.shed, 0);
        append(out, bucket.requests.crossRegion, 0);
        append(out, bucket.latency.ttft.mean() * 1e-3, 3);
        append(out, bucket.latency.ttft.quantile(0.5) * 1e-3, 3);
        append(out, bucket.latency.ttft.quantile(0.99) * 1e-3, 3);
        append(out, bucket.latency.e2e.quantile(0.5) * 1e-3, 3);
        append(out, bucket.latency.e2e.quantile(0.99) * 1e-3, 3);
        append(out, bucket.latency.tpot.quantile(0.5) * 1e-3, 3);
        append(out, bucket.latency.queueWait.mean() * 1e-3, 3);
        double running = 0.0;
        for (const double area : bucket.poolRunningSlotUs)
            running += area;
        append(out, slotsTotal > 0.0 ? running / (slotsTotal * bucketUs) : 0.0, 6);
        for (std::size_t p = 0; p < r.pools.size(); ++p) {
            const double slots = static_cast<double>(r.pools[p].replicas) * r.pools[p].maxBatch;
            const double area = p < bucket.poolRunningSlotUs.size() ? bucket.poolRunningSlotUs[p] : 0.0;
            append(out, slots > 0.0 ? area / (slots * bucketUs) : 0.0, 6);
        }
        // GPU-weighted over pools, like SimulationResult::computeUtilizationMean.
        const auto work = [&](std::size_t p) {
            return p < bucket.poolComputeWorkUs.size() ? bucket.poolComputeWorkUs[p] : 0.0;
        };
        double gpuWork = 0.0;
        for (std::size_t p = 0; p < r.pools.size(); ++p)
            if (r.pools[p].replicas > 0)
                gpuWork += work(p) * static_cast<double>(r.pools[p].gpus) / r.pools[p].replicas;
        append(out, gpusTotal > 0.0 ? gpuWork / (gpusTotal * bucketUs) : 0.0, 6);
        for (std::size_t p = 0; p < r.pools.size(); ++p) {
            const double replicas = r.pools[p].replicas;
            append(out, replicas > 0.0 ? work(p) / (replicas * bucketUs) : 0.0, 6);
        }
        out += '\n';
    }
    return out;
}

} // namespace longitude::engine
