// Resolving what the user typed ("Astana", "north macedonia", "Türkiye")
// to kb ids, by type, with a suggestion when nothing matches.
#pragma once

#include "casus/engine.hpp"

#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace casus {

class NameTable {
public:
    void add(const std::string& text, const std::string& id, const std::string& type);
    void clear();

    // The id of the entity of this type (or "actor": state or
    // organisation) that text names, if any.
    std::optional<std::string> find(const std::string& text, const std::string& type) const;
    // All types text names, for "'csto' is an organisation, not a state".
    std::vector<std::string> types_of(const std::string& text) const;
    // The nearest name of this type, as an id, for "did you mean".
    std::optional<std::string> suggest(const std::string& text, const std::string& type) const;

    const std::vector<NameEntry>& entries() const { return entries_; }

    // Case-folded (ASCII and Latin-1 supplement in UTF-8), with '_', '-'
    // and runs of blanks as one space.
    static std::string normalize(const std::string& text);
    static void normalize_into(const std::string& text, std::string& out);  // the same, into out

private:
    struct Target { std::string id, type; std::size_t order; };  // order: when added (the first spelling wins)
    // Hashed: a million-fact ingest resolves two names a fact.
    std::unordered_multimap<std::string, Target> by_key_;
    std::vector<NameEntry> entries_;
};

}  // namespace casus
