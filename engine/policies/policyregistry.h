#pragma once

#include "engine/policies/routingpolicy.h"
#include "engine/scenario/scenario.h"

#include <expected>
#include <memory>
#include <string>
#include <vector>

namespace longitude::engine {

/// A parameter a policy accepts in `routing.params`, for `longitude-cli list-policies` and the
/// GUI's policy editor.
struct PolicyParameter
{
    std::string name;
    double defaultValue = 0.0;
    std::string description;
};

/// A routing policy by name: what it does, its parameters and how to make one.
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
    /// The policies shipped with the engine.
    static PolicyRegistry builtins();

    void add(PolicyInfo info);
    const PolicyInfo *find(const std::string &name) const;
    const std::vector<PolicyInfo> &policies() const { return m_policies; }
    /// Makes policy `name`; unknown names and unknown parameters are errors naming the choices.
    std::expected<std::unique_ptr<RoutingPolicy>, std::string> create(const std::string &name,
                                                                      const ParamMap &params) const;

private:
    std::vector<PolicyInfo> m_policies;
};

} // namespace longitude::engine
