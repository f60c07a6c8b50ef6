#include "ui/dialogs/traceimportdialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace longitude::ui {

TraceImportDialog::TraceImportDialog(const QString &regionId, double currentPeakRps, QWidget *parent)
    : QDialog(parent)
    , m_path(new QLineEdit(this))
    , m_startHour(new QDoubleSpinBox(this))
    , m_summary(new QLabel(this))
    , m_usePeak(new QCheckBox(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Traffic curve from a trace — %1").arg(regionId));
    m_startHour->setRange(0, 23.99);
    m_startHour->setDecimals(2);
    m_startHour->setSuffix(tr(" h"));
    m_startHour->setToolTip(tr("Local hour of the first request, for traces whose timestamps start at 0 (Mooncake)"));
    m_summary->setWordWrap(true);
    m_summary->setMinimumWidth(420);
    m_usePeak->setText(tr("Use the trace's peak rate instead of %1 requests/s").arg(currentPeakRps));

    auto *browse = new QPushButton(tr("Browse…"), this);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);

    auto *form = new QFormLayout;
    form->addRow(tr("Trace file"), pathRow);
    form->addRow(tr("Start hour"), m_startHour);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_summary);
    layout->addWidget(m_usePeak);
    layout->addWidget(m_buttons);

    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Open a trace"), m_path->text(),
            tr("Traces (*.jsonl *.csv);;Mooncake JSONL (*.jsonl);;CSV (*.csv);;All files (*)"));
        if (!path.isEmpty())
            setTracePath(path);
    });
    connect(m_path, &QLineEdit::editingFinished, this, &TraceImportDialog::reload);
    connect(m_startHour, &QDoubleSpinBox::valueChanged, this, &TraceImportDialog::reload);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    reload();
}

void TraceImportDialog::setTracePath(const QString &path)
{
    m_path->setText(path);
    reload();
}

bool TraceImportDialog::useTracePeak() const
{
    return m_usePeak->isChecked();
}

void TraceImportDialog::reload()
{
    m_shape.reset();
    const QString path = m_path->text().trimmed();
    if (path.isEmpty()) {
        m_summary->setText(tr("Mooncake JSONL, Azure LLM inference 2023 CSV or ServeGen aggregate CSV: the mean "
                              "request rate of each hour becomes the curve, the busiest hour = 1."));
    } else if (auto shape = models::TraceShape::fromFile(path, m_startHour->value())) {
        m_shape = *shape;
        QString text = tr("%1 records; covers %2 of 24 hours; busiest hour %3 requests/s.")
                           .arg(shape->records())
                           .arg(shape->coveredHours())
                           .arg(shape->peakRps(), 0, 'g', 4);
        if (shape->coveredHours() < 24)
            text += QLatin1Char(' ') + tr("Hours the trace does not cover get 0: edit them afterwards, or use a longer trace.");
        m_summary->setText(text);
        m_usePeak->setText(tr("Use the trace's peak rate (%1 requests/s)").arg(shape->peakRps(), 0, 'g', 4));
    } else {
        m_summary->setText(shape.error());
    }
    m_startHour->setEnabled(!m_shape || m_shape->format() == models::TraceShape::Format::Mooncake);
    m_usePeak->setEnabled(m_shape.has_value());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_shape.has_value());
}

} // namespace longitude::ui
