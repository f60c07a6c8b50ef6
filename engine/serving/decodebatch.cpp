#include "decodebatch.h"

#include "engine/stats/utilizationtracker.h"

#include <cmath>

namespace longitude::engine {

void DecodeBatch::configure(const LatencyModel *model, int maxBatch)
{
    m_model = model;
    Line empty;
    for (Key &key : empty.item)
        key = kEmptyKey;
    m_lines.assign((static_cast<std::size_t>(maxBatch) + 7 + 7) / 8, empty);
    m_heapSize = 0;
    m_slots.assign(static_cast<std::size_t>(maxBatch), Slot{});
    m_freeSlots.clear();
    for (int slot = maxBatch - 1; slot >= 0; --slot)
        m_freeSlots.push_back(slot);
    m_firstToken = RingBuffer<Pending>(static_cast<std::size_t>(maxBatch));
    m_step = 0.0;
    m_lastUs = 0;
    m_paused = false;
    m_count = 0;
    m_sumPrompt = 0;
    m_sumStart = 0.0;
    m_topFinishStep = 0.0;
    m_topSlot = -1;
    m_topRequest = -1;
}

double DecodeBatch::contextTokens() const
{
    return static_cast<double>(m_sumPrompt) + m_count * m_step - m_sumStart;
}

inline void DecodeBatch::coefficients(double &a, double &s, double &g) const
{
    const LatencyModel::Step coeff = m_model->step(m_count);
    const double context = contextTokens() - 0.5 * m_count;
    a = coeff.baseUs + coeff.perTokenUs * context;
    s = coeff.perTokenUs * m_count;
    g = coeff.floorUs;
}

void DecodeBatch::advanceRunning(SimTime now)
{
    double a = 0.0;
    double s = 0.0;
    double g = 0.0;
    coefficients(a, s, g);
    const double from = m_step;
    const SimTime fromUs = m_lastUs;
    const double dv = stepsForTime(a, s, g, static_cast<double>(now - m_lastUs));
    m_step += dv;
    m_lastUs = now;
    if (m_tracker)
        reportWork(a, s, g, dv, fromUs, now);
    while (!m_firstToken.empty() && m_firstToken.front().step <= m_step + kStepTolerance) {
        const Pending item = m_firstToken.front();
        m_firstToken.pop();
        const double dt = timeForSteps(a, s, g, item.step - from);
        SimTime at = fromUs + ceilToInt(dt - 1e-6);
        if (at > now)
            at = now;
        (*m_requests)[item.request].firstTokenUs = at;
    }
}

void DecodeBatch::reportWork(double a, double s, double g, double dv, SimTime fromUs, SimTime toUs) const
{
    // The work of a step is capacity(b, C) = max(a' + s*x, g): the same shape as the step time,
    // with the base cut to the batch's share of a full batch's base (LatencyModel::capacityStep).
    const LatencyModel::Step capacity = m_model->capacityStep(m_count);
    double aWork = capacity.baseUs + (a - m_model->step(m_count).baseUs);
    const double gWork = capacity.floorUs;
    if (m_tracker->tryAddWork(m_pool, fromUs, toUs, timeForSteps(aWork, s, gWork, dv)))
        return;
    // Rare: the stretch crosses a bucket or window edge. Split it where the clock was at the edge.
    double left = dv;
    for (SimTime t = fromUs; t < toUs;) {
        const SimTime edge = m_tracker->nextEdgeAfter(t);
        const SimTime end = edge < toUs ? edge : toUs;
        double part = end == toUs ? left : stepsForTime(a, s, g, static_cast<double>(end - t));
        if (part > left)
            part = left;
        m_tracker->addWork(m_pool, t, end, timeForSteps(aWork, s, gWork, part));
        a += s * part;
        aWork += s * part;
        left -= part;
        t = end;
    }
}

void DecodeBatch::add(std::int32_t index, RequestPool &pool)
{
    m_requests = &pool;
    const Request &request = pool[index];
    const std::int32_t slot = m_freeSlots.back();
    m_freeSlots.pop_back();
    m_slots[static_cast<std::size_t>(slot)] = Slot{m_step, request.outputTokens, index};
    const Key key = keyOf(m_step + request.outputTokens, slot);
    heapPush(key);
    if (heapAt(0) == key) {
        m_topFinishStep = m_slots[static_cast<std::size_t>(slot)].finishStep();
        m_topSlot = slot;
        m_topRequest = index;
    }
    m_firstToken.push({m_step + 1.0, index});
    ++m_count;
    m_sumPrompt += request.promptTokens;
    m_sumStart += m_step;
}

std::int32_t DecodeBatch::popTop()
{
    const auto slotIndex = static_cast<std::size_t>(m_topSlot);
    const Slot &slot = m_slots[slotIndex];
    heapPop();
    refreshTop();
    m_freeSlots.push_back(static_cast<std::int32_t>(slotIndex));
    --m_count;
    // The request's first line is on its way (prefetchNext) and the replica reads it next.
    m_sumPrompt -= (*m_requests)[slot.index].promptTokens;
    m_sumStart -= slot.startStep;
    if (m_count == 0) {
        // Rebase so that rounding in the running sums cannot build up over a long run.
        m_sumStart = 0.0;
        m_sumPrompt = 0;
    }
    return slot.index;
}

SimTime DecodeBatch::nextCompletionUs() const
{
    if (m_paused || m_count == 0)
        return kSimTimeNever;
    double a = 0.0;
    double s = 0.0;
    double g = 0.0;
    coefficients(a, s, g);
    const double dt = timeForSteps(a, s, g, m_topFinishStep - m_step);
    const SimTime rounded = ceilToInt(dt - 1e-6);
    return m_lastUs + (rounded > 0 ? rounded : 0);
}

inline void DecodeBatch::refreshTop()
{
    if (m_heapSize == 0) {
        m_topSlot = -1;
        m_topRequest = -1;
        return;
    }
    m_topSlot = static_cast<std::int32_t>(slotOf(heapAt(0)));
    const Slot &top = m_slots[static_cast<std::size_t>(m_topSlot)];
    m_topFinishStep = top.finishStep();
    m_topRequest = top.index;
}

// An 8-ary heap of 8-byte keys: the children of a node are one aligned cache line (see
// heapAt), so a pop walks about half as many lines as a binary heap of 16-byte entries.
inline void DecodeBatch::heapPush(Key key)
{
    std::size_t pos = m_heapSize++;
    while (pos > 0) {
        const std::size_t parent = (pos - 1) / 8;
        if (!(key < heapAt(parent)))
            break;
        heapAt(pos) = heapAt(parent);
        pos = parent;
    }
    heapAt(pos) = key;
}

inline void DecodeBatch::heapPop()
{
    const std::size_t size = --m_heapSize;
    const Key last = heapAt(size);
    heapAt(size) = kEmptyKey;
    if (size == 0)
        return;
    std::size_t pos = 0;
    for (;;) {
        if (8 * pos + 1 >= size)
            break;
        // The children of node pos are exactly line pos + 1; slots past the end hold kEmptyKey,
        // so the smallest of the eight is found without bounds checks, by a tournament of
        // conditional moves (keys are distinct: the slot number is in their low bits).
        const Key *c = m_lines[pos + 1].item;
        const std::size_t i01 = c[1] < c[0] ? 1 : 0;
        const std::size_t i23 = c[3] < c[2] ? 3 : 2;
        const std::size_t i45 = c[5] < c[4] ? 5 : 4;
        const std::size_t i67 = c[7] < c[6] ? 7 : 6;
        const std::size_t iLow = c[i23] < c[i01] ? i23 : i01;
        const std::size_t iHigh = c[i67] < c[i45] ? i67 : i45;
        const std::size_t best = c[iHigh] < c[iLow] ? iHigh : iLow;
        if (!(c[best] < last))
            break;
        heapAt(pos) = c[best];
        pos = 8 * pos + 1 + best;
    }
    heapAt(pos) = last;
}

} // namespace longitude::engine
