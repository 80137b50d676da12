// What the user added to a data directory, as the store holds it: the
// input of `.dump`, which writes it back as statements (repl/dump.cpp).
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace casus {

// An entity a definition (or an import) made, as store:entity_kind/2
// types it: ids, display text and integers (YYYYMMDD dates, COW codes)
// as text, in the term's order.
struct DumpEntity {
    std::string kind;               // state, organisation, treaty, clause, event, entity_source, alias, ...
    std::vector<std::string> args;  // a clause's conditions (argument 5) and a source (source/2) are below
    // A clause's conditions: each as its name and the ids it lists
    // (adversary: the states; area: own_territory or regions).
    std::vector<std::pair<std::string, std::vector<std::string>>> conditions;
    // A condition of any other shape (an import's), written as Prolog
    // writes it: no define statement gives it.
    std::vector<std::string> other_conditions;
    std::string quote;              // entity_source: the quote beside the source text
};

// A spell of a fact: one the user added (closed by a dated retract, or
// open), or a curated one a dated retract ended.
struct DumpSpell {
    std::string kind;
    std::vector<std::string> args;  // ids
    long from = 0, to = 0;          // YYYYMMDD; to 99991231: open
    std::string source, quote;      // added spells only
    bool added = true;              // false: a curated spell, ended by the user at `to`
};

struct DumpData {
    std::vector<DumpEntity> entities;  // in the order they were made
    std::vector<DumpSpell> spells;     // in no particular order
};

}  // namespace casus
