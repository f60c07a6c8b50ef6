#pragma once

#include "engine/scenario/scenario.h"

#include <string>

namespace longitude::models {

/// The settings sections whose `params` map (named numbers) is edited one parameter at a time.
enum class ParamSection { Routing, Placement, Overflow, Failover };

/// The section's `params` map inside `scenario`.
inline engine::ParamMap &paramsOf(engine::Scenario &scenario, ParamSection section)
{
    switch (section) {
    case ParamSection::Routing: return scenario.routing.params;
    case ParamSection::Placement: return scenario.placement.params;
    case ParamSection::Overflow: return scenario.overflow.params;
    case ParamSection::Failover: return scenario.failover.params;
    }
    return scenario.routing.params;
}

inline const engine::ParamMap &paramsOf(const engine::Scenario &scenario, ParamSection section)
{
    switch (section) {
    case ParamSection::Routing: return scenario.routing.params;
    case ParamSection::Placement: return scenario.placement.params;
    case ParamSection::Overflow: return scenario.overflow.params;
    case ParamSection::Failover: return scenario.failover.params;
    }
    return scenario.routing.params;
}

/// JSON pointer of the section's params in the saved file ("/routing/params").
inline const char *paramsPointer(ParamSection section)
{
    switch (section) {
    case ParamSection::Routing: return "/routing/params";
    case ParamSection::Placement: return "/placement/params";
    case ParamSection::Overflow: return "/overflow/params";
    case ParamSection::Failover: return "/failover/params";
    }
    return "";
}

/// The scenario-wide settings edited together by the settings forms: name, description, SLA,
/// routing, placement, overflow, failover and simulation. Bundled so that one EditSettings
/// command can record any of them, and so that forms edit a copy and push it in one step.
struct ScenarioSettings
{
    std::string name;
    std::string description;
    engine::SlaTargets sla;
    engine::RoutingSettings routing;
    engine::PlacementSettings placement;
    engine::OverflowSettings overflow;
    engine::FailoverSettings failover;
    engine::SimulationSettings simulation;
    bool operator==(const ScenarioSettings &) const = default;

    /// The settings currently held by `scenario`.
    static ScenarioSettings of(const engine::Scenario &scenario)
    {
        return {scenario.name,     scenario.description, scenario.sla,      scenario.routing,
                scenario.placement, scenario.overflow,   scenario.failover, scenario.simulation};
    }

    /// Writes these settings into `scenario`, leaving regions, pools, links etc. untouched.
    void applyTo(engine::Scenario &scenario) const
    {
        scenario.name = name;
        scenario.description = description;
        scenario.sla = sla;
        scenario.routing = routing;
        scenario.placement = placement;
        scenario.overflow = overflow;
        scenario.failover = failover;
        scenario.simulation = simulation;
    }
};

} // namespace longitude::models
