#include "models/commands/settrafficpresetcommand.h"

#include "models/scenariodocument.h"

namespace longitude::models {

namespace {

engine::RegionTraffic withPreset(const ScenarioDocument *document, const QString &regionId, const QString &preset)
{
    engine::RegionTraffic entry;
    entry.region = regionId.toStdString();
    for (const auto &traffic : document->scenario().traffic) {
        if (traffic.region == entry.region)
            entry = traffic;
    }
    entry.hourly.clear();
    entry.preset = preset.toStdString();
    return entry;
}

} // namespace

SetTrafficPresetCommand::SetTrafficPresetCommand(ScenarioDocument *document, const QString &regionId,
                                                 const QString &preset, QUndoCommand *parent)
    : TrafficEditCommand(document, QObject::tr("Use preset %1 for %2").arg(preset, regionId),
                         withPreset(document, regionId, preset), parent)
{
}

} // namespace longitude::models
