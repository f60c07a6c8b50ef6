#include "distributionsampler.h"

#include <cmath>

namespace longitude::engine {

DistributionSampler::DistributionSampler(const Distribution &d)
    : m_kind(d.kind)
{
    switch (d.kind) {
    case DistributionKind::Constant: m_a = d.value; break;
    case DistributionKind::Uniform:
        m_a = d.min;
        m_b = d.max;
        break;
    case DistributionKind::Exponential: m_a = d.mean; break;
    case DistributionKind::Lognormal:
        m_a = d.mu;
        m_b = d.sigma;
        break;
    case DistributionKind::Empirical:
        m_values = d.values;
        m_table = AliasTable(d.weights.size() == d.values.size() ? d.weights : std::vector<double>(d.values.size(), 1.0));
        break;
    }
    if (d.kind != DistributionKind::Uniform) {
        m_clampMin = d.min;
        m_clampMax = d.max;
    }
}

double DistributionSampler::sampleOther(Rng &rng) const
{
    double x = 0.0;
    switch (m_kind) {
    case DistributionKind::Constant: return m_a;
    case DistributionKind::Uniform: return m_a + (m_b - m_a) * rng.uniform01();
    case DistributionKind::Exponential: x = rng.exponential(m_a); break;
    case DistributionKind::Lognormal: x = rng.lognormal(m_a, m_b); break;
    case DistributionKind::Empirical:
        if (m_values.empty())
            return 0.0;
        x = m_values[static_cast<std::size_t>(m_table.sample(rng))];
        break;
    }
    if (m_clampMin > 0.0 && x < m_clampMin)
        x = m_clampMin;
    if (m_clampMax > 0.0 && x > m_clampMax)
        x = m_clampMax;
    return x;
}

double DistributionSampler::mean() const
{
    switch (m_kind) {
    case DistributionKind::Constant: return m_a;
    case DistributionKind::Uniform: return 0.5 * (m_a + m_b);
    case DistributionKind::Exponential: return m_a;
    case DistributionKind::Lognormal: return std::exp(m_a + 0.5 * m_b * m_b);
    case DistributionKind::Empirical: {
        double sum = 0.0;
        for (std::size_t i = 0; i < m_values.size(); ++i)
            sum += m_values[i] * m_table.probability(static_cast<int>(i));
        return sum;
    }
    }
    return 0.0;
}

} // namespace longitude::engine
