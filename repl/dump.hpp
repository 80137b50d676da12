// .dump: what the user added to the data directory (definitions, added
// facts with their dates, ends) written back as a casus script that
// rebuilds it (README, REPL). Pure text work on Engine::dump_data().
#pragma once

#include "casus/dump.hpp"

#include <string>

namespace casus::cli {

// The script: definitions first, in the order they were made, then each
// added spell (`add ... on FROM [source "..."]`, followed by `retract ...
// on TO` when it was ended), and the ends of curated facts, ordered by
// date and fact so that every statement replays and a second dump of
// the rebuilt directory is the same text. Throws UsageError naming the
// first value the language cannot write (a double quote or a line break
// in a text: quoted text has no escapes; an entity only an import makes):
// a script that would rebuild something else is never written.
std::string dump_script(const DumpData& data);

}  // namespace casus::cli
