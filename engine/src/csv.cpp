#include "csv.hpp"

#include "casus/errors.hpp"

#include <fstream>
#include <iterator>

namespace casus::csv {

std::size_t Table::column(const std::string& name) const {
    for (std::size_t i = 0; i < header.size(); ++i)
        if (header[i] == name) return i;
    throw StorageError(file.string() + ": no column '" + name + "' in the header; is this the right file?");
}

Table read(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw StorageError("cannot read " + file.string());
    std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    Table t;
    t.file = file;
    std::vector<std::vector<std::string>> rows;
    std::vector<std::size_t> lines;
    std::vector<std::string> row;
    std::string cell;
    std::size_t line = 1, row_line = 1;
    bool quoted = false, any = false;
    auto end_row = [&] {
        row.push_back(std::move(cell));
        cell.clear();
        bool empty = row.size() == 1 && row[0].empty();
        if (!empty) {
            rows.push_back(std::move(row));
            lines.push_back(row_line);
        }
        row.clear();
        any = false;
    };
    for (std::size_t i = 0; i < data.size(); ++i) {
        char c = data[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < data.size() && data[i + 1] == '"') {
                    cell += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == '\n') ++line;
                cell += c;
            }
            continue;
        }
        if (!any) row_line = line;
        any = true;
        if (c == '"' && cell.empty()) {
            quoted = true;
        } else if (c == ',') {
            row.push_back(std::move(cell));
            cell.clear();
        } else if (c == '\r' && i + 1 < data.size() && data[i + 1] == '\n') {
            t.crlf = true;
        } else if (c == '\n') {
            end_row();
            ++line;
        } else {
            cell += c;
        }
    }
    if (quoted) throw StorageError(file.string() + ":" + std::to_string(row_line) + ": a quoted field never ends");
    if (any) end_row();
    if (rows.empty()) throw StorageError(file.string() + ": empty file");
    t.header = std::move(rows[0]);
    while (!t.header.empty() && t.header.back().empty()) t.header.pop_back();  // trailing empty columns
    for (std::size_t i = 1; i < rows.size(); ++i) t.rows.push_back(Row{lines[i], std::move(rows[i])});
    return t;
}

}  // namespace casus::csv
