#pragma once

#include <cstdint>
#include <vector>

namespace longitude::engine {

/// Streaming histogram of non-negative integer values (microseconds) in logarithmic buckets, in
/// the style of HdrHistogram: values below 2^bits are exact, above that each power of two is
/// split into 2^bits equal buckets, so a bucket's width is at most 2^-bits of its values
/// (bits = 7: 0.8 %; the midpoint reported errs by at most half that). Memory depends only on
/// the largest value seen, never on how many were recorded. Counts are doubles so that the
/// time-sampled mode can weight whole histograms; count, sum, min and max are exact.
class LogHistogram
{
public:
    explicit LogHistogram(int subBucketBits = 7)
        : m_bits(subBucketBits)
        , m_exactBelow(std::uint64_t{1} << subBucketBits)
    {
    }

    // Always inlined: several records per request, each a handful of instructions.
    [[gnu::always_inline]] void record(std::int64_t value)
    {
        if (value < 0)
            value = 0;
        const auto v = static_cast<std::uint64_t>(value);
        const std::size_t index = v < m_exactBelow ? static_cast<std::size_t>(v) : indexOf(value);
        if (index >= m_size)
            grow(index);
        m_counts[index] += 1.0;
        m_count += 1.0;
        m_sum += static_cast<double>(value);
        if (value < m_min)
            m_min = value;
        if (value > m_max)
            m_max = value;
    }
    /// Adds `other` (same or different precision) with every count multiplied by `weight`.
    void merge(const LogHistogram &other, double weight = 1.0);
    void clear();

    double count() const { return m_count; }
    double sum() const { return m_sum; }
    double mean() const { return m_count > 0.0 ? m_sum / m_count : 0.0; }
    std::int64_t min() const { return m_count > 0.0 ? m_min : 0; }
    std::int64_t max() const { return m_count > 0.0 ? m_max : 0; }
    /// Value at quantile q in [0, 1]: midpoint of the bucket holding it, clamped to [min, max].
    double quantile(double q) const;
    /// Share of recorded values <= `value` (bucket resolution: counts whole buckets whose lower
    /// bound is <= value).
    double fractionAtOrBelow(std::int64_t value) const;
    int subBucketBits() const { return m_bits; }
    std::size_t bucketCount() const { return m_counts.size(); }

    std::size_t indexOf(std::int64_t value) const
    {
        const auto v = static_cast<std::uint64_t>(value);
        if (v < (std::uint64_t{1} << m_bits))
            return static_cast<std::size_t>(v);
        const int msb = 63 - __builtin_clzll(v);
        const int shift = msb - m_bits;
        return (static_cast<std::size_t>(shift + 1) << m_bits) + static_cast<std::size_t>((v >> shift) - (std::uint64_t{1} << m_bits));
    }
    std::int64_t lowerBound(std::size_t index) const;
    std::int64_t width(std::size_t index) const;

private:
    /// Makes room for `index`: at first for values up to ~17 s (2^24 us), then by doubling, so
    /// that a histogram reallocates a handful of times in a whole run.
    void grow(std::size_t index)
    {
        std::size_t size = m_counts.empty() ? indexOf(std::int64_t{1} << 24) + 1 : m_counts.size();
        while (size <= index)
            size *= 2;
        m_counts.resize(size, 0.0);
        m_size = size;
    }

    int m_bits;
    std::uint64_t m_exactBelow; ///< 2^m_bits: values below it are their own bucket
    std::vector<double> m_counts;
    std::size_t m_size = 0; ///< m_counts.size(), at hand for record()
    double m_count = 0.0;
    double m_sum = 0.0;
    std::int64_t m_min = INT64_MAX;
    std::int64_t m_max = 0;
};

} // namespace longitude::engine
