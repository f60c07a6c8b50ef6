#pragma once

#include "models/commands/trafficeditcommand.h"

namespace longitude::models {

/// Switches a region's daily curve to a named preset (business day, consumer evening, ...),
/// dropping its explicit hourly values; the peak stays.
class SetTrafficPresetCommand : public TrafficEditCommand
{
public:
    SetTrafficPresetCommand(ScenarioDocument *document, const QString &regionId, const QString &preset,
                            QUndoCommand *parent = nullptr);
};

} // namespace longitude::models
