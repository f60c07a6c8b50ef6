#pragma once

#include "engine/core/eventqueue.h"
#include "engine/core/timerheap.h"

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

    void reset(int timerCount, SimTime start)
    {
        m_timers.resize(timerCount);
        m_events.clear(start);
        m_now = start;
        m_seq = 0;
    }

    SimTime now() const { return m_now; }
    std::uint64_t scheduledCount() const { return m_seq; }

    void scheduleTimer(int id, SimTime t, EventPriority priority)
    {
        m_timers.schedule(id, EventKey::make(t, priority, m_seq++));
    }
    /// Arms timer `id` at `t` unless it is already pending at exactly `t` (then it keeps its
    /// place in the order, which saves moving it).
    void moveTimer(int id, SimTime t, EventPriority priority)
    {
        if (m_timers.isPending(id) && m_timers.keyOf(id).time == t)
            return;
        scheduleTimer(id, t, priority);
    }
    void cancelTimer(int id) { m_timers.cancel(id); }
    bool isTimerPending(int id) const { return m_timers.isPending(id); }
    void push(SimTime t, EventPriority priority, std::uint32_t kind, std::uint32_t arg)
    {
        m_events.push(Event{EventKey::make(t, priority, m_seq++), kind, arg});
    }

    /// Key of the earliest pending timer or event (time kSimTimeNever when nothing is pending).
    EventKey peekKey()
    {
        const EventKey timerKey = m_timers.empty() ? EventKey{} : m_timers.topKey();
        const EventKey eventKey = m_events.topKey();
        return eventKey < timerKey ? eventKey : timerKey;
    }

    /// Takes the earliest timer or event, advancing the clock to it. False when none is left.
    bool next(Dispatch &out)
    {
        const bool haveTimer = !m_timers.empty();
        const bool haveEvent = !m_events.empty();
        if (!haveTimer && !haveEvent)
            return false;
        if (haveTimer && (!haveEvent || m_timers.topKey() < m_events.topKey())) {
            out.isTimer = true;
            out.timerId = m_timers.topId();
            m_now = m_timers.topKey().time;
            return true;
        }
        out.isTimer = false;
        out.event = m_events.top();
        m_events.pop();
        m_now = out.event.key.time;
        return true;
    }

private:
    TimerHeap m_timers;
    EventQueue m_events;
    SimTime m_now = 0;
    std::uint64_t m_seq = 0;
};

} // namespace longitude::engine
