#include "aliastable.h"

#include <cmath>

namespace longitude::engine {

AliasTable::AliasTable(const std::vector<double> &weights)
{
    const std::size_t n = weights.size();
    double sum = 0.0;
    for (const double w : weights)
        sum += w;
    m_probability.assign(n, 1.0);
    m_alias.assign(n, 0);
    m_normalised.assign(n, 0.0);
    if (n == 0 || !(sum > 0.0))
        return;
    std::vector<double> scaled(n);
    std::vector<std::size_t> small;
    std::vector<std::size_t> large;
    for (std::size_t i = 0; i < n; ++i) {
        m_normalised[i] = weights[i] / sum;
        scaled[i] = m_normalised[i] * static_cast<double>(n);
        m_alias[i] = static_cast<int>(i);
        (scaled[i] < 1.0 ? small : large).push_back(i);
    }
    while (!small.empty() && !large.empty()) {
        const std::size_t s = small.back();
        small.pop_back();
        const std::size_t l = large.back();
        m_probability[s] = scaled[s];
        m_alias[s] = static_cast<int>(l);
        scaled[l] = (scaled[l] + scaled[s]) - 1.0;
        if (scaled[l] < 1.0) {
            large.pop_back();
            small.push_back(l);
        }
    }
    // Whatever is left has probability 1 up to rounding.
    for (const std::size_t i : small)
        m_probability[i] = 1.0;
    for (const std::size_t i : large)
        m_probability[i] = 1.0;
}

std::vector<double> AliasTable::zipfWeights(int n, double s)
{
    std::vector<double> weights(static_cast<std::size_t>(n > 0 ? n : 0));
    for (int k = 1; k <= n; ++k)
        weights[static_cast<std::size_t>(k - 1)] = s == 0.0 ? 1.0 : std::pow(static_cast<double>(k), -s);
    return weights;
}

} // namespace longitude::engine
