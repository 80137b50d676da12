// The kb's tables of names as the engine reads them at start: every
// spelling of every entity, the states' COW spells, the names people
// write for states over time and the names states bore. Read from the
// running kb (read_kb: five api calls, a tenth of a cold start) or from
// the table the build wrote beside the saved state (name_file.hpp),
// which holds the same rows in the same order.
#pragma once

#include <string>
#include <vector>

namespace casus::kb_names {

struct Name {          // api_names/1: name(Text, Id, Type)
    std::string text, id, type;
};
struct StateSpell {    // api_state_spells/1, one row per spell: the state existed From..To
    std::string id;
    long from, to;     // YYYYMMDD, both days included
};
struct DatedName {     // api_dated_names/1: dated(Text, State, FromYear, ToYear)
    std::string text, id;
    long from_year, to_year;
};
struct NameSpell {     // api_state_names/1: spell(State, From, To, Name)
    std::string id;
    long from, to;     // YYYYMMDD
    std::string name;
};

struct Tables {
    std::vector<Name> names;
    std::vector<StateSpell> state_spells;
    std::vector<DatedName> dated;
    std::vector<NameSpell> name_spells;
    bool operator==(const Tables& o) const;
};

// The tables as the loaded kb gives them now.
Tables read_kb();

// How many clauses each predicate the tables are made of holds now (the
// entities, the COW spells, the dated names and name spells, and the
// entities a define or an import added, store:defined_/1), as one line.
// Names change only by adding entities (define_entity/2, a legacy
// snapshot's clauses) or by taking back one just added, so a kb whose
// census is the one the table was written with gives the same tables.
std::string census();

}  // namespace casus::kb_names
