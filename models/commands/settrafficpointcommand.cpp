#include "models/commands/settrafficpointcommand.h"

#include "models/scenariodocument.h"
#include "models/trafficpresets.h"

namespace longitude::models {

namespace {

engine::RegionTraffic withPoint(const ScenarioDocument *document, const QString &regionId, int hour, double multiplier)
{
    engine::RegionTraffic entry;
    entry.region = regionId.toStdString();
    for (const auto &traffic : document->scenario().traffic) {
        if (traffic.region == entry.region)
            entry = traffic;
    }
    entry.hourly = TrafficPresets::effectiveCurve(entry);
    entry.preset.clear();
    entry.hourly[static_cast<std::size_t>(hour)] = multiplier;
    return entry;
}

} // namespace

SetTrafficPointCommand::SetTrafficPointCommand(ScenarioDocument *document, const QString &regionId, int hour,
                                               double multiplier, bool continuesDrag, QUndoCommand *parent)
    : TrafficEditCommand(document, QObject::tr("Set traffic of %1 at %2:00").arg(regionId).arg(hour),
                         withPoint(document, regionId, hour, multiplier), parent)
    , m_continuesDrag(continuesDrag)
{
}

bool SetTrafficPointCommand::mergeWith(const QUndoCommand *other)
{
    const auto *point = dynamic_cast<const SetTrafficPointCommand *>(other);
    if (point == nullptr || !point->m_continuesDrag || point->regionId() != regionId())
        return false;
    // The later command was built from the state this one produced, so its entry holds both edits.
    setAfter(point->after());
    setText(QObject::tr("Edit traffic curve of %1").arg(QString::fromStdString(regionId())));
    setObsolete(before() && *before() == after());
    return true;
}

} // namespace longitude::models
