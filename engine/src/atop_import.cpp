#include "atop_import.hpp"

#include "casus/errors.hpp"
#include "csv.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <optional>
#include <unordered_map>
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

// Past the first max_listed issues of a list, the rest are one issue that
// counts them: a file of a million bad rows is reported in a screen, and
// in bounded memory.
constexpr std::size_t max_listed = 1000;

void note(std::vector<ImportIssue>& list, ImportIssue issue) {
    if (list.size() <= max_listed) list.push_back(std::move(issue));
    else ++list[max_listed].count;
}

// The issue that stands for many says how many.
void count_rest(std::vector<ImportIssue>& list) {
    if (list.size() <= max_listed || list[max_listed].count == 1) return;
    ImportIssue& rest = list[max_listed];
    rest.message += "; and " + std::to_string(rest.count - 1) + " more after this one, not listed one by one";
}

// Problems that stop the import, gathered over all files so that one run
// names them all; nothing is stored when there is one.
struct Fatal {
    std::vector<std::string> messages;
    std::size_t count = 0;
    void add(const std::string& file, std::size_t line, const std::string& what) {
        if (++count <= 10) messages.push_back(file + ":" + std::to_string(line) + ": " + what);
    }
    void raise() const {
        if (!count) return;
        std::string msg = "the files were not imported, nothing was written:";
        for (auto& m : messages) msg += "\n  " + m;
        if (count > messages.size()) msg += "\n  ... and " + std::to_string(count - messages.size()) + " more";
        throw StorageError(msg);
    }
};

// A row's identity, to find a row repeated: two independent 64-bit hashes
// of its cells (up to the header's width), so a false match has one
// chance in 2^128, and a million rows cost 16 bytes each, not their text.
struct RowKey {
    std::uint64_t a, b;
    bool operator==(const RowKey& o) const { return a == o.a && b == o.b; }
};
struct RowKeyHash {
    std::size_t operator()(const RowKey& k) const { return static_cast<std::size_t>(k.a); }
};
RowKey key_of(const csv::Row& r, std::size_t width) {
    std::uint64_t a = 14695981039346656037ull, b = 0x9E3779B97F4A7C15ull;
    auto mix = [&](unsigned char c) {
        a = (a ^ c) * 1099511628211ull;
        b = (b ^ c) * 0xFF51AFD7ED558CCDull;
        b ^= b >> 29;
    };
    for (std::size_t i = 0; i < width && i < r.cells.size(); ++i) {
        for (char c : r.cells[i]) mix(static_cast<unsigned char>(c));
        mix(0);  // a separator no cell holds (control characters are refused)
    }
    return {a, b};
}

// One file read row by row, with the checks every row gets: a row with
// fewer columns than the header is cut short (fatal: the file is damaged,
// and what it lacks cannot be guessed); non-empty cells past the header
// are reported and ignored. Line ends and encoding are reported first.
struct Sheet {
    csv::Reader reader;
    csv::Row row;
    ImportResult& out;
    Fatal& fatal;
    bool quiet;                // a second pass over a file: its quirks are reported already

    Sheet(const std::filesystem::path& p, ImportResult& o, Fatal& f, bool quiet_ = false)
        : reader(p), out(o), fatal(f), quiet(quiet_) {
        if (quiet) return;
        const auto& enc = reader.encoding();
        if (enc.crlf) note(out.repaired, {name(), 1, "CRLF line ends: read as plain line ends"});
        if (enc.cr) note(out.repaired, {name(), 1, "CR line ends: read as plain line ends"});
        if (enc.encoding == csv::Encoding::latin1)
            note(out.repaired, {name(), enc.line, "not UTF-8 from this line on: the file is read as Latin-1 "
                                                      "(Windows-1252) and its text converted to UTF-8"});
        if (enc.bom) note(out.repaired, {name(), 1, "UTF-8 byte-order mark: skipped"});
    }
    const std::string& name() const { return reader.name(); }
    std::size_t col(const char* c) const { return reader.column(c); }
    const std::string& cell(std::size_t i) const {
        static const std::string empty;
        return i < row.cells.size() ? row.cells[i] : empty;
    }
    bool next() {
        while (reader.next(row)) {
            const std::size_t width = reader.header().size();
            if (row.cells.size() < width) {
                if (!quiet)
                    fatal.add(name(), row.line, "the row has " + std::to_string(row.cells.size()) + " columns, the header " +
                                                    std::to_string(width) + ": it is cut short (a damaged or truncated file?)");
                continue;
            }
            if (!quiet)
                for (std::size_t i = width; i < row.cells.size(); ++i)
                    if (!row.cells[i].empty()) {
                        note(out.repaired, {name(), row.line, "garbage in trailing column " + std::to_string(i + 1) +
                                                                      " ('" + row.cells[i] + "'): ignored"});
                        break;
                    }
            return true;
        }
        return false;
    }
};

// ATOP 4.01 covers 1815-2018; a year outside 1800-2100 is a typing error
// or a damaged file, not an alliance (and 1e8 would make dates no
// question can ask), so its row is skipped and reported.
constexpr long first_year = 1800, last_year = 2100;

struct DateColumns {
    std::size_t year, month, day;
};

// A date from year/month/day cells. Year 0 on an exit means "still in
// force"; a missing or 0 month or day is taken as the first (entry) or
// last (exit) possible one, and a day past the month's end as its last
// day: each repair is reported with file and line.
std::optional<long> date_of(const Sheet& s, const DateColumns& c, bool exit, ImportResult& out) {
    const std::string what = exit ? "exit" : "entry";
    const std::size_t line = s.row.line;
    const std::string& raw_year = s.cell(c.year);
    auto y = integer(raw_year);
    if (!y || *y < 0) {
        note(out.skipped, {s.name(), line, what + " year '" + raw_year + "' is not a year: row skipped"});
        return std::nullopt;
    }
    if (*y == 0) {
        if (exit) return open_end;
        note(out.skipped, {s.name(), line, "entry year 0: row skipped"});
        return std::nullopt;
    }
    if (*y < first_year || *y > last_year) {
        note(out.skipped, {s.name(), line, what + " year " + raw_year + " is outside " + std::to_string(first_year) +
                                                   "-" + std::to_string(last_year) + " (ATOP covers 1815-2018): row skipped"});
        return std::nullopt;
    }
    auto repair = [&](std::size_t col, int fallback, const char* unit) -> int {
        const std::string& raw = s.cell(col);
        auto v = integer(raw);
        if (v && *v > 0) return static_cast<int>(std::min(*v, 99L));
        note(out.repaired, {s.name(), line, what + " " + unit + " " + (raw.empty() ? "blank" : "'" + raw + "'") +
                                                    " (unknown): taken as " + std::to_string(fallback)});
        return fallback;
    };
    int m = repair(c.month, exit ? 12 : 1, "month");
    if (m > 12) {
        note(out.skipped, {s.name(), line, what + " month " + s.cell(c.month) + " does not exist: row skipped"});
        return std::nullopt;
    }
    int last = days_in(static_cast<int>(*y), m);
    int d = repair(c.day, exit ? last : 1, "day");
    if (d > last) {
        note(out.repaired, {s.name(), line, what + " date " + std::to_string(*y) + "-" + std::to_string(m) + "-" +
                                                    s.cell(c.day) + " does not exist: taken as day " + std::to_string(last)});
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
    std::map<long, std::set<std::string>> conditions;     // atopid -> defence conditions coded
    std::map<long, std::vector<int>> members_of;          // atopid -> member codes, in file order
    std::vector<std::size_t> repeated_members;            // lines of member rows that repeat an earlier row
    std::map<long, std::string> treaty_of;                // atopid -> treaty id
    Reading(Plan& plan, const Known& k) : p(plan), known(k), ids(k.ids.begin(), k.ids.end()), state_of(k.state_by_cow) {}
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

// "ATOP 3205 (1950: EGY, SYR, LEB, SAU and 18 more)"
std::string treaty_name(const Reading& rd, long id, long signed_on) {
    std::string label;
    auto found = rd.members_of.find(id);
    static const std::vector<int> none;
    const auto& ms = found != rd.members_of.end() ? found->second : none;
    for (std::size_t i = 0; i < ms.size() && i < 4; ++i) {
        auto a = rd.abbreviation.find(ms[i]);
        label += (i ? ", " : "") + (a != rd.abbreviation.end() ? a->second : std::to_string(ms[i]));
    }
    if (ms.size() > 4) label += " and " + std::to_string(ms.size() - 4) + " more";
    return "ATOP " + std::to_string(id) + " (" + std::to_string(signed_on / 10000) + (label.empty() ? "" : ": " + label) + ")";
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

// Alliance rows: one treaty each, with a clause per obligation. An atopid
// twice is fatal unless the rows are identical (then the second is
// skipped and the alliance counted once): which of two different rows is
// right cannot be told.
void read_alliances(Reading& rd, const std::filesystem::path& file) {
    ImportResult& out = rd.p.summary;
    Sheet all(file, out, rd.fatal);
    const std::size_t a_id = all.col("atopid"), width = all.reader.header().size();
    const DateColumns begin{all.col("begyr"), all.col("begmo"), all.col("begday")};
    const std::size_t threat_cols[2] = {all.col("statthr1"), all.col("statthr2")};
    std::vector<std::size_t> obligation_cols;
    for (auto& [col, clause, title] : obligation_columns) obligation_cols.push_back(all.col(col));
    std::map<long, std::pair<std::size_t, RowKey>> seen;  // atopid -> first line, row
    while (all.next()) {
        auto id = integer(all.cell(a_id));
        if (!id) {
            note(out.skipped, {all.name(), all.row.line, "atopid '" + all.cell(a_id) + "' is not a number: row skipped"});
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
        if (auto link = rd.known.linked.find(static_cast<int>(*id)); link != rd.known.linked.end()) {
            rd.treaty_of[*id] = link->second;  // the curated treaty keeps its own clauses
            ++out.alliances_linked;
            continue;
        }
        auto signed_on = date_of(all, begin, false, out);
        if (!signed_on) continue;
        std::string tid = "atop_" + std::to_string(*id);
        rd.treaty_of[*id] = tid;
        rd.p.entities.push_back({"treaty", {tid, treaty_name(rd, *id, *signed_on), "none", std::to_string(*signed_on),
                                            std::to_string(*signed_on)},
                                 all.name(), all.row.line});
        for (std::size_t i = 0; i < obligation_cols.size(); ++i) {
            if (all.cell(obligation_cols[i]) != "1") continue;
            auto& [col, clause, title] = obligation_columns[i];
            std::string conds = std::string(clause) == "defence" ? defence_conditions(rd, all, *id, threat_cols) : "";
            rd.p.entities.push_back({"clause",
                                     {tid, clause, std::string(title) + " (ATOP)", clause, conds,
                                      "ATOP 4.01 atopid " + std::to_string(*id) + ": " + col + "=1" +
                                          (conds.empty() ? "" : ", conditions coded")},
                                     all.name(), all.row.line});
            ++out.obligations;
        }
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
std::map<PhaseKey, Phase> read_phases(Reading& rd, const std::filesystem::path& file) {
    ImportResult& out = rd.p.summary;
    Sheet mem(file, out, rd.fatal, true);
    const std::size_t m_id = mem.col("atopid"), m_member = mem.col("member");
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
        auto [it, fresh] = phases.try_emplace({rd.treaty_of[*id], rd.state_of[static_cast<int>(*code)], *from, *to},
                                              Phase{*id, mem.row.line});
        if (!fresh) ++it->second.rows;
    }
    return phases;
}

// Phases of one membership that touch or overlap are one spell; a gap
// (leaving and rejoining, Uzbekistan in the CSTO) keeps two.
std::vector<Spell> join_phases(const std::map<PhaseKey, Phase>& phases, const std::string& file) {
    std::vector<Spell> spells;
    for (auto& [key, ph] : phases) {
        auto& [treaty, state, from, to] = key;
        if (!spells.empty() && spells.back().treaty == treaty && spells.back().state == state && from <= spells.back().to) {
            spells.back().to = std::max(spells.back().to, to);
            if (spells.back().source.find("phases") == std::string::npos) spells.back().source += "; consecutive phases joined";
            continue;
        }
        spells.push_back({state, treaty, from, to,
                          "ATOP 4.01 atopid " + std::to_string(ph.atopid) + ", member level (entry = signature of the instrument)" +
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
    p.spells = join_phases(read_phases(rd, members), members.filename().string());
    count_rest(p.summary.skipped);
    count_rest(p.summary.repaired);
    return p;
}

}  // namespace casus::atop
