#pragma once

#include <cmath>
#include <cstdint>
#include <random>
#include <string_view>

namespace longitude::engine {

/// One deterministic random stream: std::mt19937_64 (whose output sequence the standard fixes)
/// with our own distribution code, because std::*_distribution differs between standard
/// libraries (STYLE.md, SimGrid's warning). Each component owns a stream derived from the scenario
/// seed and a stable key (see streamSeed), so adding a region does not reshuffle another's draws.
class Rng
{
public:
    explicit Rng(std::uint64_t seed = 1) : m_engine(seed) {}
    /// A stream for `key` under the scenario `seed`.
    Rng(std::uint64_t seed, std::string_view key) : m_engine(streamSeed(seed, key)) {}

    /// splitmix64 of the seed mixed with a 64-bit FNV-1a hash of `key`: distinct keys give
    /// statistically independent mt19937_64 seeds, identical on every platform.
    static std::uint64_t streamSeed(std::uint64_t seed, std::string_view key);
    static std::uint64_t splitMix64(std::uint64_t x);

    std::uint64_t next() { return m_engine(); }
    /// Uniform in [0, 1) with 53 random bits.
    double uniform01() { return static_cast<double>(m_engine() >> 11) * 0x1.0p-53; }
    /// Uniform in (0, 1): safe to take the logarithm of.
    double uniformOpen01() { return (static_cast<double>(m_engine() >> 11) + 0.5) * 0x1.0p-53; }
    /// Uniform integer in [0, n), n > 0, without modulo bias (Lemire's multiply-shift method).
    std::uint64_t uniformInt(std::uint64_t n);
    /// Exponential with the given mean (> 0).
    double exponential(double mean) { return -mean * std::log(uniformOpen01()); }
    /// Standard normal (Marsaglia's polar method; the second value of a pair is kept).
    double normal();
    /// exp(N(mu, sigma^2)).
    double lognormal(double mu, double sigma) { return std::exp(mu + sigma * normal()); }
    bool bernoulli(double p) { return uniform01() < p; }

private:
    std::mt19937_64 m_engine;
    double m_spare = 0.0;
    bool m_hasSpare = false;
};

} // namespace longitude::engine
