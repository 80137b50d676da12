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

void NameTable::normalize_into(const std::string& in, std::string& out) {
    out.clear();
    out.reserve(in.size());
    bool space = false;
    for (std::size_t i = 0; i < in.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(in[i]);
        if (c == ' ' || c == '\t' || c == '_' || c == '-' || c == '\n' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        if (c < 0x80) {
            out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);  // ASCII: no locale
        } else if (c == 0xC3 && i + 1 < in.size()) {
            // Latin-1 supplement capitals U+00C0..U+00DE (but not ×) fold to lower case.
            unsigned char d = static_cast<unsigned char>(in[i + 1]);
            if (d >= 0x80 && d <= 0x9E && d != 0x97) d = static_cast<unsigned char>(d + 0x20);
            out += static_cast<char>(c);
            out += static_cast<char>(d);
            ++i;
        } else {
            out += static_cast<char>(c);
        }
    }
}

void NameTable::clear() {
    by_key_.clear();
    spellings_.clear();
    longest_key_ = 0;
    entries_.clear();
}

void NameTable::add_spelling(const std::string& text) {
    std::string key = normalize(text);
    longest_key_ = std::max(longest_key_, key.size());
    spellings_.insert(std::move(key));
}

namespace {
// The characters of a bare word, as the grammar reads them (grammar_def.hpp word_char).
bool word_char(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '\'' ||
           c == '-' || c >= 0x80;
}
// Characters no bare name holds: they end a name in every form of the
// language (fact arguments, the ':' of suppose, '?', ';', quotes, comments).
bool ends_any_name(unsigned char c) {
    return c == ',' || c == '(' || c == ')' || c == ':' || c == '?' || c == ';' || c == '"' || c == '#' ||
           (c < 0x20 && c != '\t');
}
bool blank(unsigned char c) { return c == ' ' || c == '\t'; }
}  // namespace

std::size_t NameTable::longest_name_at(std::string_view text) const {
    // Every place a name could end (a word's end, or after punctuation such
    // as the '.' of "U.S."), normalized as find() normalizes, up to the
    // longest key: a few lookups of short strings per name in a statement.
    std::size_t best = 0;
    static thread_local std::string key;
    for (std::size_t e = 1; e <= text.size(); ++e) {
        const auto c = static_cast<unsigned char>(text[e - 1]);
        if (ends_any_name(c)) break;
        if (blank(c)) continue;
        const bool boundary = e == text.size() || !word_char(c) || !word_char(static_cast<unsigned char>(text[e]));
        if (!boundary) continue;
        normalize_into(std::string(text.substr(0, e)), key);
        if (key.size() > longest_key_) break;
        if (by_key_.count(key) || spellings_.count(key)) best = e;
    }
    return best;
}

void NameTable::add(const std::string& text, const std::string& id, const std::string& type) {
    const std::string key = normalize(text);
    entries_.push_back({text, id, type});  // every spelling, for display and completion
    auto range = by_key_.equal_range(key);
    for (auto it = range.first; it != range.second; ++it)
        if (it->second.id == id && it->second.type == type) return;
    longest_key_ = std::max(longest_key_, key.size());
    by_key_.emplace(key, Target{id, type, by_key_.size()});
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
