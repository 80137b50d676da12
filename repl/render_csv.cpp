#include "render.hpp"

#include "output.hpp"

namespace casus::cli {

void render_csv(std::ostream& out, const Answer& a, bool headers) {
    auto cols = flat_columns(a.table, in_csv);
    if (cols.empty()) return;
    std::vector<std::string> header;
    for (auto* c : cols) header.push_back(c->header);
    std::vector<std::vector<std::string>> none;
    if (headers) print_csv(out, header, none);  // .headers off: rows only
    for (std::size_t i = 0; i < a.table.size; ++i) {
        auto lines = flat_cells(a.table, a.table.row(i, in_csv), in_csv);
        for (auto& cells : lines)
            for (std::size_t k = 0; k < cells.size(); ++k) out << (k ? "," : "") << csv_cell(cells[k]) << (k + 1 == cells.size() ? "\n" : "");
    }
}

}  // namespace casus::cli
