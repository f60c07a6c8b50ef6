#include "models/policycomparison.h"

#include "engine/policies/policyregistry.h"
#include "models/runhistory.h"
#include "models/simulationrunner.h"

namespace longitude::models {

PolicyComparison::PolicyComparison(QObject *parent)
    : QObject(parent)
    , m_results(new RunHistory(this))
{
}

PolicyComparison::~PolicyComparison() = default;

QStringList PolicyComparison::builtinPolicies()
{
    QStringList names;
    const engine::PolicyRegistry registry = engine::PolicyRegistry::builtins();
    for (const engine::PolicyInfo &info : registry.policies())
        names << QString::fromStdString(info.name);
    return names;
}

engine::Scenario PolicyComparison::withPolicy(const engine::Scenario &scenario, const QString &policy)
{
    engine::Scenario copy = scenario;
    const std::string name = policy.toStdString();
    if (copy.routing.policy != name) {
        copy.routing.policy = name;
        copy.routing.params.clear();
    }
    return copy;
}

bool PolicyComparison::start(const engine::Scenario &scenario, const QStringList &policies)
{
    if (isRunning() || policies.isEmpty())
        return false;
    m_scenario = scenario;
    m_policies = policies;
    m_failures.clear();
    m_results->clear();
    m_index = 0;
    emit started(static_cast<int>(m_policies.size()));
    startNext();
    return true;
}

void PolicyComparison::cancel()
{
    if (!isRunning())
        return;
    m_index = -1;
    if (m_runner != nullptr)
        m_runner->cancel();
    m_runner = nullptr;
    emit cancelled();
}

void PolicyComparison::startNext()
{
    const QString policy = m_policies.at(m_index);
    emit progress(m_index / static_cast<double>(m_policies.size()), policy);
    for (auto it = m_finished.begin(); it != m_finished.end();) {
        if ((*it)->isRunning()) {
            ++it;
        } else {
            (*it)->deleteLater(); // not delete: a refused start() may still be on the stack
            it = m_finished.erase(it);
        }
    }
    auto *runner = new SimulationRunner(this);
    m_runner = runner;
    connect(runner, &SimulationRunner::progress, this, [this, runner](double fraction) {
        if (runner == m_runner)
            emit progress((m_index + fraction) / static_cast<double>(m_policies.size()), m_policies.at(m_index));
    });
    connect(runner, &SimulationRunner::finished, this, [this, runner](const SimulationSummary &summary) {
        if (runner != m_runner)
            return;
        m_results->add(summary);
        emit runFinished(summary);
        runEnded();
    });
    connect(runner, &SimulationRunner::failed, this, [this, runner](const QString &message) {
        if (runner != m_runner)
            return;
        const QString failedPolicy = m_policies.at(m_index);
        m_failures << QStringLiteral("%1: %2").arg(failedPolicy, message);
        emit failed(failedPolicy, message);
        runEnded();
    });
    // A refusal is reported through failed() above, which moves on to the next policy.
    runner->start(withPolicy(m_scenario, policy));
}

void PolicyComparison::runEnded()
{
    // Its worker has reported but may still be freeing the simulation: the runner is deleted once
    // its thread has ended (see startNext), so the GUI thread never waits for it.
    m_finished << m_runner;
    m_runner = nullptr;
    ++m_index;
    if (m_index < m_policies.size()) {
        startNext();
        return;
    }
    m_index = -1;
    emit progress(1.0, {});
    emit finished();
}

} // namespace longitude::models
