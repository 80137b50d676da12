// Questions: each becomes one call of a kb/api.pl predicate (under
// suppositions if any) and its answer a typed result.
#include "engine_impl.hpp"

#include "convert.hpp"
#include "limits.hpp"
#include "matrix.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace casus {

Result Engine::Impl::run_node(const ParsedStatement& ps, const ast::Query& q) {
    // One deadline for the whole question, however many calls it makes.
    limits::Scope limit(options.timeout_seconds, prolog::memory_limit_mb(), limits::question);
    Date as_of = Date::today();
    int as_of_count = 0;
    std::vector<PlTerm> suppositions;
    for (auto& m : q.modifiers) {
        if (auto* a = boost::get<ast::AsOf>(&m)) {
            if (++as_of_count > 1) throw UsageError("a question takes one 'as of' date");
            as_of = date_of(ps, a->date);
        }
    }
    for (auto& m : q.modifiers) {
        if (auto* s = boost::get<ast::Suppose>(&m)) {
            for (auto& c : s->changes) suppositions.push_back(supposition(ps, c, as_of));
        }
    }
    return ask(ps, q.question, as_of, suppositions, as_of_count > 0);
}

PlTerm Engine::Impl::supposition(const ParsedStatement& ps, const ast::Change& c, const Date& as_of) {
    if (auto* a = boost::get<ast::Add>(&c)) {
        GroundFact g = ground(ps, a->fact);
        check(ps, a->fact, g);
        Date from = a->on ? date_of(ps, *a->on) : as_of;
        return prolog::compound("add", {g.term(), prolog::integer(from.as_int())});
    }
    auto& r = boost::get<ast::Retract>(c);
    GroundFact g = ground(ps, r.fact);
    check(ps, r.fact, g);
    Date on = r.on ? date_of(ps, *r.on) : as_of;
    return prolog::compound("end", {g.term(), prolog::integer(on.as_int())});
}

// Runs an api question goal, under suppositions if any, about an attack
// in place (api_at_place/2) when the question names one.
void Engine::Impl::call_question(const PlTerm& goal, const std::vector<PlTerm>& suppositions, const std::string& place) {
    auto at_place = [&](const PlTerm& g) { return place.empty() ? g : prolog::compound("api_at_place", {prolog::atom(place), g}); };
    bool ok;
    if (suppositions.empty()) {
        ok = prolog::call("api", at_place(goal), options.timeout_seconds);
    } else {
        try {
            ok = prolog::call("api", at_place(prolog::compound("api_suppose", {prolog::list(suppositions), goal})),
                              options.timeout_seconds);
        } catch (const ValidationError& e) {
            throw ValidationError(std::string("cannot suppose that: ") + e.what(), 0, 0);
        }
    }
    if (!ok) throw PrologError("the kb found no answer to this question (a rule failed)");
}

DefendersResult Engine::Impl::defenders_result(DefendersResult::Kind kind, const Date& as_of, const std::string& ally,
                                               const std::string& attacker, bool hypothetical) {
    DefendersResult r;
    r.kind = kind;
    r.as_of = as_of;
    r.ally = ally;
    r.ally_name = display(ally, as_of);  // the name of the question's date
    r.attacker = attacker;
    r.attacker_name = attacker.empty() ? "" : display(attacker, as_of);
    r.hypothetical = hypothetical;
    return r;
}

// Resolves a question's states and makes its one kb call (ask below).
struct Engine::Impl::QuestionVisitor {
    Engine::Impl& self;
    const ParsedStatement& ps;
    const Date& as_of;
    const std::vector<PlTerm>& sup;
    bool hyp;
    const PlTerm& date;
    bool dated;  // the question said "as of"

    // Calls api:Pred(Args..., Out) and returns Out; place: where the attack falls ("": not said).
    PlTerm ask(const char* pred, std::vector<PlTerm> args, bool hypothetical_allowed = true,
               const std::string& place = "") const {
        PlTerm_var out;
        args.push_back(out);
        self.call_question(prolog::compound(pred, args), hypothetical_allowed ? sup : std::vector<PlTerm>{}, place);
        return out;
    }
    std::string place(const boost::optional<ast::Name>& n) const { return n ? self.resolve_place(ps, *n) : ""; }
    void set_place(DefendersResult& r, const std::string& place) const {
        r.place = place;
        if (!place.empty()) r.place_name = self.display(place, r.as_of);
    }
    Result defenders(const std::string& ally, const std::string& attacker, const std::string& where) const {
        if (ally == attacker) throw UsageError("a state cannot be attacked by itself");
        PlTerm out = ask("api_defenders", {prolog::atom(ally), prolog::atom(attacker), date}, true, where);
        auto r = self.defenders_result(DefendersResult::Kind::defenders, as_of, ally, attacker, hyp);
        set_place(r, where);
        r.answers = convert::assessments(out);
        self.last = LastQuestion{ally, attacker, where, as_of, true};
        return r;
    }
    Result one(DefendersResult::Kind kind, const std::string& s, const std::string& ally,
               const std::string& attacker, bool negated, const Date& when, const std::string& where) const {
        if (ally == attacker) throw UsageError("a state cannot be attacked by itself");
        PlTerm out = ask("api_would", {prolog::atom(s), prolog::atom(ally), prolog::atom(attacker),
                                       prolog::integer(when.as_int())}, true, where);
        auto r = self.defenders_result(kind, when, ally, attacker, hyp);
        set_place(r, where);
        r.negated = negated;
        r.answers.push_back(convert::assessment(out));
        self.last = LastQuestion{ally, attacker, where, when, true};
        return r;
    }
    std::string state(const ast::Name& n) const { return state(n, as_of); }
    std::string state(const ast::Name& n, const Date& when) const {
        std::string id = self.resolve_state(ps, n, when);
        self.require_in_system(ps, n, id, when);
        return id;
    }

    Result operator()(const ast::Defenders& q) const {
        std::string a = state(q.ally), x = state(q.attacker);
        require_distinct_roles(ps, {{"the ally", &q.ally, a}, {"the attacker", &q.attacker, x}});
        return defenders(a, x, place(q.place));
    }
    Result operator()(const ast::Would& q) const {
        std::string d = state(q.defender), a = state(q.ally), x = state(q.attacker);
        require_distinct_roles(ps, {{"the defender", &q.defender, d}, {"the ally", &q.ally, a}, {"the attacker", &q.attacker, x}});
        return one(DefendersResult::Kind::would, d, a, x, false, as_of, place(q.place));
    }
    Result operator()(const ast::Why& q) const {
        std::string d = state(q.defender), a = state(q.ally), x = state(q.attacker);
        require_distinct_roles(ps, {{"the defender", &q.defender, d}, {"the ally", &q.ally, a}, {"the attacker", &q.attacker, x}});
        return one(DefendersResult::Kind::why, d, a, x, q.negated, as_of, place(q.place));
    }
    Result operator()(const ast::WhyShort& q) const {
        if (!self.last.set)
            throw UsageError("'why " + std::string(q.negated ? "not " : "") + q.defender.text +
                             "' refers to the previous defenders question, and there is none yet; ask "
                             "'why would " + q.defender.text + " defend A against X'");
        LastQuestion prev = self.last;
        return one(DefendersResult::Kind::why, state(q.defender, prev.date), prev.ally, prev.attacker, q.negated,
                   prev.date, prev.place);
    }
    Result operator()(const ast::Must& q) const {
        std::string ally = state(q.ally);
        std::string attacker = q.attacker ? state(*q.attacker) : "";
        if (q.attacker) require_distinct_roles(ps, {{"the ally", &q.ally, ally}, {"the attacker", &*q.attacker, attacker}});
        const std::string where = place(q.place);
        PlTerm out = ask("api_obligations", {prolog::atom(ally), prolog::atom(attacker.empty() ? "none" : attacker), date},
                         true, where);
        auto r = self.defenders_result(DefendersResult::Kind::obligations, as_of, ally, attacker, hyp);
        set_place(r, where);
        r.answers = convert::assessments(out);
        return r;
    }
    Result operator()(const ast::Ties& q) const {
        std::string a = state(q.first), b = state(q.second);
        PlTerm out = ask("api_ties", {prolog::atom(a), prolog::atom(b), date});
        return FactsResult{FactsResult::Kind::ties, as_of, {a, b}, hyp, convert::fact_rows(out)};
    }
    Result operator()(const ast::Treaties& q) const {
        std::string s = state(q.state);
        PlTerm out = ask("api_treaties", {prolog::atom(s), date});
        return TreatiesResult{as_of, s, hyp, convert::treaty_rows(out)};
    }
    Result operator()(const ast::Members& q) const {
        std::string o = self.resolve(ps, q.organisation, "organisation");
        PlTerm out = ask("api_members", {prolog::atom(o), date});
        return MembersResult{as_of, o, hyp, convert::member_rows(out)};
    }
    Result operator()(const ast::Backers& q) const {
        std::string s = state(q.state);
        PlTerm out = ask("api_backers", {prolog::atom(s), date});
        return BackersResult{as_of, s, hyp, convert::backer_rows(out)};
    }
    Result operator()(const ast::ListWhat& q) const {
        // "as of D list states": the states in the system on D;
        // without a date, every state casus knows, of any time.
        PlTerm out = q.what == "states" && dated ? ask("api_states_on", {date}, false)
                                        : ask("api_list", {prolog::atom(q.what)}, false);
        EntitiesResult r{q.what, convert::entity_rows(out)};
        // Every state of any time, by the name of the question's date (today without one).
        if (q.what == "states" && !dated)
            for (auto& row : r.rows) row.name = self.display(row.id, as_of);
        return r;
    }
    // The id of whatever entity n names, of any type.
    std::optional<std::string> known_id(const ast::Name& n) const {
        for (auto t : {"state", "organisation", "treaty", "declaration", "event", "issue", "threat"})
            if (auto id = self.names.find(n.text, t)) return id;
        return std::nullopt;
    }
    std::string any(const ast::Name& n) const {
        if (auto id = known_id(n)) return *id;
        if (is_snake_case(n.text)) return n.text;
        return self.resolve(ps, n, "state");  // throws with a suggestion
    }
    bool known(const ast::Name& n) const { return known_id(n).has_value(); }
    // An id that no table knows and no fact mentions is most likely a
    // misspelt name: say so (with a suggestion) instead of "(none)".
    void require_mentioned(const ast::Name& n, const std::vector<FactRow>& rows) const {
        if (rows.empty() && !known(n)) self.resolve(ps, n, "state");
    }
    Result operator()(const ast::FactsAbout& q) const {
        std::string id = any(q.subject);
        PlTerm out = ask("api_facts_about", {prolog::atom(id), date});
        auto rows = convert::fact_rows(out);
        require_mentioned(q.subject, rows);
        return FactsResult{FactsResult::Kind::facts, as_of, {id}, hyp, std::move(rows)};
    }
    Result operator()(const ast::History& q) const {
        std::string id = any(q.subject);
        PlTerm out = ask("api_history", {prolog::atom(id)}, false);
        auto rows = convert::history_rows(out);
        require_mentioned(q.subject, rows);
        return FactsResult{FactsResult::Kind::history, as_of, {id}, false, std::move(rows)};
    }
    Result operator()(const ast::Matrix& q) const {
        std::vector<std::string> among;
        for (auto& n : q.among) among.push_back(state(n));
        PlTerm out = ask("api_matrix", {date});
        matrix::DefenceTables tables(out.C_);
        MatrixResult r{as_of, hyp, tables.states(), {}};
        std::vector<std::uint32_t> chosen;
        for (auto& id : among)
            if (auto i = tables.index(id)) chosen.push_back(*i);
        std::sort(chosen.begin(), chosen.end());
        chosen.erase(std::unique(chosen.begin(), chosen.end()), chosen.end());
        if (q.among.empty())
            for (std::uint32_t i = 0; i < r.states.size(); ++i) chosen.push_back(i);
        else if (chosen.size() < 2)
            throw UsageError("a defence matrix needs at least two different states after 'among'");
        constexpr std::size_t max_pairs = 4'000'000;
        if (chosen.size() * (chosen.size() - 1) > max_pairs)
            throw UsageError("a defence matrix of " + std::to_string(chosen.size()) + " states has " +
                             std::to_string(chosen.size() * (chosen.size() - 1)) + " ordered pairs (at most " +
                             std::to_string(max_pairs) + "); name fewer with 'among'");
        for (auto a : chosen) {
            limits::check();  // the combination is C++: no Prolog call port sees the deadline
            for (auto x : chosen) {
                if (a == x) continue;
                r.pairs.push_back({a, x, tables.user_rules() ? by_question(tables, a, x) : tables.defenders(a, x)});
            }
        }
        return r;
    }
    // With a user's rules loaded no table holds their factors:
    // the pair is answered by defenders/4, as `who would defend`.
    std::vector<MatrixDefender> by_question(const matrix::DefenceTables& tables, std::uint32_t a, std::uint32_t x) const {
        prolog::Frame frame;
        PlTerm out = ask("api_defenders", {prolog::atom(tables.states()[a]), prolog::atom(tables.states()[x]), date});
        std::vector<MatrixDefender> found;
        for (auto& asm_ : convert::assessments(out))
            if (auto s = tables.index(asm_.state)) found.push_back({asm_.score, *s, asm_.obligated, asm_.verdict, asm_.probability});
        return found;
    }
};

Result Engine::Impl::ask(const ParsedStatement& ps, const ast::Question& question, const Date& as_of,
                         const std::vector<PlTerm>& sup, bool dated) {
    const bool hyp = !sup.empty();
    const PlTerm date = prolog::integer(as_of.as_int());
    return boost::apply_visitor(QuestionVisitor{*this, ps, as_of, sup, hyp, date, dated}, question);
}

}  // namespace casus
