#include "atop_import.hpp"

#include "casus/errors.hpp"
#include "csv.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>
#include <tuple>

namespace casus::atop {

namespace {

constexpr long open_end = 99991231;

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int days_in(int y, int m) {
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : d[m - 1];
}
long next_day(long v) {
    int y = static_cast<int>(v / 10000), m = static_cast<int>(v / 100 % 100), d = static_cast<int>(v % 100);
    if (++d > days_in(y, m)) {
        d = 1;
        if (++m > 12) {
            m = 1;
            ++y;
        }
    }
    return y * 10000L + m * 100L + d;
}

std::optional<long> integer(const std::string& s) {
    if (s.empty()) return std::nullopt;
    std::size_t i = s[0] == '-' ? 1 : 0;
    if (i == s.size()) return std::nullopt;
    long v = 0;
    for (; i < s.size(); ++i) {
        if (!std::isdigit(static_cast<unsigned char>(s[i]))) return std::nullopt;
        v = v * 10 + (s[i] - '0');
        if (v > 100000000) return std::nullopt;
    }
    return s[0] == '-' ? -v : v;
}

// Reads one file's rows with the columns it needs by name.
struct Sheet {
    csv::Table table;
    std::string name;  // file name, for messages
    explicit Sheet(const std::filesystem::path& p) : table(csv::read(p)), name(p.filename().string()) {}
    std::size_t col(const char* c) const { return table.column(c); }
    static const std::string& cell(const csv::Row& r, std::size_t i) {
        static const std::string empty;
        return i < r.cells.size() ? r.cells[i] : empty;
    }
};

// A date from year/month/day cells. Year 0 on an exit means "still in
// force"; a missing or 0 month or day is taken as the first (entry) or
// last (exit) possible one, and a day past the month's end as its last
// day: each repair is reported with file and line.
std::optional<long> date_of(const Sheet& s, const csv::Row& r, const char* yc, const char* mc, const char* dc,
                            bool exit, ImportResult& out) {
    const std::string what = exit ? "exit" : "entry";
    auto y = integer(Sheet::cell(r, s.col(yc)));
    if (!y || *y < 0) {
        out.skipped.push_back({s.name, r.line, what + " year '" + Sheet::cell(r, s.col(yc)) + "' is not a year: row skipped"});
        return std::nullopt;
    }
    if (*y == 0) {
        if (exit) return open_end;
        out.skipped.push_back({s.name, r.line, "entry year 0: row skipped"});
        return std::nullopt;
    }
    auto repair = [&](const char* col, int fallback, const char* unit) -> int {
        const std::string& raw = Sheet::cell(r, s.col(col));
        auto v = integer(raw);
        if (v && *v > 0) return static_cast<int>(*v);
        out.repaired.push_back({s.name, r.line, what + " " + unit + " " + (raw.empty() ? "blank" : "'" + raw + "'") +
                                                    " (unknown): taken as " + std::to_string(fallback)});
        return fallback;
    };
    int m = repair(mc, exit ? 12 : 1, "month");
    if (m > 12) {
        out.skipped.push_back({s.name, r.line, what + " month " + std::to_string(m) + " does not exist: row skipped"});
        return std::nullopt;
    }
    int last = days_in(static_cast<int>(*y), m);
    int d = repair(dc, exit ? last : 1, "day");
    if (d > last) {
        out.repaired.push_back({s.name, r.line, what + " date " + std::to_string(*y) + "-" + std::to_string(m) + "-" +
                                                    std::to_string(d) + " does not exist: taken as day " + std::to_string(last)});
        d = last;
    }
    return *y * 10000L + m * 100L + d;
}

const char* obligation_columns[][3] = {
    {"defense", "defence", "Defence"},
    {"offense", "offence", "Offence"},
    {"neutral", "neutrality", "Neutrality"},
    {"nonagg", "non_aggression", "Non-aggression"},
    {"consul", "consultation", "Consultation"},
};

}  // namespace

std::string snake_id(const std::string& name) {
    std::string out;
    bool gap = false;
    for (unsigned char c : name) {
        if (std::isalnum(c)) {
            if (gap && !out.empty()) out += '_';
            gap = false;
            out += static_cast<char>(std::tolower(c));
        } else {
            gap = true;
        }
    }
    if (out.empty() || !std::islower(static_cast<unsigned char>(out[0]))) out = "state_" + out;
    return out;
}

Plan plan(const std::filesystem::path& atop_dir, const std::filesystem::path& states_csv, const Known& known) {
    Plan p;
    ImportResult& out = p.summary;
    out.dataset = "atop";
    std::set<std::string> ids(known.ids.begin(), known.ids.end());

    // --- COW states --------------------------------------------------------
    Sheet cow(states_csv);
    if (cow.table.crlf) out.repaired.push_back({cow.name, 1, "CRLF line ends: read as plain line ends"});
    const std::size_t c_abb = cow.col("stateabb"), c_code = cow.col("ccode"), c_name = cow.col("statenme");
    std::map<int, std::string> state_of = known.state_by_cow;  // COW code -> id, curated and new
    std::map<int, std::string> abbreviation;
    for (auto& r : cow.table.rows) {
        for (std::size_t i = cow.table.header.size(); i < r.cells.size(); ++i)
            if (!r.cells[i].empty()) {
                out.repaired.push_back({cow.name, r.line, "garbage in trailing column " + std::to_string(i + 1) + " ('" +
                                                              r.cells[i] + "'): ignored"});
                break;
            }
        auto code = integer(Sheet::cell(r, c_code));
        const std::string& name = Sheet::cell(r, c_name);
        const std::string& abb = Sheet::cell(r, c_abb);
        if (!code || name.empty()) {
            out.skipped.push_back({cow.name, r.line, "no country code or name: row skipped"});
            continue;
        }
        int cc = static_cast<int>(*code);
        if (!abb.empty()) abbreviation.emplace(cc, abb);
        if (state_of.count(cc)) continue;  // known, or an earlier period of the same state
        std::string id = snake_id(name);
        if (ids.count(id)) id += "_" + std::to_string(cc);
        ids.insert(id);
        state_of[cc] = id;
        p.entities.push_back({"state", {id, name, std::to_string(cc)}});
        if (!abb.empty()) p.entities.push_back({"alias", {abb, id}});
        ++out.states_created;
    }

    // --- alliances ----------------------------------------------------------
    Sheet all(atop_dir / "atop-alliance-level.csv");
    Sheet mem(atop_dir / "atop-member-level.csv");
    const std::size_t a_id = all.col("atopid"), m_id = mem.col("atopid"), m_member = mem.col("member");
    // Conditions of the defence obligation are coded per member row: an
    // alliance has a condition if any of its rows has it.
    std::map<long, std::set<std::string>> conditions;
    std::map<long, std::vector<int>> members_of;
    const std::pair<const char*, const char*> condition_columns[] = {
        {"defcoadv", "adversary"}, {"defcoloc", "location:a specific location (ATOP defcoloc)"},
        {"defcocon", "conflict:a specific conflict (ATOP defcocon)"}, {"defconum", "number_of_adversaries"},
        {"defcodem", "demand"}, {"defconpr", "unprovoked"}};
    for (auto& r : mem.table.rows) {
        auto id = integer(Sheet::cell(r, m_id));
        auto code = integer(Sheet::cell(r, m_member));
        if (!id || !code) continue;
        auto& mine = members_of[*id];
        if (std::find(mine.begin(), mine.end(), *code) == mine.end()) mine.push_back(static_cast<int>(*code));
        for (auto& [col, cond] : condition_columns)
            if (Sheet::cell(r, mem.col(col)) == "1") conditions[*id].insert(cond);
    }
    std::map<long, std::string> treaty_of;
    for (auto& r : all.table.rows) {
        auto id = integer(Sheet::cell(r, a_id));
        if (!id) {
            out.skipped.push_back({all.name, r.line, "atopid '" + Sheet::cell(r, a_id) + "' is not a number: row skipped"});
            continue;
        }
        ++out.alliances;
        if (auto link = known.linked.find(static_cast<int>(*id)); link != known.linked.end()) {
            treaty_of[*id] = link->second;  // the curated treaty keeps its own clauses
            ++out.alliances_linked;
            continue;
        }
        auto signed_on = date_of(all, r, "begyr", "begmo", "begday", false, out);
        if (!signed_on) continue;
        std::string tid = "atop_" + std::to_string(*id);
        treaty_of[*id] = tid;
        std::string label;
        const auto& ms = members_of[*id];
        for (std::size_t i = 0; i < ms.size() && i < 4; ++i) {
            auto a = abbreviation.find(ms[i]);
            label += (i ? ", " : "") + (a != abbreviation.end() ? a->second : std::to_string(ms[i]));
        }
        if (ms.size() > 4) label += " and " + std::to_string(ms.size() - 4) + " more";
        std::string name = "ATOP " + std::to_string(*id) + " (" + std::to_string(*signed_on / 10000) + (label.empty() ? "" : ": " + label) + ")";
        p.entities.push_back({"treaty", {tid, name, "none", std::to_string(*signed_on), std::to_string(*signed_on)}});
        for (auto& [col, clause, title] : obligation_columns) {
            if (Sheet::cell(r, all.col(col)) != "1") continue;
            std::string conds, coded;
            if (std::string(clause) == "defence") {
                for (auto& c : conditions[*id]) {
                    std::string cond = c;
                    if (c == "adversary") {
                        // The named threats of the alliance, when ATOP names them.
                        std::string named;
                        for (auto col2 : {"statthr1", "statthr2"}) {
                            auto t = integer(Sheet::cell(r, all.col(col2)));
                            if (t && *t > 0 && state_of.count(static_cast<int>(*t)))
                                named += (named.empty() ? "" : "|") + state_of[static_cast<int>(*t)];
                        }
                        cond = named.empty() ? "specific_adversary" : "adversary=" + named;
                    }
                    conds += (conds.empty() ? "" : ";") + cond;
                }
            }
            p.entities.push_back({"clause", {tid, clause, std::string(title) + " (ATOP)", clause, conds,
                                             "ATOP 4.01 atopid " + std::to_string(*id) + ": " + col + "=1" +
                                                 (conds.empty() ? "" : ", conditions coded")}});
            ++out.obligations;
        }
    }

    // --- members ------------------------------------------------------------
    for (auto& r : mem.table.rows) {
        ++out.member_rows;
        auto id = integer(Sheet::cell(r, m_id));
        auto code = integer(Sheet::cell(r, m_member));
        if (!id || !treaty_of.count(*id)) {
            out.skipped.push_back({mem.name, r.line, "atopid '" + Sheet::cell(r, m_id) + "' is in no alliance row: row skipped"});
            continue;
        }
        if (!code || !state_of.count(static_cast<int>(*code))) {
            out.skipped.push_back({mem.name, r.line, "member code " + Sheet::cell(r, m_member) +
                                                         " is in no COW state list: row skipped"});
            continue;
        }
        auto from = date_of(mem, r, "yrent", "moent", "dayent", false, out);
        auto to = date_of(mem, r, "yrexit", "moexit", "dayexit", true, out);
        if (!from || !to) continue;
        if (*to <= *from) {
            out.repaired.push_back({mem.name, r.line, "exit on the day of entry: kept for that one day"});
            *to = next_day(*from);
        }
        p.spells.push_back({state_of[static_cast<int>(*code)], treaty_of[*id], *from, *to,
                            "ATOP 4.01 atopid " + std::to_string(*id) + ", member level (entry = signature of the instrument)",
                            mem.name, r.line});
    }
    std::stable_sort(p.spells.begin(), p.spells.end(), [](const Spell& a, const Spell& b) {
        return std::tie(a.treaty, a.state, a.from) < std::tie(b.treaty, b.state, b.from);
    });
    // Phases of one membership that touch or overlap are one spell; a gap
    // (leaving and rejoining, Uzbekistan in the CSTO) keeps two.
    std::vector<Spell> merged;
    for (auto& s : p.spells) {
        if (!merged.empty() && merged.back().treaty == s.treaty && merged.back().state == s.state &&
            s.from <= merged.back().to) {
            merged.back().to = std::max(merged.back().to, s.to);
            if (merged.back().source.find("phases") == std::string::npos) merged.back().source += "; consecutive phases joined";
            continue;
        }
        merged.push_back(s);
    }
    p.spells.swap(merged);
    return p;
}

}  // namespace casus::atop
