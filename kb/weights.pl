:- module(weights, [weight/2]).

/** <module> The weights of the curated factors, in log-odds

Each factor of rules.pl (kinship, ties, backing of claims, rivalry, past
reactions, ...) adds its weight to the log-odds that a defender fights
(verdict_model.pl): a weight of 1 multiplies the odds by e (about 2.7),
-1 divides them by it.  Positive weights push toward defending the ally,
negative ones away from it.

These are the article's judgments, kept as they were written (points of
the former score, now read as log-odds): none is fitted, because the war
history the backtest replays holds none of these facts.  The model's
own terms (the era's base rate, the alliance's design) are fitted and
live in verdict_model_fitted.pl.

Change a number here, restart casus, and every answer follows.
*/

%! weight(?Factor, ?Weight) is nondet.
% A user rule's factor carries its own weight (rules.pl scales this by it).
weight(user_rule,                            1.0).
% Toward the attacker (push away from defending the ally).
weight(kinship_with_attacker,               -1.5).
weight(backs_attacker_claim,                -1.5).  % backs the attacker on the issue in dispute with the ally
weight(backs_attacker,                      -0.75). % backs the attacker on another issue
weight(signed_declaration_for_attacker,     -1.0).
weight(shared_bloc_with_attacker,           -0.5).
weight(shared_stance_with_attacker,         -0.5).
weight(tie_with_attacker(ethnic),           -1.0).
weight(tie_with_attacker(cultural),         -0.5).
weight(tie_with_attacker(strategic),        -1.0).
weight(tie_with_attacker(military),         -1.0).
weight(tie_with_attacker(economic),         -0.5).
weight(tie_with_attacker(political),        -0.5).
weight(competing_priority,                  -1.5).
weight(ally_complaint,                      -0.5).  % the ally itself says these partners failed it
weight(rivalry_with_ally,                   -1.5).
weight(conflict_with_ally,                  -1.5).
% Past reactions to crises with the same victim or attacker; halved
% when only one of the two matches.
weight(past_reaction(support),               1.0).
weight(past_reaction(tepid),                -0.5).
weight(past_reaction(restraint),            -1.0).
weight(past_reaction(silence),              -1.0).
weight(past_reaction(condemnation),         -2.0).
% Toward the ally (push toward defending it).
weight(kinship_with_ally,                    1.0).
weight(backs_ally_claim,                     1.5).
weight(backs_ally,                           0.75).
weight(signed_declaration_for_ally,          1.0).
weight(shared_bloc_with_ally,                0.5).
weight(shared_stance_with_ally,              0.5).
weight(tie_with_ally(ethnic),                1.0).
weight(tie_with_ally(cultural),              0.5).
weight(tie_with_ally(strategic),             1.0).
weight(tie_with_ally(military),              1.0).
weight(tie_with_ally(economic),              0.5).
weight(tie_with_ally(political),             0.5).
weight(rivalry_with_attacker,                1.5).
weight(conflict_with_attacker,               1.5).
