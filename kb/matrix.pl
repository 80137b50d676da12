:- module(matrix,
          [ matrix_tables/2     % +Date, -Tables
          ]).

/** <module> The defence matrix: every ordered pair of states at once

`defenders/4` answers one pair (ally A, attacker X) by assessing every
state.  Asked for every ordered pair, that repeats the same work tens of
thousands of times.  But a defender's score (the log-odds that it
fights, verdict_model.pl) decomposes:

    score(S, A, X) = base(D) + design(S, A, X)
                   + ally_side(S, A) + attacker_side(S, X)
                   + priorities(S) - priorities_from(S, A) - priorities_from(S, X)
                   + corrections(S, A, X)

  - base(D) is the era's base rate; design(S, A, X) is the effect of a
    bilateral alliance and of a treaty naming X as the adversary when an
    obligation binds S to A, and the effect of no obligation otherwise
    (verdict_model:model_terms/6);
  - every factor toward one side (kinship, ties, blocs, stances,
    declarations, backing, rivalry, conflict) depends on the defender
    and that side's state only;
  - a past reaction to an event counts half toward the event's victim
    (ally side) and half toward its attacker (attacker side), so an
    event with both the ally as victim and the attacker as attacker
    counts in full, exactly as in rules.pl;
  - competing priorities count unless the threat comes from A or X;
  - what depends on the pair itself is sparse: backing a claim in
    dispute between A and X, and the ally's complaints about a bloc
    over that dispute (corrections).

matrix_tables/2 gathers these parts from the facts that hold on a date;
the engine (engine/src/matrix.cpp) combines them for every pair.  The
"links" are factors between two given states; the "groups" are factors
that come from sharing something (an ethnic group, a bloc, a position on
an issue, a declaration): the engine joins those with bit sets, since
on a large world they relate millions of pairs.

Every piece mirrors a clause of rules:raw_factor/7; the engine's tests
and the benchmark prove the matrix equal to defenders/4 pair by pair.

Tables = tables(Weights, States, Links, Groups, Obligations, Priorities, Corrections):

  - Weights = weights(Base, NoObligation, Bilateral, NamedAdversary,
    LikelyFrom, UncertainFrom, Priority, UserRules): the model's effects
    for the date, the verdict bands as log-odds
    (verdict_model:band_log_odds/2), the weight of a competing priority
    and whether a user's rules are loaded
  - States: every state id in the state system on the date, sorted
  - Links: l(S, O, Rel, Key, Wa, Wx): S relates to O by Rel about Key
    (both atoms);
    Wa counts when O is the ally, Wx when O is the attacker.  One
    (S, O, Rel, Key) counts once however often it is listed.
    m(S, O, Rel, Key, Wa, Wx) is a symmetric fact, a link both ways.
  - Groups: g(Rel, Key, Wa, Wx, Subgroups), Subgroups a list of
    s(Sources, Targets): every source relates to every target of the
    same subgroup; a source relates to a target once per Key.
  - Obligations: ob(A, S, Adversaries, Bilateral): a defence clause in
    force binds both; Adversaries is `any`, or the attackers its
    conditions name; Bilateral is `true` when the treaty binds exactly
    these two states (verdict_model:bilateral/2).
  - Priorities: p(S, Origin): one per threat S gives priority to, with
    the threat's origin.
  - Corrections: c(A, X, S, Delta), added to S's score for the pair.
*/

:- use_module(entities).
:- use_module(store).
:- use_module(weights).
:- use_module(verdict_model, [era/2, effect/2, band_log_odds/2]).
:- use_module(rules, [bound/4, bloc_counts/2, side_kind/3, user_rules_loaded/0]).
:- use_module(library(lists)).
:- use_module(library(apply)).
:- use_module(library(pairs)).
:- use_module(library(yall)).   % lambdas expanded when compiled, not copied per call

%! matrix_tables(+Date, -Tables) is det.
matrix_tables(D, tables(Weights, States, Links, Groups, Obligations, Priorities, Corrections)) :-
    era(D, Era), atom_concat(base_rate_, Era, BaseKind),
    maplist(effect, [BaseKind, no_obligation, bilateral_alliance, named_adversary], [Base, NoOb, Bi, Named]),
    band_log_odds(likely, L), band_log_odds(uncertain, U),
    weight(competing_priority, Wp),
    (   user_rules_loaded -> UserRules = true ; UserRules = false ),
    Weights = weights(Base, NoOb, Bi, Named, L, U, Wp, UserRules),
    findall(S, ( state(S, _, _), in_system(S, D) ), States0), sort(States0, States),
    findall(Link, link(D, Link), Links),
    groups(D, Groups),
    findall(Ob, obligation(D, Ob), Obligations),
    priorities(D, Priorities),
    findall(C, correction(D, C), Corrections).

%  side_weights(+Prefix, -Wa, -Wx): the weights of a factor toward the
%  ally and toward the attacker (kinship_with -> kinship_with_ally, ...).
side_weights(Prefix, Wa, Wx) :-
    side_weight(Prefix, ally, Wa),
    side_weight(Prefix, attacker, Wx).

side_weight(Prefix, Side, W) :-
    side_kind(Prefix, Side, Kind),
    weight(Kind, W).

%  link(+D, -Link): the factors between two named states.
link(D, l(S, O, backs, I, Wa, Wx)) :-
    side_weights(backs, Wa, Wx),
    holds(backs(S, O, I), D, _).
% Symmetric facts (schema:symmetric_kind/1) as stored, each once:
% m(...) is a link in both directions.
link(D, m(S, O, tie, K, Wa, Wx)) :-
    holds_as_stored(tie(S, O, K), D),
    weight(tie_with_ally(K), Wa), weight(tie_with_attacker(K), Wx).
link(D, m(S, O, rivalry, rivalry, Wa, Wx)) :-
    side_weights(rivalry_with, Wa, Wx),
    holds_as_stored(rivalry(S, O), D).
link(D, m(S, O, conflict, I, Wa, Wx)) :-
    side_weights(conflict_with, Wa, Wx),
    holds_as_stored(conflict(S, O, I), D).
link(D, l(S, O, Rel, E, Wa, Wx)) :-
    % Half toward the victim as ally, half toward the attacker as
    % attacker (rules.pl: scale 1 when both match, 0.5 when one does).
    event(E, _, ED, Ea, Ev), ED =< D,
    holds(reaction(S, E, R), D, _),
    weight(past_reaction(R), W), Half is W * 0.5,
    atom_concat(reaction_, R, Rel),
    (   Ea == Ev
    ->  O = Ev, Wa = Half, Wx = Half
    ;   O = Ev, Wa = Half, Wx = 0
    ;   O = Ea, Wa = 0, Wx = Half
    ).

%  groups(+D, -Groups): kinship, shared blocs, shared stances, declarations.
groups(D, Groups) :-
    side_weights(kinship_with, KWa, KWx),
    findall(G-(G-S), holds(ethnicity(S, G), D, _), Kin),
    shared_groups(Kin, kinship, KWa, KWx, KinGroups),
    side_weights(shared_bloc_with, BWa, BWx),
    findall(Org-(Org-S), holds(member(S, Org), D, _), Blocs),
    shared_groups(Blocs, bloc, BWa, BWx, BlocGroups0),
    maplist(bloc_weight, BlocGroups0, BlocGroups),
    side_weights(shared_stance_with, SWa, SWx),
    findall(I-(P-S), holds(stance(S, I, P), D, _), Stances),
    shared_groups(Stances, stance, SWa, SWx, StanceGroups),
    declaration_groups(D, DecGroups),
    append([KinGroups, BlocGroups, StanceGroups, DecGroups], Groups).

%  shared_groups(+KeySubStates, +Rel, +Wa, +Wx, -Groups): states that
%  share a subgroup relate to one another (sources = targets).
shared_groups(Rows, Rel, Wa, Wx, Groups) :-
    keysort(Rows, Sorted),
    group_pairs_by_key(Sorted, ByKey),
    maplist(shared_group(Rel, Wa, Wx), ByKey, Groups).

shared_group(Rel, Wa, Wx, Key-SubStates, g(Rel, Key, Wa, Wx, Subs)) :-
    keysort(SubStates, Sorted),
    group_pairs_by_key(Sorted, BySub),
    findall(s(States, States), ( member(_-States0, BySub), sort(States0, States) ), Subs).

%  A bloc shared with the ally counts only if it is no defence alliance
%  (rules:bloc_counts/2): that one is the obligation itself.
bloc_weight(g(bloc, Org, Wa0, Wx, Subs), g(bloc, Org, Wa, Wx, Subs)) :-
    ( bloc_counts(ally, Org) -> Wa = Wa0 ; Wa = 0 ).

%  Signing a declaration relates the signer to every state it upholds.
declaration_groups(D, Groups) :-
    side_weights(signed_declaration_for, Wa, Wx),
    findall(Dec-O, holds(supports(Dec, O, _), D, _), Upheld0),
    sort(Upheld0, Upheld),
    group_pairs_by_key(Upheld, ByDec),
    findall(g(declaration, Dec, Wa, Wx, [s(Signers, Targets)]),
            ( member(Dec-Targets, ByDec),
              findall(S, holds(signed(S, Dec), D, _), Signers0),
              sort(Signers0, Signers), Signers \== [] ),
            Groups).

%  obligation(+D, -Ob): every pair bound by one defence clause in force.
obligation(D, ob(A, S, Adversaries, Bilateral)) :-
    clause(T, _, _, defence, Conds, _),
    treaty(T, _, _, _, InForce), InForce =< D,
    adversaries(Conds, Adversaries),
    findall(B, bound(B, T, D, _), Bound0), sort(Bound0, Bound),
    ( length(Bound, 2) -> Bilateral = true ; Bilateral = false ),   % as verdict_model:bilateral/2
    member(A, Bound), member(S, Bound), S \== A,
    \+ holds(exempt(S, T, defence), D, _).   % as rules:obligated/5

%  adversaries(+Conditions, -Adversaries): `any`, or the attackers that
%  every adversary condition names.
adversaries(Conds, Adversaries) :-
    findall(Xs, member(adversary(Xs), Conds), Lists),
    (   Lists == []
    ->  Adversaries = any
    ;   Lists = [First|Rest],
        foldl([L, Acc0, Acc]>>intersection(Acc0, L, Acc), Rest, First, Adversaries)
    ).

%  priorities(+D, -Priorities): one p(S, Origin) per threat S attends to.
priorities(D, Priorities) :-
    findall(S-T-Origin, ( holds(priority(S, T), D, _), threat(T, _, Origin) ), Rows0),
    sort(Rows0, Rows),
    findall(p(S, Origin), member(S-_-Origin, Rows), Priorities).

%  correction(+D, -C): what depends on the pair itself.
correction(D, c(A, X, S, Delta)) :-
    % Backing a side on the very issue in dispute weighs more.
    setof(A-X-I, L^holds(conflict(A, X, I), D, L), Disputes),
    member(A-X-I, Disputes),
    weight(backs_ally, Ba), weight(backs_ally_claim, Bac),
    weight(backs_attacker, Bx), weight(backs_attacker_claim, Bxc),
    (   setof(S, L^holds(backs(S, A, I), D, L), Ss), Delta is Bac - Ba
    ;   setof(S, L^holds(backs(S, X, I), D, L), Ss), Delta is Bxc - Bx
    ),
    member(S, Ss), S \== A, S \== X.
correction(D, c(A, X, S, W)) :-
    % The ally's complaint that a bloc's members fail it in this dispute.
    weight(ally_complaint, W),
    setof(A-X-O, I^L1^L2^( holds(complaint(A, O, I), D, L1), holds(conflict(A, X, I), D, L2) ), Complaints),
    member(A-X-O, Complaints),
    setof(S, L^holds(member(S, O), D, L), Ss),
    member(S, Ss), S \== A, S \== X.
