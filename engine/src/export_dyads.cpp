#include "export_dyads.hpp"

#include "casus/errors.hpp"
#include "limits.hpp"
#include "term_read.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace casus::dyads {

namespace {

const term_read::Reader reader("the kb returned the dyad export's tables in an unexpected shape");


int kind_of(atom_t a) {
    static const std::array<atom_t, obligation_kinds> names{PL_new_atom("defence"), PL_new_atom("offence"),
                                                            PL_new_atom("neutrality"), PL_new_atom("non_aggression"),
                                                            PL_new_atom("consultation")};
    for (std::size_t k = 0; k < names.size(); ++k)
        if (names[k] == a) return static_cast<int>(k);
    return -1;
}

// Sorts spans and joins those that touch or overlap.
void normalize(Spans& s) {
    std::sort(s.begin(), s.end(), [](const Span& a, const Span& b) { return a.from < b.from; });
    Spans out;
    for (auto& sp : s) {
        if (sp.to <= sp.from) continue;
        if (!out.empty() && sp.from <= out.back().to) out.back().to = std::max(out.back().to, sp.to);
        else out.push_back(sp);
    }
    s.swap(out);
}

// a minus b, both normalized.
Spans minus(const Spans& a, const Spans& b) {
    Spans out;
    for (auto sp : a) {
        for (auto& e : b) {
            if (e.to <= sp.from || e.from >= sp.to) continue;
            if (e.from > sp.from) out.push_back({sp.from, e.from});
            sp.from = std::max(sp.from, e.to);
            if (sp.from >= sp.to) break;
        }
        if (sp.from < sp.to) out.push_back(sp);
    }
    return out;
}

// a clipped to [from, to).
Spans clip(const Spans& a, long from, long to) {
    Spans out;
    for (auto& sp : a) {
        Span c{std::max(sp.from, from), std::min(sp.to, to)};
        if (c.from < c.to) out.push_back(c);
    }
    return out;
}

bool overlap(const Spans& a, const Spans& b) {
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i].to <= b[j].from) ++i;
        else if (b[j].to <= a[i].from) ++j;
        else return true;
    }
    return false;
}

bool contains(const Spans& a, long day) {
    for (auto& sp : a)
        if (sp.from <= day && day < sp.to) return true;
    return false;
}

}  // namespace

World::World(term_t states, term_t treaties) {
    std::unordered_map<atom_t, std::uint32_t> index;
    term_t a = PL_new_term_refs(3), sp = PL_new_term_refs(2);
    reader.for_each_item(states, [&](term_t s) {
        reader.args_of(s, 3, a);
        State st{PL_atom_chars(reader.atom(a)), static_cast<int>(reader.integer(a + 1)), {}};
        reader.for_each_item(a + 2, [&](term_t ft) {
            atom_t name;
            std::size_t arity;
            reader.need(PL_get_name_arity(ft, &name, &arity) && arity == 2);
            reader.args_of(ft, 2, sp);
            st.spells.emplace_back(reader.integer(sp), reader.integer(sp + 1));
        });
        index.emplace(reader.atom(a), static_cast<std::uint32_t>(states_.size()));
        states_.push_back(std::move(st));
    });

    term_t t = PL_new_term_refs(5), p = PL_new_term_refs(3), e = PL_new_term_refs(4);
    reader.for_each_item(treaties, [&](term_t tt) {
        reader.args_of(tt, 5, t);
        Treaty tr{PL_atom_chars(reader.atom(t)), reader.integer(t + 1), 0, {}};
        reader.for_each_item(t + 2, [&](term_t k) {
            if (int i = kind_of(reader.atom(k)); i >= 0) tr.kinds |= static_cast<std::uint8_t>(1u << i);
        });
        std::unordered_map<std::uint32_t, std::size_t> party_of;  // state -> index in tr.parties
        auto party = [&](atom_t s) -> Party* {
            auto it = index.find(s);
            if (it == index.end()) return nullptr;  // no COW state: in no row
            auto [pi, fresh] = party_of.try_emplace(it->second, tr.parties.size());
            if (fresh) tr.parties.push_back({it->second, {}, {}});
            return &tr.parties[pi->second];
        };
        reader.for_each_item(t + 3, [&](term_t pt) {
            reader.args_of(pt, 3, p);
            if (Party* pa = party(reader.atom(p))) pa->bound.push_back({reader.integer(p + 1), reader.integer(p + 2)});
        });
        reader.for_each_item(t + 4, [&](term_t et) {
            reader.args_of(et, 4, e);
            int k = kind_of(reader.atom(e + 1));
            if (k < 0) return;  // an exemption from no ATOP kind changes no column
            if (Party* pa = party(reader.atom(e)))
                pa->exempt[static_cast<std::size_t>(k)].push_back({reader.integer(e + 2), reader.integer(e + 3)});
        });
        for (auto& pa : tr.parties) {
            normalize(pa.bound);
            for (auto& ex : pa.exempt) normalize(ex);
        }
        if (!tr.parties.empty()) treaties_.push_back(std::move(tr));
    });
}

std::optional<std::uint32_t> World::find(const std::string& id) const {
    for (std::uint32_t i = 0; i < states_.size(); ++i)
        if (states_[i].id == id) return i;
    return std::nullopt;
}

namespace {

// The valued tie of S&R's S (README): defence 3, neutrality or
// non-aggression 2, consultation 1, else 0 (an offence pact alone is no
// tie on this scale).
int tie_value(std::uint8_t bits) {
    auto has = [&](Obligation o) { return (bits >> static_cast<int>(o)) & 1; };
    if (has(Obligation::defence)) return 3;
    if (has(Obligation::neutrality) || has(Obligation::non_aggression)) return 2;
    if (has(Obligation::consultation)) return 1;
    return 0;
}

constexpr int max_tie = 3;

// Häge's expected disagreement for two marginal distributions of values
// 0..3 (counts out of n), with squared distances.
double expected_disagreement(const std::array<long, 4>& hx, const std::array<long, 4>& hy, double n) {
    double de = 0;
    for (int u = 0; u <= max_tie; ++u)
        for (int v = 0; v <= max_tie; ++v) de += double(hx[u]) * double(hy[v]) * double((u - v) * (u - v));
    return de / (n * n);
}

Similarity from_sums(double n, double abs_diff, double sq_diff, const std::array<long, 4>& hx,
                     const std::array<long, 4>& hy) {
    Similarity r{1 - 2 * abs_diff / (n * max_tie), std::nullopt};
    double de = expected_disagreement(hx, hy, n);
    if (de > 0) r.kappa = 1 - (sq_diff / n) / de;
    return r;
}

// The states of a year and what holds between them.
struct Year {
    int year;
    long first, end, ref;                   // Y0101, (Y+1)0101, the reference day
    std::vector<std::uint32_t> members;     // world indices, by COW code then id
    std::vector<int> pos;                   // world index -> position in members, or -1
    std::vector<char> on_day;               // by position: in the system on the reference day
    std::vector<std::uint8_t> year_bits, day_bits;  // [a * n + b]: kinds a owes b
    std::unordered_map<std::size_t, std::vector<std::uint32_t>> year_treaties, day_defence;
    std::size_t n() const { return members.size(); }
};

Year members_of(const World& w, int year, const DyadExportOptions& o) {
    Year y{year, year * 10000L + 101, (year + 1) * 10000L + 101, year * 10000L + o.ref_month * 100 + o.ref_day, {}, {}, {}, {}, {}, {}, {}};
    const long last = year * 10000L + 1231;
    y.pos.assign(w.states().size(), -1);
    for (std::uint32_t i = 0; i < w.states().size(); ++i)
        for (auto& [f, t] : w.states()[i].spells)
            if (f <= last && t >= y.first) {
                y.members.push_back(i);
                break;
            }
    std::sort(y.members.begin(), y.members.end(), [&](std::uint32_t a, std::uint32_t b) {
        auto& sa = w.states()[a];
        auto& sb = w.states()[b];
        return sa.cow != sb.cow ? sa.cow < sb.cow : sa.id < sb.id;
    });
    for (std::size_t k = 0; k < y.members.size(); ++k) {
        y.pos[y.members[k]] = static_cast<int>(k);
        bool in = false;
        for (auto& [f, t] : w.states()[y.members[k]].spells) in = in || (f <= y.ref && y.ref <= t);
        y.on_day.push_back(in);
    }
    y.year_bits.assign(y.n() * y.n(), 0);
    y.day_bits.assign(y.n() * y.n(), 0);
    return y;
}

// Every obligation between members of the year, treaty by treaty.
void obligations(const World& w, std::uint32_t ti, Year& y) {
    const Treaty& tr = w.treaties()[ti];
    if (tr.in_force >= y.end) return;
    const long from = std::max(y.first, tr.in_force);
    struct Active {
        int pos;
        Spans bound;
        std::array<Spans, obligation_kinds> owes;  // bound and not exempt
    };
    std::vector<Active> act;
    for (auto& pa : tr.parties) {
        int p = y.pos[pa.state];
        if (p < 0) continue;
        Spans b = clip(pa.bound, from, y.end);
        if (b.empty()) continue;
        Active a{p, b, {}};
        for (std::size_t k = 0; k < obligation_kinds; ++k)
            if ((tr.kinds >> k) & 1) a.owes[k] = minus(b, pa.exempt[k]);
        act.push_back(std::move(a));
    }
    const std::size_t n = y.n();
    for (auto& a : act)
        for (auto& b : act) {
            if (a.pos == b.pos) continue;
            const std::size_t cell = static_cast<std::size_t>(a.pos) * n + static_cast<std::size_t>(b.pos);
            const bool b_on_day = contains(b.bound, y.ref);
            std::uint8_t in_year = 0, on_day = 0;
            for (std::size_t k = 0; k < obligation_kinds; ++k) {
                if (a.owes[k].empty()) continue;
                if (overlap(a.owes[k], b.bound)) in_year |= static_cast<std::uint8_t>(1u << k);
                if (b_on_day && contains(a.owes[k], y.ref)) on_day |= static_cast<std::uint8_t>(1u << k);
            }
            if (in_year) {
                y.year_bits[cell] |= in_year;
                y.year_treaties[cell].push_back(ti);
            }
            if (on_day) {
                y.day_bits[cell] |= on_day;
                if (on_day & 1u) y.day_defence[cell].push_back(ti);
            }
        }
}

// Each member's tie vector as sparse (position, value) entries, its own
// tie (the highest value: a state is allied with itself) included.
struct Portfolios {
    std::vector<std::vector<std::pair<std::uint32_t, std::uint8_t>>> ties;
    std::vector<double> sum, sum_sq;
    std::vector<std::array<long, 4>> histogram;
};

Portfolios portfolios(const Year& y) {
    const std::size_t n = y.n();
    Portfolios p{std::vector<std::vector<std::pair<std::uint32_t, std::uint8_t>>>(n), std::vector<double>(n, 0),
                 std::vector<double>(n, 0), std::vector<std::array<long, 4>>(n, {0, 0, 0, 0})};
    for (std::size_t a = 0; a < n; ++a) {
        for (std::size_t b = 0; b < n; ++b) {
            int v = a == b ? max_tie : tie_value(y.year_bits[a * n + b]);
            if (v == 0) continue;
            p.ties[a].emplace_back(static_cast<std::uint32_t>(b), static_cast<std::uint8_t>(v));
            p.sum[a] += v;
            p.sum_sq[a] += v * v;
            ++p.histogram[a][static_cast<std::size_t>(v)];
        }
        p.histogram[a][0] = static_cast<long>(n - p.ties[a].size());
    }
    return p;
}

std::string treaty_list(const World& w, const std::unordered_map<std::size_t, std::vector<std::uint32_t>>& m, std::size_t cell) {
    std::string out;
    auto it = m.find(cell);
    if (it == m.end()) return out;
    auto ids = it->second;
    std::sort(ids.begin(), ids.end(), [&](std::uint32_t a, std::uint32_t b) { return w.treaties()[a].id < w.treaties()[b].id; });
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    for (auto t : ids) {
        if (!out.empty()) out += ';';
        out += w.treaties()[t].id;
    }
    return out;
}

const char* coverage(int year) {
    const bool cow = year >= cow_first_year && year <= cow_last_year;
    const bool atop = year >= atop_first_year && year <= atop_last_year;
    return cow && atop ? "cow;atop" : cow ? "cow" : atop ? "atop" : "";
}

}  // namespace

}  // namespace casus::dyads

namespace casus {

Similarity portfolio_similarity(const std::vector<int>& x, const std::vector<int>& y) {
    double abs_diff = 0, sq_diff = 0;
    std::array<long, 4> hx{0, 0, 0, 0}, hy{0, 0, 0, 0};
    for (std::size_t k = 0; k < x.size(); ++k) {
        abs_diff += std::abs(x[k] - y[k]);
        sq_diff += (x[k] - y[k]) * (x[k] - y[k]);
        ++hx[static_cast<std::size_t>(x[k])];
        ++hy[static_cast<std::size_t>(y[k])];
    }
    return dyads::from_sums(static_cast<double>(x.size()), abs_diff, sq_diff, hx, hy);
}

}  // namespace casus

namespace casus::dyads {

std::size_t export_year(const World& w, int year, const DyadExportOptions& o, const std::vector<std::uint32_t>& chosen,
                        const TablesOf& tables_of, const DyadSink& sink) {
    Year y = members_of(w, year, o);
    const std::size_t n = y.n();
    if (n < 2) return 0;
    for (std::uint32_t t = 0; t < w.treaties().size(); ++t) obligations(w, t, y);
    const bool atop = year >= atop_first_year && year <= atop_last_year;
    Portfolios pf = portfolios(y);
    const matrix::DefenceTables* tables = tables_of ? tables_of(y.ref) : nullptr;
    std::vector<std::optional<std::uint32_t>> in_tables(n);
    if (tables)
        for (std::size_t k = 0; k < n; ++k) in_tables[k] = tables->index(w.states()[y.members[k]].id);
    std::vector<char> wanted(n, chosen.empty());
    for (auto c : chosen)
        if (y.pos[c] >= 0) wanted[static_cast<std::size_t>(y.pos[c])] = 1;

    std::vector<std::uint8_t> row(n);  // a's tie values, dense
    DyadRow r;
    r.year = year;
    r.coverage = coverage(year);
    std::size_t written = 0;
    for (std::size_t a = 0; a < n; ++a) {
        if (!wanted[a]) continue;
        limits::check();  // C++ between Prolog calls: the statement's deadline is checked here
        std::fill(row.begin(), row.end(), 0);
        for (auto& [k, v] : pf.ties[a]) row[k] = v;
        const State& sa = w.states()[y.members[a]];
        r.ccode1 = sa.cow;
        r.state1 = &sa.id;
        for (std::size_t b = 0; b < n; ++b) {
            if (a == b || !wanted[b]) continue;
            const State& sb = w.states()[y.members[b]];
            const std::size_t cell = a * n + b;
            r.ccode2 = sb.cow;
            r.state2 = &sb.id;
            const bool both_on_day = y.on_day[a] && y.on_day[b];
            for (std::size_t k = 0; k < obligation_kinds; ++k) {
                r.in_year[k] = atop ? std::optional<bool>((y.year_bits[cell] >> k) & 1) : std::nullopt;
                r.on_day[k] = atop && both_on_day ? std::optional<bool>((y.day_bits[cell] >> k) & 1) : std::nullopt;
            }
            r.treaties = treaty_list(w, y.year_treaties, cell);
            r.defence_treaties = treaty_list(w, y.day_defence, cell);
            r.verdict.reset();
            r.score.reset();
            r.probability.reset();
            if (tables && in_tables[a] && in_tables[b]) {
                MatrixDefender d = tables->against_anyone(*in_tables[b], *in_tables[a]);
                r.verdict = d.verdict;
                r.score = d.score;
                r.probability = d.probability;
            }
            r.s_unweighted.reset();
            r.kappa.reset();
            if (atop) {
                // Sums over the union of the two sparse vectors: a's dense
                // row against b's entries gives the common part.
                double dot = 0, common_min = 0;
                for (auto& [k, v] : pf.ties[b]) {
                    dot += row[k] * v;
                    common_min += std::min<int>(row[k], v);
                }
                const double abs_diff = pf.sum[a] + pf.sum[b] - 2 * common_min;
                const double sq_diff = pf.sum_sq[a] + pf.sum_sq[b] - 2 * dot;
                Similarity s = from_sums(static_cast<double>(n), abs_diff, sq_diff, pf.histogram[a], pf.histogram[b]);
                r.s_unweighted = s.s;
                r.kappa = s.kappa;
            }
            sink(r);
            ++written;
        }
    }
    return written;
}

}  // namespace casus::dyads
