#pragma once

#include "ui/widgets/pointertarget.h"

#include <QWidget>

class QTableView;

namespace longitude::models {
class RegionsModel;
class ScenarioDocument;
class ZonesModel;
}

namespace longitude::ui {

/// Regions and residency zones as tables, for what the map does not show well: exact
/// coordinates, UTC offsets, gateway latencies, zone names and colours. The current region is
/// shared with the map and the other panels through the document.
class RegionsPanel : public QWidget, public PointerTarget
{
    Q_OBJECT

public:
    explicit RegionsPanel(models::ScenarioDocument *document, QWidget *parent = nullptr);

    bool revealPointer(const QString &pointer) override;
    QTableView *regionsView() const { return m_regions; }
    QTableView *zonesView() const { return m_zones; }

private:
    void addRegion();
    void removeRegion();
    void addZone();
    void removeZone();

    models::ScenarioDocument *m_document;
    models::RegionsModel *m_regionsModel;
    models::ZonesModel *m_zonesModel;
    QTableView *m_regions;
    QTableView *m_zones;
    bool m_updating = false;
};

} // namespace longitude::ui
