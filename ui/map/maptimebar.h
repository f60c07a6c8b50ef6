#pragma once

#include <QDateTime>
#include <QWidget>

class QAction;
class QDateEdit;
class QLabel;
class QSlider;
class QTimer;
class QToolButton;

namespace longitude::ui {

/// The time control of the map's day/night and load overlays: a date, a slider over the UTC day
/// in 15-minute steps, and a play button that sweeps the day so that follow-the-sun shows as
/// motion: the night moving west and each region's load rising and falling with it.
class MapTimeBar : public QWidget
{
    Q_OBJECT

public:
    /// Slider resolution: 15 minutes, 96 steps per day.
    static constexpr int kStepsPerDay = 96;

    explicit MapTimeBar(QWidget *parent = nullptr);

    QDateTime utc() const;
    void setUtc(const QDateTime &utc);
    bool isPlaying() const;
    void setPlaying(bool playing);

    QSlider *slider() const { return m_slider; }
    /// The overlay time as a UTC hour of day in [0, 24).
    double utcHour() const;

    /// Puts `action` ("Simulate from this hour") on the bar, next to the time it uses.
    void setSimulateAction(QAction *action);
    /// Shows which part of the day a run covers: it starts at `startUtcHour` and lasts
    /// `durationS`, so the planner sees the simulated hours against the overlay time.
    void setSimulatedSpan(double startUtcHour, double durationS);
    QLabel *spanLabel() const { return m_span; }

signals:
    void utcChanged(const QDateTime &utc);

private:
    void emitChange();

    QDateEdit *m_date;
    QSlider *m_slider;
    QLabel *m_label;
    QLabel *m_span;
    QToolButton *m_play;
    QToolButton *m_simulate;
    QTimer *m_timer;
};

} // namespace longitude::ui
