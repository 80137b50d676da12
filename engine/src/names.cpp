#include "names.hpp"

#include "suggest.hpp"

#include <algorithm>
#include <set>

namespace casus {

std::string NameTable::normalize(const std::string& in) {
    std::string out;
    normalize_into(in, out);
    return out;
}

namespace {
// Appends the character at in[i] case-folded (ASCII, and the Latin-1
// supplement capitals U+00C0..U+00DE but not ×, in UTF-8); returns how
// many bytes it took.
inline std::size_t append_folded(std::string& out, std::string_view in, std::size_t i) {
    const auto c = static_cast<unsigned char>(in[i]);
    if (c < 0x80) {
        out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);  // ASCII: no locale
        return 1;
    }
    if (c == 0xC3 && i + 1 < in.size()) {
        auto d = static_cast<unsigned char>(in[i + 1]);
        if (d >= 0x80 && d <= 0x9E && d != 0x97) d = static_cast<unsigned char>(d + 0x20);
        out += static_cast<char>(c);
        out += static_cast<char>(d);
        return 2;
    }
    out += static_cast<char>(c);
    return 1;
}
bool separator(unsigned char c) { return c == ' ' || c == '\t' || c == '_' || c == '-' || c == '\n' || c == '\r'; }

// FNV-1a (64 bits) over the bytes of a prefix, extended byte by byte as
// the prefix grows, so every prefix of a key is hashed in one pass.
constexpr std::uint64_t fnv_offset = 14695981039346656037ull, fnv_prime = 1099511628211ull;
std::uint64_t fnv_extend(std::uint64_t h, unsigned char byte) { return (h ^ byte) * fnv_prime; }
}  // namespace

void NameTable::normalize_into(const std::string& in, std::string& out) {
    // Written in place into room for the whole input (folding keeps a
    // character's bytes, separators only shrink): every name read at
    // start is normalized, and appending byte by byte was a third of it.
    out.resize(in.size());
    char* o = out.data();
    std::size_t n = 0;
    bool space = false;
    for (std::size_t i = 0; i < in.size(); ++i) {
        const auto c = static_cast<unsigned char>(in[i]);
        if (separator(c)) {
            space = n > 0;
            continue;
        }
        if (space) o[n++] = ' ';
        space = false;
        if (c < 0x80) {
            o[n++] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);  // ASCII: no locale
        } else if (c == 0xC3 && i + 1 < in.size()) {  // as append_folded
            auto d = static_cast<unsigned char>(in[++i]);
            if (d >= 0x80 && d <= 0x9E && d != 0x97) d = static_cast<unsigned char>(d + 0x20);
            o[n++] = static_cast<char>(c);
            o[n++] = static_cast<char>(d);
        } else {
            o[n++] = static_cast<char>(c);
        }
    }
    out.resize(n);
}

void NameTable::clear() {
    display_.clear();
    by_key_.clear();
    spellings_.clear();
    prefixes_.clear();
    longest_key_ = 0;
    entries_.clear();
}

void NameTable::reserve(std::size_t n) {
    by_key_.reserve(n);
    entries_.reserve(n);
    display_.reserve(n);
    prefixes_.reserve(4 * n);  // a prefix at each word of a name: the ATOP treaties' names have several
}

void NameTable::add_spelling(const std::string& text) {
    std::string key = normalize(text);
    add_prefixes(key);
    spellings_.insert(std::move(key));
}

namespace {
// The characters of a bare word, as the grammar reads them (grammar_def.hpp word_char).
constexpr bool word_char_of(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '\'' ||
           c == '-' || c >= 0x80;
}
// As a table: asked for every byte of every name read at start.
struct WordChars {
    bool is[256] = {};
    constexpr WordChars() {
        for (int c = 0; c < 256; ++c) is[c] = word_char_of(static_cast<unsigned char>(c));
    }
};
constexpr WordChars word_chars{};
inline bool word_char(unsigned char c) { return word_chars.is[c]; }
// Characters no bare name holds: they end a name in every form of the
// language (fact arguments, the ':' of suppose, '?', ';', quotes, comments).
bool ends_any_name(unsigned char c) {
    return c == ',' || c == '(' || c == ')' || c == ':' || c == '?' || c == ';' || c == '"' || c == '#' ||
           (c < 0x20 && c != '\t');
}
bool blank(unsigned char c) { return c == ' ' || c == '\t'; }
}  // namespace

void NameTable::add_prefixes(const std::string& key) {
    longest_key_ = std::max(longest_key_, key.size());
    std::uint64_t h = fnv_offset;
    for (std::size_t e = 1; e <= key.size(); ++e) {
        const auto last = static_cast<unsigned char>(key[e - 1]);
        h = fnv_extend(h, last);
        if (last != ' ' && (e == key.size() || !word_char(last) || !word_char(static_cast<unsigned char>(key[e]))))
            prefixes_.insert(h);
    }
}

std::size_t NameTable::longest_name_at(std::string_view text) const {
    // Every place a name could end (a word's end, or after punctuation such
    // as the '.' of "U.S."), with the text up to it normalized as find()
    // normalizes, built as the scan goes, up to the longest key: a few
    // hash lookups of short strings per name in a statement.
    std::size_t best = 0;
    static thread_local std::string key;
    key.clear();
    std::uint64_t h = fnv_offset;  // of key[0, hashed)
    std::size_t hashed = 0;
    bool space = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (ends_any_name(c)) break;
        if (separator(c)) {
            space = !key.empty();
        } else {
            if (space) key += ' ';
            space = false;
            i += append_folded(key, text, i) - 1;
        }
        if (key.size() > longest_key_) break;
        const std::size_t e = i + 1;
        const auto last = static_cast<unsigned char>(text[i]);
        const bool boundary = !blank(last) && (e == text.size() || !word_char(last) || !word_char(static_cast<unsigned char>(text[e])));
        if (!boundary) continue;
        for (; hashed < key.size(); ++hashed) h = fnv_extend(h, static_cast<unsigned char>(key[hashed]));
        if (!prefixes_.count(h)) break;  // no known name goes on from here
        if (by_key_.count(key) || spellings_.count(key)) best = e;
    }
    return best;
}

void NameTable::add(const std::string& text, const std::string& id, const std::string& type) {
    const std::string key = normalize(text);
    entries_.push_back({text, id, type});  // every spelling, for display and completion
    if (text != id) display_.try_emplace(id, text);
    auto range = by_key_.equal_range(key);
    for (auto it = range.first; it != range.second; ++it)
        if (it->second.id == id && it->second.type == type) return;
    add_prefixes(key);
    by_key_.emplace(key, Target{id, type, by_key_.size()});
}

std::string NameTable::display_name(const std::string& id) const {
    auto it = display_.find(id);
    return it == display_.end() ? id : it->second;
}

static bool type_matches(const std::string& have, const std::string& want) {
    return have == want || (want == "actor" && (have == "state" || have == "organisation"));
}

std::optional<std::string> NameTable::find(const std::string& text, const std::string& type) const {
    // A hash map keeps no order among equal keys: the earliest added wins,
    // as it did when this was an ordered multimap.
    // Into a buffer kept by the thread: a million-fact ingest looks up two
    // names a fact, and most ids are longer than a string's inline buffer.
    static thread_local std::string key;
    normalize_into(text, key);
    const Target* best = nullptr;
    auto range = by_key_.equal_range(key);
    for (auto it = range.first; it != range.second; ++it)
        if (type_matches(it->second.type, type) && (!best || it->second.order < best->order)) best = &it->second;
    if (!best) return std::nullopt;
    return best->id;
}

std::vector<std::string> NameTable::types_of(const std::string& text) const {
    std::set<std::string> types;
    auto range = by_key_.equal_range(normalize(text));
    for (auto it = range.first; it != range.second; ++it) types.insert(it->second.type);
    return {types.begin(), types.end()};
}

std::optional<std::string> NameTable::suggest(const std::string& text, const std::string& type) const {
    // A spelling, not an id: what to type ('serbia', not the id of the
    // state that name served last). Sorted, so ties break the same way
    // every run; a name of several states counts as a state's.
    std::set<std::string> keys;
    for (const auto& [key, target] : by_key_)
        if (type_matches(target.type, type)) keys.insert(key);
    if (type_matches("state", type)) keys.insert(spellings_.begin(), spellings_.end());
    return nearest(normalize(text), {keys.begin(), keys.end()});
}

}  // namespace casus
