#include "render.hpp"

#include "sanitize.hpp"

namespace casus::cli {

void render_tree(std::ostream& out, const Node& node, int depth) {
    out << std::string(static_cast<std::size_t>(depth) * 2, ' ') << shown(node.text) << "\n";
    for (auto& c : node.children) render_tree(out, c, depth + 1);
}

void render_notes(std::ostream& out, const Answer& answer) {
    for (auto& n : answer.notes) out << shown(n) << "\n";
}

// Written into one buffer, handed to the stream in large pieces (a
// defence matrix is millions of lines; a question's answer one write).
void render_text(std::ostream& out, const Answer& a) {
    if (a.explanation) {
        render_tree(out, *a.explanation);
        render_notes(out, a);
        return;
    }
    constexpr std::size_t write_size = std::size_t(1) << 16;
    std::string text;
    text.reserve(8192);  // a question's answer: a few KB
    auto write_out = [&] {
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
        text.clear();
    };
    const bool rows = shown_in(a.table, in_terminal);
    if (!a.title.empty()) {
        append_shown(text, a.title);
        text += rows ? ":\n" : "\n";
    }
    if (rows) {
        if (a.table.size == 0) {
            append_shown(text.append("  "), a.table.empty_text);
            text += '\n';
        }
        for (std::size_t i = 0; i < a.table.size; ++i) {
            Row row = a.table.row(i, in_terminal | as_line);
            if (!row.line.empty()) {
                append_shown(text.append("- "), row.line);
                text += '\n';
            } else {
                for (auto& cells : flat_cells(a.table, row, in_terminal)) {
                    std::string line = "-";
                    for (std::size_t k = 0; k < cells.size(); ++k) line += (k ? " | " : " ") + cells[k];
                    while (!line.empty() && line.back() == ' ') line.pop_back();  // an empty last field
                    append_shown(text, line);
                    text += '\n';
                }
            }
            if (text.size() >= write_size) write_out();
        }
    }
    for (auto& n : a.notes) {  // as render_notes
        append_shown(text, n);
        text += '\n';
    }
    write_out();
}

}  // namespace casus::cli
