#include "output.hpp"

#include "coverage_note.hpp"
#include "sanitize.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <sstream>
#include <utility>
#include <vector>

namespace casus::cli {

using nlohmann::json;

bool parse_format(const std::string& name, Format& out) {
    if (name == "table") out = Format::table;
    else if (name == "text") out = Format::text;
    else if (name == "json") out = Format::json;
    else if (name == "csv") out = Format::csv;
    else return false;
    return true;
}

namespace {

std::string date_str(const std::optional<Date>& d) { return d ? d->str() : ""; }

json date_json(const std::optional<Date>& d) { return d ? json(d->str()) : json(nullptr); }

std::string score_str(double s) { return fmt::format("{:+.2f}", s); }

// "Collective Security Treaty (Tashkent, 1992)" + "Article IV" -> "Collective Security Treaty Article IV";
// an ATOP alliance keeps its id: "Triple Alliance (ATOP 1350) Defence (ATOP)".
std::string basis_str(const Basis& b) {
    std::string name = b.treaty_name;
    const auto id = name.rfind(" (ATOP ");
    const std::string atop = id != std::string::npos && name.back() == ')' ? name.substr(id) : "";
    if (auto p = name.find(" ("); p != std::string::npos) name = name.substr(0, p);
    return name + atop + " " + b.clause_title;
}

std::string bases_str(const Assessment& a) {
    std::string out;
    for (auto& b : a.basis) out += (out.empty() ? "" : "; ") + basis_str(b);
    return out;
}

// Factors by how much they weigh, heaviest first.
std::vector<Factor> ranked(const std::vector<Factor>& fs) {
    std::vector<Factor> out = fs;
    std::stable_sort(out.begin(), out.end(),
                     [](const Factor& a, const Factor& b) { return std::fabs(a.weight) > std::fabs(b.weight); });
    return out;
}

std::string reasons(const Assessment& a, std::size_t limit) {
    std::string out;
    std::size_t n = 0;
    for (auto& f : ranked(a.factors)) {
        if (n++ == limit) {
            out += "; ...";
            break;
        }
        out += (out.empty() ? "" : "; ") + f.detail;
    }
    return out;
}

std::size_t display_width(const std::string& s) {
    std::size_t w = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++w;
    return w;
}

using Rows = std::vector<std::vector<std::string>>;
constexpr std::size_t no_column = static_cast<std::size_t>(-1);

// The colour of a verdict's cell on a terminal.
const char* verdict_colour(const std::string& verdict) {
    return verdict == "likely" ? "\033[32m" : verdict == "unlikely" ? "\033[31m" : "\033[33m";
}

// The cells are data: escaped (shown()) before they are measured, and the
// only control codes in the table are the colours added here, which are
// never counted in a width.
void print_table(std::ostream& out, const std::vector<std::string>& header, Rows rows, bool color,
                 std::size_t verdict_column = no_column) {
    for (auto& r : rows)
        for (auto& cell : r)
            if (!shown_as_is(cell)) cell = shown(cell);
    std::vector<std::size_t> width(header.size());
    for (std::size_t i = 0; i < header.size(); ++i) width[i] = display_width(header[i]);
    for (auto& r : rows)
        for (std::size_t i = 0; i < r.size() && i < width.size(); ++i) width[i] = std::max(width[i], display_width(r[i]));
    auto line = [&](const std::vector<std::string>& cells, bool bold, bool body) {
        std::string s;
        for (std::size_t i = 0; i < cells.size(); ++i) {
            std::string cell = cells[i];
            if (body && color && i == verdict_column) cell = verdict_colour(cell) + cell + "\033[0m";
            if (i + 1 < cells.size()) cell += std::string(width[i] - display_width(cells[i]) + 2, ' ');
            s += cell;
        }
        while (!s.empty() && s.back() == ' ') s.pop_back();
        if (bold && color) out << "\033[1m" << s << "\033[0m\n";
        else out << s << "\n";
    };
    line(header, true, false);
    std::vector<std::string> rule;
    for (auto w : width) rule.push_back(std::string(w, '-'));
    line(rule, false, false);
    for (auto& r : rows) line(r, false, true);
    if (rows.empty()) out << "(none)\n";
}

// One line of text output: casus's own words and the data in them, escaped.
void print_line(std::ostream& out, const std::string& line) { out << shown(line) << "\n"; }


json evidence_json(const Evidence& e) {
    return json{{"fact", e.fact}, {"source", e.source}, {"quote", e.quote}, {"date", date_json(e.date)}};
}

json assessment_json(const Assessment& a) {
    json basis = json::array();
    for (auto& b : a.basis) {
        json ev = json::array();
        for (auto& e : b.evidence) ev.push_back(evidence_json(e));
        basis.push_back(json{{"treaty", b.treaty}, {"treaty_name", b.treaty_name}, {"clause", b.clause},
                             {"clause_title", b.clause_title}, {"notes", b.notes}, {"evidence", ev}});
    }
    json factors = json::array();
    for (auto& f : a.factors) {
        const Evidence* first = f.evidence.empty() ? nullptr : &f.evidence.front();
        json ev = json::array();
        for (auto& e : f.evidence) ev.push_back(evidence_json(e));
        factors.push_back(json{{"kind", f.kind}, {"weight", f.weight}, {"detail", f.detail},
                               {"source", first ? first->source : ""},
                               {"date", first ? date_json(first->date) : json(nullptr)}, {"evidence", ev},
                               {"evidence_total", f.evidence_total}});
    }
    return json{{"state", a.state}, {"name", a.name}, {"cow", a.cow}, {"obligated", a.obligated},
                {"basis", basis}, {"verdict", to_string(a.verdict)}, {"score", a.score}, {"factors", factors}};
}

std::string header_line(const DefendersResult& r) {
    std::string against = r.attacker.empty() ? "" : " against " + r.attacker_name;
    std::string when = " (as of " + r.as_of.str() + (r.hypothetical ? ", supposing the changes given" : "") + ")";
    switch (r.kind) {
        case DefendersResult::Kind::defenders: return "Who would defend " + r.ally_name + against + when;
        case DefendersResult::Kind::obligations: return "Who must defend " + r.ally_name + against + when;
        default: return "Would " + (r.answers.empty() ? std::string("?") : r.answers[0].name) + " defend " + r.ally_name + against + when;
    }
}

void print_defenders(std::ostream& out, const DefendersResult& r, const OutputOptions& o) {
    if (r.kind == DefendersResult::Kind::why) {
        print_explanation(out, r);
        return;
    }
    if (o.format == Format::text) {
        print_line(out, header_line(r) + ":");
        if (r.answers.empty()) out << "  no state is obligated or has a reason to act.\n";
        for (auto& a : r.answers) {
            std::string line = "- " + a.name;
            if (a.obligated) line += " is obligated under " + bases_str(a) + (a.verdict == Verdict::likely ? " and " : " but ");
            else line += " has no obligation but is ";
            line += std::string(to_string(a.verdict)) + " to act (score " + score_str(a.score) + ")";
            std::string why = reasons(a, 100);
            print_line(out, line + (why.empty() ? "." : ": " + why + "."));
        }
        return;
    }
    Rows rows;
    for (auto& a : r.answers)
        rows.push_back({a.state, a.obligated ? bases_str(a) : "no", to_string(a.verdict), score_str(a.score),
                        reasons(a, o.format == Format::csv ? 100 : 3)});
    std::vector<std::string> header{"state", "obligated", "verdict", "score", "main reasons"};
    if (o.format == Format::csv) print_csv(out, header, rows);
    else {
        print_line(out, header_line(r));
        print_table(out, header, std::move(rows), o.color, 2);
    }
}

void print_rows(std::ostream& out, const std::string& title, const std::vector<std::string>& header, Rows rows,
                const OutputOptions& o, std::size_t verdict_column = no_column) {
    if (o.format == Format::csv) {
        print_csv(out, header, rows);
        return;
    }
    print_line(out, title);
    if (o.format == Format::table) {
        print_table(out, header, std::move(rows), o.color, verdict_column);
        return;
    }
    if (rows.empty()) out << "  (none)\n";
    for (auto& r : rows) {
        std::string line = "-";
        for (std::size_t i = 0; i < r.size(); ++i)
            if (!r[i].empty()) line += (i ? " | " : " ") + r[i];
        print_line(out, line);
    }
}

std::string as_of_note(const Date& d, bool hyp) {
    return " (as of " + d.str() + (hyp ? ", supposing the changes given" : "") + ")";
}

// The matrix can hold millions of answers: written as it goes, never
// built as one JSON document or one table of strings.
void print_matrix_json(std::ostream& out, const MatrixResult& r, const std::string& question) {
    std::vector<std::string> ids;
    for (auto& s : r.states) ids.push_back(json_text(s));
    out << "{\"question\":" << json_text(question) << ",\"kind\":\"matrix\",\"as_of\":\"" << r.as_of.str()
        << "\",\"hypothetical\":" << (r.hypothetical ? "true" : "false")
        << ",\"coverage\":" << json_text(coverage_json(r.coverage)) << ",\"pairs\":[";
    for (std::size_t p = 0; p < r.pairs.size(); ++p) {
        auto& pair = r.pairs[p];
        out << (p ? ",{" : "{") << "\"ally\":" << ids[pair.ally] << ",\"attacker\":" << ids[pair.attacker] << ",\"defenders\":[";
        for (std::size_t i = 0; i < pair.defenders.size(); ++i) {
            auto& d = pair.defenders[i];
            out << (i ? ",{" : "{") << "\"state\":" << ids[d.state] << ",\"obligated\":" << (d.obligated ? "true" : "false")
                << ",\"verdict\":\"" << to_string(d.verdict) << "\",\"score\":" << fmt::format("{}", d.score) << "}";
        }
        out << "]}";
    }
    out << "]}\n";
}

void print_matrix(std::ostream& out, const MatrixResult& r, const OutputOptions& o) {
    const std::string title = "Defence matrix" + as_of_note(r.as_of, r.hypothetical) + ": " + std::to_string(r.pairs.size()) +
                              " ordered pairs";
    if (o.format == Format::text) {
        out << title << "\n";
        // The ids are escaped once, not once per line they appear in.
        std::vector<std::string> ids;
        for (auto& s : r.states) ids.push_back(shown(s));
        for (auto& pair : r.pairs) {
            out << "- " << ids[pair.ally] << " against " << ids[pair.attacker] << ":";
            if (pair.defenders.empty()) out << " no state is obligated or has a reason to act";
            for (std::size_t i = 0; i < pair.defenders.size(); ++i) {
                auto& d = pair.defenders[i];
                out << (i ? ", " : " ") << ids[d.state] << " (" << (d.obligated ? "obligated, " : "") << to_string(d.verdict)
                    << " " << score_str(d.score) << ")";
            }
            out << "\n";
        }
        return;
    }
    Rows rows;
    for (auto& pair : r.pairs)
        for (auto& d : pair.defenders)
            rows.push_back({r.states[pair.ally], r.states[pair.attacker], r.states[d.state], d.obligated ? "yes" : "no",
                            to_string(d.verdict), score_str(d.score)});
    print_rows(out, title + ":", {"ally", "attacker", "defender", "obligated", "verdict", "score"}, std::move(rows), o, 4);
}

}  // namespace

// RFC 4180: a field with a comma, a quote or a line feed is quoted. Control
// codes other than line feed and tab are escaped (Shown::csv), since CSV
// is read on terminals too.
std::string csv_cell(const std::string& raw) {
    if (shown_as_is(raw, Shown::csv) && raw.find_first_of(",\"\n") == std::string::npos) return raw;
    std::string s = shown(raw, Shown::csv);
    if (s.find_first_of(",\"\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

void print_csv(std::ostream& out, const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows) {
    auto line = [&](const std::vector<std::string>& cells) {
        for (std::size_t i = 0; i < cells.size(); ++i) out << (i ? "," : "") << csv_cell(cells[i]);
        out << "\n";
    };
    line(header);
    for (auto& r : rows) line(r);
}

void print_explanation(std::ostream& out, const DefendersResult& r) {
    if (r.answers.empty()) return;
    const Assessment& a = r.answers.front();
    std::string against = r.attacker.empty() ? "" : " against " + r.attacker_name;
    const bool defends = a.verdict == Verdict::likely;
    const std::string verdict = to_string(a.verdict);
    std::string head;
    if (r.negated && defends)
        head = "casus expects " + a.name + " to defend " + r.ally_name + against + ": " + verdict;
    else if (!r.negated && a.verdict == Verdict::unlikely)
        head = "casus does not expect " + a.name + " to defend " + r.ally_name + against + ": " + verdict;
    else
        head = a.name + (r.negated ? " would not defend " : " would defend ") + r.ally_name + against + ": " + verdict;
    print_line(out, head + " (score " + score_str(a.score) + ", as of " + r.as_of.str() +
                        (r.hypothetical ? ", supposing the changes given" : "") + ")");
    auto leaf = [&](const Evidence& e) {
        std::string line = "      " + e.fact + "  [" + e.source;
        if (e.date) line += ", " + e.date->str();
        line += "]";
        if (!e.quote.empty()) line += " \"" + e.quote + "\"";
        print_line(out, line);
    };
    if (a.basis.empty()) print_line(out, "  no obligation: no treaty in force binds " + a.name + " to defend " + r.ally_name);
    // The obligation's weight (kb/weights.pl) is what the score holds beyond the factors.
    double obligation = a.score;
    for (auto& f : a.factors) obligation -= f.weight;
    for (auto& b : a.basis) {
        print_line(out, "  obligated (" + score_str(obligation) + "): " + basis_str(b));
        for (auto& n : b.notes) print_line(out, "    note: " + n);
        for (auto& e : b.evidence) leaf(e);
    }
    for (auto& f : ranked(a.factors)) {
        print_line(out, "  " + f.detail + " (" + score_str(f.weight) + ", " + f.kind + ")");
        for (auto& e : f.evidence) leaf(e);
    }
    if (a.factors.empty()) out << "  no factor pushes either way\n";
}

void print_result(std::ostream& out, const Result& result, const std::string& question, const OutputOptions& o) {
    if (auto* x = std::get_if<ExportResult>(&result)) {
        // Rows written to stdout are the output: nothing is added to them.
        if (x->file.empty()) return;
        if (o.format == Format::json)
            out << json_text(json{{"question", question}, {"kind", "export"}, {"rows", x->rows}, {"file", x->file}}) << "\n";
        else
            print_line(out, "exported " + std::to_string(x->rows) + " dyad-years (" + std::to_string(x->from_year) + "-" +
                                std::to_string(x->to_year) + ") to " + x->file);
        return;
    }
    if (auto* m = std::get_if<MatrixResult>(&result)) {
        if (o.format == Format::json) print_matrix_json(out, *m, question);
        else print_matrix(out, *m, o);
        if (o.format == Format::text || o.format == Format::table) print_coverage_note(out, result);
        return;
    }
    if (o.format == Format::json) {
        json j;
        j["question"] = question;
        std::visit(
            [&](const auto& r) {
                using T = std::decay_t<decltype(r)>;
                if constexpr (std::is_same_v<T, DefendersResult>) {
                    j["kind"] = to_string(r.kind);
                    j["as_of"] = r.as_of.str();
                    j["ally"] = r.ally;
                    j["attacker"] = r.attacker.empty() ? json(nullptr) : json(r.attacker);
                    j["hypothetical"] = r.hypothetical;
                    if (r.kind == DefendersResult::Kind::why) j["negated"] = r.negated;
                    json answers = json::array();
                    for (auto& a : r.answers) answers.push_back(assessment_json(a));
                    j["answers"] = answers;
                } else if constexpr (std::is_same_v<T, FactsResult>) {
                    j["kind"] = to_string(r.kind);
                    j["as_of"] = r.as_of.str();
                    j["subjects"] = r.subjects;
                    j["hypothetical"] = r.hypothetical;
                    json rows = json::array();
                    for (auto& f : r.rows) {
                        json row{{"kind", f.kind}, {"fact", f.fact}, {"source", f.source}, {"quote", f.quote},
                                 {"from", date_json(f.from)}, {"to", date_json(f.to)}};
                        if (r.kind == FactsResult::Kind::history) row["recorded"] = f.recorded;
                        rows.push_back(row);
                    }
                    j["facts"] = rows;
                } else if constexpr (std::is_same_v<T, TreatiesResult>) {
                    j["kind"] = "treaties";
                    j["as_of"] = r.as_of.str();
                    j["state"] = r.state;
                    json rows = json::array();
                    for (auto& t : r.rows) {
                        json clauses = json::array();
                        for (auto& c : t.clauses) clauses.push_back(json{{"clause", c.clause}, {"title", c.title}, {"obligation", c.obligation}});
                        rows.push_back(json{{"treaty", t.treaty}, {"name", t.name}, {"bound_since", date_json(t.bound_since)},
                                            {"source", t.source}, {"clauses", clauses}});
                    }
                    j["treaties"] = rows;
                } else if constexpr (std::is_same_v<T, MembersResult>) {
                    j["kind"] = "members";
                    j["as_of"] = r.as_of.str();
                    j["organisation"] = r.organisation;
                    json rows = json::array();
                    for (auto& m : r.rows)
                        rows.push_back(json{{"state", m.state}, {"name", m.name}, {"cow", m.cow}, {"from", date_json(m.from)},
                                            {"to", date_json(m.to)}, {"source", m.source}});
                    j["members"] = rows;
                } else if constexpr (std::is_same_v<T, BackersResult>) {
                    j["kind"] = "backers";
                    j["as_of"] = r.as_of.str();
                    j["state"] = r.state;
                    json rows = json::array();
                    for (auto& b : r.rows)
                        rows.push_back(json{{"state", b.state}, {"name", b.name}, {"issue", b.issue}, {"how", b.how},
                                            {"source", b.source}, {"quote", b.quote}, {"date", date_json(b.date)}});
                    j["backers"] = rows;
                } else if constexpr (std::is_same_v<T, EntitiesResult>) {
                    j["kind"] = "list";
                    j["what"] = r.what;
                    json rows = json::array();
                    for (auto& e : r.rows) rows.push_back(json{{"id", e.id}, {"name", e.name}, {"extra", e.extra}});
                    j["items"] = rows;
                } else if constexpr (std::is_same_v<T, ChangeResult>) {
                    j["kind"] = "change";
                    j["action"] = to_string(r.action);
                    j["fact"] = r.fact;
                    j["date"] = date_json(r.date);
                    j["source"] = r.source;
                    j["count"] = r.count;
                } else if constexpr (std::is_same_v<T, ImportResult>) {
                    j["kind"] = "import";
                    j["dataset"] = r.dataset;
                    j["alliances"] = r.alliances;
                    j["alliances_linked"] = r.alliances_linked;
                    j["obligations"] = r.obligations;
                    j["member_rows"] = r.member_rows;
                    j["spells_added"] = r.spells_added;
                    j["spells_present"] = r.spells_present;
                    j["states_created"] = r.states_created;
                    j["entities_added"] = r.entities_added;
                    auto issues = [](const std::vector<ImportIssue>& v) {
                        json a = json::array();
                        for (auto& i : v) {
                            a.push_back(json{{"file", i.file}, {"line", i.line}, {"message", i.message}});
                            if (i.count > 1) a.back()["count"] = i.count;  // it stands for more rows
                        }
                        return a;
                    };
                    j["skipped"] = issues(r.skipped);
                    j["repaired"] = issues(r.repaired);
                }
            },
            result);
        if (const Coverage* c = coverage_of(result)) j["coverage"] = coverage_json(*c);
        out << json_text(std::move(j)) << "\n";
        return;
    }
    std::visit(
        [&](const auto& r) {
            using T = std::decay_t<decltype(r)>;
            if constexpr (std::is_same_v<T, DefendersResult>) {
                print_defenders(out, r, o);
            } else if constexpr (std::is_same_v<T, FactsResult>) {
                Rows rows;
                std::string title;
                if (r.kind == FactsResult::Kind::history) {
                    title = "History of " + r.subjects.at(0) + ":";
                    for (auto& f : r.rows) rows.push_back({date_str(f.from), date_str(f.to), f.fact, f.recorded, f.source});
                    print_rows(out, title, {"from", "to", "fact", "recorded", "source"}, std::move(rows), o);
                    return;
                }
                title = r.kind == FactsResult::Kind::ties ? "What ties " + r.subjects.at(0) + " to " + r.subjects.at(1)
                                                          : "Facts about " + r.subjects.at(0);
                title += as_of_note(r.as_of, r.hypothetical) + ":";
                for (auto& f : r.rows) rows.push_back({f.kind, f.fact, date_str(f.from), f.source});
                print_rows(out, title, {"kind", "fact", "since", "source"}, std::move(rows), o);
            } else if constexpr (std::is_same_v<T, TreatiesResult>) {
                Rows rows;
                for (auto& t : r.rows) {
                    std::string clauses;
                    for (auto& c : t.clauses) clauses += (clauses.empty() ? "" : ", ") + c.title + " (" + c.obligation + ")";
                    rows.push_back({t.treaty, t.name, date_str(t.bound_since), clauses});
                }
                print_rows(out, "Treaties binding " + r.state + as_of_note(r.as_of, r.hypothetical) + ":",
                           {"treaty", "name", "bound since", "clauses"}, std::move(rows), o);
            } else if constexpr (std::is_same_v<T, MembersResult>) {
                Rows rows;
                for (auto& m : r.rows) rows.push_back({m.state, m.name, std::to_string(m.cow), date_str(m.from), date_str(m.to)});
                print_rows(out, "Members of " + r.organisation + as_of_note(r.as_of, r.hypothetical) + ":",
                           {"state", "name", "cow", "since", "until"}, std::move(rows), o);
            } else if constexpr (std::is_same_v<T, BackersResult>) {
                Rows rows;
                for (auto& b : r.rows) rows.push_back({b.state, b.issue, b.how, date_str(b.date), b.source});
                print_rows(out, "Who backs " + r.state + as_of_note(r.as_of, r.hypothetical) + ":",
                           {"state", "issue", "how", "since", "source"}, std::move(rows), o);
            } else if constexpr (std::is_same_v<T, EntitiesResult>) {
                Rows rows;
                for (auto& e : r.rows) rows.push_back({e.id, e.name, e.extra});
                print_rows(out, "Known " + r.what + ":", {"id", "name", r.what == "states" ? "cow" : "date"}, std::move(rows), o);
            } else if constexpr (std::is_same_v<T, ChangeResult>) {
                if (o.format == Format::csv) {
                    print_csv(out, {"action", "fact", "date"}, Rows{{to_string(r.action), r.fact, date_str(r.date)}});
                    return;
                }
                switch (r.action) {
                    case ChangeResult::Action::added: print_line(out, "added " + r.fact + " from " + date_str(r.date)); break;
                    case ChangeResult::Action::ended: print_line(out, "ended " + r.fact + " on " + date_str(r.date)); break;
                    case ChangeResult::Action::withdrawn:
                        print_line(out, "withdrew " + r.fact + " (" + std::to_string(r.count) + " added spell" +
                                            (r.count == 1 ? "" : "s") + ")");
                        break;
                }
            } else if constexpr (std::is_same_v<T, ImportResult>) {
                print_import(out, r, o);
            }
        },
        result);
    // Once, under the answer (CSV holds rows only).
    if (o.format == Format::text || o.format == Format::table) print_coverage_note(out, result);
}

void print_import(std::ostream& out, const ImportResult& r, const OutputOptions& o) {
    if (o.format == Format::csv) {
        std::vector<std::vector<std::string>> rows;
        for (auto& i : r.skipped) rows.push_back({"skipped", i.file, std::to_string(i.line), i.message});
        for (auto& i : r.repaired) rows.push_back({"repaired", i.file, std::to_string(i.line), i.message});
        print_csv(out, {"what", "file", "line", "message"}, rows);
        return;
    }
    out << "Imported " << shown(r.dataset) << ": " << r.alliances << " alliances (" << r.alliances_linked
        << " of them curated treaties), " << r.obligations << " obligations, " << r.member_rows << " member rows -> "
        << r.spells_added << " membership spells added, " << r.spells_present << " already present; "
        << r.states_created << " states new to the kb; " << r.entities_added << " entities added.\n";
    auto rows = [](const std::vector<ImportIssue>& v) {
        std::size_t n = 0;
        for (auto& i : v) n += i.count;
        return n;
    };
    out << rows(r.skipped) << " rows skipped, " << rows(r.repaired) << " quirks repaired:\n";
    for (auto& i : r.skipped) print_line(out, "  " + i.file + ":" + std::to_string(i.line) + ": skipped: " + i.message);
    for (auto& i : r.repaired) print_line(out, "  " + i.file + ":" + std::to_string(i.line) + ": repaired: " + i.message);
}

// FILE:LINE:COL counts the columns of the text as typed; the echoed line is
// escaped (shown()), so the caret is placed by the escaped text's widths.
void print_error(std::ostream& err, std::ostream& out, const Error& e, const Origin& origin, const OutputOptions& opts) {
    int line = origin.first_line, col = 1;
    std::string source_line;
    std::size_t caret_at = 0, caret_len = 1;
    bool located = false;
    if (auto* le = dynamic_cast<const LocatedError*>(&e); le && !origin.text.empty()) {
        located = true;
        std::size_t off = std::min(le->offset(), origin.text.size());
        std::size_t line_start = 0;
        for (std::size_t i = 0; i < off; ++i)
            if (origin.text[i] == '\n') {
                ++line;
                line_start = i + 1;
            }
        col = static_cast<int>(display_width(origin.text.substr(line_start, off - line_start))) + 1;
        std::size_t line_end = origin.text.find('\n', line_start);
        source_line = origin.text.substr(line_start, line_end == std::string::npos ? std::string::npos : line_end - line_start);
        std::string rest = source_line.substr(std::min(off - line_start, source_line.size()));
        caret_at = display_width(shown(origin.text.substr(line_start, off - line_start)));
        // The span, cut at the end of the line, where the caret may stand one past it.
        caret_len = le->length() <= rest.size() ? display_width(shown(rest.substr(0, le->length())))
                                                : display_width(shown(rest)) + 1;
        caret_len = std::max<std::size_t>(1, caret_len);
    }
    err << shown(origin.file) << ":" << line << ":" << col << ": error: " << shown(e.what()) << "\n";
    if (located && !source_line.empty()) {
        err << "    " << shown(source_line) << "\n";
        err << "    " << std::string(caret_at, ' ') << "^" << std::string(caret_len - 1, '~') << "\n";
    }
    if (opts.format == Format::json) {
        json j{{"error", {{"kind", e.kind()}, {"message", e.what()}, {"file", origin.file}, {"line", line}, {"column", col}}}};
        if (!origin.text.empty()) j["question"] = origin.text;
        out << json_text(std::move(j)) << "\n";
    }
}

}  // namespace casus::cli
