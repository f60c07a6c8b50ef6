#pragma once

#include "engine/planning/reservationplan.h"
#include "models/workerthreads.h"
#include "engine/scenario/scenario.h"

#include <QMetaType>
#include <QObject>

#include <memory>

namespace longitude::models {

struct ReservationRunState;

/// Computes a reservation plan (engine::ReservationPlan: a sizing search on the simulator, then
/// SkyLB's cost arithmetic) on a worker thread and delivers it as a value by signal, so that the
/// GUI thread never waits on the engine (STYLE.md; the same pattern as SimulationRunner). One
/// computation at a time; cancel() is immediate for the GUI and the worker stops at its next
/// probe. No exception crosses the thread: an engine failure becomes failed().
class ReservationRunner : public QObject
{
    Q_OBJECT

public:
    explicit ReservationRunner(QObject *parent = nullptr);
    /// Stops a computation in progress and waits for its thread.
    ~ReservationRunner() override;

    /// True from start() until finished(), failed() or cancelled() is emitted.
    bool isRunning() const { return m_threads.busy(); }

    /// Plans a copy of `scenario`. Returns false (and emits failed()) when one is in progress.
    bool start(const engine::Scenario &scenario, const engine::ReservationPlanOptions &options = {});
    void cancel();

signals:
    void started();
    void finished(const longitude::engine::ReservationPlan &plan);
    void failed(const QString &message);
    void cancelled();

private:
    std::shared_ptr<ReservationRunState> m_shared;
    WorkerThreads m_threads{this}; ///< last member: joins the workers before the rest goes
};

} // namespace longitude::models

Q_DECLARE_METATYPE(longitude::engine::ReservationPlan)
