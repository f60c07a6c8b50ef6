#include "models/reservationrunner.h"

#include <QMetaObject>
#include <QPointer>

#include <atomic>
#include <exception>

namespace longitude::models {

/// Shared by the GUI side and one worker: the cancel flag, and the runner to report to (cleared
/// when the runner no longer wants to hear from this computation).
struct ReservationRunState
{
    std::atomic<bool> cancel{false};
    QPointer<ReservationRunner> runner;
};

namespace {

/// Lets the sizing search notice a cancel inside and between its probes.
class CancelObserver : public engine::SimulationObserver
{
public:
    explicit CancelObserver(std::shared_ptr<ReservationRunState> shared)
        : m_shared(std::move(shared))
    {
    }
    bool cancelled() override { return m_shared->cancel.load(); }

private:
    std::shared_ptr<ReservationRunState> m_shared;
};

/// Calls `report` on the runner's thread if the runner still listens to this computation.
template<typename Report>
void post(const std::shared_ptr<ReservationRunState> &shared, Report report)
{
    QPointer<ReservationRunner> runner = shared->runner;
    if (runner.isNull())
        return;
    QMetaObject::invokeMethod(
        runner.data(),
        [shared, report] {
            if (ReservationRunner *target = shared->runner.data(); target != nullptr && !shared->cancel.load())
                report(target);
        },
        Qt::QueuedConnection);
}

} // namespace

ReservationRunner::ReservationRunner(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<engine::ReservationPlan>();
}

ReservationRunner::~ReservationRunner()
{
    if (m_shared) {
        m_shared->cancel = true;
        m_shared->runner.clear();
    }
}

bool ReservationRunner::start(const engine::Scenario &scenario, const engine::ReservationPlanOptions &options)
{
    if (isRunning()) {
        emit failed(tr("A reservation plan is already being computed."));
        return false;
    }
    m_shared = std::make_shared<ReservationRunState>();
    m_shared->runner = this;
    std::shared_ptr<ReservationRunState> shared = m_shared;
    m_threads.start([shared, scenario, options] {
        try {
            CancelObserver observer(shared);
            engine::ReservationPlanOptions withCancel = options;
            withCancel.sizing.observer = &observer;
            auto plan = engine::ReservationPlan::compute(scenario, withCancel);
            if (!plan) {
                const QString message = QString::fromStdString(plan.error());
                post(shared, [message](ReservationRunner *runner) {
                    runner->m_threads.retire();
                    emit runner->failed(message);
                });
                return;
            }
            const engine::ReservationPlan value = std::move(*plan);
            post(shared, [value](ReservationRunner *runner) {
                runner->m_threads.retire();
                emit runner->finished(value);
            });
        } catch (const std::exception &error) {
            const QString message = tr("The reservation plan stopped: %1").arg(QString::fromUtf8(error.what()));
            post(shared, [message](ReservationRunner *runner) {
                runner->m_threads.retire();
                emit runner->failed(message);
            });
        } catch (...) {
            post(shared, [](ReservationRunner *runner) {
                runner->m_threads.retire();
                emit runner->failed(tr("The reservation plan stopped on an unknown error."));
            });
        }
    });
    emit started();
    return true;
}

void ReservationRunner::cancel()
{
    if (!isRunning())
        return;
    m_shared->cancel = true;
    m_shared->runner.clear();
    m_threads.retire();
    emit cancelled();
}

} // namespace longitude::models
