// How many terminal columns a text takes, and where to cut it: tables
// are measured in display columns, not bytes (psql's mbprint.c).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace casus::cli {

// The display columns of UTF-8 text already made safe by shown(): East
// Asian wide characters count 2, combining marks 0, every other code point 1.
std::size_t display_width(const std::string& text);

// text in lines of at most width columns, cut at spaces; a word wider
// than width is cut inside. Always at least one line.
std::vector<std::string> wrap_text(const std::string& text, std::size_t width);

}  // namespace casus::cli
