#pragma once

#include "engine/core/aliastable.h"
#include "engine/core/rng.h"
#include "engine/core/simtime.h"
#include "engine/scenario/scenario.h"

namespace longitude::engine {

/// A scenario Distribution compiled for fast sampling with our own code (no std distributions).
/// `min`/`max` (when > 0) clamp every kind except uniform, whose bounds they are.
class DistributionSampler
{
public:
    DistributionSampler() = default;
    explicit DistributionSampler(const Distribution &distribution);

    double sample(Rng &rng) const
    {
        // Inline for the kinds that need no library call (token counts of the samples are
        // uniform): a request draws two or three samples.
        if (m_kind == DistributionKind::Uniform)
            return m_a + (m_b - m_a) * rng.uniform01();
        if (m_kind == DistributionKind::Constant)
            return m_a;
        return sampleOther(rng);
    }
    /// A positive integer count: the sample rounded to nearest, at least 1 (token counts, turns).
    std::int32_t sampleCount(Rng &rng) const
    {
        const double x = sample(rng);
        if (!(x >= 1.0))
            return 1;
        if (x >= 1e8)
            return 100000000;
        return static_cast<std::int32_t>(roundNonNegative(x));
    }
    /// Mean of the distribution before rounding and clamping (clamping is ignored).
    double mean() const;

private:
    /// sample() for the kinds other than uniform and constant.
    double sampleOther(Rng &rng) const;

    DistributionKind m_kind = DistributionKind::Constant;
    double m_a = 0.0; ///< value | min | mean | mu
    double m_b = 0.0; ///< max | sigma
    double m_clampMin = 0.0;
    double m_clampMax = 0.0;
    std::vector<double> m_values;
    AliasTable m_table;
};

} // namespace longitude::engine
