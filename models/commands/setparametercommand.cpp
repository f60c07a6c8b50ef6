#include "models/commands/setparametercommand.h"

#include "models/scenariodocument.h"

namespace longitude::models {

namespace {

QString sectionName(ParamSection section)
{
    switch (section) {
    case ParamSection::Routing: return QObject::tr("routing");
    case ParamSection::Placement: return QObject::tr("placement");
    case ParamSection::Overflow: return QObject::tr("overflow");
    case ParamSection::Failover: return QObject::tr("failover");
    }
    return {};
}

} // namespace

SetParameterCommand::SetParameterCommand(ScenarioDocument *document, ParamSection section, std::string name,
                                         std::optional<double> value, QUndoCommand *parent)
    : ScenarioCommand(document, QString(), parent)
    , m_section(section)
    , m_name(std::move(name))
    , m_after(value)
{
    const engine::ParamMap &params = paramsOf(document->scenario(), section);
    if (const auto it = params.find(m_name); it != params.end())
        m_before = it->second;
    updateText();
}

void SetParameterCommand::redo()
{
    apply(m_after);
}

void SetParameterCommand::undo()
{
    apply(m_before);
}

bool SetParameterCommand::mergeWith(const QUndoCommand *other)
{
    const auto *set = dynamic_cast<const SetParameterCommand *>(other);
    // A reset or a removal stays a step of its own: it is a different kind of edit.
    if (set == nullptr || set->m_section != m_section || set->m_name != m_name || !m_after || !set->m_after)
        return false;
    m_after = set->m_after;
    setObsolete(m_after == m_before);
    updateText();
    return true;
}

void SetParameterCommand::apply(const std::optional<double> &value)
{
    engine::ParamMap &params = paramsOf(scenario(), m_section);
    if (value)
        params[m_name] = *value;
    else
        params.erase(m_name);
    finishEdit();
    emit document()->settingsChanged();
}

void SetParameterCommand::updateText()
{
    const QString name = QString::fromStdString(m_name);
    if (m_after)
        setText(QObject::tr("Set %1 %2 to %3").arg(sectionName(m_section), name).arg(*m_after));
    else
        setText(QObject::tr("Reset %1 %2").arg(sectionName(m_section), name));
}

} // namespace longitude::models
