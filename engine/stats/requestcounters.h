#pragma once

namespace longitude::engine {

/// Request and token counts of one slice of the results (all, one region, one pool, one time
/// bucket). Doubles so that sampled hours can be weighted.
struct RequestCounters
{
    double arrived = 0.0;
    double completed = 0.0;
    double shed = 0.0;
    double crossRegion = 0.0;         ///< served outside the origin region
    double residencyViolations = 0.0; ///< tagged and served outside its zone (must stay 0)
    double ttftWithinSla = 0.0;       ///< completed with TTFT <= the SLA target
    double inputTokens = 0.0;         ///< prompt tokens of completed requests
    double outputTokens = 0.0;

    void merge(const RequestCounters &o, double w = 1.0)
    {
        arrived += o.arrived * w;
        completed += o.completed * w;
        shed += o.shed * w;
        crossRegion += o.crossRegion * w;
        residencyViolations += o.residencyViolations * w;
        ttftWithinSla += o.ttftWithinSla * w;
        inputTokens += o.inputTokens * w;
        outputTokens += o.outputTokens * w;
    }
};

} // namespace longitude::engine
