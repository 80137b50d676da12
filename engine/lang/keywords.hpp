// The language's keywords as plain data, for "did you mean" and for tab
// completion (the grammar has its own copy inside X3 parsers).
#pragma once

#include <array>
#include <string_view>

namespace casus {

inline constexpr std::array<std::string_view, 52> keywords{
    "who", "would", "defend", "against", "must", "is", "obligated", "to", "why", "not",
    "what", "ties", "and", "which", "treaties", "bind", "belongs", "members", "of", "backs",
    "list", "states", "organisations", "declarations", "facts", "about", "as", "suppose",
    "add", "retract", "on", "source", "history", "import", "atop", "member", "tie", "party", "signed", "reaction",
    "defence", "matrix", "among",
    // define statements and the place of an attack
    "define", "in", "force", "clause", "treaty", "territory", "event", "organisation", "issue"};

}  // namespace casus
