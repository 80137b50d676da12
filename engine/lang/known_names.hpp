// What the parser may ask of the names the kb knows: the longest known
// name that starts at a place in the text. With it, names that hold a
// keyword or punctuation (`Bosnia and Herzegovina`, `St. Lucia`,
// `Antigua & Barbuda`) are read without quotes, and a known name followed
// by a stray word (`Armenia vs Azerbaijan`) puts the caret on that word.
#pragma once

#include <cstddef>
#include <string_view>

namespace casus {

class KnownNames {
public:
    // The length in bytes of the longest known name that text begins
    // with, ending at a word boundary; 0 when none does.
    virtual std::size_t longest_name_at(std::string_view text) const = 0;

protected:
    ~KnownNames() = default;
};

}  // namespace casus
