#pragma once

/// @file elementreader.h

#include "engine/io/jsonreader.h"
#include "engine/scenario/scenario.h"

#include <string>
#include <string_view>
#include <vector>

namespace longitude::engine {

/// Reads the elements of the scenario format (regions, links, pools, distributions, ...) from
/// JSON into the value types of scenario.h.
///
/// It exists so that the scenario file and the catalog files, which share element shapes, have
/// one reader per element and therefore one set of keys, defaults and messages. It checks keys
/// and types only; ranges and references are the validator's job (ScenarioValidator), so that a
/// file and an in-memory edit get the same messages.
class ElementReader
{
public:
    explicit ElementReader(JsonReader &reader);

    /// Checks the top-level "schema" against `family`/`version` ("longitude.scenario", 1).
    /// Returns false when the file must not be read any further (a newer version, a foreign
    /// schema); a missing schema is an error but reading goes on so that all problems show.
    bool schema(const Json &root, std::string_view family, int version, std::string_view what);

    Region region(const Json &value, const std::string &pointer);
    Link link(const Json &value, const std::string &pointer);
    ResidencyZone zone(const Json &value, const std::string &pointer);
    GpuType gpuType(const Json &value, const std::string &pointer);
    Model model(const Json &value, const std::string &pointer);
    LatencyProfile profile(const Json &value, const std::string &pointer);
    Pool pool(const Json &value, const std::string &pointer);
    RegionTraffic traffic(const Json &value, const std::string &pointer);
    /// `defaultModel` is used when the class names no model (the scenario's first model).
    WorkloadClass workload(const Json &value, const std::string &pointer, const std::string &defaultModel);
    Distribution distribution(const Json &value, const std::string &pointer);
    Outage outage(const Json &value, const std::string &pointer);
    SlaTargets sla(const Json &value, const std::string &pointer);
    RoutingSettings routing(const Json &value, const std::string &pointer);
    PlacementSettings placement(const Json &value, const std::string &pointer);
    OverflowSettings overflow(const Json &value, const std::string &pointer);
    FailoverSettings failover(const Json &value, const std::string &pointer);
    SimulationSettings simulation(const Json &value, const std::string &pointer);
    ParamMap params(const Json &value, const std::string &pointer);

    /// Reads the array `key` of `parent` with `readOne(element, pointer)`, one result per element
    /// (a default value stands in for an element that is not an object, so indices stay aligned
    /// with JSON pointers).
    template <typename ReadOne>
    auto list(const Json &parent, const std::string &pointer, std::string_view key, JsonReader::Need need,
              ReadOne readOne) -> std::vector<decltype(readOne(parent, pointer))>
    {
        std::vector<decltype(readOne(parent, pointer))> items;
        const Json *array = m_reader.arrayMember(parent, pointer, key, need);
        if (!array)
            return items;
        const std::string arrayPointer = JsonReader::child(pointer, key);
        items.reserve(array->size());
        for (std::size_t i = 0; i < array->size(); ++i)
            items.push_back(readOne((*array)[i], JsonReader::child(arrayPointer, i)));
        return items;
    }

private:
    Distribution readDistributionMember(const Json &object, const std::string &pointer, std::string_view key,
                                        JsonReader::Need need, Distribution fallback);
    /// False (with an error) when the member is present but names no known value.
    template <typename Enum>
    bool readEnum(const Json &object, const std::string &pointer, std::string_view key, Enum &out,
                  std::optional<Enum> (*fromName)(const std::string &), std::string_view choices);

    JsonReader &m_reader;
};

} // namespace longitude::engine
