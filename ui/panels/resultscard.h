#pragma once

#include "models/reportformat.h"

#include <QFrame>

class QLabel;

namespace longitude::ui {

/// One headline number of a run as a card: what it is, the value in large type, a line of
/// context (the target, the other percentile, the parts of a total), and a coloured stripe and
/// value when it misses its target. A planner reads the run's verdict from a row of these
/// before opening any table. Colours follow the palette except the status colours, which are
/// chosen to read on light and dark backgrounds.
class ResultsCard : public QFrame
{
    Q_OBJECT

public:
    explicit ResultsCard(const QString &title, QWidget *parent = nullptr);

    void setValue(const QString &value, const QString &detail, models::ReportFormat::Status status);
    /// Back to "no result" (a dash).
    void clear();

    QString title() const;
    QString value() const;
    /// The detail as given (the label shows it with numbers and units kept on one line).
    QString detail() const { return m_detailText; }
    models::ReportFormat::Status status() const { return m_status; }

    /// The colour a status is drawn in (invalid for Neutral).
    static QColor statusColor(models::ReportFormat::Status status);

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateColors();

    QLabel *m_title;
    QLabel *m_value;
    QLabel *m_detail;
    QString m_detailText;
    models::ReportFormat::Status m_status = models::ReportFormat::Status::Neutral;
};

} // namespace longitude::ui
