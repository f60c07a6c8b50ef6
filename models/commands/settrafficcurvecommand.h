#pragma once

#include "models/commands/trafficeditcommand.h"

namespace longitude::models {

/// Replaces a region's whole traffic entry: peak requests per second and the 24-point curve
/// (e.g. a shape taken from a trace, or a new peak typed in the table).
class SetTrafficCurveCommand : public TrafficEditCommand
{
public:
    SetTrafficCurveCommand(ScenarioDocument *document, engine::RegionTraffic traffic, QUndoCommand *parent = nullptr);
};

} // namespace longitude::models
