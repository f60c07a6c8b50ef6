#include "trafficpresets.h"

namespace longitude::engine {

namespace {
struct Preset
{
    const char *name;
    TrafficPresets::Curve curve;
};

// Shapes (Longitude assumption, 2025; not measured):
//  business-day: office hours. Quiet overnight (~10 %), ramps from 07:00, plateau 10:00-16:00
//                with a small lunch dip, tails off through the evening.
//  consumer-evening: chat/entertainment use. Never very low (~13 % at 04:00-05:00), grows
//                through the day, peaks 19:00-21:00 local.
//  flat: constant at the peak rate (load tests, validation).
//  night-batch: offline/batch jobs scheduled off-peak: full 23:00-05:00, ~10 % by day.
constexpr Preset kPresets[] = {
    {"business-day", {0.15, 0.12, 0.10, 0.10, 0.12, 0.18, 0.30, 0.50, 0.75, 0.92, 1.00, 1.00,
                      0.95, 0.98, 1.00, 0.97, 0.88, 0.70, 0.50, 0.38, 0.30, 0.25, 0.20, 0.17}},
    {"consumer-evening", {0.45, 0.32, 0.22, 0.16, 0.13, 0.13, 0.17, 0.25, 0.35, 0.45, 0.52, 0.57,
                          0.62, 0.62, 0.60, 0.60, 0.64, 0.72, 0.84, 0.95, 1.00, 0.97, 0.85, 0.65}},
    {"flat", {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}},
    {"night-batch", {1.00, 1.00, 1.00, 1.00, 1.00, 0.90, 0.70, 0.40, 0.20, 0.15, 0.10, 0.10,
                     0.10, 0.10, 0.10, 0.10, 0.10, 0.15, 0.20, 0.30, 0.50, 0.70, 0.90, 1.00}},
};
} // namespace

std::optional<TrafficPresets::Curve> TrafficPresets::curve(const std::string &name)
{
    for (const auto &preset : kPresets)
        if (name == preset.name)
            return preset.curve;
    return std::nullopt;
}

std::vector<std::string> TrafficPresets::names()
{
    std::vector<std::string> result;
    for (const auto &preset : kPresets)
        result.emplace_back(preset.name);
    return result;
}

} // namespace longitude::engine
