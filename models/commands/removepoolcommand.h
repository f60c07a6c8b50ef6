#pragma once

#include "models/commands/scenariocommand.h"

#include <utility>
#include <vector>

namespace longitude::models {

/// Removes a GPU pool and the outages that target it; undo restores both in place.
class RemovePoolCommand : public ScenarioCommand
{
public:
    RemovePoolCommand(ScenarioDocument *document, const QString &poolId, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

private:
    std::string m_poolId;
    int m_index = -1;
    engine::Pool m_pool;
    std::vector<std::pair<int, engine::Outage>> m_outages; // (former index, outage), ascending
};

} // namespace longitude::models
