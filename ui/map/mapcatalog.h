#pragma once

#include "engine/scenario/scenario.h"

#include <QPointF>
#include <QString>

#include <functional>
#include <optional>
#include <vector>

namespace longitude::models {
class CatalogRepository;
}

namespace longitude::ui {

/// What the map offers when the planner adds regions and links: the known cloud regions (with
/// their zones) and, where measured, the RTT between two of them. A plain value handed to the
/// canvas (MapCanvas::setCatalog) by whoever owns the catalogs, so that the map tools do not
/// depend on how catalogs are loaded.
struct MapCatalog
{
    /// A measured RTT between two catalog regions, with where it comes from.
    struct Rtt
    {
        double rttMs = 0.0;
        std::string source;
    };

    std::vector<engine::Region> regions;
    std::vector<engine::ResidencyZone> zones;
    /// Measured RTT from -> to (directed), or nullopt. May be empty (no measurements).
    std::function<std::optional<Rtt>(const std::string &from, const std::string &to)> rtt;

    /// The regions, zones and measured RTTs of the application's catalogs.
    static MapCatalog fromRepository(const models::CatalogRepository &repository);

    const engine::Region *findRegion(const std::string &id) const;
    const engine::ResidencyZone *findZone(const std::string &id) const;

    /// Up to `count` catalog regions nearest to `lonLat` (great-circle distance), nearest first,
    /// skipping ids in `exclude` (regions the scenario already has).
    std::vector<const engine::Region *> nearest(QPointF lonLat, size_t count,
                                                const std::vector<std::string> &exclude = {}) const;
};

} // namespace longitude::ui
