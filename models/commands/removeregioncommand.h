#pragma once

#include "models/commands/scenariocommand.h"

#include <utility>
#include <vector>

namespace longitude::models {

/// Removes a region and everything that only makes sense with it: its pools, the links that
/// touch it, its traffic curve and the outages that target it or its pools. Undo puts every one
/// of them back at its former position, so the scenario is exactly as before.
class RemoveRegionCommand : public ScenarioCommand
{
public:
    RemoveRegionCommand(ScenarioDocument *document, const QString &regionId, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

private:
    template<typename T>
    using Removed = std::vector<std::pair<int, T>>; // (former index, value), ascending index

    std::string m_regionId;
    int m_regionIndex = -1;
    engine::Region m_region;
    Removed<engine::Pool> m_pools;
    Removed<engine::Link> m_links;
    Removed<engine::RegionTraffic> m_traffic;
    Removed<engine::Outage> m_outages;
};

} // namespace longitude::models
