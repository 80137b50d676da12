#include "answer_kinds.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace casus::cli::kinds {

using nlohmann::json;

namespace {

// A cell made only where its column is written (answer_model.hpp lets a
// kind leave the others null): a `who backs` of hundreds of rows pays for
// what its format prints, not for every column of every format.
template <class Make>
Value only(bool written, Make&& make) {
    return written ? Value(make()) : Value(nullptr);
}

std::string date_text(const std::optional<Date>& d) { return d ? d->str() : std::string(); }

// An answer's JSON fields, set one by one: json{{"kind", ...}, ...} makes
// a JSON array of each pair first and then asks whether they form an
// object (callgrind: two thirds of an acknowledgement's answer, which a
// script of adds makes 100,000 times). Same object, keys in order.
void set_fields(json& fields, std::initializer_list<std::pair<const char*, json>> pairs) {
    if (!fields.is_object()) fields = json::object();
    for (auto& [k, v] : pairs) fields[k] = v;
}

// The line text output prints for a row of these cells, made as
// render_text makes it from them (" | " between, trailing spaces
// dropped), without a cell of JSON for each: text output asks for it
// (as_line) and prints "- " and the line, escaped as a whole.
std::string text_line(std::initializer_list<std::string_view> cells) {
    std::size_t n = 0;
    for (auto c : cells) n += c.size() + 3;
    std::string line;
    line.reserve(n);
    bool first = true;
    for (auto c : cells) {
        if (!first) line += " | ";
        first = false;
        line += c;
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    return line;
}

}  // namespace

Answer facts(const FactsResult& r, const Names& names) {
    Answer out;
    set_fields(out.fields, {{"kind", to_string(r.kind)}, {"as_of", r.as_of.str()}, {"subjects", r.subjects}, {"hypothetical", r.hypothetical}});
    if (r.kind == FactsResult::Kind::history) {
        std::vector<Row> rows;
        const std::string& id = r.subjects.at(0);
        out.title = "History of " + names.on(id, r.as_of);
        // A subject renamed over its history (Soviet Union in 1955, Russia in 1992) is named on
        // each line as it was called on the line's date; one that kept its name needs no column.
        std::vector<std::string> line_names;
        for (auto& f : r.rows) line_names.push_back(names.on(id, f.from.value_or(r.as_of)));
        const bool renamed = std::any_of(line_names.begin(), line_names.end(),
                                         [&](const std::string& n) { return n != line_names.front(); });
        for (std::size_t i = 0; i < r.rows.size(); ++i) {
            auto& f = r.rows[i];
            std::vector<Value> cells{date_value(f.from), date_value(f.to)};
            if (renamed) cells.push_back(line_names[i]);
            for (Value v : {Value(f.fact), Value(f.recorded), Value(f.source), Value(f.kind), Value(f.quote)}) cells.push_back(v);
            rows.push_back({std::move(cells), ""});
        }
        std::vector<Column> cols{{"from", "from", ColumnType::date}, {"to", "to", ColumnType::date}};
        if (renamed) cols.push_back({"name", "name"});
        for (Column c : std::vector<Column>{{"fact", "fact"}, {"recorded", "recorded"}, {"source", "source"},
                                            {"kind", "kind", ColumnType::text, in_json}, {"quote", "quote", ColumnType::text, in_json}})
            cols.push_back(c);
        out.table = table_of(std::move(cols), std::move(rows), "facts");
        return out;
    }
    out.title = r.kind == FactsResult::Kind::ties ? "What ties " + names.on(r.subjects.at(0), r.as_of) + " to " + names.on(r.subjects.at(1), r.as_of)
                                                  : "Facts about " + names.on(r.subjects.at(0), r.as_of);
    out.title += as_of_note(r.as_of, r.hypothetical);
    out.table.columns = {{"kind", "kind"}, {"fact", "fact"}, {"from", "since", ColumnType::date},
                         {"to", "until", ColumnType::date, in_json}, {"source", "source"}, {"quote", "quote", ColumnType::text, in_json}};
    out.table.size = r.rows.size();
    out.table.json_key = "facts";
    out.table.empty_text = "(none)";
    // Made as they are written, from r (which outlives the answer).
    out.table.row = [&r](std::size_t i, unsigned where) {
        const FactRow& f = r.rows[i];
        if (where & as_line) return Row{{}, text_line({f.kind, f.fact, date_text(f.from), f.source})};
        const bool json_ = where & in_json;
        return Row{{f.kind, f.fact, date_value(f.from), only(json_, [&] { return date_value(f.to); }), f.source,
                    only(json_, [&] { return f.quote; })},
                   ""};
    };
    return out;
}

Answer treaties(const TreatiesResult& r, const Names& names) {
    Answer out;
    out.title = "Treaties binding " + names.on(r.state, r.as_of) + as_of_note(r.as_of, r.hypothetical);
    set_fields(out.fields, {{"kind", "treaties"}, {"as_of", r.as_of.str()}, {"state", r.state}});
    out.table.columns = {{"treaty", "treaty", ColumnType::text, in_csv | in_json}, {"name", "name"},
                         {"bound_since", "bound since", ColumnType::date}, {"source", "source", ColumnType::text, in_json},
                         {"clauses", "clauses", ColumnType::records, in_json}, {"clause_list", "clauses", ColumnType::text, in_terminal | in_csv}};
    out.table.size = r.rows.size();
    out.table.json_key = "treaties";
    out.table.empty_text = "(none)";
    // Made as they are written, from r (which outlives the answer).
    out.table.row = [&r](std::size_t i, unsigned where) {
        const TreatyRow& t = r.rows[i];
        auto clause_list = [&t] {
            std::string text;
            for (auto& c : t.clauses) text += (text.empty() ? "" : ", ") + c.title + " (" + c.obligation + ")";
            return text;
        };
        if (where & as_line) return Row{{}, text_line({t.name, date_text(t.bound_since), clause_list()})};
        const bool json_ = where & in_json, csv = where & in_csv;
        auto clauses = [&t] {
            json a = json::array();
            for (auto& c : t.clauses) a.push_back(json{{"clause", c.clause}, {"title", c.title}, {"obligation", c.obligation}});
            return a;
        };
        return Row{{only(csv || json_, [&] { return t.treaty; }), t.name, date_value(t.bound_since),
                    only(json_, [&] { return t.source; }), only(json_, clauses), only(!json_, clause_list)},
                   ""};
    };
    return out;
}

Answer members(const MembersResult& r, const Names& names) {
    Answer out;
    out.title = "Members of the " + names(r.organisation) + as_of_note(r.as_of, r.hypothetical);
    out.fields = json{{"kind", "members"}, {"as_of", r.as_of.str()}, {"organisation", r.organisation}};
    std::vector<Row> rows;
    for (auto& m : r.rows) rows.push_back({{m.state, m.name, m.cow, date_value(m.from), date_value(m.to), m.source}, ""});
    out.table = table_of({{"state", "state", ColumnType::text, in_csv | in_json}, {"name", "name"}, {"cow", "cow", ColumnType::integer},
                          {"from", "since", ColumnType::date}, {"to", "until", ColumnType::date},
                          {"source", "source", ColumnType::text, in_json}},
                         std::move(rows), "members");
    return out;
}

Answer backers(const BackersResult& r, const Names& names) {
    Answer out;
    out.title = "Who backs " + names.on(r.state, r.as_of) + as_of_note(r.as_of, r.hypothetical);
    set_fields(out.fields, {{"kind", "backers"}, {"as_of", r.as_of.str()}, {"state", r.state}});
    out.table.columns = {{"state", "state", ColumnType::text, in_csv | in_json}, {"name", "name"},
                         {"issue", "issue", ColumnType::text, in_csv | in_json}, {"issue_name", "issue", ColumnType::text, in_terminal},
                         {"how", "how"}, {"date", "since", ColumnType::date}, {"source", "source"},
                         {"quote", "quote", ColumnType::text, in_json}};
    out.table.size = r.rows.size();
    out.table.json_key = "backers";
    out.table.empty_text = "(none)";
    // Made as they are written, from r (which outlives the answer).
    out.table.row = [&r, names](std::size_t i, unsigned where) {
        const BackerRow& b = r.rows[i];
        if (where & as_line) return Row{{}, text_line({b.name, names(b.issue), b.how, date_text(b.date), b.source})};
        const bool json_ = where & in_json, terminal = where & in_terminal, ids = where & (in_csv | in_json);
        return Row{{only(ids, [&] { return b.state; }), b.name, only(ids, [&] { return b.issue; }),
                    only(terminal, [&] { return names(b.issue); }), b.how, date_value(b.date), b.source,
                    only(json_, [&] { return b.quote; })},
                   ""};
    };
    return out;
}

namespace {

// The kb writes a treaty's, declaration's or event's date as YYYYMMDD.
std::string list_extra(const std::string& what, const std::string& extra) {
    const bool dated = what == "treaties" || what == "declarations" || what == "events";
    if (!dated || extra.size() != 8 || !std::all_of(extra.begin(), extra.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return extra;
    return extra.substr(0, 4) + "-" + extra.substr(4, 2) + "-" + extra.substr(6, 2);
}

}  // namespace

Answer entities(const EntitiesResult& r) {
    Answer out;
    out.title = "Known " + r.what;
    out.fields = json{{"kind", "list"}, {"what", r.what}};
    std::vector<Row> rows;
    for (auto& e : r.rows) rows.push_back({{e.id, e.name, list_extra(r.what, e.extra)}, ""});
    out.table = table_of({{"id", "id"}, {"name", "name"}, {"extra", r.what == "states" ? "cow" : r.what == "territories" ? "holder" : "date"}}, std::move(rows), "items");
    return out;
}

Answer change(const ChangeResult& r) {
    Answer out;
    const std::string date = r.date ? r.date->str() : "";
    switch (r.action) {
        case ChangeResult::Action::added:
            out.title = "added " + r.fact + " from " + date + (r.note.empty() ? "" : "; " + r.note);
            break;
        case ChangeResult::Action::defined: out.title = "defined " + r.fact; break;
        case ChangeResult::Action::ended: out.title = "ended " + r.fact + " on " + date; break;
        case ChangeResult::Action::withdrawn:
            out.title = "withdrew " + r.fact + " (" + std::to_string(r.count) + " added spell" + (r.count == 1 ? "" : "s") + ")";
            break;
    }
    const Value date_cell = r.date ? Value(date) : Value(nullptr);
    set_fields(out.fields, {{"kind", "change"}, {"action", to_string(r.action)}, {"fact", r.fact}, {"date", date_cell},
                            {"source", r.source}, {"count", r.count}});
    if (!r.note.empty()) out.fields["note"] = r.note;  // no rule reads such a fact yet (crises.pl)
    // The sentence says it on a terminal; the row is for CSV, made only
    // there: a script's 100,000 adds are 100,000 of these answers.
    out.table.columns = {{"action", "action", ColumnType::text, in_csv}, {"fact", "fact", ColumnType::text, in_csv},
                         {"date", "date", ColumnType::date, in_csv}};
    out.table.size = 1;
    out.table.row = [&r](std::size_t, unsigned) { return Row{{to_string(r.action), r.fact, date_value(r.date)}, ""}; };
    return out;
}

Answer import(const ImportResult& r) {
    Answer out;
    out.title = fmt::format("Imported {}: {} alliances ({} of them curated treaties), {} obligations, {} member rows -> {} "
                            "membership spells added, {} already present; {} states new to the kb; {} entities added.",
                            r.dataset, r.alliances, r.alliances_linked, r.obligations, r.member_rows, r.spells_added,
                            r.spells_present, r.states_created, r.entities_added);
    std::size_t skipped = 0, repaired = 0;
    for (auto& i : r.skipped) skipped += i.count;
    for (auto& i : r.repaired) repaired += i.count;
    out.notes.push_back(fmt::format("{} rows skipped, {} quirks repaired", skipped, repaired));
    auto issues = [](const std::vector<ImportIssue>& v) {
        json a = json::array();
        for (auto& i : v) {
            a.push_back(json{{"file", i.file}, {"line", i.line}, {"message", i.message}});
            if (i.count > 1) a.back()["count"] = i.count;  // it stands for more rows
        }
        return a;
    };
    out.fields = json{{"kind", "import"}, {"dataset", r.dataset}, {"alliances", r.alliances},
                      {"alliances_linked", r.alliances_linked}, {"obligations", r.obligations}, {"member_rows", r.member_rows},
                      {"spells_added", r.spells_added}, {"spells_present", r.spells_present},
                      {"states_created", r.states_created}, {"entities_added", r.entities_added},
                      {"skipped", issues(r.skipped)}, {"repaired", issues(r.repaired)}};
    std::vector<Row> rows;
    auto add = [&](const char* what, const std::vector<ImportIssue>& v) {
        for (auto& i : v)
            rows.push_back({{what, i.file, i.line, i.message}, i.file + ":" + std::to_string(i.line) + ": " + what + ": " + i.message});
    };
    add("skipped", r.skipped);
    add("repaired", r.repaired);
    out.table = table_of({{"what", "what", ColumnType::text, in_terminal | in_csv}, {"file", "file", ColumnType::text, in_terminal | in_csv},
                          {"line", "line", ColumnType::integer, in_terminal | in_csv},
                          {"message", "message", ColumnType::text, in_terminal | in_csv}},
                         std::move(rows), "", "");
    return out;
}


Answer exported(const ExportResult& r) {
    Answer out;
    out.title = "exported " + std::to_string(r.rows) + " dyad-years (" + std::to_string(r.from_year) + "-" +
                std::to_string(r.to_year) + ") to " + r.file;
    out.fields = json{{"kind", "export"}, {"rows", r.rows}, {"file", r.file}};
    out.table = table_of({{"rows", "rows", ColumnType::integer, in_csv}, {"file", "file", ColumnType::text, in_csv}},
                         {{{r.rows, r.file}, ""}}, "");
    return out;
}

}  // namespace casus::cli::kinds
