// The kb's ids as the language reads one unquoted: lowercase ASCII
// snake_case, starting with a letter (nato, atop_1020, own_territory).
#pragma once

#include <string>

namespace casus {

// Defined in resolve.cpp: a new id of an open type, a defined entity's id
// and a place read from a data file must all be one.
bool is_snake_case(const std::string& s);

}  // namespace casus
