#include "models/commands/removelinkcommand.h"

#include "models/commands/setlinkcommand.h"
#include "models/scenariodocument.h"

namespace longitude::models {

RemoveLinkCommand::RemoveLinkCommand(ScenarioDocument *document, const QString &from, const QString &to,
                                     QUndoCommand *parent)
    : ScenarioCommand(document, QObject::tr("Remove link %1 → %2").arg(from, to), parent)
    , m_from(from.toStdString())
    , m_to(to.toStdString())
{
}

void RemoveLinkCommand::redo()
{
    auto &links = scenario().links;
    m_index = SetLinkCommand::indexOfLink(links, m_from, m_to);
    if (m_index < 0)
        return;
    m_link = links[static_cast<std::size_t>(m_index)];
    eraseAt(links, m_index);
    finishEdit();
    emit document()->linksChanged();
}

void RemoveLinkCommand::undo()
{
    if (m_index < 0)
        return;
    insertAt(scenario().links, m_index, m_link);
    finishEdit();
    emit document()->linksChanged();
}

} // namespace longitude::models
