#pragma once

#include <cstdint>

namespace longitude::engine {

/// A multi-turn conversation between its turns. Turn k's prompt is the system prompt, then every
/// earlier user message and answer, then the new user message, so consecutive turns share the
/// leading blocks of one token stream (`stream`).
struct Session
{
    std::uint64_t stream = 0;
    std::uint64_t group = 0;       ///< system-prompt segment, 0 = none
    std::int64_t historyTokens = 0; ///< earlier user messages + answers
    std::int32_t groupTokens = 0;
    std::int32_t groupIndex = -1;
    std::int32_t turnsLeft = 0;    ///< turns still to come after the current one
    std::int32_t workload = 0;
    std::int16_t originRegion = 0;
    std::uint8_t tagged = 0;
};

} // namespace longitude::engine
