// What Tab offers at a point of a REPL line: pure string work, apart from
// file names, which interactive.cpp asks libedit for. Every match starts
// with the text typed, exactly as typed, so a completion never erases or
// recases what is there: "Arm" becomes "Armenia", "arm" "armenia".
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace casus::cli {

struct CompletionWords {
    std::vector<std::string> words;  // keywords, dot-commands, one-word names
    std::vector<std::string> names;  // every name, those with spaces too
    std::vector<std::string> kinds;  // the fact kinds (after add, retract)
};

struct Completion {
    bool files = false;             // complete a file name (after .read and the like)
    std::vector<std::string> matches;  // each replaces line[start, end)
    char append = ' ';              // after a single match ('\0': nothing)
};

// line is the whole line, [start, end) the word libedit would replace
// (end is the cursor).
Completion complete_at(const CompletionWords& words, const std::string& line, std::size_t start, std::size_t end);

// True when a name must be written in quotes: it holds a keyword of the
// language as a word, or punctuation the grammar does not take in names.
bool needs_quotes(const std::string& name);

// The longest common prefix of the matches (libedit's first element).
std::string common_prefix(const std::vector<std::string>& matches);

}  // namespace casus::cli
