#include "models/commands/editsettingscommand.h"

#include "models/scenariodocument.h"

namespace longitude::models {

EditSettingsCommand::EditSettingsCommand(ScenarioDocument *document, ScenarioSettings settings, const QString &text,
                                         QUndoCommand *parent)
    : ScenarioCommand(document, text, parent)
    , m_before(ScenarioSettings::of(document->scenario()))
    , m_after(std::move(settings))
{
}

void EditSettingsCommand::redo()
{
    apply(m_after);
}

void EditSettingsCommand::undo()
{
    apply(m_before);
}

void EditSettingsCommand::apply(const ScenarioSettings &settings)
{
    settings.applyTo(scenario());
    finishEdit();
    emit document()->settingsChanged();
}

} // namespace longitude::models
