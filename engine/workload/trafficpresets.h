#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace longitude::engine {

/// Named daily traffic shapes: 24 multipliers of a region's peak rate, by local hour 0..23.
/// They are stylised shapes (Longitude assumption, 2025), not measurements: a planner without a
/// trace picks the one closest to its product and replaces it with `hourly` numbers when it has
/// them (e.g. from the ServeGen aggregate rate in ../shared/data/traces).
class TrafficPresets
{
public:
    using Curve = std::array<double, 24>;
    /// The curve of `name`, or nothing if no preset has that name.
    static std::optional<Curve> curve(const std::string &name);
    static std::vector<std::string> names();
};

} // namespace longitude::engine
