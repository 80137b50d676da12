#include "answer_kinds.hpp"

#include "defender_json.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <string_view>

namespace casus::cli::kinds {

using nlohmann::json;

namespace {

// "Collective Security Treaty (Tashkent, 1992)" + "Article IV" -> "Collective Security Treaty Article IV";
// an ATOP alliance keeps its id: "Triple Alliance (ATOP 1350) Defence (ATOP)".
void append_basis_text(std::string& out, const Basis& b) {
    std::string_view name = b.treaty_name;
    const auto id = name.rfind(" (ATOP ");
    const std::string_view atop = id != std::string_view::npos && name.back() == ')' ? name.substr(id) : std::string_view();
    if (auto p = name.find(" ("); p != std::string_view::npos) name = name.substr(0, p);
    out.append(name).append(atop).append(" ").append(b.clause_title);
}

std::string basis_text(const Basis& b) {
    std::string out;
    append_basis_text(out, b);
    return out;
}

void append_bases_text(std::string& out, const Assessment& a) {
    for (std::size_t k = 0; k < a.basis.size(); ++k) {
        if (k) out += "; ";
        append_basis_text(out, a.basis[k]);
    }
}

std::string bases_text(const Assessment& a) {
    std::string out;
    append_bases_text(out, a);
    return out;
}

// Factors by how much they weigh, heaviest first (the factors themselves
// are not copied: each holds up to ten pieces of evidence).
std::vector<const Factor*> ranked(const std::vector<Factor>& fs) {
    std::vector<const Factor*> out;
    out.reserve(fs.size());
    for (auto& f : fs) out.push_back(&f);
    std::stable_sort(out.begin(), out.end(),
                     [](const Factor* a, const Factor* b) { return std::fabs(a->weight) > std::fabs(b->weight); });
    return out;
}

// The heaviest factors, each with its signed weight; "..." when more are
// left out. Appended to out; false when nothing was (no factor).
bool append_reasons(std::string& out, const Assessment& a, std::size_t limit) {
    const std::size_t before = out.size();
    std::size_t n = 0;
    for (const Factor* f : ranked(a.factors)) {
        if (n == limit) {
            out += "; ...";
            break;
        }
        if (n++) out += "; ";
        out.append(f->detail).append(" (").append(weight_text(f->weight)).append(")");
    }
    return out.size() != before;
}

std::string reasons(const Assessment& a, std::size_t limit) {
    std::string out;
    append_reasons(out, a, limit);
    return out;
}

// The same as json values, for the explanation's fields (one assessment):
// read back from the one writer, so that `why` and `who would defend`
// never disagree on a defender's JSON.
json basis_json(const Assessment& a) {
    std::string text;
    write_bases_json(text, a);
    return json::parse(text);
}

json factors_json(const Assessment& a) {
    std::string text;
    write_factors_json(text, a);
    return json::parse(text);
}

// " against X in PLACE", the attack as the question put it.
std::string against_text(const DefendersResult& r) {
    std::string against = r.attacker.empty() ? "" : " against " + r.attacker_name;
    if (!r.place.empty()) against += " in " + r.place_name;
    return against;
}

std::string defenders_title(const DefendersResult& r) {
    const std::string against = against_text(r);
    std::string when = as_of_note(r.as_of, r.hypothetical);
    switch (r.kind) {
        case DefendersResult::Kind::defenders: return "Who would defend " + r.ally_name + against + when;
        case DefendersResult::Kind::obligations: return "Who must defend " + r.ally_name + against + when;
        default:
            return "Would " + (r.answers.empty() ? std::string("?") : r.answers[0].name) + " defend " + r.ally_name + against + when;
    }
}

json defenders_fields(const DefendersResult& r) {
    json f{{"kind", to_string(r.kind)}, {"as_of", r.as_of.str()}, {"ally", r.ally}, {"ally_name", r.ally_name},
           {"attacker", r.attacker.empty() ? json(nullptr) : json(r.attacker)},
           {"attacker_name", r.attacker.empty() ? json(nullptr) : json(r.attacker_name)}, {"hypothetical", r.hypothetical}};
    if (!r.place.empty()) f["place"] = r.place;  // only when the question names one
    if (r.kind == DefendersResult::Kind::why) f["negated"] = r.negated;
    return f;
}

// The sentence of one defender in text output.
std::string defender_line(const Assessment& a) {
    std::string line;
    line.reserve(512);
    line += a.name;
    if (a.obligated) {
        line += " is obligated under ";
        append_bases_text(line, a);
        line += a.verdict == Verdict::likely ? " and " : " but ";
    } else {
        line += " has no obligation but is ";
    }
    line.append(to_string(a.verdict)).append(" to act (p ");
    fmt::format_to(std::back_inserter(line), "{:.2f}", a.probability);
    line.append(", score ").append(score_text(a.score)).append(")");
    const std::size_t colon = line.size();
    if (append_reasons(line, a, a.factors.size())) line.insert(colon, ": ");
    line += '.';
    return line;
}


// A defender's row, with the cells of the columns written where (the
// others null, as answer_model.hpp allows), or its line alone for text.
Row defender_row(const Assessment& a, unsigned where) {
    if (where & as_line) return Row{{}, defender_line(a)};
    auto in = [where](unsigned w) { return (where & w) != 0; };
    auto only = [](bool written, auto&& make) -> Value { return written ? Value(make()) : Value(nullptr); };
    const bool json_ = in(in_json), terminal = in(in_terminal), csv = in(in_csv);
    return Row{{only(csv || json_, [&] { return a.state; }), only(terminal || json_, [&] { return a.name; }),
                only(csv, [&] { return a.name; }), only(json_, [&] { return a.cow; }), only(json_, [&] { return a.obligated; }),
                nullptr,  // basis: written by its column (write_bases_json)
                only(terminal || csv, [&] { return a.obligated ? bases_text(a) : std::string("no"); }),
                to_string(a.verdict), a.score, a.probability, nullptr,  // factors: written by their column
                only(terminal, [&] { return reasons(a, 3); }), only(csv, [&] { return reasons(a, a.factors.size()); })},
               ""};
}

}  // namespace

Answer defenders(const DefendersResult& r) {
    Answer out;
    out.title = defenders_title(r);
    out.fields = defenders_fields(r);
    std::vector<Column> cols{
        {"state", "state", ColumnType::text, in_csv | in_json},
        {"name", "state", ColumnType::text, in_terminal | in_json},
        {"name", "name", ColumnType::text, in_csv},  // the id, then the name of the answer's date
        {"cow", "cow", ColumnType::integer, in_json},
        {"obligated", "obligated", ColumnType::flag, in_json},
        {"basis", "basis", ColumnType::records, in_json, {}, [&r](std::string& o, std::size_t i) { write_bases_json(o, r.answers[i]); }},
        {"bases", "obligated", ColumnType::text, in_terminal | in_csv},
        {"verdict", "verdict", ColumnType::verdict},
        {"score", "score", ColumnType::score},
        {"probability", "p", ColumnType::probability},
        {"factors", "factors", ColumnType::records, in_json, {}, [&r](std::string& o, std::size_t i) { write_factors_json(o, r.answers[i]); }},
        {"main_reasons", "main reasons", ColumnType::text, in_terminal},
        {"reasons", "reasons", ColumnType::text, in_csv},
    };
    out.table.columns = std::move(cols);
    out.table.size = r.answers.size();
    out.table.json_key = "answers";
    out.table.empty_text = "no state is obligated or has a reason to act.";
    // Made when written, for that format only: text prints a defender's
    // line, and JSON alone its evidence (most of a row's cost).
    out.table.row = [&r](std::size_t i, unsigned where) { return defender_row(r.answers[i], where); };
    return out;
}

namespace {

// The head line of an explanation: what casus expects, in the question's own terms.
std::string explanation_head(const DefendersResult& r, const Assessment& a) {
    const std::string against = against_text(r);
    const std::string verdict = to_string(a.verdict);
    std::string head;
    if (r.negated && a.verdict == Verdict::likely)
        head = "casus expects " + a.name + " to defend " + r.ally_name + against + ": " + verdict;
    else if (!r.negated && a.verdict == Verdict::unlikely)
        head = "casus does not expect " + a.name + " to defend " + r.ally_name + against + ": " + verdict;
    else
        head = a.name + (r.negated ? " would not defend " : " would defend ") + r.ally_name + against + ": " + verdict;
    return head + " (p " + fmt::format("{:.2f}", a.probability) + ", log-odds " + score_text(a.score) + ", as of " + r.as_of.str() +
           (r.hypothetical ? ", supposing the changes given" : "") + ")";
}

std::string evidence_text(const Evidence& e) {
    std::string line = e.fact + "  [" + e.source + (e.date ? ", " + e.date->str() : "") + "]";
    return e.quote.empty() ? line : line + " \"" + e.quote + "\"";
}

Node explanation_tree(const DefendersResult& r, const Assessment& a) {
    Node root{explanation_head(r, a), {}};
    if (a.basis.empty()) root.children.push_back({"no obligation: no treaty in force binds " + a.name + " to defend " + r.ally_name, {}});
    // The obligation's effects are factors of the model (kb/verdict_model.pl).
    for (auto& b : a.basis) {
        Node n{"obligated: " + basis_text(b), {}};
        for (auto& note : b.notes) n.children.push_back({"note: " + note, {}});
        for (auto& e : b.evidence) n.children.push_back({evidence_text(e), {}});
        root.children.push_back(std::move(n));
    }
    for (const Factor* f : ranked(a.factors)) {
        Node n{f->detail + " (" + weight_text(f->weight) + ", " + f->kind + ")", {}};
        for (auto& e : f->evidence) n.children.push_back({evidence_text(e), {}});
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
    auto add = [&](const std::string& part, const std::string& detail, Value weight, const std::string& kind,
                   const std::vector<Evidence>& ev) {
        auto base = [&]() -> std::vector<Value> {
            return {r.ally, r.attacker, r.as_of.str(), a.state, to_string(a.verdict), a.score, a.probability, part, detail, weight, kind};
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
    // An obligation carries no weight of its own (an empty cell): its effects are the model's factors.
    for (auto& b : a.basis) add("obligation", basis_text(b), nullptr, b.clause, b.evidence);
    for (const Factor* f : ranked(a.factors)) add("factor", f->detail, f->weight, f->kind, f->evidence);
    return rows;
}

}  // namespace

Answer why(const DefendersResult& r) {
    Answer out;
    out.fields = defenders_fields(r);
    json answers = json::array();
    for (auto& a : r.answers) answers.push_back(json{{"state", a.state}, {"name", a.name}, {"cow", a.cow}, {"obligated", a.obligated},
                                                     {"basis", basis_json(a)}, {"verdict", to_string(a.verdict)},
                                                     {"score", a.score}, {"probability", a.probability},
                                                     {"factors", factors_json(a)}});
    out.fields["answers"] = answers;
    std::vector<Column> cols{{"ally", "ally"},       {"attacker", "attacker"},
                             {"as_of", "as_of", ColumnType::date}, {"state", "state"},
                             {"verdict", "verdict", ColumnType::verdict}, {"score", "score", ColumnType::score},
                             {"probability", "probability", ColumnType::probability},
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

namespace {

// A pair of the matrix as a sentence, for text output.
Row matrix_line(const MatrixResult& r, std::size_t i) {
    const MatrixPair& pair = r.pairs[i];
    const auto& ids = r.states;
    std::string line = ids[pair.ally] + " against " + ids[pair.attacker] + ":";
    if (pair.defenders.empty()) line += " no state is obligated or has a reason to act";
    for (std::size_t k = 0; k < pair.defenders.size(); ++k) {
        auto& d = pair.defenders[k];
        line += (k ? ", " : " ") + ids[d.state] + " (" + (d.obligated ? "obligated, " : "") + to_string(d.verdict) + " " +
                score_text(d.score) + ", p " + fmt::format("{:.2f}", d.probability) + ")";
    }
    return Row{{}, std::move(line)};
}

// A pair of the matrix as cells: its defenders a list of records.
Row matrix_cells(const MatrixResult& r, std::size_t i) {
    const MatrixPair& pair = r.pairs[i];
    const auto& ids = r.states;
    Value defenders = json::array();
    for (auto& d : pair.defenders)
        defenders.push_back(json::array({ids[d.state], d.obligated, to_string(d.verdict), d.score, d.probability}));
    return Row{{ids[pair.ally], ids[pair.attacker], std::move(defenders)}, ""};
}

}  // namespace

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
                           {"verdict", "verdict", ColumnType::verdict}, {"score", "score", ColumnType::score},
                           {"probability", "probability", ColumnType::probability}}}};
    out.table.size = r.pairs.size();
    out.table.json_key = "pairs";
    out.table.empty_text = "(none)";
    out.table.row = [&r](std::size_t i, unsigned where) { return (where & as_line) ? matrix_line(r, i) : matrix_cells(r, i); };
    return out;
}

}  // namespace casus::cli::kinds
