#pragma once

#include "engine/scenario/scenario.h"
#include "models/simulationsummary.h"

#include <QObject>
#include <QStringList>

namespace longitude::models {

class RunHistory;
class SimulationRunner;

/// Runs one scenario under several routing policies, one after another, each on the
/// SimulationRunner's worker thread, so a planner sees the policies of docs/policies.md side by
/// side on the same traffic, hardware and seed. The GUI thread only starts the next run when the
/// previous one has reported.
///
/// Each run is the scenario with `routing.policy` replaced (withPolicy()); the scenario's own
/// routing parameters go only with its own policy, as `longitude-cli run --policy` does. A run
/// that fails is reported by failed() and the comparison goes on with the next policy.
class PolicyComparison : public QObject
{
    Q_OBJECT

public:
    explicit PolicyComparison(QObject *parent = nullptr);
    ~PolicyComparison() override;

    /// Every routing policy the engine ships (engine::PolicyRegistry::builtins()), in its order.
    static QStringList builtinPolicies();
    /// `scenario` set to route with `policy`; its routing.params are kept only when `policy` is
    /// the scenario's own policy.
    static engine::Scenario withPolicy(const engine::Scenario &scenario, const QString &policy);

    /// Starts the runs. False when a comparison is in progress or `policies` is empty.
    bool start(const engine::Scenario &scenario, const QStringList &policies);
    /// Stops at once: the current run is abandoned (cancelled() is emitted now); finished runs stay.
    void cancel();
    bool isRunning() const { return m_index >= 0; }

    /// The finished runs of the current or last comparison, one row per policy, in run order.
    RunHistory *results() const { return m_results; }
    QStringList policies() const { return m_policies; }
    /// Failures of the current or last comparison, "policy: message".
    QStringList failures() const { return m_failures; }

signals:
    void started(int policyCount);
    /// Share of the whole comparison done, in [0, 1], and the policy running now.
    void progress(double fraction, const QString &policy);
    void runFinished(const longitude::models::SimulationSummary &summary);
    void failed(const QString &policy, const QString &message);
    /// Every policy ran (some may have failed).
    void finished();
    void cancelled();

private:
    void startNext();
    void runEnded();

    // One runner per run: a runner stays busy until its worker thread has ended, a moment after
    // it reported, and the next policy should not wait for that. Finished runners are deleted
    // once their thread has ended; a cancelled one stays (a child of this object) until the
    // comparison is destroyed, its worker winding down meanwhile.
    SimulationRunner *m_runner = nullptr;
    QList<SimulationRunner *> m_finished;
    RunHistory *m_results;
    engine::Scenario m_scenario;
    QStringList m_policies;
    QStringList m_failures;
    int m_index = -1; ///< policy running now; -1 when idle
};

} // namespace longitude::models
