#pragma once

#include "models/commands/trafficeditcommand.h"

namespace longitude::models {

/// Sets one hourly multiplier of a region's daily curve (a point dragged in the traffic chart
/// or typed in the table). A preset curve becomes explicit values first. Points of one drag
/// (`continuesDrag`) merge into a single undo step.
class SetTrafficPointCommand : public TrafficEditCommand
{
public:
    /// `hour` is a local hour in 0..23 (the document checks it).
    SetTrafficPointCommand(ScenarioDocument *document, const QString &regionId, int hour, double multiplier,
                           bool continuesDrag, QUndoCommand *parent = nullptr);

    int id() const override { return SetTrafficPointMergeId; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    bool m_continuesDrag;
};

} // namespace longitude::models
