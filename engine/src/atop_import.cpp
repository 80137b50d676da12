#include "atop_import.hpp"

#include "atop_rows.hpp"
#include "casus/errors.hpp"

#include <array>
#include <algorithm>
#include <cctype>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_map>

namespace casus::atop {

using namespace rows;

namespace {

const char* obligation_columns[][3] = {
    {"defense", "defence", "Defence"},
    {"offense", "offence", "Offence"},
    {"neutral", "neutrality", "Neutrality"},
    {"nonagg", "non_aggression", "Non-aggression"},
    {"consul", "consultation", "Consultation"},
};

}  // namespace

namespace {

// The ASCII letter a Latin-1 letter (U+00C0-U+00FF, as UTF-8 C3 80-BF)
// is written with in an id: "Côte d'Ivoire" -> cote_d_ivoire. 0: none.
char ascii_letter(unsigned char second) {
    static const char* letters = "AAAAAAACEEEEIIII" "DNOOOOO\0OUUUUYTs" "aaaaaaaceeeeiiii" "dnooooo\0ouuuuyty";
    char c = letters[second & 0x3F];
    return c == '\0' ? 0 : c;
}

}  // namespace

std::string snake_id(const std::string& name) {
    // Ids are typed by people: short, whatever the name's length.
    constexpr std::size_t max_id = 64;
    std::string out;
    bool gap = false;
    for (std::size_t i = 0; i < name.size() && out.size() < max_id; ++i) {
        auto c = static_cast<unsigned char>(name[i]);
        if (c == 0xC3 && i + 1 < name.size() && static_cast<unsigned char>(name[i + 1]) >= 0x80 &&
            static_cast<unsigned char>(name[i + 1]) <= 0xBF) {
            if (char a = ascii_letter(static_cast<unsigned char>(name[++i]))) c = static_cast<unsigned char>(a);
        }
        if (c < 0x80 && std::isalnum(c)) {
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

namespace {

// What the files say, gathered as they are read, for the next step.
struct Reading {
    Plan& p;
    const Known& known;
    Fatal fatal;
    std::set<std::string> ids;                            // every id in use, and the new ones
    std::map<int, std::string> state_of;                  // COW code -> id, curated and new
    std::map<int, std::string> abbreviation;              // COW code -> abbreviation
    std::map<int, std::string> name_of;                   // COW code -> display name, known and new
    std::map<long, std::set<std::string>> conditions;     // atopid -> defence conditions coded
    std::map<long, std::vector<int>> members_of;          // atopid -> member codes, in file order
    std::vector<std::size_t> repeated_members;            // lines of member rows that repeat an earlier row
    std::map<long, std::string> treaty_of;                // atopid -> treaty id
    std::map<long, unsigned> coded;                       // atopid -> bit k: its alliance row codes obligation_columns[k]
    Reading(Plan& plan, const Known& k) : p(plan), known(k), ids(k.ids.begin(), k.ids.end()), state_of(k.state_by_cow),
          name_of(k.state_name) {}
};

// An abbreviation is an alias and part of up to four treaty names each:
// kept short, so a treaty name stays well under the 1 KiB of a field.
constexpr std::size_t max_abbreviation = 32;

void read_states(Reading& rd, const std::filesystem::path& states_csv) {
    ImportResult& out = rd.p.summary;
    Sheet cow(states_csv, out, rd.fatal);
    const std::size_t c_abb = cow.col("stateabb"), c_code = cow.col("ccode"), c_name = cow.col("statenme");
    while (cow.next()) {
        auto code = integer(cow.cell(c_code));
        const std::string& name = cow.cell(c_name);
        const std::string& abb = cow.cell(c_abb);
        if (!code || name.empty()) {
            note(out.skipped, {cow.name(), cow.row.line, "no country code or name: row skipped"});
            continue;
        }
        if (abb.size() > max_abbreviation) {
            rd.fatal.add(cow.name(), cow.row.line, "the abbreviation is " + std::to_string(abb.size()) + " bytes long, over " +
                                                       std::to_string(max_abbreviation) + " (COW abbreviations have 3 letters)");
            continue;
        }
        int cc = static_cast<int>(*code);
        if (!abb.empty()) rd.abbreviation.emplace(cc, abb);
        rd.name_of.emplace(cc, name);  // the kb's own name first, when it has one
        if (rd.state_of.count(cc)) continue;  // known, or an earlier period of the same state
        std::string id = snake_id(name);
        if (rd.ids.count(id)) id += "_" + std::to_string(cc);
        rd.ids.insert(id);
        rd.state_of[cc] = id;
        rd.p.entities.push_back({"state", {id, name, std::to_string(cc)}, cow.name(), cow.row.line});
        if (!abb.empty()) rd.p.entities.push_back({"alias", {abb, id}, cow.name(), cow.row.line});
        ++out.states_created;
    }
}

const std::pair<const char*, const char*> condition_columns[] = {
    {"defcoadv", "adversary"}, {"defcoloc", "location:a specific location (ATOP defcoloc)"},
    {"defcocon", "conflict:a specific conflict (ATOP defcocon)"}, {"defconum", "number_of_adversaries"},
    {"defcodem", "demand"}, {"defconpr", "unprovoked"}};

// First pass over the member file: the members of each alliance (for its
// name) and the defence conditions coded on its rows (an alliance has a
// condition if any of its rows has it), and which rows repeat another.
void read_member_summary(Reading& rd, const std::filesystem::path& file) {
    ImportResult& out = rd.p.summary;
    Sheet mem(file, out, rd.fatal);
    const std::size_t m_id = mem.col("atopid"), m_member = mem.col("member"), width = mem.reader.header().size();
    std::vector<std::size_t> cond_cols;
    for (auto& [col, cond] : condition_columns) cond_cols.push_back(mem.col(col));
    std::unordered_map<RowKey, std::size_t, RowKeyHash> first_line;  // row -> the line it was first seen on
    while (mem.next()) {
        auto [it, fresh] = first_line.emplace(key_of(mem.row, width), mem.row.line);
        if (!fresh) {
            rd.repeated_members.push_back(mem.row.line);
            note(out.skipped, {mem.name(), mem.row.line, "repeats line " + std::to_string(it->second) +
                                                                 " exactly: row skipped (counted once)"});
            continue;
        }
        ++out.member_rows;
        auto id = integer(mem.cell(m_id));
        auto code = integer(mem.cell(m_member));
        if (!id || !code) continue;
        auto& mine = rd.members_of[*id];
        if (std::find(mine.begin(), mine.end(), *code) == mine.end()) mine.push_back(static_cast<int>(*code));
        for (std::size_t i = 0; i < cond_cols.size(); ++i)
            if (mem.cell(cond_cols[i]) == "1") rd.conditions[*id].insert(condition_columns[i].second);
    }
}

// "Charter of the Commonwealth of Independent States (ATOP 4400)" for an
// alliance with a common name; else its members and year, in ATOP's order
// (the member file's, by COW code), with the id beside them:
// "Germany–Austria-Hungary, 1879 (ATOP 1335)" (two members, an en dash, as
// bilateral treaties are written), "Germany, Austria-Hungary and Italy,
// 1882 (ATOP 1350)", "Germany, Austria-Hungary, Italy and 2 others, 1882
// (ATOP N)" past three. A member the states file does not name shows its
// abbreviation, else its ATOP code ("ATOP member 8152", in no COW list).
std::string treaty_name(const Reading& rd, long id, long signed_on) {
    const std::string atop = " (ATOP " + std::to_string(id) + ")";
    if (auto common = rd.known.common_name.find(id); common != rd.known.common_name.end())
        return common->second + atop;
    auto found = rd.members_of.find(id);
    static const std::vector<int> none;
    const auto& ms = found != rd.members_of.end() ? found->second : none;
    auto name = [&](int code) {
        // A member renamed in the kb is named as it was when the alliance began ("Poland–Soviet Union, 1965").
        if (auto d = rd.known.dated_state_name.find(code); d != rd.known.dated_state_name.end())
            for (auto& s : d->second)
                if (s.from <= signed_on && signed_on <= s.to) return s.name;
        if (auto n = rd.name_of.find(code); n != rd.name_of.end()) return n->second;
        if (auto a = rd.abbreviation.find(code); a != rd.abbreviation.end()) return a->second;
        return "ATOP member " + std::to_string(code);
    };
    constexpr std::size_t named = 3;  // members written out before "and N others"
    std::string label;
    if (ms.size() == 2) {
        label = name(ms[0]) + "\u2013" + name(ms[1]);
    } else {
        const std::size_t shown = ms.size() > named ? named : ms.size();
        for (std::size_t i = 0; i < shown; ++i)
            label += (i == 0 ? "" : (i + 1 == ms.size() ? " and " : ", ")) + name(ms[i]);
        if (ms.size() > named) {
            const std::size_t others = ms.size() - named;
            label += " and " + std::to_string(others) + (others == 1 ? " other" : " others");
        }
    }
    const std::string year = std::to_string(signed_on / 10000);
    return (label.empty() ? year : label + ", " + year) + atop;
}

// The conditions of an alliance's defence clause, as conditions text.
std::string defence_conditions(Reading& rd, const Sheet& all, long id, const std::size_t (&threat_cols)[2]) {
    std::string conds;
    for (auto& c : rd.conditions[id]) {
        std::string cond = c;
        if (c == "adversary") {
            // The named threats of the alliance, when ATOP names them.
            std::string named;
            for (std::size_t col : threat_cols) {
                auto t = integer(all.cell(col));
                if (t && *t > 0 && rd.state_of.count(static_cast<int>(*t)))
                    named += (named.empty() ? "" : "|") + rd.state_of[static_cast<int>(*t)];
            }
            cond = named.empty() ? "specific_adversary" : "adversary=" + named;
        }
        conds += (conds.empty() ? "" : ";") + cond;
    }
    return conds;
}

// The columns of the alliance file an import reads.
struct AllianceColumns {
    std::size_t id;
    DateColumns begin;
    std::size_t threats[2];
    std::vector<std::size_t> obligations;  // as obligation_columns
    explicit AllianceColumns(const Sheet& all)
        : id(all.col("atopid")), begin{all.col("begyr"), all.col("begmo"), all.col("begday")},
          threats{all.col("statthr1"), all.col("statthr2")} {
        for (auto& [col, clause, title] : obligation_columns) obligations.push_back(all.col(col));
    }
};

// The treaty of an alliance row and a clause per obligation it codes.
void add_treaty(Reading& rd, const Sheet& all, const AllianceColumns& c, long id, long signed_on) {
    std::string tid = "atop_" + std::to_string(id);
    rd.treaty_of[id] = tid;
    rd.p.entities.push_back({"treaty", {tid, treaty_name(rd, id, signed_on), "none", std::to_string(signed_on),
                                        std::to_string(signed_on)},
                             all.name(), all.row.line});
    for (std::size_t i = 0; i < c.obligations.size(); ++i) {
        if (all.cell(c.obligations[i]) != "1") continue;
        auto& [col, clause, title] = obligation_columns[i];
        std::string conds = std::string(clause) == "defence" ? defence_conditions(rd, all, id, c.threats) : "";
        rd.p.entities.push_back({"clause",
                                 {tid, clause, std::string(title) + " (ATOP)", clause, conds,
                                  "ATOP 4.01 atopid " + std::to_string(id) + ": " + col + "=1" +
                                      (conds.empty() ? "" : ", conditions coded")},
                                 all.name(), all.row.line});
        ++rd.p.summary.obligations;
    }
}

// Alliance rows: one treaty each, with a clause per obligation. An atopid
// twice is fatal unless the rows are identical (then the second is
// skipped and the alliance counted once): which of two different rows is
// right cannot be told.
void read_alliances(Reading& rd, const std::filesystem::path& file) {
    ImportResult& out = rd.p.summary;
    Sheet all(file, out, rd.fatal);
    const AllianceColumns c(all);
    const std::size_t width = all.reader.header().size();
    std::map<long, std::pair<std::size_t, RowKey>> seen;  // atopid -> first line, row
    while (all.next()) {
        auto id = integer(all.cell(c.id));
        if (!id) {
            note(out.skipped, {all.name(), all.row.line, "atopid '" + all.cell(c.id) + "' is not a number: row skipped"});
            continue;
        }
        const RowKey key = key_of(all.row, width);
        if (auto [it, fresh] = seen.emplace(*id, std::make_pair(all.row.line, key)); !fresh) {
            if (it->second.second == key)
                note(out.skipped, {all.name(), all.row.line, "repeats line " + std::to_string(it->second.first) +
                                                                 " exactly: row skipped (counted once)"});
            else
                rd.fatal.add(all.name(), all.row.line, "atopid " + std::to_string(*id) + " has a different row at line " +
                                                           std::to_string(it->second.first) +
                                                           ": which one is right cannot be told; keep one");
            continue;
        }
        ++out.alliances;
        for (std::size_t k = 0; k < c.obligations.size(); ++k)
            if (all.cell(c.obligations[k]) == "1") rd.coded[*id] |= 1u << k;
        if (auto link = rd.known.linked.find(static_cast<int>(*id)); link != rd.known.linked.end()) {
            rd.treaty_of[*id] = link->second;  // the curated treaty keeps its own clauses
            ++out.alliances_linked;
            continue;
        }
        if (auto signed_on = date_of(all, c.begin, false, out)) add_treaty(rd, all, c, *id, *signed_on);
    }
}

// A membership phase found on a member row; identical ones (phases with
// the same dates) are kept once and noted as joined.
struct Phase {
    long atopid;
    std::size_t line;
    std::size_t rows = 1;
};
using PhaseKey = std::tuple<std::string, std::string, long, long>;  // treaty, state, from, to

// Second pass over the member file: a party/2 phase per row, in the
// order spells are stored (by treaty, state, start).
// Phases whose member row codes 0 for an obligation its alliance row
// codes (defense=0 in a defence pact) go to exempt[k] as well: that
// member is party, but its own commitment lacks the obligation (ATOP
// codes obligations member by member).
using Exempt = std::array<std::map<PhaseKey, Phase>, std::size(obligation_columns)>;
std::map<PhaseKey, Phase> read_phases(Reading& rd, const std::filesystem::path& file, Exempt& exempt) {
    ImportResult& out = rd.p.summary;
    Sheet mem(file, out, rd.fatal, true);
    const std::size_t m_id = mem.col("atopid"), m_member = mem.col("member");
    std::vector<std::size_t> m_obligations;
    for (auto& [col, clause, title] : obligation_columns) m_obligations.push_back(mem.col(col));
    const DateColumns entry{mem.col("yrent"), mem.col("moent"), mem.col("dayent")};
    const DateColumns exit{mem.col("yrexit"), mem.col("moexit"), mem.col("dayexit")};
    std::map<PhaseKey, Phase> phases;
    auto repeated = rd.repeated_members.begin();
    while (mem.next()) {
        if (repeated != rd.repeated_members.end() && *repeated == mem.row.line) {
            ++repeated;  // reported by the first pass
            continue;
        }
        auto id = integer(mem.cell(m_id));
        auto code = integer(mem.cell(m_member));
        if (!id || !rd.treaty_of.count(*id)) {
            note(out.skipped, {mem.name(), mem.row.line, "atopid '" + mem.cell(m_id) +
                                                                 "' is in no alliance row (or its row was skipped): row skipped"});
            continue;
        }
        if (!code || !rd.state_of.count(static_cast<int>(*code))) {
            note(out.skipped, {mem.name(), mem.row.line, "member code " + mem.cell(m_member) +
                                                                 " is in no COW state list: row skipped"});
            continue;
        }
        auto from = date_of(mem, entry, false, out);
        auto to = date_of(mem, exit, true, out);
        if (!from || !to) continue;
        if (*to <= *from) {
            note(out.repaired, {mem.name(), mem.row.line, "exit on the day of entry: kept for that one day"});
            *to = next_day(*from);
        }
        const PhaseKey key{rd.treaty_of[*id], rd.state_of[static_cast<int>(*code)], *from, *to};
        auto [it, fresh] = phases.try_emplace(key, Phase{*id, mem.row.line});
        if (!fresh) ++it->second.rows;
        for (std::size_t k = 0; k < exempt.size(); ++k)
            if (((rd.coded[*id] >> k) & 1) && mem.cell(m_obligations[k]) == "0") {
                auto [ex, new_exempt] = exempt[k].try_emplace(key, Phase{*id, mem.row.line});
                if (!new_exempt) ++ex->second.rows;
            }
    }
    return phases;
}

// Phases of one membership that touch or overlap are one spell; a gap
// (leaving and rejoining, Uzbekistan in the CSTO) keeps two.
std::vector<Spell> join_phases(const std::map<PhaseKey, Phase>& phases, const std::string& file,
                               const std::string& kind = "party", std::size_t obligation = 0) {
    std::vector<Spell> spells;
    for (auto& [key, ph] : phases) {
        auto& [treaty, state, from, to] = key;
        if (!spells.empty() && spells.back().treaty == treaty && spells.back().state == state && from <= spells.back().to) {
            spells.back().to = std::max(spells.back().to, to);
            if (spells.back().source.find("phases") == std::string::npos) spells.back().source += "; consecutive phases joined";
            continue;
        }
        spells.push_back({state, treaty, kind, kind == "exempt" ? obligation_columns[obligation][1] : "", from, to,
                          "ATOP 4.01 atopid " + std::to_string(ph.atopid) + ", member level (entry = signature of the instrument)" +
                              (kind == "exempt" ? std::string("; ") + obligation_columns[obligation][0] + "=0 on the member's row" : "") +
                              (ph.rows > 1 ? "; consecutive phases joined" : ""),
                          file, ph.line});
    }
    return spells;
}

}  // namespace

Plan plan(const std::filesystem::path& atop_dir, const std::filesystem::path& states_csv, const Known& known) {
    Plan p;
    p.summary.dataset = "atop";
    Reading rd(p, known);
    const auto members = atop_dir / "atop-member-level.csv";
    read_states(rd, states_csv);
    read_member_summary(rd, members);
    read_alliances(rd, atop_dir / "atop-alliance-level.csv");
    rd.fatal.raise();  // before the long pass: a damaged file is refused as early as it can be
    Exempt exempt;
    p.spells = join_phases(read_phases(rd, members, exempt), members.filename().string());
    for (std::size_t k = 0; k < exempt.size(); ++k)
        for (auto& sp : join_phases(exempt[k], members.filename().string(), "exempt", k)) p.spells.push_back(std::move(sp));
    count_rest(p.summary.skipped);
    count_rest(p.summary.repaired);
    return p;
}

}  // namespace casus::atop
