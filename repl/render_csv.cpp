#include "render.hpp"

#include "output.hpp"

#include <string>

namespace casus::cli {

void render_csv(std::ostream& out, const Answer& a, bool headers) {
    auto cols = flat_columns(a.table, in_csv);
    if (cols.empty()) return;
    std::vector<std::string> header;
    for (auto* c : cols) header.push_back(c->header);
    std::vector<std::vector<std::string>> none;
    if (headers) print_csv(out, header, none);  // .headers off: rows only
    // The rows go into one buffer, handed to the stream in large pieces
    // (a defence matrix is millions of rows), not a write per cell.
    constexpr std::size_t write_size = std::size_t(1) << 16;
    std::string text;
    text.reserve(8192);
    for (std::size_t i = 0; i < a.table.size; ++i) {
        auto lines = flat_cells(a.table, a.table.row(i, in_csv), in_csv);
        for (auto& cells : lines)
            for (std::size_t k = 0; k < cells.size(); ++k) text.append(k ? "," : "").append(csv_cell(cells[k])).append(k + 1 == cells.size() ? "\n" : "");
        if (text.size() >= write_size) {
            out.write(text.data(), static_cast<std::streamsize>(text.size()));
            text.clear();
        }
    }
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

}  // namespace casus::cli
