#pragma once

#include "engine/policies/policyregistry.h"
#include "engine/scenario/scenario.h"
#include "engine/sim/simulationobserver.h"
#include "engine/sim/simulationsetup.h"
#include "engine/stats/simulationresult.h"

#include <cstdint>
#include <expected>
#include <optional>
#include <string>

namespace longitude::engine {

/// Command-line style overrides of a scenario's settings for one run.
struct SimulationOptions
{
    std::optional<std::uint64_t> seed;
    std::optional<double> durationS;
    std::optional<std::string> policy;
    /// Parameters of the policy; when `policy` names another policy than the scenario's and this
    /// is unset, the scenario's routing.params (meant for its own policy) are dropped.
    std::optional<ParamMap> policyParams;
    SimulationObserver *observer = nullptr;
    /// Threads for the time-sampled mode's independent hours (0 = one per hardware thread).
    /// Results do not depend on it.
    int threads = 0;
};

/// The engine's front door: resolve a scenario once, run it (whole, or time-sampled hour by
/// hour), get a SimulationResult value with costs filled in. Holds no global state; two
/// Simulations can run side by side on different threads.
class Simulation
{
public:
    static std::expected<Simulation, std::string> create(const Scenario &scenario, const SimulationOptions &options = {},
                                                         PolicyRegistry registry = PolicyRegistry::builtins());

    /// Runs the scenario. Fails with a sentence on a setup problem the resolver could not see.
    std::expected<SimulationResult, std::string> run();

    const SimulationSetup &setup() const { return m_setup; }

private:
    Simulation() = default;
    std::expected<SimulationResult, std::string> runSampled();
    void finishResult(SimulationResult &result) const;

    SimulationSetup m_setup;
    PolicyRegistry m_registry;
    SimulationObserver *m_observer = nullptr;
    int m_threads = 0;
};

} // namespace longitude::engine
