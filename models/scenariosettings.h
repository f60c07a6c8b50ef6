#pragma once

#include "engine/scenario/scenario.h"

#include <string>

namespace longitude::models {

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
