#include "models/commands/settrafficcurvecommand.h"

namespace longitude::models {

SetTrafficCurveCommand::SetTrafficCurveCommand(ScenarioDocument *document, engine::RegionTraffic traffic,
                                               QUndoCommand *parent)
    : TrafficEditCommand(document, QObject::tr("Edit traffic of %1").arg(QString::fromStdString(traffic.region)),
                         traffic, parent)
{
}

} // namespace longitude::models
