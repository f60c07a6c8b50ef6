#pragma once

/// @file policychecks.h

#include "engine/policies/policyregistry.h"
#include "engine/scenario/diagnostic.h"
#include "engine/scenario/scenario.h"

namespace longitude::engine {

/// What Simulation::create would refuse in `routing`, `overflow` and `failover`, as diagnostics
/// with a JSON pointer per field: an unknown routing policy (/routing/policy), and a parameter
/// the policy, overflow or failover does not take or whose value is outside its accepted range
/// (/routing/params/NAME, ...), in the words of PolicyRegistry::resolve. So that a planner sees
/// the problem next to the field before a run instead of as a failed run.
///
/// Separate from validateScenario() because loading a file does not need the policy tables and a
/// file naming a policy of a newer build must still open; the GUI document adds these to the
/// validator's diagnostics. Values the validator already rejects (not finite, beyond the
/// parameter guard, an empty name) are left to it: one mistake, one message.
Diagnostics checkPolicies(const Scenario &scenario, const PolicyRegistry &registry);

} // namespace longitude::engine
