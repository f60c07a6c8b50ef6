#include "models/commands/scenariocommand.h"

#include "models/scenariodocument.h"

namespace longitude::models {

ScenarioCommand::ScenarioCommand(ScenarioDocument *document, const QString &text, QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_document(document)
{
}

engine::Scenario &ScenarioCommand::scenario() const
{
    return m_document->m_scenario;
}

void ScenarioCommand::finishEdit() const
{
    m_document->markEdited();
}

} // namespace longitude::models
