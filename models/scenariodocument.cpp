#include "models/scenariodocument.h"

#include "engine/io/scenariojson.h"
#include "engine/policies/policyregistry.h"
#include "engine/sim/policychecks.h"
#include "models/commands/addgputypecommand.h"
#include "models/commands/addmodelcommand.h"
#include "models/commands/addpoolcommand.h"
#include "models/commands/addregioncommand.h"
#include "models/commands/addworkloadcommand.h"
#include "models/commands/addzonecommand.h"
#include "models/commands/editpoolcommand.h"
#include "models/commands/editregioncommand.h"
#include "models/commands/addoutagecommand.h"
#include "models/commands/editoutagecommand.h"
#include "models/commands/editsettingscommand.h"
#include "models/commands/removeoutagecommand.h"
#include "models/commands/setparametercommand.h"
#include "models/commands/setroutingpolicycommand.h"
#include "models/commands/editworkloadcommand.h"
#include "models/commands/editzonecommand.h"
#include "models/commands/moveregioncommand.h"
#include "models/commands/removelinkcommand.h"
#include "models/commands/removepoolcommand.h"
#include "models/commands/removeregioncommand.h"
#include "models/commands/removeworkloadcommand.h"
#include "models/commands/removezonecommand.h"
#include "models/commands/setlinkcommand.h"
#include "models/commands/setregionzonecommand.h"
#include "models/commands/settrafficcurvecommand.h"
#include "models/commands/settrafficpointcommand.h"
#include "models/commands/settrafficpresetcommand.h"
#include "models/trafficpresets.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QUndoStack>

#include <algorithm>
#include <cmath>

namespace longitude::models {

namespace {

// Long enough to coalesce the bursts of a drag, short enough to feel immediate.
constexpr int kValidationDelayMs = 150;

template<typename T>
bool hasId(const std::vector<T> &items, const std::string &id)
{
    return std::any_of(items.begin(), items.end(), [&](const T &item) { return item.id == id; });
}

template<typename T>
QString uniqueId(const std::vector<T> &items, const QString &base)
{
    const QString stem = base.isEmpty() ? QStringLiteral("item") : base;
    if (!hasId(items, stem.toStdString()))
        return stem;
    for (int n = 2;; ++n) {
        const QString candidate = QStringLiteral("%1-%2").arg(stem).arg(n);
        if (!hasId(items, candidate.toStdString()))
            return candidate;
    }
}

const engine::RegionTraffic *findTraffic(const engine::Scenario &scenario, const std::string &regionId)
{
    for (const auto &traffic : scenario.traffic) {
        if (traffic.region == regionId)
            return &traffic;
    }
    return nullptr;
}

engine::Diagnostic fileError(const QString &path, const QString &message)
{
    engine::Diagnostic diagnostic;
    diagnostic.file = path.toStdString();
    diagnostic.message = message.toStdString();
    return diagnostic;
}

QString settingsEditText(const ScenarioSettings &before, const ScenarioSettings &after)
{
    int sections = 0;
    QString text;
    auto check = [&](bool changed, const QString &label) {
        if (changed) {
            ++sections;
            text = label;
        }
    };
    check(before.name != after.name || before.description != after.description, QObject::tr("Edit scenario name"));
    check(before.sla != after.sla, QObject::tr("Edit SLA"));
    check(before.routing != after.routing, QObject::tr("Edit routing"));
    check(before.placement != after.placement, QObject::tr("Edit placement"));
    check(before.overflow != after.overflow, QObject::tr("Edit overflow"));
    check(before.failover != after.failover, QObject::tr("Edit failover"));
    check(before.simulation != after.simulation, QObject::tr("Edit simulation settings"));
    return sections == 1 ? text : QObject::tr("Edit settings");
}

} // namespace

ScenarioDocument::ScenarioDocument(QObject *parent)
    : QObject(parent)
    , m_undoStack(new QUndoStack(this))
{
    m_validationTimer.setSingleShot(true);
    m_validationTimer.setInterval(kValidationDelayMs);
    connect(&m_validationTimer, &QTimer::timeout, this, &ScenarioDocument::publishDiagnostics);
    connect(m_undoStack, &QUndoStack::cleanChanged, this, [this](bool clean) { emit modifiedChanged(!clean); });
}

ScenarioDocument::~ScenarioDocument() = default;

QString ScenarioDocument::displayName() const
{
    return m_filePath.isEmpty() ? tr("Untitled") : QFileInfo(m_filePath).fileName();
}

bool ScenarioDocument::isModified() const
{
    return !m_undoStack->isClean();
}

void ScenarioDocument::resetScenario(engine::Scenario scenario, const QString &filePath)
{
    m_scenario = std::move(scenario);
    m_undoStack->clear();
    setFilePath(filePath);
    if (!m_currentRegionId.isEmpty() && m_scenario.findRegion(m_currentRegionId.toStdString()) == nullptr)
        setCurrentRegionId({});
    m_diagnosticsStale = true;
    emit scenarioReset();
    publishDiagnostics();
}

std::expected<engine::Diagnostics, engine::Diagnostics> ScenarioDocument::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return std::unexpected(engine::Diagnostics{
            fileError(path, tr("cannot open the file: %1").arg(file.errorString()))});
    }
    const QByteArray bytes = file.readAll();
    auto parsed = engine::parseScenario(bytes.toStdString(), path.toStdString());
    if (!parsed)
        return std::unexpected(parsed.error());
    resetScenario(std::move(parsed->scenario), path);
    return parsed->warnings;
}

std::expected<engine::Diagnostics, engine::Diagnostics> ScenarioDocument::loadTemplate(const QString &resourcePath)
{
    auto loaded = load(resourcePath);
    if (loaded)
        setFilePath({});
    return loaded;
}

std::expected<engine::Diagnostics, engine::Diagnostics> ScenarioDocument::restore(const QString &recoveryPath,
                                                                                  const QString &originalPath)
{
    auto loaded = load(recoveryPath);
    if (!loaded)
        return loaded;
    setFilePath(originalPath);
    m_undoStack->resetClean();
    emit modifiedChanged(true);
    return loaded;
}

std::expected<void, QString> ScenarioDocument::save(const QString &path)
{
    auto written = writeCopy(path);
    if (!written)
        return written;
    setFilePath(path);
    m_undoStack->setClean();
    return {};
}

std::expected<void, QString> ScenarioDocument::writeCopy(const QString &path) const
{
    const std::string text = engine::saveScenario(m_scenario);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return std::unexpected(tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    }
    const qint64 size = static_cast<qint64>(text.size());
    if (file.write(text.data(), size) != size || !file.commit()) {
        return std::unexpected(tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    }
    return {};
}

const engine::Diagnostics &ScenarioDocument::diagnostics() const
{
    if (m_diagnosticsStale) {
        m_diagnostics = engine::validateScenario(m_scenario);
        // What a run would refuse in routing, overflow and failover, shown before the run.
        const engine::Diagnostics policies = engine::checkPolicies(m_scenario, engine::PolicyRegistry::builtins());
        m_diagnostics.insert(m_diagnostics.end(), policies.begin(), policies.end());
        m_diagnosticsStale = false;
    }
    return m_diagnostics;
}

engine::Diagnostics ScenarioDocument::diagnosticsAt(const QString &pointer, bool includeChildren) const
{
    const std::string exact = pointer.toStdString();
    const std::string prefix = exact + '/';
    engine::Diagnostics result;
    for (const auto &diagnostic : diagnostics()) {
        if (diagnostic.pointer == exact || (includeChildren && diagnostic.pointer.starts_with(prefix)))
            result.push_back(diagnostic);
    }
    return result;
}

void ScenarioDocument::setCurrentRegionId(const QString &regionId)
{
    if (regionId == m_currentRegionId)
        return;
    m_currentRegionId = regionId;
    emit currentRegionChanged(regionId);
}

QString ScenarioDocument::uniqueRegionId(const QString &base) const
{
    return uniqueId(m_scenario.regions, base);
}

QString ScenarioDocument::uniquePoolId(const QString &base) const
{
    return uniqueId(m_scenario.pools, base);
}

QString ScenarioDocument::uniqueZoneId(const QString &base) const
{
    return uniqueId(m_scenario.zones, base);
}

QString ScenarioDocument::uniqueWorkloadId(const QString &base) const
{
    return uniqueId(m_scenario.workloads, base);
}

std::optional<double> ScenarioDocument::directRttMs(const QString &from, const QString &to) const
{
    const std::string a = from.toStdString();
    const std::string b = to.toStdString();
    const int forward = SetLinkCommand::indexOfLink(m_scenario.links, a, b);
    if (forward >= 0)
        return m_scenario.links[static_cast<std::size_t>(forward)].rttMs;
    const int backward = SetLinkCommand::indexOfLink(m_scenario.links, b, a);
    if (backward >= 0 && m_scenario.links[static_cast<std::size_t>(backward)].symmetric)
        return m_scenario.links[static_cast<std::size_t>(backward)].rttMs;
    return std::nullopt;
}

QString ScenarioDocument::addRegion(engine::Region region)
{
    const QString id = uniqueRegionId(QString::fromStdString(region.id));
    region.id = id.toStdString();
    if (region.name.empty())
        region.name = region.id;
    push(new AddRegionCommand(this, std::move(region)));
    return id;
}

bool ScenarioDocument::removeRegion(const QString &regionId)
{
    if (m_scenario.findRegion(regionId.toStdString()) == nullptr)
        return false;
    push(new RemoveRegionCommand(this, regionId));
    return true;
}

bool ScenarioDocument::moveRegion(const QString &regionId, double lon, double lat, bool continuesDrag)
{
    const engine::Region *region = m_scenario.findRegion(regionId.toStdString());
    if (region == nullptr || (region->lon == lon && region->lat == lat))
        return false;
    push(new MoveRegionCommand(this, regionId, lon, lat, continuesDrag));
    return true;
}

bool ScenarioDocument::editRegion(const engine::Region &region)
{
    const engine::Region *current = m_scenario.findRegion(region.id);
    if (current == nullptr || *current == region)
        return false;
    push(new EditRegionCommand(this, region));
    return true;
}

bool ScenarioDocument::setRegionZone(const QString &regionId, const QString &zoneId)
{
    const engine::Region *region = m_scenario.findRegion(regionId.toStdString());
    if (region == nullptr || m_scenario.findZone(zoneId.toStdString()) == nullptr
        || region->zone == zoneId.toStdString())
        return false;
    push(new SetRegionZoneCommand(this, regionId, zoneId));
    return true;
}

bool ScenarioDocument::setLink(const engine::Link &link)
{
    if (link.from == link.to || m_scenario.findRegion(link.from) == nullptr
        || m_scenario.findRegion(link.to) == nullptr)
        return false;
    const int index = SetLinkCommand::indexOfLink(m_scenario.links, link.from, link.to);
    if (index >= 0 && m_scenario.links[static_cast<std::size_t>(index)] == link)
        return false;
    push(new SetLinkCommand(this, link));
    return true;
}

bool ScenarioDocument::removeLink(const QString &from, const QString &to)
{
    if (SetLinkCommand::indexOfLink(m_scenario.links, from.toStdString(), to.toStdString()) < 0)
        return false;
    push(new RemoveLinkCommand(this, from, to));
    return true;
}

bool ScenarioDocument::setRtt(const QString &from, const QString &to, double rttMs, bool symmetric)
{
    const std::string a = from.toStdString();
    const std::string b = to.toStdString();
    if (a == b || m_scenario.findRegion(a) == nullptr || m_scenario.findRegion(b) == nullptr)
        return false;
    const auto &links = m_scenario.links;
    const int forwardIndex = SetLinkCommand::indexOfLink(links, a, b);
    const int backwardIndex = SetLinkCommand::indexOfLink(links, b, a);
    const std::optional<engine::Link> forward =
        forwardIndex >= 0 ? std::optional(links[static_cast<std::size_t>(forwardIndex)]) : std::nullopt;
    const std::optional<engine::Link> backward =
        backwardIndex >= 0 ? std::optional(links[static_cast<std::size_t>(backwardIndex)]) : std::nullopt;

    engine::Link fresh;
    fresh.from = a;
    fresh.to = b;
    fresh.rttMs = rttMs;
    fresh.symmetric = symmetric;

    // Work out the target link set first, so that an edit that changes nothing pushes nothing.
    std::vector<engine::Link> toSet;
    std::vector<std::pair<QString, QString>> toRemove;
    if (symmetric) {
        if (forward) {
            engine::Link link = *forward;
            link.rttMs = rttMs;
            link.symmetric = true;
            toSet.push_back(link);
            if (backward)
                toRemove.emplace_back(to, from);
        } else if (backward) {
            engine::Link link = *backward;
            link.rttMs = rttMs;
            link.symmetric = true;
            toSet.push_back(link);
        } else {
            toSet.push_back(fresh);
        }
    } else {
        if (forward) {
            engine::Link link = *forward;
            if (link.symmetric && !backward) {
                // The reverse direction was implied by this link: keep its value explicitly.
                engine::Link reverse = link;
                std::swap(reverse.from, reverse.to);
                reverse.symmetric = false;
                toSet.push_back(reverse);
            }
            link.rttMs = rttMs;
            link.symmetric = false;
            toSet.push_back(link);
        } else {
            if (backward && backward->symmetric) {
                engine::Link reverse = *backward;
                reverse.symmetric = false;
                toSet.push_back(reverse);
                fresh.egressUsdPerGb = backward->egressUsdPerGb;
            }
            toSet.push_back(fresh);
        }
    }

    std::erase_if(toSet, [&](const engine::Link &link) {
        const int index = SetLinkCommand::indexOfLink(links, link.from, link.to);
        return index >= 0 && links[static_cast<std::size_t>(index)] == link;
    });
    if (toSet.empty() && toRemove.empty())
        return false;

    m_undoStack->beginMacro(tr("Set RTT %1 → %2 to %3 ms").arg(from, to).arg(rttMs));
    for (const auto &link : toSet)
        push(new SetLinkCommand(this, link));
    for (const auto &[linkFrom, linkTo] : toRemove)
        push(new RemoveLinkCommand(this, linkFrom, linkTo));
    m_undoStack->endMacro();
    return true;
}

bool ScenarioDocument::clearRtt(const QString &from, const QString &to, bool symmetric)
{
    const std::string a = from.toStdString();
    const std::string b = to.toStdString();
    const auto &links = m_scenario.links;
    const int forwardIndex = SetLinkCommand::indexOfLink(links, a, b);
    const int backwardIndex = SetLinkCommand::indexOfLink(links, b, a);
    const bool backwardSymmetric = backwardIndex >= 0 && links[static_cast<std::size_t>(backwardIndex)].symmetric;
    if (forwardIndex < 0 && (!symmetric || backwardIndex < 0) && !backwardSymmetric)
        return false;

    m_undoStack->beginMacro(tr("Clear RTT %1 → %2").arg(from, to));
    if (forwardIndex >= 0) {
        const engine::Link forward = links[static_cast<std::size_t>(forwardIndex)];
        push(new RemoveLinkCommand(this, from, to));
        if (!symmetric && forward.symmetric && backwardIndex < 0) {
            // Only this direction goes; the other one keeps the value it had through symmetry.
            engine::Link reverse = forward;
            std::swap(reverse.from, reverse.to);
            reverse.symmetric = false;
            push(new SetLinkCommand(this, reverse));
        }
    }
    if (backwardIndex >= 0) {
        if (symmetric) {
            push(new RemoveLinkCommand(this, to, from));
        } else if (backwardSymmetric) {
            engine::Link reverse = m_scenario.links[static_cast<std::size_t>(
                SetLinkCommand::indexOfLink(m_scenario.links, b, a))];
            reverse.symmetric = false;
            push(new SetLinkCommand(this, reverse));
        }
    }
    m_undoStack->endMacro();
    return true;
}

QString ScenarioDocument::addZone(engine::ResidencyZone zone)
{
    const QString id = uniqueZoneId(QString::fromStdString(zone.id));
    zone.id = id.toStdString();
    push(new AddZoneCommand(this, std::move(zone)));
    return id;
}

bool ScenarioDocument::editZone(const engine::ResidencyZone &zone)
{
    const engine::ResidencyZone *current = m_scenario.findZone(zone.id);
    if (current == nullptr || *current == zone)
        return false;
    push(new EditZoneCommand(this, zone));
    return true;
}

bool ScenarioDocument::removeZone(const QString &zoneId)
{
    const std::string id = zoneId.toStdString();
    if (m_scenario.findZone(id) == nullptr)
        return false;
    const bool used = std::any_of(m_scenario.regions.begin(), m_scenario.regions.end(),
                                  [&](const engine::Region &region) { return region.zone == id; });
    if (used)
        return false;
    push(new RemoveZoneCommand(this, zoneId));
    return true;
}

QString ScenarioDocument::addPool(engine::Pool pool)
{
    const QString id = uniquePoolId(QString::fromStdString(pool.id));
    pool.id = id.toStdString();
    push(new AddPoolCommand(this, std::move(pool)));
    return id;
}

bool ScenarioDocument::removePool(const QString &poolId)
{
    if (m_scenario.findPool(poolId.toStdString()) == nullptr)
        return false;
    push(new RemovePoolCommand(this, poolId));
    return true;
}

bool ScenarioDocument::editPool(const QString &poolId, const engine::Pool &pool)
{
    const engine::Pool *current = m_scenario.findPool(poolId.toStdString());
    if (current == nullptr || *current == pool || pool.id.empty())
        return false;
    if (pool.id != current->id && m_scenario.findPool(pool.id) != nullptr)
        return false;
    push(new EditPoolCommand(this, poolId, pool));
    return true;
}

bool ScenarioDocument::setTrafficPoint(const QString &regionId, int hour, double multiplier, bool continuesDrag)
{
    if (hour < 0 || hour > 23 || m_scenario.findRegion(regionId.toStdString()) == nullptr)
        return false;
    if (const engine::RegionTraffic *traffic = findTraffic(m_scenario, regionId.toStdString())) {
        const auto curve = TrafficPresets::effectiveCurve(*traffic);
        if (traffic->preset.empty() && curve[static_cast<std::size_t>(hour)] == multiplier)
            return false;
    }
    push(new SetTrafficPointCommand(this, regionId, hour, multiplier, continuesDrag));
    return true;
}

bool ScenarioDocument::setTrafficPreset(const QString &regionId, const QString &preset)
{
    if (m_scenario.findRegion(regionId.toStdString()) == nullptr)
        return false;
    const engine::RegionTraffic *traffic = findTraffic(m_scenario, regionId.toStdString());
    if (traffic != nullptr && traffic->preset == preset.toStdString() && traffic->hourly.empty())
        return false;
    push(new SetTrafficPresetCommand(this, regionId, preset));
    return true;
}

bool ScenarioDocument::setTraffic(const engine::RegionTraffic &traffic)
{
    if (m_scenario.findRegion(traffic.region) == nullptr)
        return false;
    const engine::RegionTraffic *current = findTraffic(m_scenario, traffic.region);
    if (current != nullptr && *current == traffic)
        return false;
    push(new SetTrafficCurveCommand(this, traffic));
    return true;
}

bool ScenarioDocument::addGpuType(const engine::GpuType &gpuType)
{
    if (gpuType.id.empty() || m_scenario.findGpuType(gpuType.id) != nullptr)
        return false;
    push(new AddGpuTypeCommand(this, gpuType));
    return true;
}

bool ScenarioDocument::addModel(const engine::Model &model)
{
    if (model.id.empty() || m_scenario.findModel(model.id) != nullptr)
        return false;
    push(new AddModelCommand(this, model));
    return true;
}

QString ScenarioDocument::addWorkload(engine::WorkloadClass workload)
{
    const QString id = uniqueWorkloadId(QString::fromStdString(workload.id));
    workload.id = id.toStdString();
    push(new AddWorkloadCommand(this, std::move(workload)));
    return id;
}

bool ScenarioDocument::removeWorkload(const QString &workloadId)
{
    if (!hasId(m_scenario.workloads, workloadId.toStdString()))
        return false;
    push(new RemoveWorkloadCommand(this, workloadId));
    return true;
}

bool ScenarioDocument::editWorkload(const QString &workloadId, const engine::WorkloadClass &workload)
{
    const std::string id = workloadId.toStdString();
    const auto current = std::find_if(m_scenario.workloads.begin(), m_scenario.workloads.end(),
                                      [&](const engine::WorkloadClass &w) { return w.id == id; });
    if (current == m_scenario.workloads.end() || *current == workload || workload.id.empty())
        return false;
    if (workload.id != id && hasId(m_scenario.workloads, workload.id))
        return false;
    push(new EditWorkloadCommand(this, workloadId, workload));
    return true;
}

bool ScenarioDocument::editSettings(const ScenarioSettings &settings, const QString &text)
{
    const ScenarioSettings current = ScenarioSettings::of(m_scenario);
    if (current == settings)
        return false;
    push(new EditSettingsCommand(this, settings, text.isEmpty() ? settingsEditText(current, settings) : text));
    return true;
}

bool ScenarioDocument::setParameter(ParamSection section, const QString &name, std::optional<double> value)
{
    const std::string key = name.toStdString();
    const engine::ParamMap &params = paramsOf(m_scenario, section);
    const auto it = params.find(key);
    const std::optional<double> current = it == params.end() ? std::nullopt : std::optional<double>(it->second);
    if (key.empty() || current == value)
        return false;
    push(new SetParameterCommand(this, section, key, value));
    return true;
}

bool ScenarioDocument::setRoutingPolicy(const QString &policy)
{
    const std::string name = policy.trimmed().toStdString();
    if (name.empty() || name == m_scenario.routing.policy)
        return false;
    engine::ParamMap kept;
    const engine::PolicyRegistry registry = engine::PolicyRegistry::builtins();
    if (const engine::PolicyInfo *info = registry.find(name)) {
        for (const engine::PolicyParameter &parameter : info->parameters) {
            if (const auto it = m_scenario.routing.params.find(parameter.name); it != m_scenario.routing.params.end())
                kept.insert(*it);
        }
    } else {
        // A policy this build does not know: nothing says which parameters it takes.
        kept = m_scenario.routing.params;
    }
    push(new SetRoutingPolicyCommand(this, name, std::move(kept)));
    return true;
}

bool ScenarioDocument::addOutage(const engine::Outage &outage)
{
    push(new AddOutageCommand(this, outage));
    return true;
}

bool ScenarioDocument::removeOutage(int index)
{
    if (index < 0 || index >= static_cast<int>(m_scenario.failover.outages.size()))
        return false;
    push(new RemoveOutageCommand(this, index));
    return true;
}

bool ScenarioDocument::editOutage(int index, const engine::Outage &outage)
{
    if (index < 0 || index >= static_cast<int>(m_scenario.failover.outages.size())
        || m_scenario.failover.outages[static_cast<std::size_t>(index)] == outage)
        return false;
    push(new EditOutageCommand(this, index, outage));
    return true;
}

bool ScenarioDocument::setSimulationStartHour(double utcHour)
{
    if (!std::isfinite(utcHour))
        return false;
    ScenarioSettings settings = ScenarioSettings::of(m_scenario);
    settings.simulation.startUtcHour = std::fmod(std::fmod(utcHour, 24.0) + 24.0, 24.0);
    const int minutes = static_cast<int>(std::lround(settings.simulation.startUtcHour * 60.0));
    return editSettings(settings, tr("Simulate from %1:%2 UTC")
                                      .arg(minutes / 60 % 24, 2, 10, QLatin1Char('0'))
                                      .arg(minutes % 60, 2, 10, QLatin1Char('0')));
}

void ScenarioDocument::beginMacro(const QString &text)
{
    m_undoStack->beginMacro(text);
}

void ScenarioDocument::endMacro()
{
    m_undoStack->endMacro();
}

void ScenarioDocument::markEdited()
{
    m_diagnosticsStale = true;
    m_validationTimer.start();
}

void ScenarioDocument::setFilePath(const QString &filePath)
{
    if (filePath == m_filePath)
        return;
    m_filePath = filePath;
    emit filePathChanged(filePath);
}

void ScenarioDocument::publishDiagnostics()
{
    m_validationTimer.stop();
    if (diagnostics() == m_publishedDiagnostics)
        return;
    m_publishedDiagnostics = diagnostics();
    emit diagnosticsChanged();
}

void ScenarioDocument::push(ScenarioCommand *command)
{
    m_undoStack->push(command);
}

} // namespace longitude::models
