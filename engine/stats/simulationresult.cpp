#include "simulationresult.h"

namespace longitude::engine {

double SimulationResult::utilizationMean() const
{
    double running = 0.0;
    double capacity = 0.0;
    for (const auto &pool : pools) {
        running += pool.runningSlotUs;
        capacity += static_cast<double>(pool.replicas) * pool.maxBatch * measuredUs;
    }
    return capacity > 0.0 ? running / capacity : 0.0;
}

double SimulationResult::computeUtilizationMean() const
{
    double work = 0.0;
    double capacity = 0.0;
    for (const auto &pool : pools) {
        if (pool.replicas <= 0)
            continue;
        const double gpusPerReplica = static_cast<double>(pool.gpus) / pool.replicas;
        work += pool.computeWorkUs * gpusPerReplica;
        capacity += static_cast<double>(pool.gpus) * measuredUs;
    }
    return capacity > 0.0 ? work / capacity : 0.0;
}

} // namespace longitude::engine
