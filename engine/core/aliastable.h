#pragma once

#include "engine/core/rng.h"

#include <cstdint>
#include <vector>

namespace longitude::engine {

/// Walker's alias method (Vose's construction): draws an index with probability proportional to
/// its weight in O(1), however many weights. Used for workload classes, empirical length
/// distributions and Zipf popularity of shared system prompts.
class AliasTable
{
public:
    AliasTable() = default;
    /// Weights must be finite and >= 0 with a positive sum.
    explicit AliasTable(const std::vector<double> &weights);

    int size() const { return static_cast<int>(m_probability.size()); }
    int sample(Rng &rng) const
    {
        const double u = rng.uniform01() * static_cast<double>(m_probability.size());
        const auto i = static_cast<std::size_t>(u);
        return (u - static_cast<double>(i)) < m_probability[i] ? static_cast<int>(i) : m_alias[i];
    }
    /// Normalised probability of index i (for tests and documentation).
    double probability(int i) const { return m_normalised[static_cast<std::size_t>(i)]; }

    /// Weights 1/k^s for k = 1..n (s = 0 is uniform): the Zipf law of popularity ranks.
    static std::vector<double> zipfWeights(int n, double s);

private:
    std::vector<double> m_probability;
    std::vector<int> m_alias;
    std::vector<double> m_normalised;
};

} // namespace longitude::engine
