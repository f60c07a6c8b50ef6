#include "models/commands/trafficeditcommand.h"

#include "models/scenariodocument.h"

namespace longitude::models {

namespace {

int indexOfTraffic(const std::vector<engine::RegionTraffic> &traffic, const std::string &regionId)
{
    for (std::size_t i = 0; i < traffic.size(); ++i) {
        if (traffic[i].region == regionId)
            return static_cast<int>(i);
    }
    return -1;
}

} // namespace

TrafficEditCommand::TrafficEditCommand(ScenarioDocument *document, const QString &text,
                                       engine::RegionTraffic after, QUndoCommand *parent)
    : ScenarioCommand(document, text, parent)
    , m_after(std::move(after))
{
    const auto &traffic = document->scenario().traffic;
    m_index = indexOfTraffic(traffic, m_after.region);
    if (m_index >= 0)
        m_before = traffic[static_cast<std::size_t>(m_index)];
    else
        m_index = static_cast<int>(traffic.size());
}

void TrafficEditCommand::redo()
{
    apply(m_after);
}

void TrafficEditCommand::undo()
{
    apply(m_before);
}

void TrafficEditCommand::apply(const std::optional<engine::RegionTraffic> &entry)
{
    auto &traffic = scenario().traffic;
    const int current = indexOfTraffic(traffic, m_after.region);
    if (entry && current >= 0)
        traffic[static_cast<std::size_t>(current)] = *entry;
    else if (entry)
        insertAt(traffic, m_index, *entry);
    else if (current >= 0)
        eraseAt(traffic, current);
    finishEdit();
    emit document()->trafficChanged(QString::fromStdString(m_after.region));
}

} // namespace longitude::models
