#pragma once

#include "engine/scenario/scenario.h"

#include <cstdint>
#include <expected>
#include <string>

namespace longitude::engine {

/// How long one replica needs to prefill and to take one decode step. This is the one place
/// where a LatencyProfile, a GpuType and a Model become numbers (DOMAIN.md section 3), so the
/// roofline formula exists exactly once.
///
/// Every profile reduces to the same shape, which keeps the decode clock (DecodeBatch) exact:
///   step(b, C) = max(base(b) + perToken * C, floor(b))   [microseconds]
/// for b sequences holding C context tokens in total:
///  - linear:   base = decodeBaseMs + decodePerSeqMs*b, perToken = decodePerKContextMs/1000, floor = 0
///  - roofline: base = W/(bw*etaMem) (weights per GPU streamed once per step),
///              perToken = (kv/TP)/(bw*etaMem), floor = b*2*activeParams/(TP*peak*etaDecode)
///  - constant: base = decodeStepMs, perToken = 0, floor = 0
/// Prefill of n uncached tokens: n/prefillTokensPerS (linear), n*2*activeParams/(TP*peak*etaPrefill)
/// (roofline), or prefillMs per request whatever n (constant).
class LatencyModel
{
public:
    /// Coefficients of step(b, C) for one batch size b.
    struct Step
    {
        double baseUs = 0.0;
        double perTokenUs = 0.0;
        double floorUs = 0.0;
        double at(double contextTokens) const
        {
            const double memory = baseUs + perTokenUs * contextTokens;
            return memory > floorUs ? memory : floorUs;
        }
    };

    /// Fails with a sentence when the profile cannot work (model does not fit, zero rates, ...).
    static std::expected<LatencyModel, std::string> compile(const LatencyProfile &profile, const GpuType &gpu,
                                                            const Model &model);

    /// Microseconds to prefill `uncachedTokens` tokens on an otherwise idle replica.
    double prefillUs(std::int64_t uncachedTokens) const
    {
        if (m_kind == ProfileKind::Constant)
            return m_prefillConstantUs;
        return m_prefillUsPerToken * static_cast<double>(uncachedTokens);
    }
    Step step(int batch) const
    {
        const double b = batch;
        return {m_stepBaseUs + m_stepPerSeqUs * b, m_stepPerTokenUs, m_stepComputePerSeqUs * b};
    }
    double stepUs(int batch, double contextTokens) const { return step(batch).at(contextTokens); }
    /// Coefficients of the capacity a step of `batch` sequences holding C context tokens uses:
    /// the share batch/maxBatch of a full batch's step at the same context per sequence,
    ///   capacity(b, C) = (b/M) * step(M, M*C/b) = max((b/M)*base(M) + perToken*C, (b/M)*floor(M)),
    /// so that a replica stepping full batches uses its whole capacity, and a lighter one the
    /// work its sequences would cost at saturation (compute utilisation, docs/engine.md).
    /// Never more than step(batch, C) for batch <= maxBatch.
    Step capacityStep(int batch) const
    {
        const double b = batch;
        return {m_capacityBasePerSeqUs * b, m_stepPerTokenUs, m_stepComputePerSeqUs * b};
    }

    ProfileKind kind() const { return m_kind; }
    int maxBatch() const { return m_maxBatch; }
    /// Tokens of KV cache the replica holds: TP * memory * usable fraction - weights, / KV bytes per token.
    std::int64_t kvCapacityTokens() const { return m_kvCapacityTokens; }
    int tensorParallel() const { return m_tensorParallel; }

private:
    ProfileKind m_kind = ProfileKind::Linear;
    double m_prefillUsPerToken = 0.0;
    double m_prefillConstantUs = 0.0;
    double m_stepBaseUs = 0.0;
    double m_stepPerSeqUs = 0.0;
    double m_stepPerTokenUs = 0.0;
    double m_stepComputePerSeqUs = 0.0;
    double m_capacityBasePerSeqUs = 0.0; ///< base(maxBatch) / maxBatch
    int m_maxBatch = 1;
    int m_tensorParallel = 1;
    std::int64_t m_kvCapacityTokens = 0;
};

} // namespace longitude::engine
