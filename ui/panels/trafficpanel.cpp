#include "ui/panels/trafficpanel.h"

#include "models/scenariodocument.h"
#include "models/traceshape.h"
#include "models/trafficmodel.h"
#include "models/trafficpresets.h"
#include "ui/charts/globaltrafficchart.h"
#include "ui/charts/trafficcurvechart.h"
#include "ui/dialogs/traceimportdialog.h"
#include "ui/widgets/choicesdelegate.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace longitude::ui {

TrafficPanel::TrafficPanel(models::ScenarioDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_model(new models::TrafficModel(document, this))
    , m_regions(new QTableView(this))
    , m_hourly(new QTableView(this))
    , m_curve(new TrafficCurveChart(m_model, this))
    , m_global(new GlobalTrafficChart(m_model, this))
    , m_tabs(new QTabWidget(this))
    , m_preset(new QComboBox(this))
    , m_peak(new QDoubleSpinBox(this))
{
    m_regions->setObjectName(QStringLiteral("trafficRegionsView"));
    m_regions->setModel(m_model);
    m_regions->setItemDelegate(new ChoicesDelegate(m_regions));
    m_regions->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_regions->setSelectionMode(QAbstractItemView::SingleSelection);
    for (int column = models::TrafficModel::FirstHourColumn; column < models::TrafficModel::ColumnCount; ++column)
        m_regions->setColumnHidden(column, true);
    m_regions->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_regions->horizontalHeader()->setStretchLastSection(true);

    m_hourly->setObjectName(QStringLiteral("trafficHourlyView"));
    m_hourly->setModel(m_model);
    m_hourly->setItemDelegate(new ChoicesDelegate(m_hourly));
    m_hourly->setColumnHidden(models::TrafficModel::CurveColumn, true);
    m_hourly->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_hourly->horizontalHeader()->setMinimumSectionSize(34);
    m_hourly->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                              | QAbstractItemView::AnyKeyPressed);

    m_curve->setObjectName(QStringLiteral("trafficCurveChart"));
    m_preset->setObjectName(QStringLiteral("trafficPreset"));
    for (const QString &preset : models::TrafficPresets::names())
        m_preset->addItem(models::TrafficPresets::displayName(preset), preset);
    m_preset->addItem(tr("Custom"), models::TrafficModel::customCurveName());
    m_peak->setObjectName(QStringLiteral("trafficPeak"));
    m_peak->setRange(0, 1e7);
    m_peak->setDecimals(1);
    m_peak->setSuffix(tr(" req/s"));
    m_peak->setKeyboardTracking(false);
    auto *fromTrace = new QPushButton(tr("From a trace…"), this);
    fromTrace->setObjectName(QStringLiteral("trafficFromTrace"));

    auto *controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Curve"), this));
    controls->addWidget(m_preset);
    controls->addSpacing(12);
    controls->addWidget(new QLabel(tr("Peak"), this));
    controls->addWidget(m_peak);
    controls->addStretch();
    controls->addWidget(fromTrace);

    auto *curvePage = new QWidget(this);
    auto *curveLayout = new QVBoxLayout(curvePage);
    curveLayout->setContentsMargins(0, 0, 0, 0);
    curveLayout->addWidget(m_curve, 1);
    curveLayout->addLayout(controls);
    m_tabs->addTab(curvePage, tr("Curve (local time)"));
    m_tabs->addTab(m_hourly, tr("Hourly values"));
    m_tabs->addTab(m_global, tr("Global (UTC)"));

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_regions);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    // A table's size hint ignores its columns: start wide enough for region, peak and curve.
    splitter->setSizes({330, 1000});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_regions->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        showRow(current.row());
        if (!m_updating && current.isValid())
            m_document->setCurrentRegionId(m_model->idAt(current.row()));
    });
    connect(document, &models::ScenarioDocument::currentRegionChanged, this, &TrafficPanel::selectRegion);
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this] { showRow(m_curve->row()); });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        if (m_model->rowCount() > 0)
            m_regions->setCurrentIndex(m_model->index(0, models::TrafficModel::PeakColumn));
    });
    connect(m_preset, &QComboBox::activated, this, [this] {
        const int row = m_curve->row();
        if (row >= 0)
            m_model->setData(m_model->index(row, models::TrafficModel::CurveColumn), m_preset->currentData());
    });
    connect(m_peak, &QDoubleSpinBox::valueChanged, this, [this](double value) {
        const int row = m_curve->row();
        if (row >= 0 && !m_updating)
            m_model->setData(m_model->index(row, models::TrafficModel::PeakColumn), value);
    });
    connect(fromTrace, &QPushButton::clicked, this, &TrafficPanel::importTrace);
    if (m_model->rowCount() > 0)
        m_regions->setCurrentIndex(m_model->index(0, models::TrafficModel::PeakColumn));
}

void TrafficPanel::showRow(int row)
{
    m_updating = true;
    m_curve->setRow(row);
    const bool valid = row >= 0 && row < m_model->rowCount();
    m_preset->setEnabled(valid);
    m_peak->setEnabled(valid);
    if (valid) {
        const QSignalBlocker presetBlocker(m_preset);
        const QSignalBlocker peakBlocker(m_peak);
        const QString curve = m_model->index(row, models::TrafficModel::CurveColumn).data(Qt::EditRole).toString();
        m_preset->setCurrentIndex(m_preset->findData(curve.isEmpty() ? models::TrafficModel::customCurveName() : curve));
        m_peak->setValue(m_model->peakRps(row));
    }
    m_updating = false;
}

void TrafficPanel::selectRegion(const QString &regionId)
{
    const int row = m_model->rowOfId(regionId);
    if (row < 0 || row == m_regions->currentIndex().row())
        return;
    m_updating = true;
    m_regions->setCurrentIndex(m_model->index(row, models::TrafficModel::PeakColumn));
    m_updating = false;
}

bool TrafficPanel::applyTrace(const QString &path, double startHour, bool useTracePeak)
{
    const int row = m_curve->row();
    const auto shape = models::TraceShape::fromFile(path, startHour);
    if (row < 0 || !shape)
        return false;
    engine::RegionTraffic traffic;
    traffic.region = m_model->idAt(row).toStdString();
    traffic.peakRps = useTracePeak ? shape->peakRps() : m_model->peakRps(row);
    traffic.hourly = shape->hourly();
    return m_document->setTraffic(traffic);
}

void TrafficPanel::importTrace()
{
    const int row = m_curve->row();
    if (row < 0)
        return;
    TraceImportDialog dialog(m_model->idAt(row), m_model->peakRps(row), this);
    if (dialog.exec() != QDialog::Accepted || !dialog.shape())
        return;
    engine::RegionTraffic traffic;
    traffic.region = m_model->idAt(row).toStdString();
    traffic.peakRps = dialog.useTracePeak() ? dialog.shape()->peakRps() : m_model->peakRps(row);
    traffic.hourly = dialog.shape()->hourly();
    m_document->setTraffic(traffic);
}

bool TrafficPanel::revealPointer(const QString &pointer)
{
    static const QLatin1String prefix("/traffic/");
    if (!pointer.startsWith(prefix))
        return false;
    const QModelIndex index = m_model->indexOfPointer(pointer);
    if (!index.isValid())
        return false;
    m_regions->setCurrentIndex(m_model->index(index.row(), models::TrafficModel::PeakColumn));
    if (index.column() >= models::TrafficModel::FirstHourColumn) {
        m_tabs->setCurrentWidget(m_hourly);
        m_hourly->setCurrentIndex(index);
        m_hourly->scrollTo(index);
        m_hourly->setFocus(Qt::OtherFocusReason);
    } else if (index.column() == models::TrafficModel::PeakColumn) {
        m_tabs->setCurrentIndex(0);
        m_peak->setFocus(Qt::OtherFocusReason);
    } else {
        m_tabs->setCurrentIndex(0);
        m_preset->setFocus(Qt::OtherFocusReason);
    }
    return true;
}

} // namespace longitude::ui
