#include "render.hpp"

#include "sanitize.hpp"

#include <map>

namespace casus::cli {

namespace {

// A records cell with sub-columns: its positional records as objects.
nlohmann::json records_json(const Column& c, Value&& records) {
    if (c.sub.empty()) return std::move(records);
    nlohmann::json out = nlohmann::json::array();
    for (auto& rec : records) {
        nlohmann::json obj = nlohmann::json::object();
        for (std::size_t k = 0; k < c.sub.size() && k < rec.size(); ++k)
            if (c.sub[k].where & in_json) obj[c.sub[k].key] = std::move(rec[k]);
        out.push_back(std::move(obj));
    }
    return out;
}

void write_rows(std::ostream& out, const Table& t) {
    out << "[";
    for (std::size_t i = 0; i < t.size; ++i) {
        Row row = t.row(i, in_json);
        nlohmann::json obj = nlohmann::json::object();
        for (std::size_t k = 0; k < t.columns.size() && k < row.cells.size(); ++k)
            if (t.columns[k].where & in_json)
                obj[t.columns[k].key] = t.columns[k].type == ColumnType::records ? records_json(t.columns[k], std::move(row.cells[k]))
                                                                                : std::move(row.cells[k]);
        out << (i ? "," : "") << json_text(std::move(obj));
    }
    out << "]";
}

}  // namespace

// The keys in sorted order, as nlohmann::json writes an object, with the
// rows spliced in at theirs: a million rows are never one JSON value.
void render_json(std::ostream& out, const Answer& a, const std::string& question) {
    std::map<std::string, const nlohmann::json*> keys;
    for (auto it = a.fields.begin(); it != a.fields.end(); ++it) keys.emplace(it.key(), &it.value());
    const nlohmann::json q(question), notes(a.notes);
    keys.emplace("question", &q);
    keys.emplace("notes", &notes);
    if (!a.table.json_key.empty()) keys.emplace(a.table.json_key, nullptr);
    out << "{";
    bool first = true;
    for (auto& [key, value] : keys) {
        out << (first ? "" : ",") << nlohmann::json(key).dump() << ":";
        first = false;
        if (value) out << json_text(*value);
        else write_rows(out, a.table);
    }
    out << "}\n";
}

}  // namespace casus::cli
