#pragma once

#include "engine/core/eventqueue.h"
#include "engine/core/sourcetimers.h"
#include "engine/core/timercalendar.h"

namespace longitude::engine {

/// The event kernel: the simulated clock, recurring timers (arrival sources, replicas) and
/// one-shot events, merged in one (time, priority, seq) order with one sequence counter.
/// A fired timer stays armed at its old key: its handler must reschedule or cancel it.
class Scheduler
{
public:
    /// What `next` found: a timer id, or a one-shot event.
    struct Dispatch
    {
        bool isTimer = false;
        int timerId = -1;
        Event event;
    };

    explicit Scheduler(int timerCount = 0, SimTime start = 0) { reset(timerCount, start); }

    /// Timers [0, sourceCount) are few and fire often (arrival sources): they live in a heap of
    /// their own (SourceTimers) so that rescheduling them costs a scan of a few keys, not a walk
    /// through the replicas' calendar.
    void reset(int timerCount, SimTime start, int sourceCount = 0)
    {
        m_sourceCount = sourceCount;
        m_sources.resize(sourceCount);
        m_timers.resize(timerCount - sourceCount);
        m_events.clear(start);
        m_now = start;
        m_seq = 0;
    }

    SimTime now() const { return m_now; }
    std::uint64_t scheduledCount() const { return m_seq; }

    void scheduleTimer(int id, SimTime t, EventPriority priority)
    {
        if (id < m_sourceCount)
            m_sources.schedule(id, EventKey::make(t, priority, m_seq++));
        else
            m_timers.schedule(id - m_sourceCount, EventKey::make(t, priority, m_seq++));
    }
    /// Arms timer `id` at `t` unless it is already pending at exactly `t` (then it keeps its
    /// place in the order, which saves moving it).
    void moveTimer(int id, SimTime t, EventPriority priority)
    {
        const bool unchanged = id < m_sourceCount
                                   ? m_sources.isPending(id) && m_sources.keyOf(id).time == t
                                   : m_timers.isPending(id - m_sourceCount) && m_timers.keyOf(id - m_sourceCount).time == t;
        if (unchanged)
            return;
        scheduleTimer(id, t, priority);
    }
    void cancelTimer(int id)
    {
        if (id < m_sourceCount)
            m_sources.cancel(id);
        else
            m_timers.cancel(id - m_sourceCount);
    }
    bool isTimerPending(int id) const
    {
        return id < m_sourceCount ? m_sources.isPending(id) : m_timers.isPending(id - m_sourceCount);
    }
    void push(SimTime t, EventPriority priority, std::uint32_t kind, std::uint32_t arg)
    {
        m_events.push(Event{EventKey::make(t, priority, m_seq++), kind, arg});
    }

    /// Key of the earliest pending timer or event (time kSimTimeNever when nothing is pending).
    EventKey peekKey()
    {
        const EventKey timerKey = m_timers.empty() ? EventKey{} : m_timers.topKey();
        const EventKey sourceKey = m_sources.empty() ? EventKey{} : m_sources.topKey();
        const EventKey eventKey = m_events.topKey();
        const EventKey earlier = sourceKey < timerKey ? sourceKey : timerKey;
        return eventKey < earlier ? eventKey : earlier;
    }

    /// Takes the earliest timer or event, advancing the clock to it. False when none is left.
    bool next(Dispatch &out)
    {
        // Pick the earliest of the three tops; an empty one compares as never.
        const EventKey never{};
        const EventKey &timerKey = m_timers.empty() ? never : m_timers.topKey();
        const EventKey &sourceKey = m_sources.empty() ? never : m_sources.topKey();
        const EventKey eventKey = m_events.topKey();
        if (m_timers.empty() && m_sources.empty() && m_events.empty())
            return false;
        if (sourceKey < timerKey) {
            if (sourceKey < eventKey) {
                out.isTimer = true;
                out.timerId = m_sources.topId();
                m_now = sourceKey.time;
                return true;
            }
        } else if (!m_timers.empty() && timerKey < eventKey) {
            out.isTimer = true;
            out.timerId = m_timers.topId() + m_sourceCount;
            m_now = timerKey.time;
            return true;
        }
        out.isTimer = false;
        out.event = m_events.top();
        m_events.pop();
        m_now = out.event.key.time;
        return true;
    }

private:
    SourceTimers m_sources;
    TimerCalendar m_timers; ///< replicas and housekeeping: many, moved often
    int m_sourceCount = 0;
    EventQueue m_events;
    SimTime m_now = 0;
    std::uint64_t m_seq = 0;
};

} // namespace longitude::engine
