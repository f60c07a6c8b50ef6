#include "models/commands/setlinkcommand.h"

#include "models/scenariodocument.h"

namespace longitude::models {

SetLinkCommand::SetLinkCommand(ScenarioDocument *document, engine::Link link, QUndoCommand *parent)
    : ScenarioCommand(document,
                      QObject::tr("Set link %1 → %2").arg(QString::fromStdString(link.from), QString::fromStdString(link.to)),
                      parent)
    , m_after(std::move(link))
{
}

int SetLinkCommand::indexOfLink(const std::vector<engine::Link> &links, const std::string &from, const std::string &to)
{
    for (std::size_t i = 0; i < links.size(); ++i) {
        if (links[i].from == from && links[i].to == to)
            return static_cast<int>(i);
    }
    return -1;
}

void SetLinkCommand::redo()
{
    auto &links = scenario().links;
    m_index = indexOfLink(links, m_after.from, m_after.to);
    if (m_index >= 0) {
        m_before = links[static_cast<std::size_t>(m_index)];
        links[static_cast<std::size_t>(m_index)] = m_after;
    } else {
        m_before.reset();
        m_index = static_cast<int>(links.size());
        links.push_back(m_after);
    }
    finishEdit();
    emit document()->linksChanged();
}

void SetLinkCommand::undo()
{
    auto &links = scenario().links;
    if (m_index < 0 || m_index >= static_cast<int>(links.size()))
        return;
    if (m_before)
        links[static_cast<std::size_t>(m_index)] = *m_before;
    else
        eraseAt(links, m_index);
    finishEdit();
    emit document()->linksChanged();
}

} // namespace longitude::models
