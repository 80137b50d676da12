#include "matrix.hpp"

#include "casus/errors.hpp"
#include "limits.hpp"
#include "term_read.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace casus::matrix {

namespace {

const term_read::Reader reader("the kb returned the defence matrix tables in an unexpected shape");


using Bits = std::vector<std::uint64_t>;

}  // namespace

DefenceTables::DefenceTables(term_t tables) {
    term_t part = PL_new_term_refs(7), w = PL_new_term_refs(8);
    reader.args_of(tables, 7, part);
    reader.args_of(part, 8, w);
    base_ = reader.number(w);
    no_obligation_ = reader.number(w + 1);
    bilateral_ = reader.number(w + 2);
    named_ = reader.number(w + 3);
    likely_ = reader.number(w + 4);
    uncertain_ = reader.number(w + 5);
    priority_weight_ = reader.number(w + 6);
    static const atom_t true_atom = PL_new_atom("true");  // made once, kept for the process
    user_rules_ = reader.atom(w + 7) == true_atom;

    reader.for_each_item(part + 1, [&](term_t s) {
        atom_t a = reader.atom(s);
        by_atom_.emplace(a, static_cast<std::uint32_t>(states_.size()));
        states_.emplace_back(PL_atom_chars(a));
    });
    // Dense tables: 247 states take 1.5 MB; the bound keeps a kb of
    // tens of thousands of states from asking for gigabytes.
    if (n() > max_states)
        throw LimitError("the defence matrix needs tables of every pair of states, and the kb has " + std::to_string(n()) +
                         " states (at most " + std::to_string(max_states) + ")");
    const std::size_t cells = n() * n();
    toward_ally_.assign(cells, 0);
    toward_attacker_.assign(cells, 0);
    priorities_from_.assign(cells, 0);
    priorities_.assign(n(), 0);
    bound_.assign(cells, 0);

    read_links(part + 2);
    read_groups(part + 3);
    read_obligations(part + 4);
    read_priorities(part + 5);
    read_corrections(part + 6);
}

std::optional<std::uint32_t> DefenceTables::index(const std::string& id) const {
    auto it = std::lower_bound(states_.begin(), states_.end(), id);
    if (it == states_.end() || *it != id) return std::nullopt;
    return static_cast<std::uint32_t>(it - states_.begin());
}

std::optional<std::uint32_t> DefenceTables::state_of(atom_t a) const {
    auto it = by_atom_.find(a);
    if (it == by_atom_.end()) return std::nullopt;
    return it->second;
}

// l(S, O, Rel, Key, Wa, Wx), or m(...) for a symmetric fact (a link both
// ways): one (S, O, Rel, Key) counts once however often it is listed (a
// tie recorded twice, or in both directions).
void DefenceTables::read_links(term_t list) {
    struct Link {
        std::uint32_t s, o;
        atom_t rel, key;
        double wa, wx;
    };
    std::vector<Link> links;
    term_t a = PL_new_term_refs(6);
    static const atom_t mutual = PL_new_atom("m");
    reader.for_each_item(list, [&](term_t l) {
        atom_t name;
        std::size_t arity;
        reader.need(PL_get_name_arity(l, &name, &arity) && arity == 6);
        reader.args_of(l, 6, a);
        auto s = state_of(reader.atom(a)), o = state_of(reader.atom(a + 1));
        if (!s || !o) return;
        const atom_t rel = reader.atom(a + 2), key = reader.atom(a + 3);
        const double wa = reader.number(a + 4), wx = reader.number(a + 5);
        links.push_back({*s, *o, rel, key, wa, wx});
        if (name == mutual) links.push_back({*o, *s, rel, key, wa, wx});
    });
    auto key_of = [](const Link& l) { return std::tie(l.s, l.o, l.rel, l.key); };
    std::sort(links.begin(), links.end(), [&](const Link& x, const Link& y) { return key_of(x) < key_of(y); });
    for (std::size_t i = 0; i < links.size(); ++i) {
        const Link& l = links[i];
        if (i > 0 && key_of(links[i - 1]) == key_of(l)) continue;
        toward_ally_[at(l.o, l.s)] += l.wa;
        toward_attacker_[at(l.o, l.s)] += l.wx;
    }
}

// g(Rel, Key, Wa, Wx, [s(Sources, Targets), ...]): every source relates to
// every target of its subgroups, once per group however many subgroups
// they share (two states agreeing on an issue in two positions).
void DefenceTables::read_groups(term_t list) {
    const std::size_t words = (n() + 63) / 64;
    term_t g = PL_new_term_refs(5), s = PL_new_term_refs(2);
    std::vector<Bits> targets;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> membership;  // (source, subgroup)
    Bits reach(words);
    reader.for_each_item(list, [&](term_t group) {
        reader.args_of(group, 5, g);
        const double wa = reader.number(g + 2), wx = reader.number(g + 3);
        targets.clear();
        membership.clear();
        reader.for_each_item(g + 4, [&](term_t sub) {
            reader.args_of(sub, 2, s);
            const auto sub_index = static_cast<std::uint32_t>(targets.size());
            Bits& bits = targets.emplace_back(words, 0);
            reader.for_each_item(s + 1, [&](term_t t) {
                if (auto o = state_of(reader.atom(t))) bits[*o / 64] |= std::uint64_t{1} << (*o % 64);
            });
            reader.for_each_item(s, [&](term_t src) {
                if (auto v = state_of(reader.atom(src))) membership.emplace_back(*v, sub_index);
            });
        });
        std::sort(membership.begin(), membership.end());
        for (std::size_t i = 0; i < membership.size();) {
            const std::uint32_t src = membership[i].first;
            std::fill(reach.begin(), reach.end(), 0);
            for (; i < membership.size() && membership[i].first == src; ++i)
                for (std::size_t k = 0; k < words; ++k) reach[k] |= targets[membership[i].second][k];
            for (std::size_t k = 0; k < words; ++k)
                for (std::uint64_t bits = reach[k]; bits != 0; bits &= bits - 1) {
                    const auto o = static_cast<std::uint32_t>(k * 64 + static_cast<unsigned>(__builtin_ctzll(bits)));
                    toward_ally_[at(o, src)] += wa;
                    toward_attacker_[at(o, src)] += wx;
                }
        }
    });
}

// ob(A, S, any | [X, ...], Bilateral): a defence clause in force binds both.
void DefenceTables::read_obligations(term_t list) {
    term_t a = PL_new_term_refs(4);
    static const atom_t any = PL_new_atom("any"), true_atom = PL_new_atom("true");
    reader.for_each_item(list, [&](term_t ob) {
        reader.args_of(ob, 4, a);
        auto ally = state_of(reader.atom(a)), s = state_of(reader.atom(a + 1));
        if (!ally || !s) return;
        const std::size_t cell = at(*ally, *s);
        const bool bilateral = reader.atom(a + 3) == true_atom;
        atom_t adv;
        if (PL_get_atom(a + 2, &adv) && adv == any) {
            bound_[cell] |= bound_any | (bilateral ? bilateral_any : 0);
            return;
        }
        bound_[cell] |= bound_restricted;
        auto& allowed = restricted_[cell];
        reader.for_each_item(a + 2, [&](term_t x) {
            if (auto v = state_of(reader.atom(x))) allowed.emplace_back(*v, bilateral);
        });
    });
}

// p(S, Origin): one threat S gives priority to.
void DefenceTables::read_priorities(term_t list) {
    term_t a = PL_new_term_refs(2);
    reader.for_each_item(list, [&](term_t p) {
        reader.args_of(p, 2, a);
        auto s = state_of(reader.atom(a));
        if (!s) return;
        priorities_[*s] += priority_weight_;
        atom_t origin;
        if (PL_get_atom(a + 1, &origin))
            if (auto o = state_of(origin)) priorities_from_[at(*o, *s)] += priority_weight_;
    });
}

// c(A, X, S, Delta): what depends on the pair itself.
void DefenceTables::read_corrections(term_t list) {
    term_t a = PL_new_term_refs(4);
    reader.for_each_item(list, [&](term_t c) {
        reader.args_of(c, 4, a);
        auto ally = state_of(reader.atom(a)), attacker = state_of(reader.atom(a + 1)), s = state_of(reader.atom(a + 2));
        if (ally && attacker && s) corrections_[at(*ally, *attacker)].emplace_back(*s, reader.number(a + 3));
    });
}

// As rules:cents/2 rounds a score: snapped to a millionth (the two add
// the same effects in other orders), then to cents, half away from zero;
// no -0.00 (Prolog's round/1 gives the integer 0).
static double cents(double v) {
    v = std::round(std::round(v * 1e6) / 1e4) / 100;
    return v == 0 ? 0.0 : v;
}

std::vector<MatrixDefender> DefenceTables::defenders(std::uint32_t ally, std::uint32_t attacker) const {
    // Scratch rows reused across the tens of thousands of pairs of a matrix.
    thread_local std::vector<double> score, curated;
    thread_local std::vector<char> obligated;
    score.resize(n());
    curated.resize(n());
    obligated.resize(n());
    const double* toward_a = &toward_ally_[at(ally, 0)];
    const double* from_a = &priorities_from_[at(ally, 0)];
    const double* toward_x = &toward_attacker_[at(attacker, 0)];
    const double* from_x = &priorities_from_[at(attacker, 0)];
    const std::uint8_t* bound = &bound_[at(ally, 0)];
    std::size_t kept = 0;
    for (std::uint32_t s = 0; s < n(); ++s) {
        // As verdict_model:model_terms/6: which obligations apply, and
        // whether one of them is bilateral or names the attacker.
        bool ob = bound[s] & bound_any, bilateral = bound[s] & bilateral_any, named = false;
        if (bound[s] & bound_restricted)
            for (auto& [x, bi] : restricted_.at(at(ally, s)))
                if (x == attacker) {
                    ob = named = true;
                    bilateral = bilateral || bi;
                }
        obligated[s] = ob;
        score[s] = base_ + (ob ? (bilateral ? bilateral_ : 0) + (named ? named_ : 0) : no_obligation_);
        curated[s] = toward_a[s] + toward_x[s] + priorities_[s] - from_a[s] - from_x[s];
    }
    if (auto it = corrections_.find(at(ally, attacker)); it != corrections_.end())
        for (auto& [s, delta] : it->second) curated[s] += delta;
    // As rules:keep/1: obligated, or curated factors that push toward
    // acting; never the two parties.
    auto keep = [&](std::uint32_t s) { return s != ally && s != attacker && (obligated[s] || cents(curated[s]) > 0); };
    for (std::uint32_t s = 0; s < n(); ++s) {
        score[s] = cents(score[s] + curated[s]);
        kept += keep(s);
    }

    std::vector<MatrixDefender> out;
    out.reserve(kept);
    for (std::uint32_t s = 0; s < n(); ++s) {
        if (!keep(s)) continue;
        const double v = score[s];
        // As verdict_model:verdict/2 and probability/2.
        out.push_back({v, s, obligated[s] != 0, v >= likely_ ? Verdict::likely : v >= uncertain_ ? Verdict::uncertain : Verdict::unlikely,
                       1 / (1 + std::exp(-v))});
    }
    // Obligated first, then by descending score, then by id (states_ is sorted).
    std::sort(out.begin(), out.end(), [](const MatrixDefender& x, const MatrixDefender& y) {
        if (x.obligated != y.obligated) return x.obligated;
        if (x.score != y.score) return x.score > y.score;
        return x.state < y.state;
    });
    return out;
}

MatrixDefender DefenceTables::against_anyone(std::uint32_t ally, std::uint32_t s) const {
    // As verdict_model:model_terms/6 with attacker `none`: every obligation
    // applies (an adversary condition is met), none names the attacker.
    const std::uint8_t bound = bound_[at(ally, s)];
    bool ob = bound & (bound_any | bound_restricted), bilateral = bound & bilateral_any;
    if (bound & bound_restricted)
        for (auto& [x, bi] : restricted_.at(at(ally, s))) bilateral = bilateral || bi;
    double v = base_ + (ob ? (bilateral ? bilateral_ : 0) : no_obligation_) + toward_ally_[at(ally, s)] + priorities_[s] -
               priorities_from_[at(ally, s)];
    v = cents(v);
    return {v, s, ob, v >= likely_ ? Verdict::likely : v >= uncertain_ ? Verdict::uncertain : Verdict::unlikely,
            1 / (1 + std::exp(-v))};
}

}  // namespace casus::matrix
