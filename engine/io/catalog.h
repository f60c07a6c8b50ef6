#pragma once

/// @file catalog.h

#include "engine/scenario/scenario.h"

#include <vector>

namespace longitude::engine {

/// Reusable building blocks for scenarios: known regions and their RTTs, residency zones, GPU
/// types with prices, and models with latency profiles. It exists so that the GUI can offer
/// "add region us-east-1" or "add model Llama-3.3-70B" without the planner typing datasheet
/// numbers; each element has exactly the shape it has inside a scenario (catalogjson.h).
struct Catalog
{
    std::vector<Region> regions;
    std::vector<Link> links;
    std::vector<ResidencyZone> zones;
    std::vector<GpuType> gpuTypes;
    std::vector<Model> models;
    bool operator==(const Catalog &) const = default;
};

/// Which lists of a catalog are complete enough to resolve references against. A single file
/// may hold links whose regions live in another file; references are checked only against lists
/// the input actually has.
struct CatalogReferences
{
    bool regions = true;  ///< link endpoints must be known regions
    bool zones = true;    ///< region zones must be known zones
    bool gpuTypes = true; ///< profile GPU types must be known GPU types
};

} // namespace longitude::engine
