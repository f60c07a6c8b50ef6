// The event kernel must pop events in exactly (time, priority, insertion sequence) order,
// whatever mix of near, far and very far events it holds. Checked against a sorted reference.
#include "engine/core/eventqueue.h"
#include "engine/core/rng.h"
#include "engine/core/simtime.h"
#include "engine/core/sourcetimers.h"
#include "engine/core/timercalendar.h"
#include "engine/core/timerheap.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <vector>

using namespace longitude::engine;

class TestEventKernel : public QObject
{
    Q_OBJECT

private slots:
    void keyOrder()
    {
        QVERIFY(EventKey::make(1, EventPriority::Arrival, 9) < EventKey::make(2, EventPriority::Replica, 0));
        QVERIFY(EventKey::make(5, EventPriority::Replica, 9) < EventKey::make(5, EventPriority::Arrival, 0));
        QVERIFY(EventKey::make(5, EventPriority::Arrival, 3) < EventKey::make(5, EventPriority::Arrival, 4));
        QVERIFY(!(EventKey::make(5, EventPriority::Arrival, 4) < EventKey::make(5, EventPriority::Arrival, 4)));
    }

    void eventQueueMatchesSortedReference()
    {
        // Small buckets and a short ring so that near heap, ring and overflow all take part.
        EventQueue queue(100, 8);
        Rng rng(42);
        std::vector<Event> reference;
        std::uint64_t seq = 0;
        SimTime now = 0;
        std::vector<Event> popped;
        for (int round = 0; round < 20000; ++round) {
            const int pushes = static_cast<int>(rng.uniformInt(3));
            for (int i = 0; i < pushes; ++i) {
                // Many exact ties in time, some far beyond the ring horizon (8 x 100 us).
                const SimTime delay = rng.bernoulli(0.1) ? static_cast<SimTime>(rng.uniformInt(5000))
                                                          : static_cast<SimTime>(rng.uniformInt(50));
                // Never before the last popped key: a kernel schedules only into the future.
                const auto priority = static_cast<EventPriority>(rng.uniformInt(4));
                Event event{EventKey::make(now + 1 + delay, priority, seq), static_cast<std::uint32_t>(seq), 0};
                ++seq;
                queue.push(event);
                reference.push_back(event);
            }
            if (!queue.empty() && rng.bernoulli(0.5)) {
                const Event top = queue.top();
                QVERIFY(top.key.time >= now);
                now = top.key.time;
                popped.push_back(top);
                queue.pop();
            }
        }
        while (!queue.empty()) {
            popped.push_back(queue.top());
            queue.pop();
        }
        QCOMPARE(popped.size(), reference.size());
        // Popping interleaved with pushes cannot be compared with one global sort; check the
        // invariant instead: each popped key is >= the previous one, and every event came out.
        for (std::size_t i = 1; i < popped.size(); ++i)
            QVERIFY2(!(popped[i].key < popped[i - 1].key), "events popped out of order");
        std::vector<std::uint32_t> ids;
        for (const auto &event : popped)
            ids.push_back(event.kind);
        std::sort(ids.begin(), ids.end());
        for (std::size_t i = 0; i < ids.size(); ++i)
            QCOMPARE(ids[i], static_cast<std::uint32_t>(i));
    }

    void eventQueueBulkIsSorted()
    {
        EventQueue queue(64, 4);
        std::vector<Event> reference;
        Rng rng(7);
        for (std::uint64_t seq = 0; seq < 5000; ++seq) {
            Event event{EventKey::make(static_cast<SimTime>(rng.uniformInt(100000)), EventPriority::Arrival, seq),
                        static_cast<std::uint32_t>(seq), 0};
            queue.push(event);
            reference.push_back(event);
        }
        std::sort(reference.begin(), reference.end(), [](const Event &a, const Event &b) { return a.key < b.key; });
        for (const auto &expected : reference) {
            QVERIFY(!queue.empty());
            QCOMPARE(queue.top().kind, expected.kind);
            queue.pop();
        }
        QVERIFY(queue.empty());
    }

    void timerHeapReschedules()
    {
        const int n = 200;
        TimerHeap heap(n);
        std::vector<EventKey> keys(n);
        std::vector<bool> pending(n, false);
        Rng rng(3);
        std::uint64_t seq = 0;
        for (int step = 0; step < 50000; ++step) {
            const int id = static_cast<int>(rng.uniformInt(n));
            if (rng.bernoulli(0.2)) {
                heap.cancel(id);
                pending[static_cast<std::size_t>(id)] = false;
            } else {
                keys[static_cast<std::size_t>(id)] = EventKey::make(static_cast<SimTime>(rng.uniformInt(1000)),
                                                                    EventPriority::Replica, seq++);
                heap.schedule(id, keys[static_cast<std::size_t>(id)]);
                pending[static_cast<std::size_t>(id)] = true;
            }
            int best = -1;
            for (int i = 0; i < n; ++i)
                if (pending[static_cast<std::size_t>(i)]
                    && (best < 0 || keys[static_cast<std::size_t>(i)] < keys[static_cast<std::size_t>(best)]))
                    best = i;
            if (best < 0) {
                QVERIFY(heap.empty());
            } else {
                QCOMPARE(heap.topId(), best);
                QVERIFY(heap.topKey() == keys[static_cast<std::size_t>(best)]);
            }
        }
    }

    // The inline roundings the kernel uses for event times against the C library's: integers,
    // halves, values a hair either side of an integer, negatives, and doubles from 2^52 up.
    void integerRoundingMatchesLibm()
    {
        std::vector<double> values = {0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 1e-9, -1e-9, 2.999999999, -2.999999999,
                                      4503599627370496.0, 4503599627370497.0, -4503599627370497.0, 9.0e15, -9.0e15};
        Rng rng(11);
        for (int i = 0; i < 100000; ++i) {
            const double scale = std::ldexp(1.0, static_cast<int>(rng.uniformInt(60)));
            values.push_back((rng.uniform01() * 2.0 - 1.0) * scale);
        }
        for (const double x : values) {
            QCOMPARE(ceilToInt(x), static_cast<std::int64_t>(std::ceil(x)));
            QCOMPARE(floorToInt(x), static_cast<std::int64_t>(std::floor(x)));
        }
    }

    // The arrival sources' array against a brute-force minimum: moves of the earliest timer,
    // cancels, ties in time (order by priority, then sequence) and an empty set.
    void sourceTimersMatchReference()
    {
        const int n = 7;
        SourceTimers timers(n);
        QVERIFY(timers.empty());
        std::vector<EventKey> keys(n);
        std::vector<bool> pending(n, false);
        Rng rng(5);
        std::uint64_t seq = 0;
        for (int step = 0; step < 20000; ++step) {
            // Half of the moves hit the earliest timer, as every arrival does.
            const int id = !timers.empty() && rng.bernoulli(0.5) ? timers.topId() : static_cast<int>(rng.uniformInt(n));
            if (rng.bernoulli(0.15)) {
                timers.cancel(id);
                pending[static_cast<std::size_t>(id)] = false;
            } else {
                const auto priority = rng.bernoulli(0.5) ? EventPriority::Arrival : EventPriority::Replica;
                keys[static_cast<std::size_t>(id)] = EventKey::make(static_cast<SimTime>(rng.uniformInt(20)), priority, seq++);
                timers.schedule(id, keys[static_cast<std::size_t>(id)]);
                pending[static_cast<std::size_t>(id)] = true;
            }
            int best = -1;
            for (int i = 0; i < n; ++i)
                if (pending[static_cast<std::size_t>(i)]
                    && (best < 0 || keys[static_cast<std::size_t>(i)] < keys[static_cast<std::size_t>(best)]))
                    best = i;
            for (int i = 0; i < n; ++i)
                QCOMPARE(timers.isPending(i), static_cast<bool>(pending[static_cast<std::size_t>(i)]));
            if (best < 0) {
                QVERIFY(timers.empty());
            } else {
                QCOMPARE(timers.topId(), best);
                QVERIFY(timers.topKey() == keys[static_cast<std::size_t>(best)]);
            }
        }
    }

    void timerCalendarMatchesReference_data()
    {
        QTest::addColumn<int>("spanUs");
        QTest::addColumn<int>("farPercent");
        // Dense: everything inside the calendar's 262 ms window. Sparse: timers often beyond it
        // or before its start. Ties: a handful of distinct times, so order falls to priority and
        // insertion sequence.
        QTest::newRow("dense") << 5000 << 0;
        QTest::newRow("sparse, beyond the window") << 2000000 << 30;
        QTest::newRow("ties") << 3 << 0;
    }

    void timerCalendarMatchesReference()
    {
        QFETCH(int, spanUs);
        QFETCH(int, farPercent);
        // Drives the calendar as the scheduler does: the earliest timer fires (the clock moves to
        // it) and is moved later or cancelled; other timers are moved to any time not before the
        // clock. After every operation the earliest timer must be the reference's.
        const int n = 300;
        TimerCalendar calendar(n);
        std::vector<EventKey> keys(n);
        std::vector<bool> pending(n, false);
        Rng rng(11);
        std::uint64_t seq = 0;
        SimTime now = 1000000;
        const auto reference = [&] {
            int best = -1;
            for (int i = 0; i < n; ++i)
                if (pending[static_cast<std::size_t>(i)]
                    && (best < 0 || keys[static_cast<std::size_t>(i)] < keys[static_cast<std::size_t>(best)]))
                    best = i;
            return best;
        };
        const auto later = [&] {
            SimTime delay = static_cast<SimTime>(rng.uniformInt(static_cast<std::uint64_t>(spanUs)));
            if (farPercent > 0 && rng.uniformInt(100) < static_cast<std::uint64_t>(farPercent))
                delay *= 40;
            return now + delay;
        };
        for (int step = 0; step < 60000; ++step) {
            const int top = reference();
            if (top >= 0 && rng.bernoulli(0.5)) {
                // The earliest fires: its handler moves it or cancels it.
                now = keys[static_cast<std::size_t>(top)].time;
                QCOMPARE(calendar.topId(), top);
                if (rng.bernoulli(0.1)) {
                    calendar.cancel(top);
                    pending[static_cast<std::size_t>(top)] = false;
                } else {
                    keys[static_cast<std::size_t>(top)] = EventKey::make(later(), EventPriority::Replica, seq++);
                    calendar.schedule(top, keys[static_cast<std::size_t>(top)]);
                }
            } else {
                const int id = static_cast<int>(rng.uniformInt(n));
                if (rng.bernoulli(0.1)) {
                    calendar.cancel(id);
                    pending[static_cast<std::size_t>(id)] = false;
                } else {
                    const auto priority = rng.bernoulli(0.1) ? EventPriority::Housekeeping : EventPriority::Replica;
                    keys[static_cast<std::size_t>(id)] = EventKey::make(later(), priority, seq++);
                    calendar.schedule(id, keys[static_cast<std::size_t>(id)]);
                    pending[static_cast<std::size_t>(id)] = true;
                }
            }
            const int best = reference();
            QCOMPARE(calendar.empty(), best < 0);
            if (best >= 0) {
                QCOMPARE(calendar.topId(), best);
                QVERIFY(calendar.topKey() == keys[static_cast<std::size_t>(best)]);
            }
            for (int probe = 0; probe < 2; ++probe) {
                const int id = static_cast<int>(rng.uniformInt(n));
                QCOMPARE(calendar.isPending(id), static_cast<bool>(pending[static_cast<std::size_t>(id)]));
                if (pending[static_cast<std::size_t>(id)])
                    QVERIFY(calendar.keyOf(id) == keys[static_cast<std::size_t>(id)]);
            }
        }
    }
};

QTEST_APPLESS_MAIN(TestEventKernel)
#include "tst_eventkernel.moc"
