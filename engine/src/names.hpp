// Resolving what the user typed ("Astana", "north macedonia", "Türkiye")
// to kb ids, by type, with a suggestion when nothing matches.
#pragma once

#include "casus/engine.hpp"
#include "known_names.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace casus {

// Also the parser's view of the known names (known_names.hpp): every
// spelling added, and every spelling of a name of several states.
class NameTable final : public KnownNames {
public:
    void add(const std::string& text, const std::string& id, const std::string& type);
    // A spelling the parser should read whole though it resolves elsewhere
    // (a name that served several states over time: resolve_state).
    void add_spelling(const std::string& text);
    void clear();
    // Room for n names (and their prefixes), so that reading the kb's
    // 2,300 names at start does not rehash as the tables grow.
    void reserve(std::size_t n);

    std::size_t longest_name_at(std::string_view text) const override;

    // The id of the entity of this type (or "actor": state or
    // organisation) that text names, if any.
    std::optional<std::string> find(const std::string& text, const std::string& type) const;
    // All types text names, for "'csto' is an organisation, not a state".
    std::vector<std::string> types_of(const std::string& text) const;
    // The nearest name of this type, as a spelling to type (normalized),
    // for "did you mean": only
    // one within Damerau-Levenshtein distance min(3, max(1, len/3))
    // of what was typed (len in characters, suggest.hpp); otherwise none.
    std::optional<std::string> suggest(const std::string& text, const std::string& type) const;

    const std::vector<NameEntry>& entries() const { return entries_; }
    // What id is shown as: the first spelling added for it that is not
    // the id itself (csto -> Collective Security Treaty Organization); an
    // id without one is shown as itself.
    std::string display_name(const std::string& id) const;

    // Case-folded (ASCII and Latin-1 supplement in UTF-8), with '_', '-'
    // and runs of blanks as one space.
    static std::string normalize(const std::string& text);
    static void normalize_into(const std::string& text, std::string& out);  // the same, into out

private:
    struct Target { std::string id, type; std::size_t order; };  // order: when added (the first spelling wins)
    // Hashed: a million-fact ingest resolves two names a fact.
    std::unordered_multimap<std::string, Target> by_key_;
    std::unordered_set<std::string> spellings_;  // add_spelling's keys
    // Every key cut at each of its word boundaries, so a scan stops as
    // soon as no known name goes on the way the text does. Held as the
    // prefixes' 64-bit FNV-1a hashes (names.cpp), not copies: the ATOP
    // release's long treaty names have a prefix at every word, and a
    // string each was about a sixth of reading the names at start. A
    // hash that collides only lets a scan go on further; what it finds
    // is still checked against the keys.
    std::unordered_set<std::uint64_t> prefixes_;
    std::size_t longest_key_ = 0;                // bytes
    void add_prefixes(const std::string& key);
    std::vector<NameEntry> entries_;
    // display_name's answers, kept as names are added: every answer and
    // every row of `list states` asks for one.
    std::unordered_map<std::string, std::string> display_;
};

}  // namespace casus
