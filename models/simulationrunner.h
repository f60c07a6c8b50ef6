#pragma once

#include "engine/scenario/scenario.h"
#include "models/simulationsummary.h"
#include "models/workerthreads.h"

#include <QObject>

#include <atomic>
#include <memory>

namespace longitude::models {

struct SimulationRunState;

/// Runs the engine's Simulation on a worker thread and reports value snapshots by signal, so
/// the GUI thread never waits on the engine (STYLE.md, after KDAB Hotspot). One run at a time.
///
/// cancel() is immediate for the GUI: it emits cancelled() at once and drops whatever the
/// stopped run still reports; the worker notices through the engine's observer and ends on its
/// own shortly after. No exception crosses the thread: an engine failure becomes failed().
class SimulationRunner : public QObject
{
    Q_OBJECT

public:
    explicit SimulationRunner(QObject *parent = nullptr);
    /// Stops a run in progress and waits for its thread.
    ~SimulationRunner() override;

    /// True from start() until finished(), failed() or cancelled().
    bool isRunning() const { return m_threads.busy(); }

    /// Runs a copy of `scenario`. Returns false (and emits failed()) when a run is in progress.
    bool start(const engine::Scenario &scenario);
    void cancel();

signals:
    void started();
    /// Share of the run done, in [0, 1].
    void progress(double fraction);
    void finished(const longitude::models::SimulationSummary &summary);
    void failed(const QString &message);
    void cancelled();

private:
    std::shared_ptr<SimulationRunState> m_shared;
    WorkerThreads m_threads{this}; ///< last member: joins the workers before the rest goes
};

} // namespace longitude::models
