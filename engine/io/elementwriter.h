#pragma once

/// @file elementwriter.h
/// The inverse of ElementReader: scenario value types to JSON in the documented key order
/// (docs/scenario-format.md). Shared by saveScenario and the catalog writer so that an element
/// looks the same wherever it is stored.

#include "engine/io/jsondocument.h"
#include "engine/scenario/scenario.h"

namespace longitude::engine {

/// A number as JSON that reads back to exactly the same double: integral values within 2^53 as
/// JSON integers ("512", not "512.0"), everything else in nlohmann's shortest round-trip form.
Json numberToJson(double value);

Json toJson(const Region &region);
Json toJson(const Link &link);
Json toJson(const ResidencyZone &zone);
Json toJson(const GpuType &gpu);
Json toJson(const LatencyProfile &profile);
Json toJson(const Model &model);
Json toJson(const Pool &pool);
Json toJson(const RegionTraffic &traffic);
Json toJson(const Distribution &distribution);
Json toJson(const WorkloadClass &workload);
Json toJson(const Outage &outage);
Json toJson(const ParamMap &params);
Json toJson(const SlaTargets &sla);
Json toJson(const RoutingSettings &routing);
Json toJson(const PlacementSettings &placement);
Json toJson(const OverflowSettings &overflow);
Json toJson(const FailoverSettings &failover);
Json toJson(const SimulationSettings &simulation);

/// A JSON array of toJson(item) for every item.
template <typename T>
Json listToJson(const std::vector<T> &items)
{
    Json array = Json::array();
    for (const auto &item : items)
        array.push_back(toJson(item));
    return array;
}

/// 2-space indent and a trailing newline, the layout of every file Longitude writes.
std::string dumpDocument(const Json &document);

} // namespace longitude::engine
