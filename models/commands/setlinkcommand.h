#pragma once

#include "models/commands/scenariocommand.h"

#include <optional>

namespace longitude::models {

/// Adds the link from->to or replaces the existing one with the same direction (RTT, symmetry,
/// egress price, source). The map's "draw link" tool and the RTT matrix push it.
class SetLinkCommand : public ScenarioCommand
{
public:
    SetLinkCommand(ScenarioDocument *document, engine::Link link, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

    /// Index of the link with exactly this (from, to) in `links`, or -1.
    static int indexOfLink(const std::vector<engine::Link> &links, const std::string &from, const std::string &to);

private:
    engine::Link m_after;
    std::optional<engine::Link> m_before; // empty when the link is new
    int m_index = -1;
};

} // namespace longitude::models
