#include "mapwidget.h"

#include "mapcanvas.h"
#include "maptimebar.h"
#include "tools/maptool.h"
#include "tools/zonepainttool.h"

#include "models/scenariodocument.h"

#include <QActionGroup>
#include <QComboBox>
#include <QFileDialog>
#include <QMessageBox>
#include <QToolBar>
#include <QVBoxLayout>

namespace longitude::ui {

MapWidget::MapWidget(models::ScenarioDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_canvas(new MapCanvas(document, this))
    , m_timeBar(new MapTimeBar(this))
    , m_toolBar(new QToolBar(tr("Map"), this))
    , m_zoneBox(new QComboBox(this))
    , m_tools(new QActionGroup(this))
{
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    const struct
    {
        MapCanvas::Tool tool;
        QKeySequence shortcut;
    } tools[] = {{MapCanvas::Tool::Select, QKeySequence(Qt::Key_S)},
                 {MapCanvas::Tool::AddRegion, QKeySequence(Qt::Key_R)},
                 {MapCanvas::Tool::AddPool, QKeySequence(Qt::Key_P)},
                 {MapCanvas::Tool::DrawLink, QKeySequence(Qt::Key_L)},
                 {MapCanvas::Tool::ZonePaint, QKeySequence(Qt::Key_Z)}};
    for (const auto &entry : tools) {
        MapTool *tool = m_canvas->tool(entry.tool);
        QAction *action = m_toolBar->addAction(tool->name());
        action->setCheckable(true);
        action->setShortcut(entry.shortcut);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        action->setToolTip(QStringLiteral("%1 (%2)\n%3").arg(tool->name(), entry.shortcut.toString(), tool->hint()));
        action->setData(int(entry.tool));
        action->setChecked(entry.tool == m_canvas->activeTool());
        m_tools->addAction(action);
        connect(action, &QAction::triggered, m_canvas, [this, kind = entry.tool] { m_canvas->setActiveTool(kind); });
    }
    // The tool shortcuts work while the canvas (a child) has focus.
    for (QAction *action : m_tools->actions())
        addAction(action);
    connect(m_canvas, &MapCanvas::activeToolChanged, this, [this](MapCanvas::Tool kind) {
        for (QAction *action : m_tools->actions())
            action->setChecked(action->data().toInt() == int(kind));
        m_zoneBox->setEnabled(kind == MapCanvas::Tool::ZonePaint);
    });

    m_zoneBox->setToolTip(tr("Zone to paint regions with"));
    m_zoneBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_zoneBox->setEnabled(false);
    m_toolBar->addWidget(m_zoneBox);
    connect(m_zoneBox, &QComboBox::currentIndexChanged, this,
            [this] { m_canvas->zonePaintTool()->setZone(m_zoneBox->currentData().toString()); });
    connect(document, &models::ScenarioDocument::zonesChanged, this, &MapWidget::refillZones);
    connect(document, &models::ScenarioDocument::scenarioReset, this, &MapWidget::refillZones);
    refillZones();

    m_toolBar->addSeparator();
    m_dayNight = m_toolBar->addAction(tr("Day/night"));
    m_dayNight->setCheckable(true);
    m_dayNight->setToolTip(tr("Shade the night side of the Earth at the overlay time"));
    m_load = m_toolBar->addAction(tr("Load"));
    m_load->setCheckable(true);
    m_load->setToolTip(tr("Show each region's traffic at the overlay time (disc area ∝ requests per second)"));
    connect(m_dayNight, &QAction::toggled, this, [this](bool on) {
        m_canvas->setShowDayNight(on);
        updateTimeBar();
    });
    connect(m_load, &QAction::toggled, this, [this](bool on) {
        m_canvas->setShowLoad(on);
        updateTimeBar();
    });

    m_toolBar->addSeparator();
    m_toolBar->addAction(tr("Zoom in"), m_canvas, [this] { m_canvas->zoomBy(2.0); });
    m_toolBar->addAction(tr("Zoom out"), m_canvas, [this] { m_canvas->zoomBy(0.5); });
    m_toolBar->addAction(tr("Fit"), m_canvas, &MapCanvas::fitScenario)->setToolTip(tr("Show every region of the scenario"));
    m_toolBar->addAction(tr("World"), m_canvas, &MapCanvas::fitWorld)->setToolTip(tr("Show the whole world"));
    m_toolBar->addSeparator();
    m_toolBar->addAction(tr("Export…"), this, &MapWidget::exportWithDialog)->setToolTip(tr("Save the map as PNG or SVG"));

    connect(m_timeBar, &MapTimeBar::utcChanged, m_canvas, &MapCanvas::setOverlayTime);
    m_canvas->setOverlayTime(m_timeBar->utc());
    updateTimeBar();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_canvas, 1);
    layout->addWidget(m_timeBar);
    setFocusProxy(m_canvas);
}

void MapWidget::refillZones()
{
    const QString current = m_zoneBox->currentData().toString();
    const QSignalBlocker block(m_zoneBox);
    m_zoneBox->clear();
    for (const engine::ResidencyZone &zone : m_canvas->scenario().zones) {
        const QString id = QString::fromStdString(zone.id);
        m_zoneBox->addItem(zone.name.empty() || zone.name == zone.id ? id : QStringLiteral("%1 — %2").arg(id, QString::fromStdString(zone.name)), id);
        const QColor color = m_canvas->renderer().style().zoneColor(m_canvas->scenario(), zone.id);
        m_zoneBox->setItemData(m_zoneBox->count() - 1, color, Qt::DecorationRole);
    }
    const int index = m_zoneBox->findData(current);
    m_zoneBox->setCurrentIndex(index >= 0 ? index : 0);
    m_canvas->zonePaintTool()->setZone(m_zoneBox->currentData().toString());
}

void MapWidget::updateTimeBar()
{
    const bool needed = m_dayNight->isChecked() || m_load->isChecked();
    m_timeBar->setVisible(needed);
    if (!needed)
        m_timeBar->setPlaying(false);
}

void MapWidget::exportWithDialog()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export map"), QStringLiteral("map.png"),
                                                      tr("PNG image (*.png);;SVG drawing (*.svg)"));
    if (path.isEmpty())
        return;
    const auto result = path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive) ? m_canvas->exportSvg(path)
                                                                                   : m_canvas->exportPng(path);
    if (!result)
        QMessageBox::warning(this, tr("Export map"), result.error());
}

} // namespace longitude::ui
