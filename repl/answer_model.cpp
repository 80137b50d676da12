#include "answer_model.hpp"

#include <fmt/format.h>

#include <cmath>
#include <memory>

namespace casus::cli {

Table table_of(std::vector<Column> columns, std::vector<Row> rows, std::string json_key, std::string empty_text) {
    Table t;
    t.columns = std::move(columns);
    t.size = rows.size();
    // Shared: a Table is copied with its Answer, the rows need not be.
    auto held = std::make_shared<const std::vector<Row>>(std::move(rows));
    t.row = [held](std::size_t i, unsigned) { return (*held)[i]; };
    t.json_key = std::move(json_key);
    t.empty_text = std::move(empty_text);
    return t;
}

std::string score_text(double s) { return fmt::format("{:+.2f}", s); }

// As kb/weights.pl writes the weights: one decimal unless it needs two.
std::string weight_text(double w) {
    return std::fabs(w * 10 - std::round(w * 10)) < 1e-9 ? fmt::format("{:+.1f}", w) : fmt::format("{:+.2f}", w);
}

std::string cell_text(const Value& v, ColumnType type) {
    if (v.is_null()) return "";
    switch (type) {
        case ColumnType::score: return v.is_number() ? score_text(v.get<double>()) : v.dump();
        case ColumnType::weight: return v.is_number() ? weight_text(v.get<double>()) : v.dump();
        case ColumnType::probability: return v.is_number() ? fmt::format("{:.2f}", v.get<double>()) : v.dump();
        case ColumnType::flag: return v.is_boolean() ? (v.get<bool>() ? "yes" : "no") : v.dump();
        default: return v.is_string() ? v.get<std::string>() : v.dump();
    }
}

namespace {
bool expands(const Column& c, unsigned where) { return c.type == ColumnType::records && !c.sub.empty() && (c.where & where); }
}  // namespace

std::vector<const Column*> flat_columns(const Table& table, unsigned where) {
    std::vector<const Column*> out;
    for (auto& c : table.columns) {
        if (!(c.where & where)) continue;
        if (!expands(c, where)) out.push_back(&c);
        else
            for (auto& s : c.sub)
                if (s.where & where) out.push_back(&s);
    }
    return out;
}

std::vector<std::vector<std::string>> flat_cells(const Table& table, const Row& row, unsigned where) {
    std::vector<std::string> own;
    const Column* records = nullptr;
    const Value* record_values = nullptr;
    std::size_t records_at = 0;
    for (std::size_t i = 0; i < table.columns.size() && i < row.cells.size(); ++i) {
        const Column& c = table.columns[i];
        if (!(c.where & where)) continue;
        if (expands(c, where)) {
            records = &c;
            record_values = &row.cells[i];
            records_at = own.size();
        } else {
            own.push_back(cell_text(row.cells[i], c.type));
        }
    }
    if (!records) return {own};
    std::vector<std::vector<std::string>> out;
    for (auto& rec : *record_values) {
        std::vector<std::string> line(own.begin(), own.begin() + static_cast<std::ptrdiff_t>(records_at));
        for (std::size_t k = 0; k < records->sub.size(); ++k)
            if (records->sub[k].where & where) line.push_back(cell_text(k < rec.size() ? rec[k] : Value(nullptr), records->sub[k].type));
        line.insert(line.end(), own.begin() + static_cast<std::ptrdiff_t>(records_at), own.end());
        out.push_back(std::move(line));
    }
    return out;
}

bool shown_in(const Table& table, unsigned where) {
    bool any = false;
    for (auto& c : table.columns) any = any || (c.where & where);
    return any && (table.size > 0 || !table.empty_text.empty());
}

}  // namespace casus::cli
