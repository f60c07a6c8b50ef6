#pragma once

#include <QList>

#include <functional>

class QObject;
class QThread;

namespace longitude::models {

/// The worker threads of a runner that does one background job at a time (SimulationRunner,
/// ReservationRunner): the current job's thread and the ones still winding down after the GUI
/// stopped listening to them. Exists so that a cancel frees the runner at once, without waiting
/// for the engine to notice, while every thread is still joined and deleted exactly once.
class WorkerThreads
{
public:
    /// `context` receives the threads' finished() signals (the runner, on the GUI thread).
    explicit WorkerThreads(QObject *context);
    /// Waits for every thread and deletes it; the owner must have asked its job to stop first.
    ~WorkerThreads();
    WorkerThreads(const WorkerThreads &) = delete;
    WorkerThreads &operator=(const WorkerThreads &) = delete;

    /// True from start() until retire().
    bool busy() const { return m_current != nullptr; }
    /// Runs `work` on a new thread, the current one.
    void start(std::function<void()> work);
    /// The current job is done for the GUI (its answer delivered, or not wanted): its thread
    /// ends on its own and a new job may start at once.
    void retire();

private:
    void collect(QThread *thread);

    QObject *m_context;
    QThread *m_current = nullptr;
    QList<QThread *> m_retiring;
};

} // namespace longitude::models
