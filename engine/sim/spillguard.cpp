#include "spillguard.h"

#include <algorithm>

namespace longitude::engine {

void SpillGuard::configure(const std::vector<double> &slotsPerRegion, double maxRps, double maxShare, double burstS,
                           SimTime start)
{
    m_maxRps = maxRps;
    m_burst = maxRps > 0.0 ? std::max(1.0, maxRps * burstS) : 0.0;
    m_regions.assign(slotsPerRegion.size(), State{});
    for (std::size_t r = 0; r < slotsPerRegion.size(); ++r) {
        m_regions[r].tokens = m_burst;
        m_regions[r].lastUs = start;
        m_regions[r].shareLimit = maxShare > 0.0 ? maxShare * slotsPerRegion[r] : 0.0;
    }
}

bool SpillGuard::allows(int region, SimTime now)
{
    State &s = m_regions[static_cast<std::size_t>(region)];
    if (m_maxRps > 0.0) {
        if (now > s.lastUs) {
            s.tokens = std::min(m_burst, s.tokens + m_maxRps * static_cast<double>(now - s.lastUs) * 1e-6);
            s.lastUs = now;
        }
        if (s.tokens < 1.0)
            return false;
    }
    return s.shareLimit <= 0.0 || s.inFlight + 1 <= s.shareLimit;
}

void SpillGuard::commit(int region)
{
    State &s = m_regions[static_cast<std::size_t>(region)];
    if (m_maxRps > 0.0)
        s.tokens -= 1.0;
    ++s.inFlight;
}

} // namespace longitude::engine
