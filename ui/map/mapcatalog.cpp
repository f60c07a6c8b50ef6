#include "mapcatalog.h"

#include "greatcircle.h"

#include "models/catalogrepository.h"

#include <memory>

#include <algorithm>

namespace longitude::ui {

MapCatalog MapCatalog::fromRepository(const models::CatalogRepository &repository)
{
    MapCatalog catalog;
    catalog.regions = repository.catalog().regions;
    catalog.zones = repository.catalog().zones;
    auto shared = std::make_shared<models::CatalogRepository>(repository);
    catalog.rtt = [shared](const std::string &from, const std::string &to) -> std::optional<Rtt> {
        const std::optional<engine::Link> link = shared->measuredLink(from, to);
        if (!link)
            return std::nullopt;
        return Rtt{link->rttMs, link->source};
    };
    return catalog;
}

const engine::Region *MapCatalog::findRegion(const std::string &id) const
{
    const auto it = std::find_if(regions.begin(), regions.end(), [&](const engine::Region &r) { return r.id == id; });
    return it == regions.end() ? nullptr : &*it;
}

const engine::ResidencyZone *MapCatalog::findZone(const std::string &id) const
{
    const auto it = std::find_if(zones.begin(), zones.end(), [&](const engine::ResidencyZone &z) { return z.id == id; });
    return it == zones.end() ? nullptr : &*it;
}

std::vector<const engine::Region *> MapCatalog::nearest(QPointF lonLat, size_t count,
                                                        const std::vector<std::string> &exclude) const
{
    std::vector<std::pair<double, const engine::Region *>> ranked;
    for (const engine::Region &region : regions) {
        if (std::find(exclude.begin(), exclude.end(), region.id) != exclude.end())
            continue;
        ranked.emplace_back(GreatCircle::distanceKm(lonLat, QPointF(region.lon, region.lat)), &region);
    }
    // Ties (co-located regions of different providers) keep catalog order: stable and predictable.
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    std::vector<const engine::Region *> result;
    for (size_t i = 0; i < ranked.size() && i < count; ++i)
        result.push_back(ranked[i].second);
    return result;
}

} // namespace longitude::ui
