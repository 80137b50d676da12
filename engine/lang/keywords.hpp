// The language's keywords as plain data, for "did you mean" and for tab
// completion (the grammar has its own copy inside X3 parsers). Every
// keyword and every word of a fixed list the grammar reads (list kinds,
// define kinds, obligations, export formats) is here:
// tests/unit/test_keywords.cpp reads the grammar's sources and checks it.
#pragma once

#include <array>
#include <string_view>

namespace casus {

inline constexpr std::array<std::string_view, 74> keywords{
    "who", "would", "defend", "against", "must", "is", "obligated", "to", "why", "not",
    "what", "ties", "and", "which", "treaties", "bind", "binds", "belongs", "members", "of", "backs",
    "list", "states", "organisations", "organizations", "declarations", "issues", "events", "territories",
    "facts", "about", "as", "suppose",
    "add", "retract", "on", "source", "history", "import", "atop", "member", "tie", "party", "signed", "reaction",
    "defence", "defense", "matrix", "among",
    // define statements and the place of an attack
    "define", "in", "force", "by", "clause", "treaty", "territory", "event", "declaration", "state", "organisation",
    "organization", "issue", "none", "offence", "offense", "neutrality", "non_aggression", "non-aggression",
    "consultation",
    // export dyads
    "export", "dyads", "from", "csv", "json"};

}  // namespace casus
