#pragma once

#include "engine/scenario/diagnostic.h"
#include "engine/scenario/scenario.h"
#include "models/scenariosettings.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <expected>
#include <optional>
#include <vector>

class QUndoStack;

namespace longitude::models {

class ScenarioCommand;

/// The open scenario: owns the engine::Scenario, its undo stack and its file. Every change goes
/// through an edit method below, which pushes one undo command; the commands mutate the scenario
/// and emit the precise signal of what changed, so that models and the map redraw only that.
/// Widgets read the scenario through scenario() and never mutate it.
///
/// Diagnostics are the engine's validateScenario() of the current state. They are recomputed
/// lazily: an edit marks them stale and starts a short debounce timer; diagnostics() always
/// answers for the current state (recomputing when stale), diagnosticsChanged() fires once the
/// timer has run and the list differs.
class ScenarioDocument : public QObject
{
    Q_OBJECT

public:
    explicit ScenarioDocument(QObject *parent = nullptr);
    ~ScenarioDocument() override;

    const engine::Scenario &scenario() const { return m_scenario; }
    QUndoStack *undoStack() const { return m_undoStack; }

    /// Path of the file the scenario was loaded from or saved to; empty for an untitled scenario.
    QString filePath() const { return m_filePath; }
    /// File name for titles: the file's name, or "Untitled" when there is no file.
    QString displayName() const;
    /// True when the scenario differs from the last load or save (the undo stack is not clean).
    bool isModified() const;

    /// Replaces the whole scenario (new document, loaded file, restored recovery file):
    /// clears the undo history and emits scenarioReset(). `filePath` may be empty.
    void resetScenario(engine::Scenario scenario, const QString &filePath = {});

    /// Reads and parses `path` (a file or a ":/" resource) with engine::parseScenario. On success
    /// the document holds it (reset, clean) and the parser's warnings are returned; on failure the
    /// current scenario, path and history are left untouched and every problem is returned.
    std::expected<engine::Diagnostics, engine::Diagnostics> load(const QString &path);
    /// As load(), but the document stays untitled: for templates under ":/samples/".
    std::expected<engine::Diagnostics, engine::Diagnostics> loadTemplate(const QString &resourcePath);
    /// Loads a recovery file written by writeCopy() after a crash: the document gets the recovered
    /// scenario, the path of the file it was edited from (`originalPath`, may be empty) and is
    /// marked modified, since none of it has been saved there.
    std::expected<engine::Diagnostics, engine::Diagnostics> restore(const QString &recoveryPath,
                                                                   const QString &originalPath);
    /// Writes the scenario to `path` atomically (QSaveFile), then makes it the document's file and
    /// marks the history clean. Returns a sentence naming the file on failure.
    std::expected<void, QString> save(const QString &path);
    /// Writes the scenario to `path` atomically without touching the document's path or clean
    /// state: used by autosave.
    std::expected<void, QString> writeCopy(const QString &path) const;

    /// The engine's problems with the current scenario (errors and warnings).
    const engine::Diagnostics &diagnostics() const;
    /// The diagnostics whose pointer is `pointer` or, when `includeChildren`, below it.
    engine::Diagnostics diagnosticsAt(const QString &pointer, bool includeChildren = false) const;

    /// The region the planner is working on (map selection, inspector); empty when none.
    QString currentRegionId() const { return m_currentRegionId; }
    void setCurrentRegionId(const QString &regionId);

    /// An id not used by any object of the same kind: `base`, else `base-2`, `base-3`, ...
    QString uniqueRegionId(const QString &base) const;
    QString uniquePoolId(const QString &base) const;
    QString uniqueZoneId(const QString &base) const;
    QString uniqueWorkloadId(const QString &base) const;

    /// The direct RTT from `from` to `to`: a link from->to, or a symmetric link to->from.
    std::optional<double> directRttMs(const QString &from, const QString &to) const;

    // Edits. Each pushes one undo command (or a macro of several) and returns false, pushing
    // nothing, when it would change nothing or names an object that does not exist. Value checks
    // (ranges, feasibility) are left to the engine's diagnostics, so the planner sees them.

    /// Adds `region`; its id is made unique if taken. Returns the id used.
    QString addRegion(engine::Region region);
    /// Removes the region with its pools, links, traffic and outages (all restored on undo).
    bool removeRegion(const QString &regionId);
    /// Moves a region. Successive moves with `continuesDrag` merge into one undo step, so that a
    /// drag on the map is undone at once; the first move of a drag passes false.
    bool moveRegion(const QString &regionId, double lon, double lat, bool continuesDrag = false);
    /// Replaces the region with the same id (name, provider, offset, zone, gateway latency, ...).
    bool editRegion(const engine::Region &region);
    bool setRegionZone(const QString &regionId, const QString &zoneId);

    /// Adds or replaces the link with the same (from, to).
    bool setLink(const engine::Link &link);
    bool removeLink(const QString &from, const QString &to);
    /// Sets the RTT of from->to, and of to->from too when `symmetric`, keeping the other
    /// direction's value when not (a symmetric link is split in two). One undo step.
    bool setRtt(const QString &from, const QString &to, double rttMs, bool symmetric);
    /// Removes the direct RTT of from->to (and to->from when `symmetric`). One undo step.
    bool clearRtt(const QString &from, const QString &to, bool symmetric);

    QString addZone(engine::ResidencyZone zone);
    bool editZone(const engine::ResidencyZone &zone);
    /// Refuses (returns false) while a region still belongs to the zone.
    bool removeZone(const QString &zoneId);

    QString addPool(engine::Pool pool);
    bool removePool(const QString &poolId);
    /// Replaces pool `poolId` by `pool`; `pool.id` may differ (rename) if it is not taken.
    bool editPool(const QString &poolId, const engine::Pool &pool);

    /// Sets one hourly multiplier (local hour 0..23) of a region's curve. A preset curve becomes
    /// explicit first. Successive points of one drag merge like moveRegion().
    bool setTrafficPoint(const QString &regionId, int hour, double multiplier, bool continuesDrag = false);
    /// Switches the region's curve to a named preset (clears the explicit hourly values).
    bool setTrafficPreset(const QString &regionId, const QString &preset);
    /// Replaces the region's whole traffic entry (peak and curve); creates it if missing.
    bool setTraffic(const engine::RegionTraffic &traffic);

    /// Adds a GPU type or a model (e.g. from the catalog); false when the id is taken.
    bool addGpuType(const engine::GpuType &gpuType);
    bool addModel(const engine::Model &model);

    QString addWorkload(engine::WorkloadClass workload);
    bool removeWorkload(const QString &workloadId);
    bool editWorkload(const QString &workloadId, const engine::WorkloadClass &workload);

    /// Replaces the scenario-wide settings; `text` names the step in the history (default: the
    /// section that changed, "Edit routing").
    bool editSettings(const ScenarioSettings &settings, const QString &text = {});
    /// Sets one parameter of a section's params, or removes it (`value` empty): back to the
    /// engine's default, or an unknown one dropped. Successive values of one parameter merge into
    /// one undo step.
    bool setParameter(ParamSection section, const QString &name, std::optional<double> value);
    /// Switches the routing policy. Parameters the new policy does not take (by the engine's
    /// policy registry) are dropped, since the run would refuse them; undo restores them.
    bool setRoutingPolicy(const QString &policy);
    /// Appends an outage to failover.outages.
    bool addOutage(const engine::Outage &outage);
    bool removeOutage(int index);
    /// Replaces outage `index`; successive edits of one outage merge into one undo step.
    bool editOutage(int index, const engine::Outage &outage);
    /// Makes the simulation start at `utcHour` (wrapped into [0, 24)): "simulate from this hour".
    bool setSimulationStartHour(double utcHour);

    /// Groups the edits until endMacro() into one undo step (e.g. "fill missing RTTs").
    void beginMacro(const QString &text);
    void endMacro();

signals:
    void regionAdded(const QString &regionId);
    void regionRemoved(const QString &regionId);
    void regionChanged(const QString &regionId);
    void poolsChanged();
    void linksChanged();
    void zonesChanged();
    void trafficChanged(const QString &regionId);
    void workloadsChanged();
    /// GPU types or models were added or removed.
    void hardwareChanged();
    void settingsChanged();
    /// The whole scenario was replaced: every view rebuilds.
    void scenarioReset();
    void modifiedChanged(bool modified);
    void filePathChanged(const QString &filePath);
    void diagnosticsChanged();
    void currentRegionChanged(const QString &regionId);

private:
    friend class ScenarioCommand;

    /// Called by every command after it mutated the scenario.
    void markEdited();
    void setFilePath(const QString &filePath);
    void publishDiagnostics();
    void push(ScenarioCommand *command);

    engine::Scenario m_scenario;
    QUndoStack *m_undoStack = nullptr;
    QString m_filePath;
    QString m_currentRegionId;
    QTimer m_validationTimer;
    mutable engine::Diagnostics m_diagnostics;
    mutable bool m_diagnosticsStale = true;
    engine::Diagnostics m_publishedDiagnostics;
};

} // namespace longitude::models
