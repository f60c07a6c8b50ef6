#pragma once

#include "engine/core/simtime.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace longitude::engine {

/// Routing state of each request that the plain path does not need: where its router is, whether
/// it crossed a region, retries, what the spill guard charged it to, and whether it sits on a
/// replica (so that an outage can find the work it loses). A side array indexed like the
/// RequestPool, kept only when overflow, failover or balancer queues are in use, so the default
/// path pays nothing for it.
class RequestRoutes
{
public:
    enum Stage : std::uint8_t { Free = 0, Routing = 1, InTransit = 2, AtReplica = 3 };
    enum Flag : std::uint8_t { Rerouted = 1, Spilled = 2, Degraded = 4, Queued = 8 };

    struct Route
    {
        std::int16_t atRegion = 0;    ///< region whose router handles it
        std::int16_t guardRegion = -1; ///< rescuer region charged in the SpillGuard, -1 none
        std::uint8_t crossed = 0;
        std::uint8_t retries = 0;
        std::uint8_t stage = Free;
        std::uint8_t flags = 0;
    };

    Route &operator[](std::int32_t index)
    {
        if (static_cast<std::size_t>(index) >= m_routes.size()) [[unlikely]]
            grow(index);
        return m_routes[static_cast<std::size_t>(index)];
    }
    std::size_t size() const { return m_routes.size(); }
    const Route &at(std::size_t index) const { return m_routes[index]; }

private:
    // Out of line: the request pool grew; rare, and kept off the inlined path.
    [[gnu::noinline]] void grow(std::int32_t index)
    {
        m_routes.resize(std::max<std::size_t>(static_cast<std::size_t>(index) + 1, m_routes.size() * 2));
    }

    std::vector<Route> m_routes;
};

} // namespace longitude::engine
