// The text of an atom or a string the kb answered with, as UTF-8, read
// in place: the readers of large answers (engine/src/convert.cpp) call
// it for every text of every piece of evidence.
#pragma once

#include <SWI-Prolog.h>

#include <string>

namespace casus {

// An atom's or a string's text as UTF-8, the same bytes prolog::text
// gives (which also writes numbers and other terms, and is called here
// for them).
std::string term_text(term_t t);

}  // namespace casus
