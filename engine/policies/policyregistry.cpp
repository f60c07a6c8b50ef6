#include "policyregistry.h"

#include "engine/policies/cacheawareglobalpolicy.h"
#include "engine/policies/cacheawareregionalpolicy.h"
#include "engine/policies/gorgopolicy.h"
#include "engine/policies/gorgov1policy.h"
#include "engine/policies/lcapolicy.h"
#include "engine/policies/leastloadpolicy.h"
#include "engine/policies/llmdpolicy.h"
#include "engine/policies/poweroftwopolicy.h"
#include "engine/policies/prefixaffinitypolicy.h"
#include "engine/policies/roundrobinpolicy.h"
#include "engine/policies/sessionaffinitypolicy.h"
#include "engine/policies/skylbpolicy.h"

#include <cmath>
#include <cstdio>

namespace longitude::engine {

namespace {
int toInt(double v) { return static_cast<int>(std::llround(v)); }

std::string formatValue(double v)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%g", v);
    return buffer;
}
} // namespace

PolicyRegistry PolicyRegistry::builtins()
{
    PolicyRegistry registry;
    registry.add({"round-robin",
                  "Cycle through the replicas in order: the blind baseline (seed 000's round-robin load balancer).",
                  {{"global", 0.0,
                    "0: cycle over the serving region's replicas; 1: over every replica the request may use "
                    "(one balancer in front of all regions, as in seed 000)",
                    0.0, 1.0, true}},
                  [](const ParamMap &p) -> std::unique_ptr<RoutingPolicy> {
                      return std::make_unique<RoundRobinPolicy>(p.at("global") != 0.0);
                  }});
    registry.add({"least-load",
                  "Join the shortest queue: fewest outstanding requests (waiting + running + in flight), "
                  "random tie-break.",
                  {},
                  [](const ParamMap &) -> std::unique_ptr<RoutingPolicy> { return std::make_unique<LeastLoadPolicy>(); }});
    registry.add({"power-of-two",
                  "Sample two replicas at random and take the one with fewer outstanding requests "
                  "(power of two choices, seed 004).",
                  {},
                  [](const ParamMap &) -> std::unique_ptr<RoutingPolicy> { return std::make_unique<PowerOfTwoPolicy>(); }});
    registry.add({"session-affinity",
                  "Consistent-hash ring of the region's replicas keyed by session: every turn of a conversation "
                  "lands on one replica; requests without a session go to the least-loaded replica.",
                  {{"virtualNodes", ConsistentHashRing::kDefaultPointsPerMember,
                    "ring points per replica (default 160: libketama's 40 digests x 4 points)", 1.0, 100000.0, true},
                   {"softQueueLimit", 0.0,
                    "soft affinity (seed 002): leave the sticky replica for the least-loaded one when more than this "
                    "many requests wait there; 0 = hard affinity (DOMAIN.md 5.2)",
                    0.0, 1e9, true}},
                  [](const ParamMap &p) -> std::unique_ptr<RoutingPolicy> {
                      return std::make_unique<SessionAffinityPolicy>(toInt(p.at("virtualNodes")), toInt(p.at("softQueueLimit")));
                  }});
    registry.add({"prefix-affinity",
                  "Hash of the system prompt picks the replica (consistent-hash ring); when its wait queue holds tau "
                  "or more requests, join the shortest queue instead (seed 004, prefix-key affinity).",
                  {{"tau", 10.0, "wait-queue length at which to fall back to the shortest queue (default 10: DOMAIN.md 5.3)",
                    1.0, 1e9, true}},
                  [](const ParamMap &p) -> std::unique_ptr<RoutingPolicy> {
                      return std::make_unique<PrefixAffinityPolicy>(toInt(p.at("tau")));
                  }});
    registry.add({"lca",
                  "Load + cache-aware scoring: s = alpha*affinity - beta*load/maxLoad, affinity 1 on a system-prompt "
                  "hit, 0.5 on a session hit (seed 004 'LCA'). Cache-heavy weights pile a shared prompt onto one "
                  "replica.",
                  {{"alpha", 0.7, "weight of cache affinity (default 0.7: DOMAIN.md 5.4, seed 004)"},
                   {"beta", 0.3, "weight of normalised load (default 0.3: DOMAIN.md 5.4, seed 004)"}},
                  [](const ParamMap &p) -> std::unique_ptr<RoutingPolicy> {
                      return std::make_unique<LcaPolicy>(p.at("alpha"), p.at("beta"));
                  }});
    registry.add({"llm-d",
                  "llm-d weighted scorers: argmax of sum(weight * clamp(score, 0, 1)) over the queue score "
                  "(maxQ-q)/(maxQ-minQ), the KV score 1-usage and the prefix score matched/total 16-token blocks; "
                  "random ties.",
                  {{"queueWeight", 2.0, "weight of the queue scorer (default 2: DOMAIN.md 5.5, llm-d)"},
                   {"kvWeight", 2.0, "weight of the KV-cache utilisation scorer (default 2: DOMAIN.md 5.5, llm-d)"},
                   {"prefixWeight", 3.0, "weight of the prefix-cache scorer (default 3: DOMAIN.md 5.5, llm-d)"},
                   {"prefixBlockTokens", 16.0, "block size of the prefix scorer in tokens (default 16: DOMAIN.md 5.5)",
                    1.0, 1e6, true}},
                  [](const ParamMap &p) -> std::unique_ptr<RoutingPolicy> {
                      LlmdPolicy::Weights w;
                      w.queue = p.at("queueWeight");
                      w.kvUtil = p.at("kvWeight");
                      w.prefix = p.at("prefixWeight");
                      w.prefixBlockTokens = toInt(p.at("prefixBlockTokens"));
                      return std::make_unique<LlmdPolicy>(w);
                  }});
    registry.add({"cache-aware-regional",
                  "The local replica with the longest cached prefix of the prompt (fewest outstanding among equals); "
                  "with no match anywhere, the least-loaded local replica (seed 000).",
                  {},
                  [](const ParamMap &) -> std::unique_ptr<RoutingPolicy> {
                      return std::make_unique<CacheAwareRegionalPolicy>();
                  }});
    registry.add({"cache-aware-global",
                  "Over every region the request may use: minimise the prefill time of the uncached prompt (hit or "
                  "miss) plus the RTT; fewest outstanding among equals (seed 000). O(replicas) per request.",
                  {},
                  [](const ParamMap &) -> std::unique_ptr<RoutingPolicy> {
                      return std::make_unique<CacheAwareGlobalPolicy>();
                  }});
    registry.add({"gorgo",
                  "GORGO v3 (seed 001): over every region the request may use, minimise w_rtt*RTT_ms + "
                  "uncached_tokens + w_q*queued_tokens. O(replicas) per request.",
                  {{"wRtt", 0.276, "tokens of cost per millisecond of RTT (default 0.276: GORGO v3, DOMAIN.md 5.7)"},
                   {"wQueue", 0.5, "weight of tokens queued for prefill (default 0.5: GORGO v3, DOMAIN.md 5.7)"}},
                  [](const ParamMap &p) -> std::unique_ptr<RoutingPolicy> {
                      return std::make_unique<GorgoPolicy>(p.at("wRtt"), p.at("wQueue"));
                  }});
    registry.add({"gorgo-v1",
                  "GORGO v1 (seed 001): stay local unless RTT_p + ms_tok*unmatched_p < ms_tok*local_queued + "
                  "ms_tok*unmatched_local for some remote replica p.",
                  {{"msPerToken", 0.094, "prefill milliseconds per token (default 0.094: GORGO v1, DOMAIN.md 3 and 5.7)"}},
                  [](const ParamMap &p) -> std::unique_ptr<RoutingPolicy> {
                      return std::make_unique<GorgoV1Policy>(p.at("msPerToken"));
                  }});
    registry.add({"skylb",
                  "SkyLB (seed 003): per-region balancers with FIFO queues; a replica is available when its probed "
                  "wait queue is empty; prefix tree locally (best match if > 0.5 of the prompt, else least in "
                  "flight); with none available, forward once to a peer balancer with a queue <= own and <= 10.",
                  {{"probeIntervalMs", 100.0,
                    "probe interval when the scenario's routing.probeIntervalMs is 0 (default 100: DOMAIN.md 5.8)", 0.0,
                    1e7},
                   {"peerQueueLimit", 10.0, "longest peer queue a request may be forwarded to (default 10: DOMAIN.md 5.8)",
                    0.0, 1e9, true},
                   {"matchThreshold", 0.5,
                    "matched share of the prompt above which the prefix tree follows the match (default 0.5: DOMAIN.md "
                    "5.8)",
                    0.0, 1.0}},
                  [](const ParamMap &p) -> std::unique_ptr<RoutingPolicy> {
                      return std::make_unique<SkyLbPolicy>(simTimeFromMs(p.at("probeIntervalMs")),
                                                           toInt(p.at("peerQueueLimit")), p.at("matchThreshold"));
                  }});
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

ParamMap PolicyRegistry::withDefaults(const std::string &name, const ParamMap &params) const
{
    ParamMap all = params;
    if (const PolicyInfo *info = find(name))
        for (const auto &p : info->parameters)
            all.emplace(p.name, p.defaultValue);
    return all;
}

std::expected<ParamMap, std::string> PolicyRegistry::resolve(const std::vector<PolicyParameter> &table,
                                                            const ParamMap &params, const std::string &owner)
{
    ParamMap all;
    for (const auto &p : table)
        all[p.name] = p.defaultValue;
    for (const auto &[key, value] : params) {
        const PolicyParameter *parameter = nullptr;
        for (const auto &p : table)
            if (p.name == key)
                parameter = &p;
        if (!parameter) {
            std::string names;
            for (const auto &p : table)
                names += (names.empty() ? "" : ", ") + p.name;
            return std::unexpected(owner + " has no parameter '" + key + "'"
                                   + (names.empty() ? std::string(" (it takes none)") : " (it takes: " + names + ")"));
        }
        if (!std::isfinite(value) || value < parameter->minValue || value > parameter->maxValue
            || (parameter->integer && value != std::floor(value)))
            return std::unexpected(owner + " parameter '" + key + "' must be "
                                   + (parameter->integer ? "an integer " : "a number ") + "in ["
                                   + formatValue(parameter->minValue) + ", " + formatValue(parameter->maxValue)
                                   + "], got " + formatValue(value));
        all[key] = value;
    }
    return all;
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
    auto all = resolve(info->parameters, params, "routing policy '" + name + "'");
    if (!all)
        return std::unexpected(all.error());
    return info->create(*all);
}

} // namespace longitude::engine
