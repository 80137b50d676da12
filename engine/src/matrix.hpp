// The defence matrix: every defender's score (the log-odds that it
// fights, kb/verdict_model.pl) for every ordered pair of states, combined
// from the tables kb/matrix.pl gathers once per date (api:api_matrix/2)
// instead of asking defenders/4 once per pair. The model's effects and
// its verdict bands come from those tables: the kb defines them once.
//
// score(S, A, X) = base + design(S, A, X) + toward_ally(S, A) + toward_attacker(S, X)
//                + priorities(S) - priorities_from(S, A) - priorities_from(S, X)
//                + corrections(S, A, X)
//
// The pair-wise parts are dense N x N tables; the "groups" (sharing an
// ethnic group, a bloc, a position, a declaration) relate millions of
// pairs on a large world and are joined here with bit sets.
#pragma once

#include "casus/results.hpp"

#include <SWI-Prolog.h>

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace casus::matrix {

class DefenceTables {
public:
    // Reads the term api_matrix/2 returned; throws PrologError on a term
    // of the wrong shape.
    explicit DefenceTables(term_t tables);
    static constexpr std::size_t max_states = 4000;

    // A user's rules add factors per (defender, ally, attacker) that no
    // table holds: the engine then asks defenders/4 pair by pair.
    bool user_rules() const { return user_rules_; }
    const std::vector<std::string>& states() const { return states_; }
    std::optional<std::uint32_t> index(const std::string& id) const;

    // What `who would defend ally against attacker` answers, without the
    // evidence: the same states, order, verdicts and scores.
    std::vector<MatrixDefender> defenders(std::uint32_t ally, std::uint32_t attacker) const;
    // s's assessment for the ally against no named attacker (rules.pl
    // with attacker `none`: an adversary condition is met, and no factor
    // toward an attacker counts), whether or not it would be listed.
    MatrixDefender against_anyone(std::uint32_t ally, std::uint32_t s) const;

private:
    std::size_t n() const { return states_.size(); }
    std::size_t at(std::uint32_t other, std::uint32_t s) const { return other * n() + s; }
    std::optional<std::uint32_t> state_of(atom_t a) const;

    void read_links(term_t list);
    void read_groups(term_t list);
    void read_obligations(term_t list);
    void read_priorities(term_t list);
    void read_corrections(term_t list);

    // The era's base rate; the effects of no obligation, of a bilateral
    // alliance and of a treaty naming the attacker; the lower ends of the
    // likely and uncertain bands as log-odds (verdict_model:band_log_odds/2).
    double base_ = 0, no_obligation_ = 0, bilateral_ = 0, named_ = 0, likely_ = 0, uncertain_ = 0, priority_weight_ = 0;
    bool user_rules_ = false;
    std::vector<std::string> states_;
    std::unordered_map<atom_t, std::uint32_t> by_atom_;
    // Indexed [other * n + defender]: other is the ally for toward_ally_,
    // the attacker for toward_attacker_, the threat's origin for
    // priorities_from_.
    std::vector<double> toward_ally_, toward_attacker_, priorities_from_;
    std::vector<double> priorities_;  // by defender
    // [ally * n + defender]: bits of bound_any, bilateral_any (a treaty
    // binding against anyone is bilateral) and bound_restricted (some
    // treaty binds only against the attackers in restricted_, each with
    // whether that treaty is bilateral).
    static constexpr std::uint8_t bound_any = 1, bilateral_any = 2, bound_restricted = 4;
    std::vector<std::uint8_t> bound_;
    std::unordered_map<std::size_t, std::vector<std::pair<std::uint32_t, bool>>> restricted_;
    // [ally * n + attacker] -> (defender, delta)
    std::unordered_map<std::size_t, std::vector<std::pair<std::uint32_t, double>>> corrections_;
};

}  // namespace casus::matrix
