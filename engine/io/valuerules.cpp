#include "valuerules.h"

#include <charconv>
#include <cmath>

namespace longitude::engine {

namespace {
// Doubles represent every integer exactly up to 2^53; beyond that "integral" means nothing.
constexpr double kExactIntegerLimit = 9007199254740992.0;

std::string lowerPhrase(const NumberRange &range)
{
    return (range.minExclusive ? "greater than " : "at least ") + formatNumber(range.min);
}

std::string upperPhrase(const NumberRange &range)
{
    return (range.maxExclusive ? "less than " : "at most ") + formatNumber(range.max);
}
} // namespace

std::string formatNumber(double value)
{
    if (std::isnan(value))
        return "NaN";
    if (std::isinf(value))
        return value > 0 ? "infinity" : "-infinity";
    if (value == std::trunc(value) && std::fabs(value) < 1e15)
        return std::to_string(static_cast<long long>(value));
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

std::string describeIntRange(IntRange range)
{
    if (range.min == 1)
        return "a positive integer";
    if (range.min == 0)
        return "a non-negative integer";
    return "an integer of at least " + std::to_string(range.min);
}

std::optional<std::string> checkInt(double value, IntRange range)
{
    const std::string got = ", got " + formatNumber(value);
    if (!std::isfinite(value) || std::fabs(value) >= kExactIntegerLimit || value != std::trunc(value)) {
        if (std::isfinite(value) && value > static_cast<double>(range.max))
            return "must be " + describeIntRange(range) + " no larger than " + std::to_string(range.max) + got;
        return "must be " + describeIntRange(range) + got;
    }
    if (value < static_cast<double>(range.min))
        return "must be " + describeIntRange(range) + got;
    if (value > static_cast<double>(range.max))
        return "must be " + describeIntRange(range) + " no larger than " + std::to_string(range.max) + got;
    return std::nullopt;
}

std::optional<std::string> checkNumber(double value, const NumberRange &range)
{
    const std::string got = ", got " + formatNumber(value);
    if (!std::isfinite(value))
        return "must be a finite number" + got;
    const bool tooLow = range.minExclusive ? value <= range.min : value < range.min;
    const bool tooHigh = range.maxExclusive ? value >= range.max : value > range.max;
    if (!tooLow && !tooHigh)
        return std::nullopt;
    if (range.showBoth) {
        if (!range.minExclusive && !range.maxExclusive)
            return "must be between " + formatNumber(range.min) + " and " + formatNumber(range.max) + got;
        return "must be " + lowerPhrase(range) + " and " + upperPhrase(range) + got;
    }
    return "must be " + (tooLow ? lowerPhrase(range) : upperPhrase(range)) + got;
}

} // namespace longitude::engine
