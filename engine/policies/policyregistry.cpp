#include "policyregistry.h"

#include "engine/policies/leastloadpolicy.h"
#include "engine/policies/roundrobinpolicy.h"

namespace longitude::engine {

PolicyRegistry PolicyRegistry::builtins()
{
    PolicyRegistry registry;
    registry.add({"round-robin", "Cycle through the replicas of the serving region in order.", {},
                  [](const ParamMap &) -> std::unique_ptr<RoutingPolicy> { return std::make_unique<RoundRobinPolicy>(); }});
    registry.add({"least-load",
                  "Join the shortest queue: fewest outstanding requests (waiting + running + in flight), "
                  "random tie-break.",
                  {},
                  [](const ParamMap &) -> std::unique_ptr<RoutingPolicy> { return std::make_unique<LeastLoadPolicy>(); }});
    return registry;
}

void PolicyRegistry::add(PolicyInfo info)
{
    for (auto &existing : m_policies)
        if (existing.name == info.name) {
            existing = std::move(info);
            return;
        }
    m_policies.push_back(std::move(info));
}

const PolicyInfo *PolicyRegistry::find(const std::string &name) const
{
    for (const auto &info : m_policies)
        if (info.name == name)
            return &info;
    return nullptr;
}

std::expected<std::unique_ptr<RoutingPolicy>, std::string> PolicyRegistry::create(const std::string &name,
                                                                                   const ParamMap &params) const
{
    const PolicyInfo *info = find(name);
    if (!info) {
        std::string known;
        for (const auto &p : m_policies)
            known += (known.empty() ? "" : ", ") + p.name;
        return std::unexpected("unknown routing policy '" + name + "' (known: " + known + ")");
    }
    for (const auto &[key, value] : params) {
        (void)value;
        bool found = false;
        for (const auto &p : info->parameters)
            found = found || p.name == key;
        if (!found)
            return std::unexpected("routing policy '" + name + "' has no parameter '" + key + "'");
    }
    return info->create(params);
}

} // namespace longitude::engine
