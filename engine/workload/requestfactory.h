#pragma once

#include "engine/core/aliastable.h"
#include "engine/core/rng.h"
#include "engine/scenario/scenario.h"
#include "engine/serving/requestpool.h"
#include "engine/workload/distributionsampler.h"
#include "engine/workload/session.h"

#include <cstdint>
#include <expected>
#include <string>
#include <vector>

namespace longitude::engine {

/// Turns the scenario's workload classes into requests: picks the class, samples lengths, the
/// shared system prompt (Zipf over groups) and the residency tag, opens sessions and builds each
/// next turn's prompt from the history. Arrival processes produce *conversation starts*; a class
/// with mean T turns is picked with weight share/T, so that all turns together follow the
/// scenario's request rate (peakRps counts requests, not sessions).
class RequestFactory
{
public:
    struct Class
    {
        std::string id;
        int model = 0;
        DistributionSampler prompt;
        DistributionSampler output;
        DistributionSampler turns;
        DistributionSampler thinkS;
        AliasTable groups;
        int groupCount = 0;
        std::int32_t groupTokens = 0;
        double residencyShare = 0.0;
        double meanTurns = 1.0;
        bool sessions = false;
        int firstGroupIndex = 0; ///< dense index of group 0 of this class
    };

    /// Number of distinct shared system prompts over all classes of `scenario` (the range of
    /// Request::groupIndex).
    static int groupCount(const Scenario &scenario);

    /// `modelIndex` maps a workload's model id to the engine's model index (-1 = unknown).
    static std::expected<RequestFactory, std::string> create(const Scenario &scenario,
                                                            const std::vector<std::string> &modelIds);

    /// Conversation starts per request: multiply a request rate by this to get the start rate.
    double startsPerRequest() const { return m_startsPerRequest; }
    const std::vector<Class> &classes() const { return m_classes; }

    /// A new conversation from `region` at `now`: fills a fresh request (and opens a session if
    /// the class has several turns). Returns the request index.
    std::int32_t startConversation(int region, SimTime now, Rng &rng, RequestPool &requests);
    /// The next turn of `session` at `now`.
    std::int32_t nextTurn(std::int32_t session, SimTime now, Rng &rng, RequestPool &requests);
    /// Called when a request finished: records the answer into its session. Returns the think
    /// time in microseconds before the next turn, or -1 when the conversation is over (the
    /// session is then freed).
    SimTime finishTurn(const Request &request, Rng &rng);

    /// The conversation of `request` ends early (its turn was shed, or the run is over).
    void abandon(const Request &request);

    std::size_t openSessions() const { return m_sessions.size() - m_freeSessions.size(); }

private:
    std::int32_t allocateSession();
    std::vector<Class> m_classes;
    AliasTable m_classPicker;
    double m_startsPerRequest = 1.0;
    std::uint64_t m_nextStream = 1;
    std::vector<Session> m_sessions;
    std::vector<std::int32_t> m_freeSessions;
};

} // namespace longitude::engine
