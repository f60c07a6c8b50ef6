#include "models/simulationrunner.h"

#include <QMetaObject>
#include <QPointer>

#include "engine/sim/simulation.h"

#include <exception>

namespace longitude::models {

/// State shared by the GUI side and one worker: the cancel flag, and the runner to report to
/// (cleared when the runner no longer wants to hear from this run).
struct SimulationRunState
{
    std::atomic<bool> cancel{false};
    QPointer<SimulationRunner> runner;
};

namespace {

/// Forwards the engine's progress and asks it to stop when the GUI cancelled.
class Observer : public engine::SimulationObserver
{
public:
    explicit Observer(std::shared_ptr<SimulationRunState> shared)
        : m_shared(std::move(shared))
    {
    }
    void progress(double fraction) override;
    bool cancelled() override { return m_shared->cancel.load(); }

private:
    std::shared_ptr<SimulationRunState> m_shared;
};

/// Calls `report` on the runner's thread if the runner still listens to this run.
template<typename Report>
void post(const std::shared_ptr<SimulationRunState> &shared, Report report)
{
    QPointer<SimulationRunner> runner = shared->runner;
    if (runner.isNull())
        return;
    QMetaObject::invokeMethod(
        runner.data(),
        [shared, report] {
            if (SimulationRunner *target = shared->runner.data(); target != nullptr && !shared->cancel.load())
                report(target);
        },
        Qt::QueuedConnection);
}

void Observer::progress(double fraction)
{
    post(m_shared, [fraction](SimulationRunner *runner) { emit runner->progress(fraction); });
}

} // namespace

SimulationRunner::SimulationRunner(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<SimulationSummary>();
}

SimulationRunner::~SimulationRunner()
{
    if (m_shared) {
        m_shared->cancel = true;
        m_shared->runner.clear();
    }
}

bool SimulationRunner::start(const engine::Scenario &scenario)
{
    if (isRunning()) {
        emit failed(tr("A simulation is already running."));
        return false;
    }
    m_shared = std::make_shared<SimulationRunState>();
    m_shared->runner = this;
    std::shared_ptr<SimulationRunState> shared = m_shared;
    m_threads.start([shared, scenario] {
        try {
            Observer observer(shared);
            engine::SimulationOptions options;
            options.observer = &observer;
            auto simulation = engine::Simulation::create(scenario, options);
            if (!simulation) {
                const QString message = QString::fromStdString(simulation.error());
                post(shared, [message](SimulationRunner *runner) { runner->m_threads.retire(); emit runner->failed(message); });
                return;
            }
            auto result = simulation->run();
            if (!result) {
                const QString message = QString::fromStdString(result.error());
                post(shared, [message](SimulationRunner *runner) { runner->m_threads.retire(); emit runner->failed(message); });
                return;
            }
            const SimulationSummary summary = SimulationSummary::fromResult(*result);
            post(shared, [summary](SimulationRunner *runner) { runner->m_threads.retire(); emit runner->finished(summary); });
        } catch (const std::exception &error) {
            const QString message = tr("The simulation stopped: %1").arg(QString::fromUtf8(error.what()));
            post(shared, [message](SimulationRunner *runner) { runner->m_threads.retire(); emit runner->failed(message); });
        } catch (...) {
            post(shared, [](SimulationRunner *runner) {
                runner->m_threads.retire();
                emit runner->failed(tr("The simulation stopped on an unknown error."));
            });
        }
    });
    emit started();
    return true;
}

void SimulationRunner::cancel()
{
    if (!isRunning())
        return;
    m_shared->cancel = true;
    m_shared->runner.clear();
    // The worker winds down on its own; the runner is free for the next run at once.
    m_threads.retire();
    emit cancelled();
}



} // namespace longitude::models
