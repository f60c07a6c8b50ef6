#include "jsondocument.h"

#include "jsonreader.h"

#include <fstream>
#include <set>
#include <sstream>
#include <vector>

namespace longitude::engine {

namespace {

// Scenario and catalog files nest at most 5 levels (/workloads/0/promptTokens/values); anything
// far deeper is not one of ours and must not reach a recursive walker.
constexpr int kMaxDepth = 64;

Diagnostic makeError(const std::string &fileName, const std::string &text, std::size_t offset, std::string message)
{
    Diagnostic d;
    d.file = fileName;
    const auto [line, column] = lineAndColumn(text, offset);
    d.line = line;
    d.column = column;
    d.message = std::move(message);
    return d;
}

// Length of the valid UTF-8 sequence starting at `i`, or 0 if the bytes there are not UTF-8.
std::size_t utf8SequenceLength(const std::string &text, std::size_t i)
{
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    std::size_t length = 0;
    if (lead < 0x80)
        return 1;
    if (lead >= 0xC2 && lead <= 0xDF)
        length = 2;
    else if (lead >= 0xE0 && lead <= 0xEF)
        length = 3;
    else if (lead >= 0xF0 && lead <= 0xF4)
        length = 4;
    else
        return 0;
    if (i + length > text.size())
        return 0;
    for (std::size_t k = 1; k < length; ++k)
        if ((byte(i + k) & 0xC0) != 0x80)
            return 0;
    return length;
}

// Offset of the first byte that no text file contains (NUL, most control characters, invalid
// UTF-8), or npos. Tells "binary garbage" apart from a JSON syntax error.
std::size_t firstBinaryByte(const std::string &text)
{
    std::size_t i = 0;
    while (i < text.size()) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f')
            return i;
        const std::size_t length = utf8SequenceLength(text, i);
        if (length == 0)
            return i;
        i += length;
    }
    return std::string::npos;
}

// Offset where nesting first exceeds kMaxDepth (strings and escapes skipped), or npos.
std::size_t tooDeepAt(const std::string &text)
{
    int depth = 0;
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            if (++depth > kMaxDepth)
                return i;
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return std::string::npos;
}

std::string plainParseMessage(const std::string &what)
{
    // "[json.exception.parse_error.101] parse error at line 2, column 3: syntax error ..." ->
    // "syntax error ..."; the position is reported separately.
    std::string message = what;
    if (const auto bracket = message.find("] "); bracket != std::string::npos)
        message.erase(0, bracket + 2);
    if (message.rfind("parse error", 0) == 0)
        if (const auto colon = message.find(": "); colon != std::string::npos)
            message.erase(0, colon + 2);
    return message;
}

/// Builds the DOM through nlohmann's own DOM builder while tracking where it is, so that a key
/// given twice is reported with its pointer and a syntax error with its offset, without any
/// exception.
class TrackingSax
{
public:
    TrackingSax(Json &root, const std::string &fileName)
        : m_builder(root, false)
        , m_fileName(fileName)
    {}

    bool null() { enterValue(); return m_builder.null(); }
    bool boolean(bool value) { enterValue(); return m_builder.boolean(value); }
    bool number_integer(Json::number_integer_t value) { enterValue(); return m_builder.number_integer(value); }
    bool number_unsigned(Json::number_unsigned_t value) { enterValue(); return m_builder.number_unsigned(value); }
    bool number_float(Json::number_float_t value, const std::string &text)
    {
        enterValue();
        return m_builder.number_float(value, text);
    }
    bool string(std::string &value) { enterValue(); return m_builder.string(value); }
    bool binary(Json::binary_t &value) { enterValue(); return m_builder.binary(value); }

    bool start_object(std::size_t length)
    {
        m_frames.push_back(Frame{false, 0, {}, {}, enterValue()});
        return m_builder.start_object(length);
    }
    bool end_object()
    {
        m_frames.pop_back();
        return m_builder.end_object();
    }
    bool start_array(std::size_t length)
    {
        m_frames.push_back(Frame{true, 0, {}, {}, enterValue()});
        return m_builder.start_array(length);
    }
    bool end_array()
    {
        m_frames.pop_back();
        return m_builder.end_array();
    }

    bool key(std::string &name)
    {
        Frame &frame = m_frames.back();
        frame.currentKey = name;
        if (!frame.keys.insert(name).second) {
            Diagnostic d;
            d.file = m_fileName;
            d.pointer = JsonReader::child(frame.pointer, name);
            d.message = "the key \"" + name + "\" appears more than once in this object; give it once";
            m_duplicates.push_back(std::move(d));
        }
        return m_builder.key(name);
    }

    template <class Exception>
    bool parse_error(std::size_t position, const std::string &lastToken, const Exception &ex)
    {
        m_failed = true;
        m_errorOffset = position > 0 ? position - 1 : 0;
        if (ex.id == 406) {
            m_errorMessage = "the number " + lastToken + " is too large to represent; numbers must be finite";
            // The offset nlohmann reports is the end of the token; point at its start.
            m_errorOffset = position >= lastToken.size() ? position - lastToken.size() : 0;
        } else {
            m_errorMessage = "malformed JSON: " + plainParseMessage(ex.what());
            // A whole literal was read before it turned out to be misplaced: point at its start.
            const bool wholeToken = m_errorMessage.find("unexpected string literal") != std::string::npos
                                    || m_errorMessage.find("unexpected number literal") != std::string::npos;
            if (wholeToken && position >= lastToken.size())
                m_errorOffset = position - lastToken.size();
        }
        return false;
    }

    bool failed() const { return m_failed; }
    std::size_t errorOffset() const { return m_errorOffset; }
    const std::string &errorMessage() const { return m_errorMessage; }
    Diagnostics takeDuplicates() { return std::move(m_duplicates); }

private:
    struct Frame
    {
        bool isArray = false;
        std::size_t nextIndex = 0;
        std::string currentKey;
        std::set<std::string> keys;
        std::string pointer;
    };

    // Pointer of the value that starts now.
    std::string enterValue()
    {
        if (m_frames.empty())
            return {};
        Frame &parent = m_frames.back();
        if (parent.isArray)
            return JsonReader::child(parent.pointer, parent.nextIndex++);
        return JsonReader::child(parent.pointer, parent.currentKey);
    }

    nlohmann::detail::json_sax_dom_parser<Json> m_builder;
    std::string m_fileName;
    std::vector<Frame> m_frames;
    Diagnostics m_duplicates;
    bool m_failed = false;
    std::size_t m_errorOffset = 0;
    std::string m_errorMessage;
};

} // namespace

std::pair<int, int> lineAndColumn(const std::string &text, std::size_t offset)
{
    int line = 1;
    int column = 1;
    const std::size_t end = std::min(offset, text.size());
    for (std::size_t i = 0; i < end; ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++line;
            column = 1;
        } else if ((c & 0xC0) != 0x80) { // count characters, not UTF-8 continuation bytes
            ++column;
        }
    }
    return {line, column};
}

bool readTextFile(const std::string &path, std::string &text)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return false;
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad())
        return false;
    text = std::move(buffer).str();
    return true;
}

JsonDocument parseJsonDocument(const std::string &text, const std::string &fileName, const std::string &what)
{
    JsonDocument document;
    const auto fail = [&](std::size_t offset, std::string message) {
        document.diagnostics.push_back(makeError(fileName, text, offset, std::move(message)));
        return document;
    };

    if (text.find_first_not_of(" \t\r\n") == std::string::npos)
        return fail(0, "the file is empty; expected " + what + " (a JSON object starting with '{')");
    if (const auto binary = firstBinaryByte(text); binary != std::string::npos)
        return fail(binary, "this is not a text file (unexpected byte at offset " + std::to_string(binary)
                                + "); expected " + what + " in UTF-8 JSON");
    if (const auto deep = tooDeepAt(text); deep != std::string::npos)
        return fail(deep, "the JSON is nested more than " + std::to_string(kMaxDepth)
                              + " levels deep; expected " + what);

    Json root;
    try {
        TrackingSax sax(root, fileName);
        const bool ok = Json::sax_parse(text, &sax, nlohmann::detail::input_format_t::json, true, false);
        if (!ok || sax.failed())
            return fail(sax.errorOffset(), sax.failed() ? sax.errorMessage() : "malformed JSON");
        document.diagnostics = sax.takeDuplicates();
    } catch (const std::exception &ex) {
        // nlohmann throws only for limits such as an excessive container size.
        return fail(0, "cannot parse the file as JSON: " + plainParseMessage(ex.what()));
    }
    document.root = std::move(root);
    return document;
}

} // namespace longitude::engine
