#include "ui/panels/resultscard.h"

#include <QEvent>
#include <QLabel>
#include <QRegularExpression>
#include <QPainter>
#include <QVBoxLayout>

namespace longitude::ui {

namespace {
constexpr int kStripePx = 4;
}

ResultsCard::ResultsCard(const QString &title, QWidget *parent)
    : QFrame(parent)
    , m_title(new QLabel(title, this))
    , m_value(new QLabel(QStringLiteral("–"), this))
    , m_detail(new QLabel(this))
{
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    QFont big = m_value->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    m_value->setFont(big);
    m_value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(kStripePx + 8, 6, 8, 6);
    layout->setSpacing(2);
    layout->addWidget(m_title);
    layout->addWidget(m_value);
    layout->addWidget(m_detail);
    updateColors();
}

QColor ResultsCard::statusColor(models::ReportFormat::Status status)
{
    // ColorBrewer RdYlGn-like hues, mid-lightness so they read on white and on dark grey.
    switch (status) {
    case models::ReportFormat::Status::Good: return QColor(0x2e, 0x9e, 0x55);
    case models::ReportFormat::Status::Warning: return QColor(0xe0, 0x8a, 0x1e);
    case models::ReportFormat::Status::Bad: return QColor(0xd7, 0x30, 0x27);
    case models::ReportFormat::Status::Neutral: break;
    }
    return {};
}

void ResultsCard::setValue(const QString &value, const QString &detail, models::ReportFormat::Status status)
{
    m_value->setText(value);
    m_detailText = detail;
    // A wrapped line never starts with a lone unit ("%", "ms"): the space before it does not break.
    QString shown = detail;
    static const QRegularExpression unitSpace(QStringLiteral("(\\d) (%|ms\\b|s\\b)"));
    shown.replace(unitSpace, QStringLiteral("\\1\u00a0\\2"));
    // Nor does an id break at its hyphens ("us-east-1-h100"): a word joiner after each.
    static const QRegularExpression innerHyphen(QStringLiteral("(\\w)-(?=\\w)"));
    shown.replace(innerHyphen, QStringLiteral("\\1-\u2060"));
    m_detail->setText(shown);
    m_status = status;
    updateColors();
    update();
}

void ResultsCard::clear()
{
    setValue(QStringLiteral("–"), {}, models::ReportFormat::Status::Neutral);
}

QString ResultsCard::title() const
{
    return m_title->text();
}

QString ResultsCard::value() const
{
    return m_value->text();
}


void ResultsCard::updateColors()
{
    // Active and inactive groups only: a disabled (stale) card keeps the palette's greyed text.
    const auto setText = [](QPalette &palette, const QColor &color) {
        for (const QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive}) {
            palette.setColor(group, QPalette::WindowText, color);
            palette.setColor(group, QPalette::Text, color);
        }
    };
    QPalette muted = palette();
    QColor soft = palette().color(QPalette::WindowText);
    soft.setAlphaF(0.7);
    setText(muted, soft);
    m_title->setPalette(muted);
    m_detail->setPalette(muted);
    QPalette valuePalette = palette();
    if (m_status == models::ReportFormat::Status::Bad)
        setText(valuePalette, statusColor(m_status));
    m_value->setPalette(valuePalette);
}

void ResultsCard::paintEvent(QPaintEvent *event)
{
    QFrame::paintEvent(event);
    const QColor color = statusColor(m_status);
    if (!color.isValid())
        return;
    QPainter painter(this);
    painter.fillRect(QRect(1, 1, kStripePx, height() - 2), color);
}

void ResultsCard::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateColors();
}

} // namespace longitude::ui
