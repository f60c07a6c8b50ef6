#include "latencymodel.h"

#include <cmath>

namespace longitude::engine {

std::expected<LatencyModel, std::string> LatencyModel::compile(const LatencyProfile &profile, const GpuType &gpu,
                                                               const Model &model)
{
    LatencyModel m;
    m.m_kind = profile.kind;
    m.m_maxBatch = profile.maxBatch;
    m.m_tensorParallel = profile.tensorParallel;
    if (profile.maxBatch < 1 || profile.maxBatch > 65535)
        return std::unexpected("maxBatch must be between 1 and 65535, got " + std::to_string(profile.maxBatch));
    if (profile.tensorParallel < 1)
        return std::unexpected("tensorParallel must be at least 1");
    const double tp = profile.tensorParallel;
    const double weightBytes = model.paramsB * 1e9 * model.bytesPerParam;
    const double usableBytes = tp * gpu.memoryGb * 1e9 * profile.kvUsableFraction;
    if (!(model.kvBytesPerToken > 0.0))
        return std::unexpected("model " + model.id + " needs kvBytesPerToken > 0");
    if (!(usableBytes > weightBytes))
        return std::unexpected("model " + model.id + " does not fit on " + std::to_string(profile.tensorParallel)
                               + " x " + gpu.id + " (weights need " + std::to_string(weightBytes / 1e9) + " GB)");
    m.m_kvCapacityTokens = static_cast<std::int64_t>(std::floor((usableBytes - weightBytes) / model.kvBytesPerToken));

    switch (profile.kind) {
    case ProfileKind::Linear:
        if (!(profile.prefillTokensPerS > 0.0))
            return std::unexpected("linear profile needs prefillTokensPerS > 0");
        m.m_prefillUsPerToken = 1e6 / profile.prefillTokensPerS;
        m.m_stepBaseUs = profile.decodeBaseMs * 1e3;
        m.m_stepPerSeqUs = profile.decodePerSeqMs * 1e3;
        m.m_stepPerTokenUs = profile.decodePerKContextMs; // ms per 1000 tokens = us per token
        if (!(m.m_stepBaseUs + m.m_stepPerSeqUs > 0.0))
            return std::unexpected("linear profile needs decodeBaseMs + decodePerSeqMs > 0");
        break;
    case ProfileKind::Roofline: {
        const double active = (model.activeParamsB > 0.0 ? model.activeParamsB : model.paramsB) * 1e9;
        // FP8 weights run on the FP8 tensor cores when the GPU has them.
        const double peakTflops = model.bytesPerParam <= 1.0 && gpu.fp8Tflops > 0.0 ? gpu.fp8Tflops : gpu.bf16Tflops;
        const double peakFlops = peakTflops * 1e12;
        const double bandwidth = gpu.hbmTbPerS * 1e12;
        if (!(peakFlops > 0.0) || !(bandwidth > 0.0))
            return std::unexpected("roofline profile needs GPU peak FLOP/s and HBM bandwidth > 0");
        if (!(profile.etaPrefill > 0.0) || !(profile.etaMem > 0.0) || !(profile.etaDecode > 0.0))
            return std::unexpected("roofline profile needs etaPrefill, etaMem and etaDecode > 0");
        m.m_prefillUsPerToken = 2.0 * active / (tp * peakFlops * profile.etaPrefill) * 1e6;
        m.m_stepBaseUs = weightBytes / tp / (bandwidth * profile.etaMem) * 1e6;
        m.m_stepPerTokenUs = model.kvBytesPerToken / tp / (bandwidth * profile.etaMem) * 1e6;
        m.m_stepComputePerSeqUs = 2.0 * active / (tp * peakFlops * profile.etaDecode) * 1e6;
        break;
    }
    case ProfileKind::Constant:
        if (!(profile.decodeStepMs > 0.0))
            return std::unexpected("constant profile needs decodeStepMs > 0");
        m.m_prefillConstantUs = profile.prefillMs * 1e3;
        m.m_stepBaseUs = profile.decodeStepMs * 1e3;
        break;
    }
    m.m_capacityBasePerSeqUs = m.m_stepBaseUs / profile.maxBatch + m.m_stepPerSeqUs;
    return m;
}

} // namespace longitude::engine
