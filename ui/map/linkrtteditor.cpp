#include "linkrtteditor.h"

#include "models/scenariodocument.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include <cmath>

namespace longitude::ui {

namespace {

QDoubleSpinBox *rttSpinBox(QWidget *parent)
{
    auto *spin = new QDoubleSpinBox(parent);
    // 0.1 ms resolution; 2,000 ms is far beyond any terrestrial RTT (antipodes ≈ 400 ms).
    spin->setRange(0.1, 2000.0);
    spin->setDecimals(1);
    spin->setSuffix(QStringLiteral(" ms"));
    spin->setKeyboardTracking(false);
    return spin;
}

const engine::Link *findLink(const engine::Scenario &scenario, const std::string &from, const std::string &to)
{
    for (const engine::Link &link : scenario.links)
        if (link.from == from && link.to == to)
            return &link;
    return nullptr;
}

} // namespace

LinkRttEditor::LinkRttEditor(models::ScenarioDocument *document, const QString &from, const QString &to, QWidget *parent)
    : QFrame(parent, Qt::Popup)
    , m_document(document)
    , m_from(from)
    , m_to(to)
    , m_forward(rttSpinBox(this))
    , m_backward(rttSpinBox(this))
    , m_symmetric(new QCheckBox(tr("Same in both directions"), this))
{
    setAttribute(Qt::WA_DeleteOnClose);
    setFrameShape(QFrame::StyledPanel);
    setObjectName(QStringLiteral("linkRttEditor"));

    const engine::Scenario &scenario = document->scenario();
    const std::optional<double> forward = document->directRttMs(from, to);
    const std::optional<double> backward = document->directRttMs(to, from);
    m_forward->setValue(forward.value_or(backward.value_or(1.0)));
    m_backward->setValue(backward.value_or(forward.value_or(1.0)));
    const engine::Link *link = findLink(scenario, from.toStdString(), to.toStdString());
    const engine::Link *reverse = findLink(scenario, to.toStdString(), from.toStdString());
    m_symmetric->setChecked((link && link->symmetric) || (reverse && reverse->symmetric) ||
                            std::abs(m_forward->value() - m_backward->value()) < 0.05);
    m_backward->setEnabled(!m_symmetric->isChecked());
    connect(m_symmetric, &QCheckBox::toggled, this, [this](bool same) {
        m_backward->setEnabled(!same);
        if (same)
            m_backward->setValue(m_forward->value());
    });
    connect(m_forward, &QDoubleSpinBox::valueChanged, this, [this](double value) {
        if (m_symmetric->isChecked())
            m_backward->setValue(value);
    });

    auto *title = new QLabel(QStringLiteral("<b>%1 ↔ %2</b>").arg(from.toHtmlEscaped(), to.toHtmlEscaped()), this);
    auto *form = new QFormLayout;
    form->addRow(QStringLiteral("%1 → %2").arg(from, to), m_forward);
    form->addRow(QStringLiteral("%1 → %2").arg(to, from), m_backward);
    form->addRow(QString(), m_symmetric);

    QStringList sources;
    for (const engine::Link *l : {link, reverse})
        if (l && !l->source.empty() && !sources.contains(QString::fromStdString(l->source)))
            sources << QString::fromStdString(l->source);
    auto *source = new QLabel(sources.isEmpty() ? tr("Source: not given") : tr("Source: %1").arg(sources.join(QLatin1String("; "))), this);
    source->setWordWrap(true);
    source->setMaximumWidth(360);
    QFont small = source->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    source->setFont(small);

    auto *applyButton = new QPushButton(tr("Apply"), this);
    applyButton->setDefault(true);
    auto *deleteButton = new QPushButton(tr("Delete link"), this);
    connect(applyButton, &QPushButton::clicked, this, [this] {
        apply();
        close();
    });
    connect(deleteButton, &QPushButton::clicked, this, &LinkRttEditor::deleteLink);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(deleteButton);
    buttons->addStretch();
    buttons->addWidget(applyButton);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addLayout(form);
    layout->addWidget(source);
    layout->addLayout(buttons);
}

void LinkRttEditor::focusRtt()
{
    m_forward->setFocus(Qt::PopupFocusReason);
    m_forward->selectAll();
}

bool LinkRttEditor::apply()
{
    // Spin boxes without keyboard tracking commit typed text on interpretText().
    m_forward->interpretText();
    m_backward->interpretText();
    const double forward = m_forward->value();
    const double backward = m_symmetric->isChecked() ? forward : m_backward->value();
    const std::optional<double> currentForward = m_document->directRttMs(m_from, m_to);
    const std::optional<double> currentBackward = m_document->directRttMs(m_to, m_from);
    const engine::Scenario &scenario = m_document->scenario();
    const engine::Link *link = findLink(scenario, m_from.toStdString(), m_to.toStdString());
    const bool wasSymmetric = link && link->symmetric && !findLink(scenario, m_to.toStdString(), m_from.toStdString());
    bool changed = false;
    if (m_symmetric->isChecked()) {
        if (currentForward != forward || currentBackward != forward || !wasSymmetric)
            changed = m_document->setRtt(m_from, m_to, forward, true);
    } else if (currentForward != forward || currentBackward != backward) {
        m_document->beginMacro(tr("Set RTT %1 ↔ %2").arg(m_from, m_to));
        changed = m_document->setRtt(m_from, m_to, forward, false);
        changed = m_document->setRtt(m_to, m_from, backward, false) || changed;
        m_document->endMacro();
    }
    if (changed)
        emit applied();
    return changed;
}

void LinkRttEditor::deleteLink()
{
    m_document->clearRtt(m_from, m_to, true);
    close();
}

void LinkRttEditor::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        apply();
        close();
        return;
    }
    if (event->key() == Qt::Key_Escape) {
        close();
        return;
    }
    QFrame::keyPressEvent(event);
}

} // namespace longitude::ui
