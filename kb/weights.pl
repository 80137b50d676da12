:- module(weights, [weight/2, verdict_threshold/2]).

/** <module> The weights of the factors: the one file to tune

A defender's score is the obligation weight (when a treaty in force
obliges it) plus the weight of every factor that applies.  Negative
weights push a state away from defending the ally against the attacker,
positive ones toward it.  The verdict is `likely` at or above the
`likely` threshold, `unlikely` below the `unlikely` one, and
`uncertain` in between.

Change a number here, restart casus, and every answer follows.
*/

%! weight(?Factor, ?Weight) is nondet.
weight(obligation,                           3.0).
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

%! verdict_threshold(?Verdict, ?Score) is nondet.
verdict_threshold(likely,   2.5).
verdict_threshold(unlikely, 1.0).
