#include "ui/widgets/latencylegend.h"

#include "models/rttmatrixmodel.h"

#include <QLinearGradient>
#include <QPainter>

namespace longitude::ui {

namespace {

constexpr double kScaleMaxMs = 300.0; // a little past the last stop, so the red end shows

} // namespace

LatencyLegend::LatencyLegend(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setToolTip(tr("Round-trip time colour scale. Solid cells are direct links; pale italic cells "
                  "marked ≈ are shortest paths through other regions."));
}

QSize LatencyLegend::sizeHint() const
{
    return {420, fontMetrics().height() * 2 + 14};
}

QSize LatencyLegend::minimumSizeHint() const
{
    return {260, sizeHint().height()};
}

void LatencyLegend::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QFontMetrics metrics = fontMetrics();
    const QString label = tr("RTT");
    const int labelWidth = metrics.horizontalAdvance(label) + 8;
    const QString note = tr("≈ pale = shortest path");
    const int noteWidth = metrics.horizontalAdvance(note) + 12;
    const QRect bar(labelWidth, 4, std::max(60, width() - labelWidth - noteWidth - 8), metrics.height() - 2);

    painter.setPen(palette().color(QPalette::WindowText));
    painter.drawText(QRect(0, bar.top(), labelWidth, bar.height()), Qt::AlignVCenter | Qt::AlignLeft, label);

    QLinearGradient gradient(bar.topLeft(), bar.topRight());
    const auto stops = models::RttMatrixModel::legendStops();
    for (const auto &[ms, color] : stops)
        gradient.setColorAt(std::min(1.0, ms / kScaleMaxMs), color);
    gradient.setColorAt(1.0, models::RttMatrixModel::colorForRtt(kScaleMaxMs));
    painter.setPen(Qt::NoPen);
    painter.setBrush(gradient);
    painter.drawRoundedRect(bar, 3, 3);

    painter.setPen(palette().color(QPalette::WindowText));
    for (const auto &[ms, color] : stops) {
        const int x = bar.left() + static_cast<int>(bar.width() * std::min(1.0, ms / kScaleMaxMs));
        painter.drawLine(x, bar.bottom(), x, bar.bottom() + 3);
        const QString text = ms == stops.last().first ? tr("%1+ ms").arg(ms) : QString::number(ms);
        const int w = metrics.horizontalAdvance(text);
        const int left = std::clamp(x - w / 2, bar.left(), bar.right() - w);
        painter.drawText(QPoint(left, bar.bottom() + 4 + metrics.ascent()), text);
    }

    // A sample of a shortest-path cell next to the bar.
    const QRect sample(bar.right() + 10, bar.top(), 14, bar.height());
    QColor pale = models::RttMatrixModel::colorForRtt(120);
    pale.setAlpha(110);
    painter.fillRect(sample, pale);
    QFont italic = font();
    italic.setItalic(true);
    painter.setFont(italic);
    painter.drawText(QRect(sample.right() + 4, bar.top(), noteWidth, bar.height()), Qt::AlignVCenter | Qt::AlignLeft,
                     tr("shortest path"));
}

} // namespace longitude::ui
