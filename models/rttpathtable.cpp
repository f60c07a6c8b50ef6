#include "models/rttpathtable.h"

#include <cmath>
#include <limits>
#include <map>
#include <string>

namespace longitude::models {

RttPathTable::RttPathTable(const engine::Scenario &scenario)
    : m_count(static_cast<int>(scenario.regions.size()))
{
    const auto cells = static_cast<std::size_t>(m_count * m_count);
    constexpr double kInfinity = std::numeric_limits<double>::infinity();
    m_direct.assign(cells, std::numeric_limits<double>::quiet_NaN());
    m_path.assign(cells, kInfinity);
    m_next.assign(cells, -1);

    std::map<std::string, int> indexOf;
    for (int i = 0; i < m_count; ++i)
        indexOf.emplace(scenario.regions[static_cast<std::size_t>(i)].id, i);

    // Symmetric links first, so that an explicit link in the other direction overrides the
    // value implied by symmetry.
    for (const bool symmetricPass : {true, false}) {
        for (const auto &link : scenario.links) {
            const auto from = indexOf.find(link.from);
            const auto to = indexOf.find(link.to);
            if (from == indexOf.end() || to == indexOf.end() || from->second == to->second || !(link.rttMs > 0))
                continue;
            if (symmetricPass && link.symmetric && std::isnan(m_direct[at(to->second, from->second)]))
                m_direct[at(to->second, from->second)] = link.rttMs;
            if (!symmetricPass)
                m_direct[at(from->second, to->second)] = link.rttMs;
        }
    }

    for (int i = 0; i < m_count; ++i) {
        m_path[at(i, i)] = 0.0;
        m_next[at(i, i)] = i;
        for (int j = 0; j < m_count; ++j) {
            if (!std::isnan(m_direct[at(i, j)])) {
                m_path[at(i, j)] = m_direct[at(i, j)];
                m_next[at(i, j)] = j;
            }
        }
    }
    // Floyd–Warshall: at most a few hundred regions, so O(n^3) stays well under a frame.
    for (int k = 0; k < m_count; ++k) {
        for (int i = 0; i < m_count; ++i) {
            const double ik = m_path[at(i, k)];
            if (ik == kInfinity)
                continue;
            for (int j = 0; j < m_count; ++j) {
                const double candidate = ik + m_path[at(k, j)];
                if (candidate < m_path[at(i, j)]) {
                    m_path[at(i, j)] = candidate;
                    m_next[at(i, j)] = m_next[at(i, k)];
                }
            }
        }
    }
}

std::optional<double> RttPathTable::directRttMs(int from, int to) const
{
    if (from < 0 || to < 0 || from >= m_count || to >= m_count || std::isnan(m_direct[at(from, to)]))
        return std::nullopt;
    return m_direct[at(from, to)];
}

std::optional<double> RttPathTable::pathRttMs(int from, int to) const
{
    if (from < 0 || to < 0 || from >= m_count || to >= m_count || std::isinf(m_path[at(from, to)]))
        return std::nullopt;
    return m_path[at(from, to)];
}

std::vector<int> RttPathTable::path(int from, int to) const
{
    if (!pathRttMs(from, to))
        return {};
    std::vector<int> hops{from};
    for (int current = from; current != to;) {
        current = m_next[at(current, to)];
        hops.push_back(current);
    }
    return hops;
}

} // namespace longitude::models
