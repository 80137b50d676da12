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

void render_text(std::ostream& out, const Answer& a) {
    if (a.explanation) {
        render_tree(out, *a.explanation);
        render_notes(out, a);
        return;
    }
    const bool rows = shown_in(a.table, in_terminal);
    if (!a.title.empty()) out << shown(a.title) << (rows ? ":" : "") << "\n";
    if (rows) {
        if (a.table.size == 0) out << "  " << shown(a.table.empty_text) << "\n";
        for (std::size_t i = 0; i < a.table.size; ++i) {
            Row row = a.table.row(i, in_terminal | as_line);
            if (!row.line.empty()) {
                out << "- " << shown(row.line) << "\n";
                continue;
            }
            for (auto& cells : flat_cells(a.table, row, in_terminal)) {
                std::string line = "-";
                for (std::size_t k = 0; k < cells.size(); ++k) line += (k ? " | " : " ") + cells[k];
                while (!line.empty() && line.back() == ' ') line.pop_back();  // an empty last field
                out << shown(line) << "\n";
            }
        }
    }
    render_notes(out, a);
}

}  // namespace casus::cli
