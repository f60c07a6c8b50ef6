#pragma once

#include <QDateTime>
#include <QWidget>

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

signals:
    void utcChanged(const QDateTime &utc);

private:
    void emitChange();

    QDateEdit *m_date;
    QSlider *m_slider;
    QLabel *m_label;
    QToolButton *m_play;
    QTimer *m_timer;
};

} // namespace longitude::ui
