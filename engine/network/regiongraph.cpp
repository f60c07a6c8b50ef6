#include "regiongraph.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace longitude::engine {

namespace {
using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, boost::no_property,
                                    boost::property<boost::edge_weight_t, double>>;
constexpr double kInfinity = std::numeric_limits<double>::infinity();
} // namespace

RegionGraph::RegionGraph(const Scenario &scenario)
{
    build(scenario.regions, scenario.links);
}

RegionGraph::RegionGraph(const std::vector<Region> &regions, const std::vector<Link> &links)
{
    build(regions, links);
}

void RegionGraph::build(const std::vector<Region> &regions, const std::vector<Link> &links)
{
    const std::size_t n = regions.size();
    m_ids.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        m_ids.push_back(regions[i].id);
        m_index.emplace(regions[i].id, static_cast<int>(i)); // keeps the first of duplicate ids
    }

    // The best direct measurement per ordered pair.
    std::vector<std::vector<double>> direct(n, std::vector<double>(n, kInfinity));
    for (const Link &link : links) {
        const int from = indexOf(link.from);
        const int to = indexOf(link.to);
        if (from < 0 || to < 0 || from == to || !std::isfinite(link.rttMs) || link.rttMs <= 0.0)
            continue;
        const auto f = static_cast<std::size_t>(from);
        const auto t = static_cast<std::size_t>(to);
        direct[f][t] = std::min(direct[f][t], link.rttMs);
        if (link.symmetric)
            direct[t][f] = std::min(direct[t][f], link.rttMs);
    }

    Graph graph(n);
    for (std::size_t f = 0; f < n; ++f)
        for (std::size_t t = 0; t < n; ++t)
            if (direct[f][t] < kInfinity)
                boost::add_edge(f, t, direct[f][t], graph);

    m_rttMs.assign(n, std::vector<double>(n, kInfinity));
    m_direct.assign(n, std::vector<bool>(n, false));
    m_predecessor.assign(n, std::vector<int>(n, -1));
    std::vector<double> distance(n);
    std::vector<Graph::vertex_descriptor> predecessor(n);
    for (std::size_t s = 0; s < n; ++s) {
        boost::dijkstra_shortest_paths(graph, s,
                                       boost::distance_map(distance.data()).predecessor_map(predecessor.data()));
        for (std::size_t t = 0; t < n; ++t) {
            m_predecessor[s][t] = static_cast<int>(predecessor[t]);
            if (s == t) {
                m_rttMs[s][t] = 0.0;
                m_direct[s][t] = true;
            } else if (direct[s][t] < kInfinity) {
                m_rttMs[s][t] = direct[s][t];
                m_direct[s][t] = true;
            } else {
                // Boost marks unreachable vertices with the maximum double, not infinity.
                m_rttMs[s][t] = distance[t] >= std::numeric_limits<double>::max() ? kInfinity : distance[t];
            }
        }
    }
}

int RegionGraph::indexOf(const std::string &id) const
{
    const auto it = m_index.find(id);
    return it == m_index.end() ? -1 : it->second;
}

std::optional<RttPath> RegionGraph::shortestPath(const std::string &from, const std::string &to) const
{
    const int f = indexOf(from);
    const int t = indexOf(to);
    if (f < 0 || t < 0)
        return std::nullopt;
    const auto fs = static_cast<std::size_t>(f);
    const auto ts = static_cast<std::size_t>(t);
    const double rtt = m_rttMs[fs][ts];
    if (!(rtt < kInfinity))
        return std::nullopt;
    RttPath path;
    path.rttMs = rtt;
    path.direct = m_direct[fs][ts];
    if (f == t) {
        path.regions = {m_ids[fs]};
    } else if (path.direct) {
        path.regions = {m_ids[fs], m_ids[ts]};
    } else {
        for (int v = t; v != f; v = m_predecessor[fs][static_cast<std::size_t>(v)])
            path.regions.push_back(m_ids[static_cast<std::size_t>(v)]);
        path.regions.push_back(m_ids[fs]);
        std::reverse(path.regions.begin(), path.regions.end());
    }
    return path;
}

std::optional<double> RegionGraph::rttMs(const std::string &from, const std::string &to) const
{
    const int f = indexOf(from);
    const int t = indexOf(to);
    if (f < 0 || t < 0)
        return std::nullopt;
    const double rtt = m_rttMs[static_cast<std::size_t>(f)][static_cast<std::size_t>(t)];
    if (!(rtt < kInfinity))
        return std::nullopt;
    return rtt;
}

bool RegionGraph::connected() const
{
    for (const auto &row : m_rttMs)
        for (const double rtt : row)
            if (!(rtt < kInfinity))
                return false;
    return true;
}

} // namespace longitude::engine
