#include "models/commands/editoutagecommand.h"

#include "models/scenariodocument.h"

namespace longitude::models {

EditOutageCommand::EditOutageCommand(ScenarioDocument *document, int index, engine::Outage outage,
                                     QUndoCommand *parent)
    : ScenarioCommand(document, QObject::tr("Edit outage of %1").arg(QString::fromStdString(outage.target)), parent)
    , m_index(index)
    , m_before(document->scenario().failover.outages.at(static_cast<std::size_t>(index)))
    , m_after(std::move(outage))
{
}

void EditOutageCommand::redo()
{
    apply(m_after);
}

void EditOutageCommand::undo()
{
    apply(m_before);
}

bool EditOutageCommand::mergeWith(const QUndoCommand *other)
{
    const auto *edit = dynamic_cast<const EditOutageCommand *>(other);
    if (edit == nullptr || edit->m_index != m_index)
        return false;
    m_after = edit->m_after;
    setText(edit->text());
    setObsolete(m_after == m_before);
    return true;
}

void EditOutageCommand::apply(const engine::Outage &outage)
{
    scenario().failover.outages[static_cast<std::size_t>(m_index)] = outage;
    finishEdit();
    emit document()->settingsChanged();
}

} // namespace longitude::models
