#pragma once

#include "engine/core/simtime.h"

#include <cstdint>

namespace longitude::engine {

/// Told by a Replica when a request has produced its last token. The simulation records the
/// request's metrics, continues its session and frees it; the replica never sees metrics.
class ReplicaObserver
{
public:
    virtual ~ReplicaObserver() = default;
    virtual void requestFinished(std::int32_t request, SimTime now) = 0;
};

} // namespace longitude::engine
