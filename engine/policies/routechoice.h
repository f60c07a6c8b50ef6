#pragma once

namespace longitude::engine {

/// What a routing policy decided for one request. Most policies only ever serve on a replica;
/// balancer-style policies (SkyLB) may also keep the request in their region's FIFO queue or
/// pass it to a peer region's balancer. The Router checks every choice against the candidates
/// it offered (residency, health, model) before anything is served.
struct RouteChoice
{
    enum class Kind : unsigned char {
        Serve,   ///< send to `replica`
        Forward, ///< hand to the balancer of `region` (crosses a region; at most once per request)
        Hold,    ///< keep in this region's router queue and ask again later
        Shed     ///< refuse the request
    };
    Kind kind = Kind::Shed;
    int replica = -1;
    int region = -1;

    static RouteChoice serve(int replica) { return {Kind::Serve, replica, -1}; }
    static RouteChoice forward(int region) { return {Kind::Forward, -1, region}; }
    static RouteChoice hold() { return {Kind::Hold, -1, -1}; }
    static RouteChoice shed() { return {Kind::Shed, -1, -1}; }
};

} // namespace longitude::engine
