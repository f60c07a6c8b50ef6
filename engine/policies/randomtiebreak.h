#pragma once

#include "engine/core/rng.h"

namespace longitude::engine {

/// Keeps the best of a stream of scored candidates, choosing uniformly among exact ties in one
/// pass (reservoir sampling: the k-th tie replaces the kept one with probability 1/k). Lower
/// keys are better; a second key breaks ties of the first before randomness does. Draws from
/// the policy's stream only on ties, so a policy without ties consumes no randomness.
class RandomTieBreak
{
public:
    explicit RandomTieBreak(Rng &rng) : m_rng(&rng) {}

    void offer(int item, double key, double secondKey = 0.0)
    {
        if (m_best < 0 || key < m_key || (key == m_key && secondKey < m_second)) {
            m_best = item;
            m_key = key;
            m_second = secondKey;
            m_ties = 1;
        } else if (key == m_key && secondKey == m_second) {
            ++m_ties;
            if (m_rng->uniformInt(static_cast<std::uint64_t>(m_ties)) == 0)
                m_best = item;
        }
    }
    /// The kept item, -1 if nothing was offered.
    int best() const { return m_best; }
    double bestKey() const { return m_key; }
    bool empty() const { return m_best < 0; }

private:
    Rng *m_rng;
    int m_best = -1;
    double m_key = 0.0;
    double m_second = 0.0;
    long long m_ties = 0;
};

} // namespace longitude::engine
