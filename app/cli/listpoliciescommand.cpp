// `longitude-cli list-policies`: the routing policies of the engine with their parameters,
// defaults and descriptions, then the parameters of overflow control and failover.
#include "commandregistry.h"

#include "engine/policies/policyregistry.h"
#include "engine/sim/failoverconfig.h"
#include "engine/sim/overflowconfig.h"

#include <cmath>
#include <cstdio>
#include <sstream>

namespace longitude::app {

namespace {

using namespace longitude::engine;

int runListPolicies(const CommandArgs &args, std::ostream &out, std::ostream &err);

const CommandRegistration registration(
    {"list-policies", "list routing policies, their parameters and defaults",
     "usage: longitude-cli list-policies [--names]\n"
     "\n"
     "Lists the routing policies a scenario may name in routing.policy (or run --policy NAME),\n"
     "each with its parameters for routing.params: default, accepted range and meaning, with the\n"
     "source of the default. Then the parameters of overflow.params and failover.params.\n"
     "\n"
     "options:\n"
     "  --names   print only the policy names, one per line (for scripts)\n",
     &runListPolicies});

std::string number(double v)
{
    if (std::isinf(v))
        return v > 0 ? "inf" : "-inf";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%g", v);
    return buffer;
}

/// Words of `text` wrapped at `width` columns, each line starting with `indent`.
void wrap(std::ostream &out, const std::string &text, const std::string &indent, std::size_t width = 100)
{
    std::istringstream words(text);
    std::string word;
    std::string line;
    while (words >> word) {
        if (!line.empty() && indent.size() + line.size() + 1 + word.size() > width) {
            out << indent << line << '\n';
            line.clear();
        }
        line += (line.empty() ? "" : " ") + word;
    }
    if (!line.empty())
        out << indent << line << '\n';
}

void parameters(std::ostream &out, const std::vector<PolicyParameter> &table)
{
    if (table.empty()) {
        out << "    (no parameters)\n";
        return;
    }
    for (const auto &p : table) {
        out << "    " << p.name << " = " << number(p.defaultValue) << "    [" << number(p.minValue) << ", "
            << number(p.maxValue) << "]" << (p.integer ? ", integer" : "") << '\n';
        wrap(out, p.description, "        ");
    }
}

int runListPolicies(const CommandArgs &args, std::ostream &out, std::ostream &err)
{
    const Command &self = *CommandRegistry::instance().find("list-policies");
    bool namesOnly = false;
    for (const auto &arg : args) {
        if (arg == "--names")
            namesOnly = true;
        else
            return usageError(self, "unknown argument '" + arg + "'", err);
    }
    const PolicyRegistry registry = PolicyRegistry::builtins();
    if (namesOnly) {
        for (const auto &info : registry.policies())
            out << info.name << '\n';
        return kExitOk;
    }
    out << "Routing policies (routing.policy; parameters in routing.params):\n";
    for (const auto &info : registry.policies()) {
        out << '\n' << info.name << '\n';
        wrap(out, info.description, "    ");
        parameters(out, info.parameters);
    }
    out << "\nOverflow (overflow.params, used when overflow.enabled is true; the rescuer caps also bound\n"
           "failover reroutes):\n";
    parameters(out, OverflowConfig::parameters());
    out << "\nFailover (failover.params, used when failover.outages is not empty; failover.degradeModel\n"
           "names a model with pools to degrade to):\n";
    parameters(out, FailoverConfig::parameters());
    return kExitOk;
}

} // namespace

} // namespace longitude::app
