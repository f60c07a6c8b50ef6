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

} // namespace longitude::engine
