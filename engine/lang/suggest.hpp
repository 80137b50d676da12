// "Did you mean": the nearest candidate by edit distance.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace casus {

// Damerau-Levenshtein (optimal string alignment) distance between two
// UTF-8 texts, counted in code points.
std::size_t edit_distance(std::string_view a, std::string_view b);

// How far a suggestion may be from a word of this many characters to be a
// likely misspelling: max(1, characters / 3), and never more than 3: one
// slip in a short word (`Rusia`), two or three in `Kazahkstan`-sized ones.
// Most misspellings are one edit (Damerau 1964: over 80%), so a name more
// edits away is a different name that shares letters (`Burma` is not
// `Brazil`, `Serbia` not `Iran`, `Burmese Republic` not `Khmer Republic`),
// and the error says how to list the names instead.
std::size_t suggestion_limit(std::size_t characters);

// The candidate closest to word, if it lies within suggestion_limit of
// it. Ties go to the earlier candidate.
std::optional<std::string> nearest(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace casus
