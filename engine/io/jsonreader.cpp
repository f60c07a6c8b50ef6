#include "jsonreader.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>

namespace longitude::engine {

namespace {

std::size_t editDistance(std::string_view a, std::string_view b)
{
    std::vector<std::size_t> previous(b.size() + 1);
    std::vector<std::size_t> current(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        previous[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const bool same = std::tolower(static_cast<unsigned char>(a[i - 1]))
                              == std::tolower(static_cast<unsigned char>(b[j - 1]));
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (same ? 0 : 1)});
        }
        std::swap(previous, current);
    }
    return previous[b.size()];
}

std::string shortQuoted(std::string_view text)
{
    // Long strings are shortened so that a message stays one readable line.
    constexpr std::size_t kMax = 40;
    std::string shown(text.substr(0, kMax));
    if (text.size() > kMax)
        shown += "...";
    return "\"" + shown + "\"";
}

} // namespace

std::string closestMatch(std::string_view word, const std::vector<std::string> &candidates)
{
    std::string best;
    std::size_t bestDistance = 3;
    for (const auto &candidate : candidates) {
        const std::size_t distance = editDistance(word, candidate);
        // Allow two edits only for words long enough that two edits are not a different word.
        const std::size_t allowed = candidate.size() >= 5 ? 2 : 1;
        if (distance <= allowed && distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best;
}

JsonReader::JsonReader(std::string fileName)
    : m_fileName(std::move(fileName))
{}

void JsonReader::error(const std::string &pointer, std::string message)
{
    m_diagnostics.push_back(Diagnostic{Severity::Error, m_fileName, pointer, 0, 0, std::move(message)});
    markUnreliable(pointer);
}

void JsonReader::warning(const std::string &pointer, std::string message)
{
    m_diagnostics.push_back(Diagnostic{Severity::Warning, m_fileName, pointer, 0, 0, std::move(message)});
}

void JsonReader::markUnreliable(const std::string &pointer)
{
    m_unreliable.push_back(pointer);
}

std::string JsonReader::child(const std::string &pointer, std::string_view key)
{
    std::string out = pointer;
    out += '/';
    for (const char c : key) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

std::string JsonReader::child(const std::string &pointer, std::size_t index)
{
    return pointer + '/' + std::to_string(index);
}

std::string JsonReader::describe(const Json &value)
{
    switch (value.type()) {
    case Json::value_t::null: return "null";
    case Json::value_t::boolean: return value.get<bool>() ? "true" : "false";
    case Json::value_t::string: return "the string " + shortQuoted(value.get_ref<const std::string &>());
    case Json::value_t::number_integer: return std::to_string(value.get<std::int64_t>());
    case Json::value_t::number_unsigned: return std::to_string(value.get<std::uint64_t>());
    case Json::value_t::number_float: return formatNumber(value.get<double>());
    case Json::value_t::array: return "an array";
    case Json::value_t::object: return "an object";
    default: return "an unsupported value";
    }
}

bool JsonReader::expectObject(const Json &value, const std::string &pointer, std::string_view what)
{
    if (value.is_object())
        return true;
    error(pointer, "must be " + std::string(what) + ", got " + describe(value));
    return false;
}

const Json *JsonReader::member(const Json &object, const std::string &pointer, std::string_view key, Need need)
{
    const auto it = object.find(key);
    if (it != object.end())
        return &*it;
    if (need == Need::Required)
        error(child(pointer, key), "required field is missing");
    return nullptr;
}

const Json *JsonReader::arrayMember(const Json &object, const std::string &pointer, std::string_view key, Need need)
{
    const Json *value = member(object, pointer, key, need);
    if (value && !value->is_array()) {
        error(child(pointer, key), "must be an array, got " + describe(*value));
        return nullptr;
    }
    return value;
}

const Json *JsonReader::objectMember(const Json &object, const std::string &pointer, std::string_view key, Need need,
                                     std::string_view what)
{
    const Json *value = member(object, pointer, key, need);
    if (value && !expectObject(*value, child(pointer, key), what))
        return nullptr;
    return value;
}

void JsonReader::readString(const Json &object, const std::string &pointer, std::string_view key, std::string &out,
                            Need need)
{
    const Json *value = member(object, pointer, key, need);
    if (!value)
        return;
    if (!value->is_string()) {
        error(child(pointer, key), "must be a string, got " + describe(*value));
        return;
    }
    out = value->get<std::string>();
}

void JsonReader::readNumber(const Json &object, const std::string &pointer, std::string_view key, double &out,
                            Need need)
{
    const Json *value = member(object, pointer, key, need);
    if (!value)
        return;
    if (!value->is_number()) {
        error(child(pointer, key), "must be a number, got " + describe(*value));
        return;
    }
    out = value->get<double>();
}

void JsonReader::readInt(const Json &object, const std::string &pointer, std::string_view key, int &out,
                         IntRange range, Need need)
{
    const Json *value = member(object, pointer, key, need);
    if (!value)
        return;
    if (!value->is_number()) {
        error(child(pointer, key), "must be " + describeIntRange(range) + ", got " + describe(*value));
        return;
    }
    const double number = value->get<double>();
    const bool fitsInt = std::isfinite(number) && number == std::trunc(number)
                         && number >= static_cast<double>(std::numeric_limits<int>::min())
                         && number <= static_cast<double>(std::numeric_limits<int>::max());
    if (!fitsInt) {
        const auto message = checkInt(number, range);
        error(child(pointer, key), message.value_or("must be " + describeIntRange(range) + ", got " + describe(*value)));
        return;
    }
    out = static_cast<int>(number);
}

void JsonReader::readUInt64(const Json &object, const std::string &pointer, std::string_view key, std::uint64_t &out,
                            Need need)
{
    const Json *value = member(object, pointer, key, need);
    if (!value)
        return;
    const std::string expected = "must be an integer between 0 and 18446744073709551615, got ";
    if (value->is_number_unsigned()) {
        out = value->get<std::uint64_t>();
    } else if (value->is_number_integer() && value->get<std::int64_t>() >= 0) {
        out = static_cast<std::uint64_t>(value->get<std::int64_t>());
    } else if (value->is_number_float()) {
        const double number = value->get<double>();
        // 2^64 itself does not fit; every double below it that is integral does.
        if (number >= 0.0 && number < 18446744073709551616.0 && number == std::trunc(number))
            out = static_cast<std::uint64_t>(number);
        else
            error(child(pointer, key), expected + describe(*value));
    } else {
        error(child(pointer, key), expected + describe(*value));
    }
}

void JsonReader::readBool(const Json &object, const std::string &pointer, std::string_view key, bool &out, Need need)
{
    const Json *value = member(object, pointer, key, need);
    if (!value)
        return;
    if (!value->is_boolean()) {
        error(child(pointer, key), "must be true or false, got " + describe(*value));
        return;
    }
    out = value->get<bool>();
}

void JsonReader::readNumberArray(const Json &object, const std::string &pointer, std::string_view key,
                                 std::vector<double> &out, Need need)
{
    const Json *array = arrayMember(object, pointer, key, need);
    if (!array)
        return;
    const std::string arrayPointer = child(pointer, key);
    std::vector<double> values;
    values.reserve(array->size());
    bool ok = true;
    for (std::size_t i = 0; i < array->size(); ++i) {
        const Json &item = (*array)[i];
        if (!item.is_number()) {
            error(child(arrayPointer, i), "must be a number, got " + describe(item));
            ok = false;
            continue;
        }
        values.push_back(item.get<double>());
    }
    if (ok)
        out = std::move(values);
    else
        markUnreliable(arrayPointer);
}

void JsonReader::checkKeys(const Json &object, const std::string &pointer,
                           std::initializer_list<std::string_view> known)
{
    const std::vector<std::string> candidates(known.begin(), known.end());
    for (auto it = object.begin(); it != object.end(); ++it) {
        const std::string &key = it.key();
        if (std::find(known.begin(), known.end(), key) != known.end())
            continue;
        std::string message = "unknown key \"" + key + "\" is ignored";
        if (const auto suggestion = closestMatch(key, candidates); !suggestion.empty())
            message += "; did you mean \"" + suggestion + "\"?";
        warning(child(pointer, key), std::move(message));
    }
}

void JsonReader::warnIgnored(const Json &object, const std::string &pointer, std::string_view key,
                             const std::string &why)
{
    if (object.contains(key))
        warning(child(pointer, key), "\"" + std::string(key) + "\" " + why + " and is ignored");
}

} // namespace longitude::engine
