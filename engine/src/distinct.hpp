// One state in two roles of a question or a fact (`would Kazakhstan defend
// Kazakhstan against Azerbaijan`, `add tie(armenia, armenia, military)`)
// has no meaning: the statement is refused, the caret on the repeated
// name, before anything is asked or stored.
#pragma once

#include "parser.hpp"

#include <string>
#include <vector>

namespace casus {

struct Role {
    const char* what;        // "the defender", "the ally", "the attacker"
    const ast::Name* name;   // as written, for the caret
    std::string id;          // as resolved
};

// Throws ValidationError when two roles resolved to one state.
void require_distinct_roles(const ParsedStatement& ps, const std::vector<Role>& roles);

// Throws ValidationError when a fact names one state (or actor) in two of
// its state arguments: every relation of the schema (tie, backs, rivalry,
// conflict, exercise) is between two different states.
void require_distinct_states(const ParsedStatement& ps, const ast::Fact& fact, const std::vector<std::string>& arg_types,
                             const std::vector<std::string>& ids);

}  // namespace casus
