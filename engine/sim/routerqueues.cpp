#include "routerqueues.h"

namespace longitude::engine {

void RouterQueues::configure(int regions, std::int64_t limit, SimTime maxWaitUs)
{
    m_queues.assign(static_cast<std::size_t>(regions), RingBuffer<Entry>(16));
    m_lengths.assign(static_cast<std::size_t>(regions), 0);
    m_limit = limit;
    m_maxWaitUs = maxWaitUs;
    m_held = 0;
    m_maxLength = 0;
}

bool RouterQueues::push(int region, std::int32_t request, SimTime now)
{
    std::int32_t &length = m_lengths[static_cast<std::size_t>(region)];
    if (length >= m_limit)
        return false;
    m_queues[static_cast<std::size_t>(region)].push({request, now});
    ++length;
    ++m_held;
    if (length > m_maxLength)
        m_maxLength = length;
    return true;
}

void RouterQueues::pop(int region)
{
    m_queues[static_cast<std::size_t>(region)].pop();
    --m_lengths[static_cast<std::size_t>(region)];
    --m_held;
}

SimTime RouterQueues::nextDeadline() const
{
    if (m_held == 0 || m_maxWaitUs == kSimTimeNever)
        return kSimTimeNever;
    SimTime next = kSimTimeNever;
    for (std::size_t r = 0; r < m_queues.size(); ++r)
        if (m_lengths[r] > 0 && m_queues[r].front().sinceUs + m_maxWaitUs < next)
            next = m_queues[r].front().sinceUs + m_maxWaitUs;
    return next;
}

} // namespace longitude::engine
