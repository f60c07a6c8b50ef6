#include "requestfactory.h"

#include <algorithm>
#include <cmath>

namespace longitude::engine {

namespace {
// Segment ids: system prompts live in the upper half of the id space, streams count up from 1.
std::uint64_t groupSegmentId(int workload, int group)
{
    return (std::uint64_t{1} << 63) | (static_cast<std::uint64_t>(workload) << 32) | static_cast<std::uint32_t>(group);
}
} // namespace

int RequestFactory::groupCount(const Scenario &scenario)
{
    int count = 0;
    for (const auto &w : scenario.workloads)
        if (w.prefixGroups > 0 && w.prefixTokens > 0)
            count += w.prefixGroups;
    return count;
}

std::expected<RequestFactory, std::string> RequestFactory::create(const Scenario &scenario,
                                                                  const std::vector<std::string> &modelIds)
{
    RequestFactory factory;
    if (scenario.workloads.empty())
        return std::unexpected("the scenario has no workload class");
    std::vector<double> weights;
    double shareSum = 0.0;
    for (const auto &w : scenario.workloads)
        shareSum += w.share;
    if (!(shareSum > 0.0))
        return std::unexpected("workload shares must add up to more than 0");
    double starts = 0.0;
    int groups = 0;
    for (std::size_t i = 0; i < scenario.workloads.size(); ++i) {
        const WorkloadClass &w = scenario.workloads[i];
        Class c;
        c.id = w.id;
        const std::string modelId = w.model.empty() && !modelIds.empty() ? modelIds.front() : w.model;
        const auto it = std::find(modelIds.begin(), modelIds.end(), modelId);
        if (it == modelIds.end())
            return std::unexpected("workload " + w.id + " uses unknown model '" + modelId + "'");
        c.model = static_cast<int>(it - modelIds.begin());
        c.prompt = DistributionSampler(w.promptTokens);
        c.output = DistributionSampler(w.outputTokens);
        Distribution turns = w.sessionTurns;
        if (turns.kind == DistributionKind::Constant && turns.value <= 0.0)
            turns.value = 1.0;
        c.turns = DistributionSampler(turns);
        c.thinkS = DistributionSampler(w.thinkTimeS);
        c.groupCount = w.prefixGroups > 0 && w.prefixTokens > 0 ? w.prefixGroups : 0;
        c.groupTokens = c.groupCount > 0 ? w.prefixTokens : 0;
        c.firstGroupIndex = groups;
        groups += c.groupCount;
        if (c.groupCount > 0)
            c.groups = AliasTable(AliasTable::zipfWeights(c.groupCount, w.prefixZipf));
        c.residencyShare = w.residencyShare;
        c.meanTurns = std::max(1.0, c.turns.mean());
        c.sessions = !(turns.kind == DistributionKind::Constant && std::llround(turns.value) <= 1);
        const double share = w.share / shareSum;
        weights.push_back(share / c.meanTurns);
        starts += share / c.meanTurns;
        factory.m_classes.push_back(std::move(c));
    }
    factory.m_classPicker = AliasTable(weights);
    factory.m_startsPerRequest = starts;
    return factory;
}

std::int32_t RequestFactory::allocateSession()
{
    if (!m_freeSessions.empty()) {
        const std::int32_t index = m_freeSessions.back();
        m_freeSessions.pop_back();
        return index;
    }
    m_sessions.emplace_back();
    return static_cast<std::int32_t>(m_sessions.size() - 1);
}

std::int32_t RequestFactory::startConversation(int region, SimTime now, Rng &rng, RequestPool &requests)
{
    const int classIndex = m_classes.size() == 1 ? 0 : m_classPicker.sample(rng);
    const Class &c = m_classes[static_cast<std::size_t>(classIndex)];
    const std::int32_t index = requests.allocate();
    Request &r = requests[index];
    r.arrivalUs = now;
    r.workload = static_cast<std::int16_t>(classIndex);
    r.originRegion = static_cast<std::int16_t>(region);
    r.tagged = c.residencyShare > 0.0 && rng.uniform01() < c.residencyShare ? 1 : 0;
    if (c.groupCount > 0) {
        const int group = c.groupCount == 1 ? 0 : c.groups.sample(rng);
        r.groupSegment = groupSegmentId(classIndex, group);
        r.groupTokens = c.groupTokens;
        r.groupIndex = c.firstGroupIndex + group;
    }
    r.streamSegment = m_nextStream++;
    const std::int32_t user = c.prompt.sampleCount(rng);
    r.promptTokens = r.groupTokens + user;
    r.outputTokens = c.output.sampleCount(rng);
    if (c.sessions) {
        const std::int32_t turns = c.turns.sampleCount(rng);
        if (turns > 1) {
            const std::int32_t s = allocateSession();
            Session &session = m_sessions[static_cast<std::size_t>(s)];
            session = Session{};
            session.stream = r.streamSegment;
            session.group = r.groupSegment;
            session.groupIndex = r.groupIndex;
            session.groupTokens = r.groupTokens;
            session.historyTokens = user;
            session.turnsLeft = turns - 1;
            session.workload = classIndex;
            session.originRegion = static_cast<std::int16_t>(region);
            session.tagged = r.tagged;
            r.session = s;
            r.streamShared = 1;
        }
    }
    return index;
}

std::int32_t RequestFactory::nextTurn(std::int32_t sessionIndex, SimTime now, Rng &rng, RequestPool &requests)
{
    Session &session = m_sessions[static_cast<std::size_t>(sessionIndex)];
    const Class &c = m_classes[static_cast<std::size_t>(session.workload)];
    const std::int32_t index = requests.allocate();
    Request &r = requests[index];
    r.arrivalUs = now;
    r.workload = static_cast<std::int16_t>(session.workload);
    r.originRegion = session.originRegion;
    r.tagged = session.tagged;
    r.groupSegment = session.group;
    r.groupTokens = session.groupTokens;
    r.groupIndex = session.groupIndex;
    r.streamSegment = session.stream;
    r.streamShared = 1;
    r.session = sessionIndex;
    const std::int32_t user = c.prompt.sampleCount(rng);
    const std::int64_t prompt = session.groupTokens + session.historyTokens + user;
    r.promptTokens = static_cast<std::int32_t>(std::min<std::int64_t>(prompt, 100000000));
    r.outputTokens = c.output.sampleCount(rng);
    session.historyTokens += user;
    --session.turnsLeft;
    r.streamFinal = session.turnsLeft == 0 ? 1 : 0;
    return index;
}

void RequestFactory::abandon(const Request &request)
{
    if (request.session < 0)
        return;
    Session &session = m_sessions[static_cast<std::size_t>(request.session)];
    if (session.turnsLeft >= 0) {
        session.turnsLeft = -1;
        m_freeSessions.push_back(request.session);
    }
}

SimTime RequestFactory::finishTurn(const Request &request, Rng &rng)
{
    if (request.session < 0)
        return -1;
    Session &session = m_sessions[static_cast<std::size_t>(request.session)];
    session.historyTokens += request.outputTokens;
    if (session.turnsLeft <= 0) {
        session.turnsLeft = -1;
        m_freeSessions.push_back(request.session);
        return -1;
    }
    const Class &c = m_classes[static_cast<std::size_t>(session.workload)];
    const double think = c.thinkS.sample(rng);
    return think > 0.0 ? roundNonNegative(think * 1e6) : 0;
}

} // namespace longitude::engine
