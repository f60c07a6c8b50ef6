#include "policychecks.h"

#include "engine/io/valuerules.h"
#include "engine/sim/failoverconfig.h"
#include "engine/sim/overflowconfig.h"

namespace longitude::engine {

namespace {

// RFC 6901: "~" and "/" inside a key are escaped.
std::string child(const std::string &pointer, const std::string &key)
{
    std::string escaped;
    for (const char c : key) {
        if (c == '~')
            escaped += "~0";
        else if (c == '/')
            escaped += "~1";
        else
            escaped += c;
    }
    return pointer + "/" + escaped;
}

void checkParams(const std::vector<PolicyParameter> &table, const ParamMap &params, const std::string &pointer,
                 const std::string &owner, Diagnostics &out)
{
    for (const auto &[name, value] : params) {
        if (name.empty() || checkNumber(value, rules::kParam))
            continue;
        if (auto resolved = PolicyRegistry::resolve(table, ParamMap{{name, value}}, owner); !resolved)
            out.push_back({Severity::Error, {}, child(pointer, name), 0, 0, resolved.error()});
    }
}

} // namespace

Diagnostics checkPolicies(const Scenario &scenario, const PolicyRegistry &registry)
{
    Diagnostics out;
    const std::string &policy = scenario.routing.policy;
    const PolicyInfo *info = registry.find(policy);
    if (info == nullptr && !policy.empty()) {
        std::string known;
        for (const auto &p : registry.policies())
            known += (known.empty() ? "" : ", ") + p.name;
        out.push_back({Severity::Error, {}, "/routing/policy", 0, 0,
                       "unknown routing policy \"" + policy + "\" (known: " + known + ")"});
    }
    if (info != nullptr)
        checkParams(info->parameters, scenario.routing.params, "/routing/params", "routing policy '" + policy + "'", out);
    checkParams(OverflowConfig::parameters(), scenario.overflow.params, "/overflow/params", "overflow", out);
    checkParams(FailoverConfig::parameters(), scenario.failover.params, "/failover/params", "failover", out);
    return out;
}

} // namespace longitude::engine
