#include "ui/widgets/parameterform.h"

#include "models/scenariodocument.h"
#include "ui/widgets/fielddiagnosticlabel.h"
#include "ui/widgets/numberspinbox.h"

#include <QGridLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace longitude::ui {

namespace {

// The engine's guard on every params value (engine/io/valuerules.h, kParam): a table's open
// upper end (infinity) becomes this, which a spin box can hold.
constexpr double kLargestParam = 1e15;

// Enough for weights such as GORGO's 0.276 and per-token milliseconds such as 0.094, with room.
constexpr int kDecimals = 6;

// A step that moves the default's leading digits: 0.1 for 0.7, 0.01 for 0.094, 10 for 660.
double stepFor(const engine::PolicyParameter &parameter)
{
    if (parameter.integer)
        return 1.0;
    if (parameter.maxValue <= 1.0)
        return 0.05;
    const double magnitude = std::abs(parameter.defaultValue);
    if (magnitude == 0.0)
        return 1.0;
    const double order = std::pow(10.0, std::floor(std::log10(magnitude)));
    return std::max(0.001, magnitude >= 10.0 ? order / 10.0 : order);
}

QString formatValue(double value)
{
    return QString::number(value, 'g', 10);
}

} // namespace

ParameterForm::ParameterForm(models::ScenarioDocument *document, models::ParamSection section, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_section(section)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    rebuild({});
}

void ParameterForm::setTable(const std::vector<engine::PolicyParameter> &table)
{
    auto names = [](const std::vector<engine::PolicyParameter> &parameters) {
        QStringList result;
        for (const auto &parameter : parameters)
            result << QString::fromStdString(parameter.name);
        return result;
    };
    const bool changed = names(table) != names(m_table) || m_rows == nullptr;
    m_table = table;
    if (changed)
        rebuild(unknownNames());
    reload();
}

QString ParameterForm::pointerOf(const QString &name) const
{
    QString key = name;
    key.replace(QLatin1Char('~'), QLatin1String("~0")).replace(QLatin1Char('/'), QLatin1String("~1"));
    return QString::fromLatin1(models::paramsPointer(m_section)) + QLatin1Char('/') + key;
}

const ParameterForm::Row *ParameterForm::row(const QString &name) const
{
    const auto it = std::find_if(m_rowList.begin(), m_rowList.end(), [&](const Row &r) { return r.name == name; });
    return it == m_rowList.end() ? nullptr : &*it;
}

QStringList ParameterForm::unknownNames() const
{
    QStringList names;
    for (const Row &r : m_rowList) {
        if (!r.known)
            names << r.name;
    }
    return names;
}

void ParameterForm::rebuild(const QStringList &unknown)
{
    delete m_rows;
    m_rowList.clear();
    m_rows = new QWidget(this);
    m_grid = new QGridLayout(m_rows);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setHorizontalSpacing(8);
    m_grid->setVerticalSpacing(2);
    m_grid->setColumnStretch(1, 1);
    int line = 0;
    for (const engine::PolicyParameter &parameter : m_table)
        addKnownRow(parameter, line);
    for (const QString &name : unknown)
        addUnknownRow(name, line);
    if (m_table.empty() && unknown.isEmpty()) {
        auto *none = new QLabel(tr("Takes no parameters."), m_rows);
        m_grid->addWidget(none, line++, 0, 1, 3);
    }
    layout()->addWidget(m_rows);
    // Now, not on the layout's next event: the caller may focus a row right away.
    m_rows->show();
}

void ParameterForm::addKnownRow(const engine::PolicyParameter &parameter, int &line)
{
    Row r;
    r.name = QString::fromStdString(parameter.name);
    r.parameter = parameter;
    const QString description = QString::fromStdString(parameter.description);

    auto *label = new QLabel(r.name, m_rows);
    label->setToolTip(description);
    auto *box = new NumberSpinBox(m_rows);
    box->setObjectName(QStringLiteral("param_") + r.name);
    box->setToolTip(description);
    box->setSingleStep(stepFor(parameter));
    box->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    label->setBuddy(box);
    auto *reset = new QToolButton(m_rows);
    reset->setToolTip(tr("Back to the default, %1").arg(formatValue(parameter.defaultValue)));
    auto *about = new QLabel(description, m_rows);
    about->setWordWrap(true);
    QFont small = about->font();
    if (small.pointSizeF() > 0)
        small.setPointSizeF(small.pointSizeF() * 0.9);
    about->setFont(small);
    about->setContentsMargins(0, 0, 0, 4);
    auto *diagnostic = new FieldDiagnosticLabel(m_document, m_rows);
    diagnostic->setPointer(pointerOf(r.name));

    m_grid->addWidget(label, line, 0);
    m_grid->addWidget(box, line, 1);
    m_grid->addWidget(reset, line++, 2);
    m_grid->addWidget(diagnostic, line++, 0, 1, 3);
    m_grid->addWidget(about, line++, 0, 1, 3);

    const QString name = r.name;
    connect(box, &QDoubleSpinBox::valueChanged, this, [this, name](double value) {
        if (!m_loading)
            m_document->setParameter(m_section, name, value);
    });
    connect(reset, &QToolButton::clicked, this, [this, name] { m_document->setParameter(m_section, name, std::nullopt); });
    r.box = box;
    r.button = reset;
    m_rowList.push_back(r);
}

void ParameterForm::addUnknownRow(const QString &name, int &line)
{
    Row r;
    r.name = name;
    r.known = false;
    auto *label = new QLabel(tr("%1 (unknown)").arg(name), m_rows);
    auto *value = new QLabel(m_rows);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *remove = new QToolButton(m_rows);
    remove->setText(tr("Remove"));
    remove->setObjectName(QStringLiteral("remove_") + name);
    remove->setToolTip(tr("Remove %1: the engine does not read it here").arg(name));
    auto *diagnostic = new FieldDiagnosticLabel(m_document, m_rows);
    diagnostic->setPointer(pointerOf(name));

    m_grid->addWidget(label, line, 0);
    m_grid->addWidget(value, line, 1);
    m_grid->addWidget(remove, line++, 2);
    m_grid->addWidget(diagnostic, line++, 0, 1, 3);
    connect(remove, &QToolButton::clicked, this, [this, name] { m_document->setParameter(m_section, name, std::nullopt); });
    r.value = value;
    r.button = remove;
    m_rowList.push_back(r);
}

void ParameterForm::reload()
{
    const engine::ParamMap &params = models::paramsOf(m_document->scenario(), m_section);
    QStringList unknown;
    for (const auto &[key, value] : params) {
        const bool known = std::any_of(m_table.begin(), m_table.end(), [&](const auto &p) { return p.name == key; });
        if (!known)
            unknown << QString::fromStdString(key);
    }
    if (unknown != unknownNames())
        rebuild(unknown);

    m_loading = true;
    for (Row &r : m_rowList) {
        const auto it = params.find(r.name.toStdString());
        const bool set = it != params.end();
        if (!r.known) {
            r.value->setText(set ? formatValue(it->second) : QString());
            continue;
        }
        const engine::PolicyParameter &p = r.parameter;
        const double value = set ? it->second : p.defaultValue;
        const QSignalBlocker blocker(r.box);
        // The accepted range, widened to a value a file brought from outside it, so that the box
        // shows what is there; the engine's diagnostic underneath says what is wrong with it.
        const double top = std::min(p.maxValue, kLargestParam);
        const bool whole = std::isfinite(value) && value == std::floor(value);
        r.box->setDecimals(p.integer && whole ? 0 : kDecimals);
        if (std::isfinite(value))
            r.box->setRange(std::min(p.minValue, value), std::max(top, value));
        else
            r.box->setRange(p.minValue, top);
        r.box->setValue(value);
        r.button->setEnabled(set);
        r.button->setText(set ? tr("Reset") : tr("Default"));
    }
    m_loading = false;
}

QWidget *ParameterForm::editorFor(const QString &pointer) const
{
    for (const Row &r : m_rowList) {
        const QString own = pointerOf(r.name);
        if (pointer == own || pointer.startsWith(own + QLatin1Char('/')))
            return r.known ? static_cast<QWidget *>(r.box.data()) : static_cast<QWidget *>(r.button.data());
    }
    return nullptr;
}

QDoubleSpinBox *ParameterForm::spinBox(const QString &name) const
{
    const Row *r = row(name);
    return r != nullptr ? r->box.data() : nullptr;
}

QAbstractButton *ParameterForm::resetButton(const QString &name) const
{
    const Row *r = row(name);
    return r != nullptr ? r->button.data() : nullptr;
}

} // namespace longitude::ui
