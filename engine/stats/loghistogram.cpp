#include "loghistogram.h"

namespace longitude::engine {

std::int64_t LogHistogram::lowerBound(std::size_t index) const
{
    const std::size_t sub = std::size_t{1} << m_bits;
    if (index < sub)
        return static_cast<std::int64_t>(index);
    const std::size_t k = index >> m_bits;
    const std::size_t j = index & (sub - 1);
    return static_cast<std::int64_t>((sub + j) << (k - 1));
}

std::int64_t LogHistogram::width(std::size_t index) const
{
    const std::size_t sub = std::size_t{1} << m_bits;
    if (index < sub)
        return 1;
    return std::int64_t{1} << ((index >> m_bits) - 1);
}

void LogHistogram::merge(const LogHistogram &other, double weight)
{
    if (other.m_count <= 0.0 || weight <= 0.0)
        return;
    for (std::size_t i = 0; i < other.m_counts.size(); ++i) {
        if (other.m_counts[i] == 0.0)
            continue;
        // Re-bucket by the source bucket's midpoint (identity when the precisions match).
        const std::int64_t mid = other.lowerBound(i) + (other.width(i) - 1) / 2;
        const std::size_t index = other.m_bits == m_bits ? i : indexOf(mid);
        if (index >= m_counts.size())
            grow(index);
        m_counts[index] += other.m_counts[i] * weight;
    }
    m_count += other.m_count * weight;
    m_sum += other.m_sum * weight;
    if (other.m_min < m_min)
        m_min = other.m_min;
    if (other.m_max > m_max)
        m_max = other.m_max;
}

void LogHistogram::clear()
{
    m_counts.clear();
    m_size = 0;
    m_count = 0.0;
    m_sum = 0.0;
    m_min = INT64_MAX;
    m_max = 0;
}

double LogHistogram::quantile(double q) const
{
    if (m_count <= 0.0)
        return 0.0;
    if (q <= 0.0)
        return static_cast<double>(m_min);
    if (q >= 1.0)
        return static_cast<double>(m_max);
    const double target = q * m_count;
    double cumulative = 0.0;
    for (std::size_t i = 0; i < m_counts.size(); ++i) {
        cumulative += m_counts[i];
        if (cumulative >= target && m_counts[i] > 0.0) {
            const double mid = static_cast<double>(lowerBound(i)) + 0.5 * static_cast<double>(width(i) - 1);
            const double lo = static_cast<double>(m_min);
            const double hi = static_cast<double>(m_max);
            return mid < lo ? lo : (mid > hi ? hi : mid);
        }
    }
    return static_cast<double>(m_max);
}

double LogHistogram::fractionAtOrBelow(std::int64_t value) const
{
    if (m_count <= 0.0)
        return 0.0;
    double below = 0.0;
    for (std::size_t i = 0; i < m_counts.size() && lowerBound(i) <= value; ++i)
        below += m_counts[i];
    return below / m_count;
}

} // namespace longitude::engine
