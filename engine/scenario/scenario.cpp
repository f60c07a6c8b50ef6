#include "scenario.h"

#include <algorithm>

namespace longitude::engine {

namespace {
template <typename T>
const T *findById(const std::vector<T> &items, const std::string &id)
{
    const auto it = std::find_if(items.begin(), items.end(), [&](const T &item) { return item.id == id; });
    return it == items.end() ? nullptr : &*it;
}
} // namespace

const Region *Scenario::findRegion(const std::string &id) const { return findById(regions, id); }
const GpuType *Scenario::findGpuType(const std::string &id) const { return findById(gpuTypes, id); }
const Model *Scenario::findModel(const std::string &id) const { return findById(models, id); }
const Pool *Scenario::findPool(const std::string &id) const { return findById(pools, id); }
const ResidencyZone *Scenario::findZone(const std::string &id) const { return findById(zones, id); }

const LatencyProfile *findProfile(const Model &model, const std::string &gpuType, int tensorParallel)
{
    for (const auto &profile : model.profiles)
        if (profile.gpuType == gpuType && profile.tensorParallel == tensorParallel)
            return &profile;
    return nullptr;
}

const char *pricingModeName(PricingMode mode)
{
    switch (mode) {
    case PricingMode::Reserved: return "reserved";
    case PricingMode::OnDemand: return "on-demand";
    case PricingMode::Spot: return "spot";
    }
    return "on-demand";
}

std::optional<PricingMode> pricingModeFromName(const std::string &name)
{
    for (auto mode : {PricingMode::Reserved, PricingMode::OnDemand, PricingMode::Spot})
        if (name == pricingModeName(mode))
            return mode;
    return std::nullopt;
}

const char *profileKindName(ProfileKind kind)
{
    switch (kind) {
    case ProfileKind::Linear: return "linear";
    case ProfileKind::Roofline: return "roofline";
    case ProfileKind::Constant: return "constant";
    }
    return "linear";
}

std::optional<ProfileKind> profileKindFromName(const std::string &name)
{
    for (auto kind : {ProfileKind::Linear, ProfileKind::Roofline, ProfileKind::Constant})
        if (name == profileKindName(kind))
            return kind;
    return std::nullopt;
}

const char *distributionKindName(DistributionKind kind)
{
    switch (kind) {
    case DistributionKind::Constant: return "constant";
    case DistributionKind::Uniform: return "uniform";
    case DistributionKind::Exponential: return "exponential";
    case DistributionKind::Lognormal: return "lognormal";
    case DistributionKind::Empirical: return "empirical";
    }
    return "constant";
}

std::optional<DistributionKind> distributionKindFromName(const std::string &name)
{
    for (auto kind : {DistributionKind::Constant, DistributionKind::Uniform, DistributionKind::Exponential,
                      DistributionKind::Lognormal, DistributionKind::Empirical})
        if (name == distributionKindName(kind))
            return kind;
    return std::nullopt;
}

} // namespace longitude::engine
