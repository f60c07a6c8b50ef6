#pragma once

#include "models/commands/scenariocommand.h"

#include <optional>

namespace longitude::models {

/// Common base of the traffic edits: each one replaces a region's whole traffic entry (or
/// creates it), so undo and redo are one assignment and the entry keeps its list position.
class TrafficEditCommand : public ScenarioCommand
{
public:
    void redo() override;
    void undo() override;

protected:
    /// `after` is the region's new entry; the current one (if any) is recorded for undo.
    TrafficEditCommand(ScenarioDocument *document, const QString &text, engine::RegionTraffic after,
                       QUndoCommand *parent);

    const std::string &regionId() const { return m_after.region; }
    const std::optional<engine::RegionTraffic> &before() const { return m_before; }
    const engine::RegionTraffic &after() const { return m_after; }
    void setAfter(engine::RegionTraffic after) { m_after = std::move(after); }

private:
    void apply(const std::optional<engine::RegionTraffic> &entry);

    std::optional<engine::RegionTraffic> m_before;
    engine::RegionTraffic m_after;
    int m_index = -1;
};

} // namespace longitude::models
