#include "maptimebar.h"

#include <QAction>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QTimeZone>
#include <QTimer>
#include <QToolButton>

#include <cmath>

namespace longitude::ui {

namespace {
constexpr int kMinutesPerStep = 24 * 60 / MapTimeBar::kStepsPerDay;
// One 15-minute step every 120 ms: a whole day in about 11.5 s.
constexpr int kPlayIntervalMs = 120;
} // namespace

MapTimeBar::MapTimeBar(QWidget *parent)
    : QWidget(parent)
    , m_date(new QDateEdit(this))
    , m_slider(new QSlider(Qt::Horizontal, this))
    , m_label(new QLabel(this))
    , m_span(new QLabel(this))
    , m_play(new QToolButton(this))
    , m_simulate(new QToolButton(this))
    , m_timer(new QTimer(this))
{
    m_date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_date->setCalendarPopup(true);
    m_date->setToolTip(tr("Date (sets the season: where the night is)"));
    m_slider->setRange(0, kStepsPerDay - 1);
    m_slider->setPageStep(4);
    m_slider->setTickInterval(kStepsPerDay / 8);
    m_slider->setTickPosition(QSlider::TicksBelow);
    m_slider->setToolTip(tr("Time of day, UTC"));
    m_play->setText(tr("Play"));
    m_play->setCheckable(true);
    m_play->setToolTip(tr("Sweep through the day"));
    m_label->setMinimumWidth(m_label->fontMetrics().horizontalAdvance(QStringLiteral("00:00 UTC")) + 8);
    m_timer->setInterval(kPlayIntervalMs);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 2, 6, 2);
    layout->addWidget(new QLabel(tr("Overlay time:"), this));
    layout->addWidget(m_date);
    layout->addWidget(m_slider, 1);
    layout->addWidget(m_label);
    layout->addWidget(m_play);
    layout->addWidget(m_simulate);
    layout->addWidget(m_span);
    m_simulate->hide();
    m_span->hide();

    connect(m_slider, &QSlider::valueChanged, this, &MapTimeBar::emitChange);
    connect(m_date, &QDateEdit::dateChanged, this, &MapTimeBar::emitChange);
    connect(m_play, &QToolButton::toggled, this, &MapTimeBar::setPlaying);
    connect(m_timer, &QTimer::timeout, this, [this] { m_slider->setValue((m_slider->value() + 1) % kStepsPerDay); });

    setUtc(QDateTime(QDate(2025, 6, 21), QTime(12, 0), QTimeZone::utc()));
}

QDateTime MapTimeBar::utc() const
{
    return QDateTime(m_date->date(), QTime(0, 0).addSecs(m_slider->value() * kMinutesPerStep * 60), QTimeZone::utc());
}

void MapTimeBar::setUtc(const QDateTime &utc)
{
    const QDateTime value = utc.toUTC();
    const QSignalBlocker blockDate(m_date);
    const QSignalBlocker blockSlider(m_slider);
    m_date->setDate(value.date());
    m_slider->setValue((value.time().hour() * 60 + value.time().minute()) / kMinutesPerStep);
    emitChange();
}

double MapTimeBar::utcHour() const
{
    return m_slider->value() * kMinutesPerStep / 60.0;
}

void MapTimeBar::setSimulateAction(QAction *action)
{
    m_simulate->setDefaultAction(action);
    m_simulate->setVisible(action != nullptr);
}

void MapTimeBar::setSimulatedSpan(double startUtcHour, double durationS)
{
    if (!std::isfinite(startUtcHour) || !std::isfinite(durationS) || durationS <= 0) {
        m_span->hide();
        return;
    }
    auto clock = [](double hours) {
        const long long minutes = ((std::llround(hours * 60.0) % 1440) + 1440) % 1440;
        return QStringLiteral("%1:%2").arg(minutes / 60, 2, 10, QLatin1Char('0')).arg(minutes % 60, 2, 10, QLatin1Char('0'));
    };
    const double endHour = startUtcHour + durationS / 3600.0;
    m_span->setText(durationS >= 86400.0 ? tr("Run: from %1 UTC, %2 days").arg(clock(startUtcHour)).arg(durationS / 86400.0, 0, 'g', 3)
                                         : tr("Run: %1–%2 UTC").arg(clock(startUtcHour), clock(endHour)));
    m_span->setToolTip(tr("The hours of the day the simulation covers (Settings > Simulation)"));
    m_span->show();
}

bool MapTimeBar::isPlaying() const { return m_timer->isActive(); }

void MapTimeBar::setPlaying(bool playing)
{
    if (playing)
        m_timer->start();
    else
        m_timer->stop();
    const QSignalBlocker block(m_play);
    m_play->setChecked(playing);
    m_play->setText(playing ? tr("Pause") : tr("Play"));
}

void MapTimeBar::emitChange()
{
    const QDateTime value = utc();
    m_label->setText(value.toString(QStringLiteral("HH:mm 'UTC'")));
    emit utcChanged(value);
}

} // namespace longitude::ui
