#pragma once

#include "models/traceshape.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;

namespace longitude::ui {

/// Picks a trace file (Mooncake JSONL, Azure 2023 CSV or ServeGen aggregate CSV) and previews the
/// hourly shape it gives, how many hours it covers and its peak rate, before the traffic editor
/// applies it to a region. Relative-time traces get a start hour.
class TraceImportDialog : public QDialog
{
    Q_OBJECT

public:
    TraceImportDialog(const QString &regionId, double currentPeakRps, QWidget *parent = nullptr);

    /// Reads `path` and shows the result (the browse button ends here too).
    void setTracePath(const QString &path);
    /// The shape read, if the file could be read.
    const std::optional<models::TraceShape> &shape() const { return m_shape; }
    /// True when the planner wants the trace's peak rate instead of the region's own.
    bool useTracePeak() const;

private:
    void reload();

    QLineEdit *m_path;
    QDoubleSpinBox *m_startHour;
    QLabel *m_summary;
    QCheckBox *m_usePeak;
    QDialogButtonBox *m_buttons;
    std::optional<models::TraceShape> m_shape;
};

} // namespace longitude::ui
