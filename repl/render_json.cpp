#include "render.hpp"

#include "sanitize.hpp"

#include <algorithm>
#include <map>
#include <vector>

namespace casus::cli {

namespace {

// The columns written in JSON, in the order nlohmann::json writes an
// object's keys (sorted; of one key written twice the last one stands).
std::vector<std::size_t> json_order(const std::vector<Column>& cols) {
    std::vector<std::size_t> order;
    for (std::size_t k = 0; k < cols.size(); ++k)
        if (cols[k].where & in_json) order.push_back(k);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return cols[a].key < cols[b].key; });
    std::vector<std::size_t> last;
    for (std::size_t i = 0; i < order.size(); ++i)
        if (i + 1 == order.size() || cols[order[i]].key != cols[order[i + 1]].key) last.push_back(order[i]);
    return last;
}

// "key": as JSON, made once per column.
std::vector<std::string> json_keys(const std::vector<Column>& cols) {
    std::vector<std::string> keys;
    for (auto& c : cols) {
        keys.emplace_back();
        append_json(keys.back(), nlohmann::json(c.key));
        keys.back() += ':';
    }
    return keys;
}

// A records cell with sub-columns: its positional records as objects.
void append_records(std::string& out, const Column& c, const std::vector<std::size_t>& sub_order,
                    const std::vector<std::string>& sub_keys, const Value& records) {
    if (c.sub.empty()) return append_json(out, records);
    out += '[';
    for (std::size_t r = 0; r < records.size(); ++r) {
        const Value& rec = records[r];
        out += r ? ",{" : "{";
        bool first = true;
        for (std::size_t k : sub_order) {
            if (k >= rec.size()) continue;
            if (!first) out += ',';
            first = false;
            out += sub_keys[k];
            append_json(out, rec[k]);
        }
        out += '}';
    }
    out += ']';
}

// The answer is written into one buffer and handed to the stream in
// pieces of about this size: a million rows are never one string, and a
// question's answer (tens of KB) is one write, not one per row.
constexpr std::size_t write_size = std::size_t(1) << 16;

void write_out(std::ostream& out, std::string& buffer) {
    out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    buffer.clear();
}

// Each row written as it is made, never held as a JSON tree; a column
// that writes its own JSON (Column::write_json) writes it in place.
void write_rows(std::ostream& out, std::string& text, const Table& t) {
    const std::vector<std::size_t> order = json_order(t.columns);
    const std::vector<std::string> keys = json_keys(t.columns);
    std::vector<std::vector<std::size_t>> sub_order(t.columns.size());
    std::vector<std::vector<std::string>> sub_keys(t.columns.size());
    for (std::size_t k : order) sub_order[k] = json_order(t.columns[k].sub), sub_keys[k] = json_keys(t.columns[k].sub);
    text += '[';
    for (std::size_t i = 0; i < t.size; ++i) {
        Row row = t.row(i, in_json);
        text += i ? ",{" : "{";
        bool first = true;
        for (std::size_t k : order) {
            if (k >= row.cells.size()) continue;
            if (!first) text += ',';
            first = false;
            text += keys[k];
            const Column& c = t.columns[k];
            if (c.write_json) c.write_json(text, i);
            else if (c.type == ColumnType::records) append_records(text, c, sub_order[k], sub_keys[k], row.cells[k]);
            else append_json(text, row.cells[k]);
        }
        text += '}';
        if (text.size() >= write_size) write_out(out, text);
    }
    text += ']';
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
    std::string text;
    text.reserve(write_size + write_size / 2);
    text += '{';
    bool first = true;
    for (auto& [key, value] : keys) {
        if (!first) text += ',';
        first = false;
        append_json_string(text, key);
        text += ':';
        if (value) append_json(text, *value);
        else write_rows(out, text, a.table);
    }
    text += "}\n";
    write_out(out, text);
}

}  // namespace casus::cli
