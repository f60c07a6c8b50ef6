#pragma once

/// @file valuerules.h
/// The allowed range of every number in the scenario format, and the one place that words a
/// range violation. The JSON reader and the in-memory validator both go through these checks, so
/// a file and an edited scenario get the same sentence for the same problem.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace longitude::engine {

/// The allowed values of an integer field, both ends inclusive.
struct IntRange
{
    std::int64_t min = 0;
    std::int64_t max = 0;
};

/// The allowed values of a real-valued field. `showBoth` means both ends are meaningful limits
/// (e.g. latitude) and are quoted together; otherwise `max` is only a guard against absurd values
/// (1e300 GPUs) and is quoted only when it is exceeded.
struct NumberRange
{
    double min = 0.0;
    double max = 0.0;
    bool minExclusive = false;
    bool maxExclusive = false;
    bool showBoth = false;
};

/// nullopt if `value` is an integer within `range`, else the sentence to report
/// ("must be a positive integer, got -4"). Takes a double so that 2.5 and 1e300 read from a file
/// are checked by the same words as an int edited in memory.
std::optional<std::string> checkInt(double value, IntRange range);

/// nullopt if `value` is finite and within `range`, else the sentence to report.
std::optional<std::string> checkNumber(double value, const NumberRange &range);

/// "a positive integer", "a non-negative integer", "an integer between 1 and 64".
std::string describeIntRange(IntRange range);

/// Shortest text that reads back to the same double: "-4", "2.5", "1e+300", "infinity", "NaN".
std::string formatNumber(double value);

/// Ranges of the scenario format (docs/scenario-format.md, "Limits"). The upper guards are far
/// beyond any real deployment; they exist so that a typo such as 1e300 is refused instead of
/// overflowing the simulation.
namespace rules {
// Regions are compared pairwise (all-pairs RTT); a thousand is ~8 times every public cloud
// region today (126 in ../shared/data/cloud_regions.csv, 2025).
inline constexpr std::size_t kMaxRegions = 1'000;
inline constexpr std::size_t kMaxListItems = 100'000;
inline constexpr IntRange kGpuCount{1, 1'000'000};
inline constexpr IntRange kTensorParallel{1, 64};
inline constexpr IntRange kMaxBatch{1, 1'000'000};
inline constexpr IntRange kPrefixGroups{0, 10'000'000};
inline constexpr IntRange kPrefixTokens{0, 10'000'000};
inline constexpr IntRange kKvBlockTokens{1, 65'536};

inline constexpr NumberRange kLongitude{-180.0, 180.0, false, false, true};
inline constexpr NumberRange kLatitude{-90.0, 90.0, false, false, true};
inline constexpr NumberRange kUtcOffsetHours{-12.0, 14.0, false, false, true};
inline constexpr NumberRange kLatencyMs{0.0, 60'000.0};              // gateway latency, >= 0
inline constexpr NumberRange kRttMs{0.0, 60'000.0, true};            // > 0
inline constexpr NumberRange kUsdPerGb{0.0, 1'000.0};
inline constexpr NumberRange kMemoryGb{0.0, 100'000.0, true};
inline constexpr NumberRange kTflops{0.0, 1'000'000.0};
inline constexpr NumberRange kHbmTbPerS{0.0, 10'000.0, true};
inline constexpr NumberRange kUsdPerHour{0.0, 100'000.0};
inline constexpr NumberRange kParamsB{0.0, 100'000.0, true};
inline constexpr NumberRange kActiveParamsB{0.0, 100'000.0};
inline constexpr NumberRange kBytesPerParam{0.0, 16.0, true};
inline constexpr NumberRange kKvBytesPerToken{0.0, 1e9, true};
inline constexpr NumberRange kTokensPerS{0.0, 1e9, true};
inline constexpr NumberRange kStepMs{0.0, 1e6};                      // >= 0
inline constexpr NumberRange kEfficiency{0.0, 1.0, true, false, true}; // (0, 1]
inline constexpr NumberRange kKvUsableFraction{0.0, 1.0, true, false, true};
inline constexpr NumberRange kPeakRps{0.0, 1e8};
inline constexpr NumberRange kHourlyMultiplier{0.0, 1'000.0};
inline constexpr NumberRange kShare{0.0, 1e9, true};
inline constexpr NumberRange kSampleValue{0.0, 1e9};                 // tokens, turns or seconds
inline constexpr NumberRange kExponentialMean{0.0, 1e9, true};
inline constexpr NumberRange kLognormalMu{-100.0, 100.0, false, false, true};
inline constexpr NumberRange kLognormalSigma{0.0, 20.0, true};
inline constexpr NumberRange kWeight{0.0, 1e12};
inline constexpr NumberRange kPrefixZipf{0.0, 100.0};
inline constexpr NumberRange kFraction{0.0, 1.0, false, false, true}; // [0, 1]
inline constexpr NumberRange kSlaMs{0.0, 1e7, true};
inline constexpr NumberRange kOptionalSlaMs{0.0, 1e7};
inline constexpr NumberRange kProbeIntervalMs{0.0, 1e7};
inline constexpr NumberRange kParam{-1e15, 1e15, false, false, true};
inline constexpr NumberRange kOutageStartS{0.0, 1e9};
inline constexpr NumberRange kOutageDurationS{0.0, 1e9, true};
inline constexpr NumberRange kDurationS{0.0, 366.0 * 86'400.0, true}; // at most a (leap) year
inline constexpr NumberRange kWarmupS{0.0, 366.0 * 86'400.0};
inline constexpr NumberRange kStartUtcHour{0.0, 24.0, false, true, true}; // [0, 24)
inline constexpr NumberRange kBucketS{0.0, 366.0 * 86'400.0, true};
inline constexpr NumberRange kSamplingWindowS{0.0, 3'600.0, true};
inline constexpr NumberRange kSamplingWarmupS{0.0, 3'600.0};
} // namespace rules

} // namespace longitude::engine
