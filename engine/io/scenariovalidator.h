#pragma once

/// @file scenariovalidator.h

#include "engine/io/catalog.h"
#include "engine/io/valuerules.h"
#include "engine/scenario/diagnostic.h"
#include "engine/scenario/scenario.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace longitude::engine {

/// Checks what types alone cannot: ranges, references between ids, duplicates, feasibility (the
/// model fits the GPUs, a latency profile exists for every pool, every region reaches every
/// other one), on scenario values in memory.
///
/// It exists separately from the JSON reader so that a loaded file and a scenario edited in the
/// GUI are judged by the same code and the same sentences. Diagnostic pointers address the saved
/// form (saveScenario), whose lists are in memory order. `unreliablePointers` are values the
/// reader could not read (their defaults stand in): checks on them, and on anything inside them,
/// are skipped so that one mistake gives one message.
class ScenarioValidator
{
public:
    explicit ScenarioValidator(std::vector<std::string> unreliablePointers = {});

    /// Every problem of `scenario`, errors and warnings, in scenario order. No file is set.
    Diagnostics validate(const Scenario &scenario);

    /// Element checks of a catalog, and the references `references` allows.
    Diagnostics validateCatalog(const Catalog &catalog, CatalogReferences references);

    /// Only the references of `part` that `references` selects, resolved against the ids of
    /// `known` (a catalog merged from several files). Pointers address `part`.
    Diagnostics validateCatalogReferences(const Catalog &part, const Catalog &known, CatalogReferences references);

private:
    using IdIndex = std::map<std::string, std::size_t>;

    void error(const std::string &pointer, std::string message);
    void warning(const std::string &pointer, std::string message);
    bool reliable(const std::string &pointer) const;

    void checkNumber(double value, const NumberRange &range, const std::string &pointer);
    void checkInt(int value, IntRange range, const std::string &pointer);
    /// Non-empty and not used before in the same list; records it in `index`.
    void checkId(const std::string &id, const std::string &pointer, const char *what, IdIndex &index,
                 const std::string &listPointer, std::size_t position);
    /// `id` names an element of `known` (`what` is "region", "GPU type", ...).
    bool checkReference(const std::string &id, const std::string &pointer, const char *what, const IdIndex &known,
                        const std::string &listPointer);
    bool listReliable(const std::string &listPointer) const;
    /// True if `pointer` or anything inside it could not be read.
    bool unreliableUnder(const std::string &pointer) const;

    void checkRegions(const std::vector<Region> &regions, const std::vector<ResidencyZone> *zones);
    void checkLinks(const std::vector<Link> &links, const std::vector<Region> *regions);
    void checkZones(const std::vector<ResidencyZone> &zones);
    void checkGpuTypes(const std::vector<GpuType> &gpuTypes);
    void checkModels(const std::vector<Model> &models, const std::vector<GpuType> *gpuTypes);
    void checkProfile(const LatencyProfile &profile, const Model &model, const std::string &pointer,
                      const std::vector<GpuType> *gpuTypes);
    void checkPools(const Scenario &scenario);
    void checkTraffic(const Scenario &scenario);
    void checkWorkloads(const Scenario &scenario);
    void checkDistribution(const Distribution &distribution, const std::string &pointer, double minSample);
    void checkSettings(const Scenario &scenario);
    void checkParams(const ParamMap &params, const std::string &pointer);
    void checkConnectivity(const Scenario &scenario);
    void checkResidency(const Scenario &scenario);
    void checkListSizes(const std::vector<std::pair<const char *, std::size_t>> &lists);

    std::set<std::string> m_unreliable;
    mutable std::map<std::string, bool> m_listReliable; ///< cache of listReliable()
    Diagnostics m_diagnostics;
    IdIndex m_regionIndex;
    IdIndex m_zoneIndex;
    IdIndex m_gpuIndex;
    IdIndex m_modelIndex;
    IdIndex m_poolIndex;
    bool m_linksResolved = true;
    bool m_poolsClean = true;
};

} // namespace longitude::engine
