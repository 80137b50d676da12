#include "answers.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace casus::cli {

using nlohmann::json;

Names::Names(const Engine* engine) {
    if (!engine) return;
    // The first spelling that is not the id itself is the display name,
    // as the engine's own answers (ally_name) choose it.
    for (auto& e : engine->names())
        if (e.text != e.id) name_.emplace(e.id, e.text);
}

const std::string& Names::operator()(const std::string& id) const {
    auto it = name_.find(id);
    return it == name_.end() ? id : it->second;
}

namespace {

Value date_value(const std::optional<Date>& d) { return d ? Value(d->str()) : Value(nullptr); }

std::string as_of_note(const Date& d, bool hypothetical) {
    return " (as of " + d.str() + (hypothetical ? ", supposing the changes given" : "") + ")";
}

// "Collective Security Treaty (Tashkent, 1992)" + "Article IV" -> "Collective Security Treaty Article IV"
std::string basis_text(const Basis& b) {
    std::string name = b.treaty_name;
    if (auto p = name.find(" ("); p != std::string::npos) name = name.substr(0, p);
    return name + " " + b.clause_title;
}

std::string bases_text(const Assessment& a) {
    std::string out;
    for (auto& b : a.basis) out += (out.empty() ? "" : "; ") + basis_text(b);
    return out;
}

// Factors by how much they weigh, heaviest first.
std::vector<Factor> ranked(const std::vector<Factor>& fs) {
    std::vector<Factor> out = fs;
    std::stable_sort(out.begin(), out.end(),
                     [](const Factor& a, const Factor& b) { return std::fabs(a.weight) > std::fabs(b.weight); });
    return out;
}

// The heaviest factors, each with its signed weight; "..." when more are left out.
std::string reasons(const Assessment& a, std::size_t limit) {
    std::string out;
    std::size_t n = 0;
    for (auto& f : ranked(a.factors)) {
        if (n++ == limit) return out + "; ...";
        out += (out.empty() ? "" : "; ") + f.detail + " (" + weight_text(f.weight) + ")";
    }
    return out;
}

json evidence_json(const Evidence& e) {
    return json{{"fact", e.fact}, {"source", e.source}, {"quote", e.quote}, {"date", date_value(e.date)}};
}

json evidence_list(const std::vector<Evidence>& v) {
    json out = json::array();
    for (auto& e : v) out.push_back(evidence_json(e));
    return out;
}

json basis_json(const Assessment& a) {
    json out = json::array();
    for (auto& b : a.basis)
        out.push_back(json{{"treaty", b.treaty}, {"treaty_name", b.treaty_name}, {"clause", b.clause},
                           {"clause_title", b.clause_title}, {"notes", b.notes}, {"evidence", evidence_list(b.evidence)}});
    return out;
}

json factors_json(const Assessment& a) {
    json out = json::array();
    for (auto& f : a.factors) {
        const Evidence* first = f.evidence.empty() ? nullptr : &f.evidence.front();
        out.push_back(json{{"kind", f.kind}, {"weight", f.weight}, {"detail", f.detail},
                           {"source", first ? first->source : ""}, {"date", first ? date_value(first->date) : Value(nullptr)},
                           {"evidence", evidence_list(f.evidence)}, {"evidence_total", f.evidence_total}});
    }
    return out;
}

std::string defenders_title(const DefendersResult& r) {
    std::string against = r.attacker.empty() ? "" : " against " + r.attacker_name;
    std::string when = as_of_note(r.as_of, r.hypothetical);
    switch (r.kind) {
        case DefendersResult::Kind::defenders: return "Who would defend " + r.ally_name + against + when;
        case DefendersResult::Kind::obligations: return "Who must defend " + r.ally_name + against + when;
        default:
            return "Would " + (r.answers.empty() ? std::string("?") : r.answers[0].name) + " defend " + r.ally_name + against + when;
    }
}

json defenders_fields(const DefendersResult& r) {
    json f{{"kind", to_string(r.kind)}, {"as_of", r.as_of.str()}, {"ally", r.ally},
           {"attacker", r.attacker.empty() ? json(nullptr) : json(r.attacker)}, {"hypothetical", r.hypothetical}};
    if (r.kind == DefendersResult::Kind::why) f["negated"] = r.negated;
    return f;
}

// The sentence of one defender in text output.
std::string defender_line(const Assessment& a) {
    std::string line = a.name;
    if (a.obligated) line += " is obligated under " + bases_text(a) + (a.verdict == Verdict::likely ? " and " : " but ");
    else line += " has no obligation but is ";
    line += std::string(to_string(a.verdict)) + " to act (score " + score_text(a.score) + ")";
    std::string why = reasons(a, a.factors.size());
    return line + (why.empty() ? "." : ": " + why + ".");
}

Answer defenders(const DefendersResult& r) {
    Answer out;
    out.title = defenders_title(r);
    out.fields = defenders_fields(r);
    // A probability per defender, when results carry one, is a column
    // {"probability", "probability", ColumnType::probability} after score.
    std::vector<Column> cols{
        {"state", "state", ColumnType::text, in_csv | in_json},
        {"name", "state", ColumnType::text, in_terminal | in_json},
        {"cow", "cow", ColumnType::integer, in_json},
        {"obligated", "obligated", ColumnType::flag, in_json},
        {"basis", "basis", ColumnType::records, in_json},
        {"bases", "obligated", ColumnType::text, in_terminal | in_csv},
        {"verdict", "verdict", ColumnType::verdict},
        {"score", "score", ColumnType::score},
        {"factors", "factors", ColumnType::records, in_json},
        {"main_reasons", "main reasons", ColumnType::text, in_terminal},
        {"reasons", "reasons", ColumnType::text, in_csv},
    };
    std::vector<Row> rows;
    for (auto& a : r.answers)
        rows.push_back({{a.state, a.name, a.cow, a.obligated, basis_json(a), a.obligated ? bases_text(a) : "no",
                         to_string(a.verdict), a.score, factors_json(a), reasons(a, 3), reasons(a, a.factors.size())},
                        defender_line(a)});
    out.table = table_of(std::move(cols), std::move(rows), "answers", "no state is obligated or has a reason to act.");
    return out;
}

// The head line of an explanation: what casus expects, in the question's own terms.
std::string explanation_head(const DefendersResult& r, const Assessment& a) {
    std::string against = r.attacker.empty() ? "" : " against " + r.attacker_name;
    const std::string verdict = to_string(a.verdict);
    std::string head;
    if (r.negated && a.verdict == Verdict::likely)
        head = "casus expects " + a.name + " to defend " + r.ally_name + against + ": " + verdict;
    else if (!r.negated && a.verdict == Verdict::unlikely)
        head = "casus does not expect " + a.name + " to defend " + r.ally_name + against + ": " + verdict;
    else
        head = a.name + (r.negated ? " would not defend " : " would defend ") + r.ally_name + against + ": " + verdict;
    return head + " (score " + score_text(a.score) + ", as of " + r.as_of.str() +
           (r.hypothetical ? ", supposing the changes given" : "") + ")";
}

std::string evidence_text(const Evidence& e) {
    std::string line = e.fact + "  [" + e.source + (e.date ? ", " + e.date->str() : "") + "]";
    return e.quote.empty() ? line : line + " \"" + e.quote + "\"";
}

// The obligation's weight (kb/weights.pl) is what the score holds beyond the factors.
double obligation_weight(const Assessment& a) {
    double w = a.score;
    for (auto& f : a.factors) w -= f.weight;
    return w;
}

Node explanation_tree(const DefendersResult& r, const Assessment& a) {
    Node root{explanation_head(r, a), {}};
    if (a.basis.empty()) root.children.push_back({"no obligation: no treaty in force binds " + a.name + " to defend " + r.ally_name, {}});
    const double obligation = obligation_weight(a);
    for (auto& b : a.basis) {
        Node n{"obligated (" + weight_text(obligation) + "): " + basis_text(b), {}};
        for (auto& note : b.notes) n.children.push_back({"note: " + note, {}});
        for (auto& e : b.evidence) n.children.push_back({evidence_text(e), {}});
        root.children.push_back(std::move(n));
    }
    for (auto& f : ranked(a.factors)) {
        Node n{f.detail + " (" + weight_text(f.weight) + ", " + f.kind + ")", {}};
        for (auto& e : f.evidence) n.children.push_back({evidence_text(e), {}});
        root.children.push_back(std::move(n));
    }
    if (a.factors.empty()) root.children.push_back({"no factor pushes either way", {}});
    return root;
}

// The rows of an explanation, for CSV: one per piece of evidence of each
// obligation and factor (one with empty evidence fields when it has none),
// each with the question it answers.
std::vector<Row> explanation_rows(const DefendersResult& r, const Assessment& a) {
    std::vector<Row> rows;
    auto add = [&](const std::string& part, const std::string& detail, double weight, const std::string& kind,
                   const std::vector<Evidence>& ev) {
        auto base = [&]() -> std::vector<Value> {
            return {r.ally, r.attacker, r.as_of.str(), a.state, to_string(a.verdict), a.score, part, detail, weight, kind};
        };
        if (ev.empty()) {
            auto cells = base();
            cells.insert(cells.end(), {nullptr, nullptr, nullptr, nullptr});
            rows.push_back({std::move(cells), ""});
        }
        for (auto& e : ev) {
            auto cells = base();
            cells.insert(cells.end(), {e.fact, e.source, date_value(e.date), e.quote});
            rows.push_back({std::move(cells), ""});
        }
    };
    const double obligation = obligation_weight(a);
    for (auto& b : a.basis) add("obligation", basis_text(b), obligation, b.clause, b.evidence);
    for (auto& f : ranked(a.factors)) add("factor", f.detail, f.weight, f.kind, f.evidence);
    return rows;
}

Answer why(const DefendersResult& r) {
    Answer out;
    out.fields = defenders_fields(r);
    json answers = json::array();
    for (auto& a : r.answers) answers.push_back(json{{"state", a.state}, {"name", a.name}, {"cow", a.cow}, {"obligated", a.obligated},
                                                     {"basis", basis_json(a)}, {"verdict", to_string(a.verdict)},
                                                     {"score", a.score}, {"factors", factors_json(a)}});
    out.fields["answers"] = answers;
    std::vector<Column> cols{{"ally", "ally"},       {"attacker", "attacker"},
                             {"as_of", "as_of", ColumnType::date}, {"state", "state"},
                             {"verdict", "verdict", ColumnType::verdict}, {"score", "score", ColumnType::score},
                             {"part", "part"},       {"detail", "detail"},
                             {"weight", "weight", ColumnType::weight}, {"kind", "kind"},
                             {"fact", "fact"},       {"source", "source"},
                             {"date", "date", ColumnType::date}, {"quote", "quote"}};
    std::vector<Row> rows;
    if (!r.answers.empty()) {
        out.explanation = explanation_tree(r, r.answers.front());
        rows = explanation_rows(r, r.answers.front());
    }
    out.table = table_of(std::move(cols), std::move(rows), "");
    return out;
}

// The matrix's rows are its pairs, made when they are written; ids, not
// names, since it is read by programs and is millions of rows long.
Answer matrix(const MatrixResult& r) {
    Answer out;
    out.title = "Defence matrix" + as_of_note(r.as_of, r.hypothetical) + ": " + std::to_string(r.pairs.size()) + " ordered pairs";
    out.fields = json{{"kind", "matrix"}, {"as_of", r.as_of.str()}, {"hypothetical", r.hypothetical}};
    out.table.columns = {{"ally", "ally"},
                         {"attacker", "attacker"},
                         {"defenders", "defenders", ColumnType::records, everywhere,
                          {{"state", "defender"}, {"obligated", "obligated", ColumnType::flag},
                           {"verdict", "verdict", ColumnType::verdict}, {"score", "score", ColumnType::score}}}};
    out.table.size = r.pairs.size();
    out.table.json_key = "pairs";
    out.table.empty_text = "(none)";
    out.table.row = [&r](std::size_t i) {
        const MatrixPair& pair = r.pairs[i];
        const auto& ids = r.states;
        Row row;
        Value defenders = json::array();
        std::string line = ids[pair.ally] + " against " + ids[pair.attacker] + ":";
        if (pair.defenders.empty()) line += " no state is obligated or has a reason to act";
        for (std::size_t k = 0; k < pair.defenders.size(); ++k) {
            auto& d = pair.defenders[k];
            defenders.push_back(json{{"state", ids[d.state]}, {"obligated", d.obligated}, {"verdict", to_string(d.verdict)},
                                     {"score", d.score}});
            line += (k ? ", " : " ") + ids[d.state] + " (" + (d.obligated ? "obligated, " : "") + to_string(d.verdict) + " " +
                    score_text(d.score) + ")";
        }
        row.cells = {ids[pair.ally], ids[pair.attacker], std::move(defenders)};
        row.line = std::move(line);
        return row;
    };
    return out;
}

Answer facts(const FactsResult& r, const Names& names) {
    Answer out;
    out.fields = json{{"kind", to_string(r.kind)}, {"as_of", r.as_of.str()}, {"subjects", r.subjects}, {"hypothetical", r.hypothetical}};
    std::vector<Row> rows;
    if (r.kind == FactsResult::Kind::history) {
        out.title = "History of " + names(r.subjects.at(0));
        for (auto& f : r.rows)
            rows.push_back({{date_value(f.from), date_value(f.to), f.fact, f.recorded, f.source, f.kind, f.quote}, ""});
        out.table = table_of({{"from", "from", ColumnType::date}, {"to", "to", ColumnType::date}, {"fact", "fact"},
                              {"recorded", "recorded"}, {"source", "source"}, {"kind", "kind", ColumnType::text, in_json},
                              {"quote", "quote", ColumnType::text, in_json}},
                             std::move(rows), "facts");
        return out;
    }
    out.title = r.kind == FactsResult::Kind::ties ? "What ties " + names(r.subjects.at(0)) + " to " + names(r.subjects.at(1))
                                                  : "Facts about " + names(r.subjects.at(0));
    out.title += as_of_note(r.as_of, r.hypothetical);
    for (auto& f : r.rows) rows.push_back({{f.kind, f.fact, date_value(f.from), date_value(f.to), f.source, f.quote}, ""});
    out.table = table_of({{"kind", "kind"}, {"fact", "fact"}, {"from", "since", ColumnType::date},
                          {"to", "until", ColumnType::date, in_json}, {"source", "source"}, {"quote", "quote", ColumnType::text, in_json}},
                         std::move(rows), "facts");
    return out;
}

Answer treaties(const TreatiesResult& r, const Names& names) {
    Answer out;
    out.title = "Treaties binding " + names(r.state) + as_of_note(r.as_of, r.hypothetical);
    out.fields = json{{"kind", "treaties"}, {"as_of", r.as_of.str()}, {"state", r.state}};
    std::vector<Row> rows;
    for (auto& t : r.rows) {
        json clauses = json::array();
        std::string text;
        for (auto& c : t.clauses) {
            clauses.push_back(json{{"clause", c.clause}, {"title", c.title}, {"obligation", c.obligation}});
            text += (text.empty() ? "" : ", ") + c.title + " (" + c.obligation + ")";
        }
        rows.push_back({{t.treaty, t.name, date_value(t.bound_since), t.source, clauses, text}, ""});
    }
    out.table = table_of({{"treaty", "treaty", ColumnType::text, in_csv | in_json}, {"name", "name"},
                          {"bound_since", "bound since", ColumnType::date}, {"source", "source", ColumnType::text, in_json},
                          {"clauses", "clauses", ColumnType::records, in_json}, {"clause_list", "clauses", ColumnType::text, in_terminal | in_csv}},
                         std::move(rows), "treaties");
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
    out.title = "Who backs " + names(r.state) + as_of_note(r.as_of, r.hypothetical);
    out.fields = json{{"kind", "backers"}, {"as_of", r.as_of.str()}, {"state", r.state}};
    std::vector<Row> rows;
    for (auto& b : r.rows)
        rows.push_back({{b.state, b.name, b.issue, names(b.issue), b.how, date_value(b.date), b.source, b.quote}, ""});
    out.table = table_of({{"state", "state", ColumnType::text, in_csv | in_json}, {"name", "name"},
                          {"issue", "issue", ColumnType::text, in_csv | in_json}, {"issue_name", "issue", ColumnType::text, in_terminal},
                          {"how", "how"}, {"date", "since", ColumnType::date}, {"source", "source"},
                          {"quote", "quote", ColumnType::text, in_json}},
                         std::move(rows), "backers");
    return out;
}

// The kb writes a treaty's or declaration's date as YYYYMMDD.
std::string list_extra(const std::string& what, const std::string& extra) {
    const bool dated = what == "treaties" || what == "declarations";
    if (!dated || extra.size() != 8 || !std::all_of(extra.begin(), extra.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return extra;
    return extra.substr(0, 4) + "-" + extra.substr(4, 2) + "-" + extra.substr(6, 2);
}

Answer entities(const EntitiesResult& r) {
    Answer out;
    out.title = "Known " + r.what;
    out.fields = json{{"kind", "list"}, {"what", r.what}};
    std::vector<Row> rows;
    for (auto& e : r.rows) rows.push_back({{e.id, e.name, list_extra(r.what, e.extra)}, ""});
    out.table = table_of({{"id", "id"}, {"name", "name"}, {"extra", r.what == "states" ? "cow" : "date"}}, std::move(rows), "items");
    return out;
}

Answer change(const ChangeResult& r) {
    Answer out;
    const std::string date = r.date ? r.date->str() : "";
    switch (r.action) {
        case ChangeResult::Action::added: out.title = "added " + r.fact + " from " + date; break;
        case ChangeResult::Action::ended: out.title = "ended " + r.fact + " on " + date; break;
        case ChangeResult::Action::withdrawn:
            out.title = "withdrew " + r.fact + " (" + std::to_string(r.count) + " added spell" + (r.count == 1 ? "" : "s") + ")";
            break;
    }
    out.fields = json{{"kind", "change"}, {"action", to_string(r.action)}, {"fact", r.fact}, {"date", date_value(r.date)},
                      {"source", r.source}, {"count", r.count}};
    // The sentence says it on a terminal; the row is for CSV.
    out.table = table_of({{"action", "action", ColumnType::text, in_csv}, {"fact", "fact", ColumnType::text, in_csv},
                          {"date", "date", ColumnType::date, in_csv}},
                         {{{to_string(r.action), r.fact, date_value(r.date)}, ""}}, "");
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

}  // namespace

Answer explanation_of(const DefendersResult& result) { return why(result); }

Answer answer_of(const Result& result, const Names& names) {
    return std::visit(
        [&](const auto& r) -> Answer {
            using T = std::decay_t<decltype(r)>;
            if constexpr (std::is_same_v<T, DefendersResult>) return r.kind == DefendersResult::Kind::why ? why(r) : defenders(r);
            else if constexpr (std::is_same_v<T, MatrixResult>) return matrix(r);
            else if constexpr (std::is_same_v<T, FactsResult>) return facts(r, names);
            else if constexpr (std::is_same_v<T, TreatiesResult>) return treaties(r, names);
            else if constexpr (std::is_same_v<T, MembersResult>) return members(r, names);
            else if constexpr (std::is_same_v<T, BackersResult>) return backers(r, names);
            else if constexpr (std::is_same_v<T, EntitiesResult>) return entities(r);
            else if constexpr (std::is_same_v<T, ChangeResult>) return change(r);
            else return import(r);
        },
        result);
}

}  // namespace casus::cli
