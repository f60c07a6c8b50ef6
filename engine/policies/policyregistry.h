#pragma once

#include "engine/policies/routingpolicy.h"
#include "engine/scenario/scenario.h"

#include <expected>
#include <limits>
#include <memory>
#include <string>
#include <vector>

namespace longitude::engine {

/// A parameter a policy accepts in `routing.params`, for `longitude-cli list-policies` and the
/// GUI's policy editor. The description names the default's source.
struct PolicyParameter
{
    std::string name;
    double defaultValue = 0.0;
    std::string description;
    double minValue = 0.0;
    double maxValue = std::numeric_limits<double>::infinity();
    bool integer = false;
};

/// A routing policy by name: what it does, its parameters and how to make one. `create` receives
/// every parameter: the scenario's values with the defaults filled in.
struct PolicyInfo
{
    std::string name;
    std::string description;
    std::vector<PolicyParameter> parameters;
    std::unique_ptr<RoutingPolicy> (*create)(const ParamMap &params) = nullptr;
};

/// Name -> factory table of routing policies. Not a singleton: builtins() returns a fresh
/// registry, and a test or a plug-in may add its own policies to a copy.
class PolicyRegistry
{
public:
    /// The policies shipped with the engine (docs/policies.md).
    static PolicyRegistry builtins();

    void add(PolicyInfo info);
    const PolicyInfo *find(const std::string &name) const;
    const std::vector<PolicyInfo> &policies() const { return m_policies; }
    /// Makes policy `name`; unknown names, unknown parameters and out-of-range values are errors
    /// naming the choices.
    std::expected<std::unique_ptr<RoutingPolicy>, std::string> create(const std::string &name,
                                                                      const ParamMap &params) const;
    /// `params` with every missing parameter of `name` set to its default (unchanged if unknown).
    ParamMap withDefaults(const std::string &name, const ParamMap &params) const;

    /// Checks `params` against `table` and fills in the defaults. Errors start with `owner`
    /// ("routing policy 'lca'", "overflow") and name the parameter and the accepted range.
    static std::expected<ParamMap, std::string> resolve(const std::vector<PolicyParameter> &table,
                                                        const ParamMap &params, const std::string &owner);

private:
    std::vector<PolicyInfo> m_policies;
};

} // namespace longitude::engine
