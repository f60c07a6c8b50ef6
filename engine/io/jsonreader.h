#pragma once

/// @file jsonreader.h

#include "engine/io/jsondocument.h"
#include "engine/io/valuerules.h"
#include "engine/scenario/diagnostic.h"

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace longitude::engine {

/// Typed access to the members of a parsed JSON document for the loaders of engine/io.
///
/// It exists so that a loader never throws and never stops at the first problem: every read
/// either stores a well-typed value or records a diagnostic naming the JSON pointer and what was
/// expected, and leaves the destination at its default. Values that could not be read are
/// remembered as *unreliable* pointers so that later semantic checks do not report a second,
/// confusing error about the default that stands in for them.
class JsonReader
{
public:
    enum class Need { Optional, Required };

    explicit JsonReader(std::string fileName);

    const std::string &fileName() const { return m_fileName; }

    /// Records an error at `pointer` and marks the value there unreliable.
    void error(const std::string &pointer, std::string message);
    void warning(const std::string &pointer, std::string message);
    void markUnreliable(const std::string &pointer);

    const Diagnostics &diagnostics() const { return m_diagnostics; }
    const std::vector<std::string> &unreliablePointers() const { return m_unreliable; }

    /// RFC 6901 pointer of a member or element of the value at `pointer`.
    static std::string child(const std::string &pointer, std::string_view key);
    static std::string child(const std::string &pointer, std::size_t index);

    /// How a value reads in a message: `the string "abc"`, `42`, `an array`, `null`.
    static std::string describe(const Json &value);

    /// True if `value` is an object; otherwise records "must be <what>, got ...".
    bool expectObject(const Json &value, const std::string &pointer, std::string_view what);

    /// The member `key` of `object`, or nullptr (recording "required field is missing" if needed).
    const Json *member(const Json &object, const std::string &pointer, std::string_view key, Need need);
    /// As member(), but also nullptr (with an error) when the member is not an array / object.
    const Json *arrayMember(const Json &object, const std::string &pointer, std::string_view key, Need need);
    const Json *objectMember(const Json &object, const std::string &pointer, std::string_view key, Need need,
                             std::string_view what);

    // Each read leaves `out` unchanged when the member is absent or has the wrong type.
    void readString(const Json &object, const std::string &pointer, std::string_view key, std::string &out,
                    Need need = Need::Optional);
    void readNumber(const Json &object, const std::string &pointer, std::string_view key, double &out,
                    Need need = Need::Optional);
    /// Stores any integral value that fits an int; the range itself is checked by the validator
    /// (with the same words), except that values an int cannot hold are reported here.
    void readInt(const Json &object, const std::string &pointer, std::string_view key, int &out, IntRange range,
                 Need need = Need::Optional);
    void readUInt64(const Json &object, const std::string &pointer, std::string_view key, std::uint64_t &out,
                    Need need = Need::Optional);
    void readBool(const Json &object, const std::string &pointer, std::string_view key, bool &out,
                  Need need = Need::Optional);
    void readNumberArray(const Json &object, const std::string &pointer, std::string_view key,
                         std::vector<double> &out, Need need = Need::Optional);

    /// Warns about every member of `object` not in `known` ("unknown key ... did you mean ...?").
    void checkKeys(const Json &object, const std::string &pointer, std::initializer_list<std::string_view> known);
    /// Warns that `key` is present but means nothing in this context (and is ignored).
    void warnIgnored(const Json &object, const std::string &pointer, std::string_view key, const std::string &why);

private:
    std::string m_fileName;
    Diagnostics m_diagnostics;
    std::vector<std::string> m_unreliable;
};

/// The closest of `candidates` to `word` (case-insensitive equality or at most two edits), or "".
std::string closestMatch(std::string_view word, const std::vector<std::string> &candidates);

} // namespace longitude::engine
