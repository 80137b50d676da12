// The formats: each writes the one answer model (answer_model.hpp) and
// knows no kind of answer. Every text from the data passes through
// sanitize.hpp (shown(), json_text()) on its way out.
#pragma once

#include "answer_model.hpp"
#include "output.hpp"

#include <cstddef>
#include <ostream>
#include <string>

namespace casus::cli {

// Lines: the title, a line per row (its sentence, or its cells joined by
// " | ", empty ones kept so that fields never shift), the notes.
void render_text(std::ostream& out, const Answer& answer);
// Aligned columns that fit width (0: no limit) by wrapping inside cells at
// word boundaries, as psql's wrapped format; or one record per block.
void render_table(std::ostream& out, const Answer& answer, bool color, std::size_t width, Expanded expanded,
                  bool headers = true);
// RFC 4180: one header, a line per row; no title, no notes.
void render_csv(std::ostream& out, const Answer& answer, bool headers = true);
// One JSON object on one line: the answer's fields, "question", "notes"
// and its rows under table.json_key, written one row at a time.
void render_json(std::ostream& out, const Answer& answer, const std::string& question);

// The tree and the notes as text and table print them.
void render_tree(std::ostream& out, const Node& node, int depth = 0);
void render_notes(std::ostream& out, const Answer& answer);

// The answer in the chosen format; width as render_table's.
void render(std::ostream& out, const Answer& answer, const std::string& question, const OutputOptions& opts, std::size_t width);

}  // namespace casus::cli
