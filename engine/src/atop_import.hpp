// Reads ATOP 4.01 (alliance and member level) and the COW state list and
// turns them into what the kb needs: states, aliases, treaties, clauses
// (entity definitions) and party/2 membership spells. Pure C++: the
// engine applies the plan through the journal like any other change.
#pragma once

#include "casus/results.hpp"

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace casus::atop {

// What the kb already has, so imported and curated facts meet.
struct Known {
    std::map<int, std::string> state_by_cow;   // COW code -> state id
    std::map<int, std::string> state_name;     // COW code -> the name answers show (for treaty names)
    struct NameSpell { long from, to; std::string name; };
    std::map<int, std::vector<NameSpell>> dated_state_name;  // COW code -> its names over time (kb/state_names.pl)
    std::vector<std::string> ids;              // every id in use (states, treaties, ...)
    std::map<int, std::string> linked;         // ATOP id -> curated treaty (atop_alliance/2)
    std::map<long, std::string> common_name;   // ATOP id -> its common name (entities:atop_name/3)
};

struct Entity {
    std::string kind;               // state, alias, treaty, clause
    std::vector<std::string> args;  // as store:entity_kind/2 types them
    std::string file;               // the row it comes from, for messages
    std::size_t line = 0;
};

// A party/2 spell, or an exempt/3 one: the member's own row codes no
// obligation of a kind (ATOP member level defense=0, say) while the alliance has one.
struct Spell {
    std::string state, treaty;
    std::string kind = "party";     // party | exempt
    std::string obligation;         // exempt: defence, offence, neutrality, non_aggression, consultation
    long from = 0, to = 0;  // YYYYMMDD, [from, to); to 99991231 = in force at the end of the data
    std::string source;
    std::string file;
    std::size_t line = 0;
};

struct Plan {
    std::vector<Entity> entities;  // states and aliases first, then treaties and clauses
    std::vector<Spell> spells;     // sorted by treaty, state, start
    ImportResult summary;          // counts read, rows skipped and quirks repaired
};

// Reads <atop_dir>/atop-alliance-level.csv, <atop_dir>/atop-member-level.csv
// and the COW states file, streaming (one row in memory at a time; the
// member file is read twice). Throws casus::StorageError, naming file and
// line, for a missing file or column and for a damaged file: a field over
// 1 KiB, a row with fewer columns than the header, an atopid with two
// different rows, a control character, a mix of encodings. Row-level
// trouble that leaves the rest sound (an impossible year, a row repeated
// exactly, a code in no list) skips the row and goes into
// summary.skipped; quirks handled go into summary.repaired.
Plan plan(const std::filesystem::path& atop_dir, const std::filesystem::path& states_csv, const Known& known);

// "Bosnia and Herzegovina" -> "bosnia_and_herzegovina".
std::string snake_id(const std::string& name);

}  // namespace casus::atop
