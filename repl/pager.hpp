// The screen an answer is written to: its size, and a pager for output
// longer than it (psql's PageOutput).
#pragma once

#include <cstddef>
#include <string>

namespace casus::cli {

// The columns and lines of the terminal stdout is, 0 when it is none.
std::size_t terminal_columns();
std::size_t terminal_lines();

// The pager to use: $PAGER when set (an empty $PAGER: none), else
// `less -FRX` when less is on the PATH, else none (empty).
std::string pager_command();

// Writes text to stdout, through the pager when use_pager is set, stdout
// is a terminal and text has more lines than it. Returns false when text
// went straight to stdout.
bool write_to_screen(const std::string& text, bool use_pager);

}  // namespace casus::cli
