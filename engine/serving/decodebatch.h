#pragma once

#include "engine/core/ringbuffer.h"
#include "engine/core/simtime.h"
#include "engine/serving/latencymodel.h"
#include "engine/serving/requestpool.h"

#include <cmath>
#include <cstdint>
#include <vector>

namespace longitude::engine {

class UtilizationTracker;

/// The decode batch of one replica as a virtual step clock: every running sequence gains one
/// token per step, and a step takes step(b, C) for b sequences holding C context tokens
/// (LatencyModel). Instead of one event per iteration, the batch keeps `v`, the number of steps
/// taken so far (a real number), advanced at each change of the batch by integrating
/// dt/dv = step(b, C(v)) exactly; C(v) grows linearly in v between changes, so the integral and
/// its inverse are closed forms. A sequence that joined at step s with n output tokens finishes at
/// s + n and produces its first token at s + 1; finish steps sit in a min-heap, first-token steps
/// in a FIFO (they are increasing). One replica event per change replaces one per iteration.
///
/// Context counted per sequence: prompt + tokens generated so far - 1/2 (midpoint rule), which
/// makes the time of each whole step equal step(b, prompt + k) for a linear step function, i.e.
/// the discrete iteration sum of a real engine. Sequences join and leave between steps of their
/// own, not at iteration boundaries: the fluid approximation errs by less than one step per request.
class DecodeBatch
{
public:
    void configure(const LatencyModel *model, int maxBatch);
    /// Reports the compute work of every stretch of steps (LatencyModel::capacityStep) to
    /// `tracker` as work of pool `pool`; null reports nothing.
    void setWorkTracker(UtilizationTracker *tracker, int pool)
    {
        m_tracker = tracker;
        m_pool = pool;
    }

    int size() const { return m_count; }
    double virtualStep() const { return m_step; }
    bool paused() const { return m_paused; }
    /// Context tokens currently held by decoding sequences.
    double contextTokens() const;

    /// Moves the clock to `now`. First tokens crossed on the way are stamped into their requests
    /// (Request::firstTokenUs).
    void advanceTo(SimTime now)
    {
        // Inline for the calls that have nothing to do (a replica's events come in bursts at
        // one time; a paused or empty batch only moves its time).
        if (now <= m_lastUs)
            return;
        if (m_paused || m_count == 0) {
            m_lastUs = now;
            return;
        }
        advanceRunning(now);
    }
    /// Stops or restarts stepping (a replica prefilling does not decode). Call after advanceTo(now).
    void setPaused(bool paused) { m_paused = paused; }
    /// Starts decoding request `index`. Call after advanceTo(now).
    void add(std::int32_t index, RequestPool &pool);
    /// A request whose last token has been produced by now, removed from the batch; -1 if none.
    std::int32_t popFinished()
    {
        // The check is inline: every wake-up ends with one that finds nothing.
        if (m_heapSize == 0 || m_topFinishStep > m_step + kStepTolerance)
            return -1;
        return popTop();
    }
    /// Starts loading what the next completion will touch (its request and slot).
    void prefetchNext(const RequestPool &pool) const
    {
        if (m_heapSize == 0)
            return;
        // The next sequence to finish is known without reading the heap or its slot, so the
        // slot and the request are asked for at once rather than one after the other.
        __builtin_prefetch(&m_slots[static_cast<std::size_t>(m_topSlot)]);
        // Both lines: finishing reads the replica's line and the metrics' line.
        const char *request = reinterpret_cast<const char *>(&pool[m_topRequest]);
        __builtin_prefetch(request);
        __builtin_prefetch(request + 64);
    }
    /// When the next sequence finishes if nothing changes (kSimTimeNever when paused or empty).
    SimTime nextCompletionUs() const;

    /// Time to advance `dv` steps from a state whose step time is max(a + s*x, g) after x steps.
    static double timeForSteps(double a, double s, double g, double dv);
    /// Inverse of timeForSteps: steps advanced in `dt` microseconds.
    static double stepsForTime(double a, double s, double g, double dt);

private:
    /// Steps are doubles; an event rounded up to the next microsecond may land a hair short of
    /// the step it was computed for.
    static constexpr double kStepTolerance = 1e-6;

    /// advanceTo for a running batch whose clock moves.
    void advanceRunning(SimTime now);
    /// popFinished once the top is known to have finished.
    std::int32_t popTop();

    /// A sequence waiting for its first token.
    struct Pending
    {
        double step;
        std::int32_t request;
    };
    /// What the batch keeps about one running sequence: 16 bytes, four to a cache line. The
    /// first-token time goes straight into the request's second line, which its end reads anyway
    /// (the metrics), so the slot is not written a second time.
    struct Slot
    {
        double startStep = 0.0;
        std::int32_t outputTokens = 0;
        std::int32_t index = -1; ///< the request
        double finishStep() const { return startStep + outputTokens; }
    };
    /// Finish-heap key: the finish step in 48.16 fixed point above the slot number, so that a key
    /// is 8 bytes and eight children fill one cache line. Ties in fixed point (finishes less than
    /// 2^-16 step apart) are ordered by slot; the exact finish step is in the slot.
    using Key = std::uint64_t;
    static Key keyOf(double finishStep, std::int32_t slot)
    {
        return (static_cast<std::uint64_t>(finishStep * 65536.0) << 16) | static_cast<std::uint64_t>(slot);
    }
    static std::size_t slotOf(Key key) { return static_cast<std::size_t>(key & 0xFFFF); }
    /// Fills the heap's unused positions, so that a node's eight children can be compared
    /// without checking which exist.
    static constexpr Key kEmptyKey = ~Key{0};
    // The private steps below are always inlined into their callers (one or two each): their
    // calls' register saves cost a noticeable share of a pop or a push.
    [[gnu::always_inline]] inline void heapPush(Key key);
    [[gnu::always_inline]] inline void heapPop();
    /// Copies what the batch needs to know about the heap's top (the next sequence to finish)
    /// into the batch's own scalars, after the top changed.
    [[gnu::always_inline]] inline void refreshTop();
    /// Coefficients (a, s, g) of the current interval.
    [[gnu::always_inline]] inline void coefficients(double &a, double &s, double &g) const;
    /// Reports the work of `dv` steps taken from `fromUs` to `toUs`, the step time being
    /// max(a + s*x, g) after x steps, to the tracker, split exactly at its bucket and window edges.
    void reportWork(double a, double s, double g, double dv, SimTime fromUs, SimTime toUs) const;

    const LatencyModel *m_model = nullptr;
    UtilizationTracker *m_tracker = nullptr;
    RequestPool *m_requests = nullptr; ///< the pool of the requests added (first tokens are stamped there)
    int m_pool = 0;
    /// 8-ary min-heap of keys, laid out so that the eight children of a node fill exactly one
    /// cache line: logical index j lives at physical position j + 7 of 64-byte-aligned lines.
    struct alignas(64) Line
    {
        Key item[8];
    };
    Key &heapAt(std::size_t j) { return m_lines[(j + 7) >> 3].item[(j + 7) & 7]; }
    const Key &heapAt(std::size_t j) const { return m_lines[(j + 7) >> 3].item[(j + 7) & 7]; }
    std::vector<Line> m_lines;
    std::size_t m_heapSize = 0;
    std::vector<Slot> m_slots;
    std::vector<std::int32_t> m_freeSlots;
    RingBuffer<Pending> m_firstToken{16}; ///< increasing first-token steps
    double m_step = 0.0;
    SimTime m_lastUs = 0;
    /// The heap's top, kept beside the clock: whether it finished and when it will are answered
    /// without touching the heap's line or the sequence's slot (both cold when a replica wakes).
    double m_topFinishStep = 0.0;
    std::int32_t m_topSlot = -1;
    std::int32_t m_topRequest = -1;
    bool m_paused = false;
    int m_count = 0;
    std::int64_t m_sumPrompt = 0; ///< prompt tokens of decoding sequences
    double m_sumStart = 0.0;      ///< their start steps
};

// Inline: a replica event evaluates them two to four times.
inline double DecodeBatch::timeForSteps(double a, double s, double g, double dv)
{
    if (dv <= 0.0)
        return 0.0;
    if (s <= 0.0)
        return (a > g ? a : g) * dv;
    if (a >= g)
        return a * dv + 0.5 * s * dv * dv;
    const double cross = (g - a) / s; // steps until the memory term overtakes the compute floor
    if (dv <= cross)
        return g * dv;
    const double rest = dv - cross;
    return g * dv + 0.5 * s * rest * rest;
}

inline double DecodeBatch::stepsForTime(double a, double s, double g, double dt)
{
    if (dt <= 0.0)
        return 0.0;
    if (s <= 0.0)
        return dt / (a > g ? a : g);
    if (a >= g)
        return 2.0 * dt / (a + std::sqrt(a * a + 2.0 * s * dt));
    const double cross = (g - a) / s;
    if (dt <= g * cross)
        return dt / g;
    const double rest = dt - g * cross;
    return cross + 2.0 * rest / (g + std::sqrt(g * g + 2.0 * s * rest));
}

} // namespace longitude::engine
