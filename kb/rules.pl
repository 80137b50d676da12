:- module(rules,
          [ bound/4,            % ?State, ?Treaty, +Date, -Leaves
            obligated/5,        % ?Defender, +Ally, +Attacker, +Date, -Basis
            factors/5,          % +Defender, +Ally, +Attacker, +Date, -Factors
            assess/6,           % +Defender, +Ally, +Attacker, +Date, -Bases, -Assessment
            defenders/4,        % +Ally, +Attacker, +Date, -Assessments
            verdict/2           % +Score, -Verdict
          ]).

/** <module> Who is bound to defend whom, and who actually would

The rules are general: they take any ally A, attacker X and date D and
reason from the facts that hold on D (store:holds/3).

  - obligated/5: a treaty in force on D whose clause creates a defence
    obligation binds both the defender and the ally on D; the clause's
    conditions are honoured (an adversary condition names X); the
    attacker is never its own defender; an attack by a fellow party is
    flagged `fellow_member`.
  - factors/5: what pushes the defender toward or away from acting:
    kinship, ties, backing of either side's claims, shared blocs and
    stances, competing priorities, past reactions, rivalries, the ally's
    own complaints.  Weights are in weights.pl.
  - assess/6: score = obligation weight + factor weights; verdict from
    the thresholds.

Example:
==
?- defenders(armenia, azerbaijan, 20151231, As).
==
*/

:- use_module(entities).
:- use_module(store).
:- use_module(weights).
:- use_module(library(lists)).
:- use_module(library(apply)).
:- use_module(library(pairs)).

%! bound(?State, ?Treaty, +Date, -Leaves) is nondet.
%
%  State is bound by Treaty on Date: the treaty is in force and State is
%  a member of its organisation or a party to it.
bound(S, T, D, [leaf(in_force(T), source(Name, "entered into force"), InForce), Leaf]) :-
    treaty(T, Name, Org, _, InForce),
    InForce =< D,
    (   Org \== none, holds(member(S, Org), D, Leaf)
    ;   holds(party(S, T), D, Leaf)
    ).

%! obligated(?Defender, +Ally, +Attacker, +Date, -Basis) is nondet.
%
%  Basis = basis(Treaty, Clause, Notes, Leaves): Defender must defend
%  Ally against Attacker on Date under Clause of Treaty.  Attacker may be
%  `none` (who must defend the ally against anyone).  Notes lists the
%  conditions assumed met and `fellow_member` when the attacker is bound
%  by the same treaty.
obligated(S, A, X, D, basis(T, C, Notes, Leaves)) :-
    bound(A, T, D, LeavesA),
    clause(T, C, _, defence, Conds, _),
    bound(S, T, D, LeavesS),
    S \== A, S \== X,
    conditions_met(Conds, X, CondNotes),
    (   X \== none, bound(X, T, D, _)
    ->  Notes = [fellow_member|CondNotes]
    ;   Notes = CondNotes
    ),
    append(LeavesA, LeavesS, Leaves0),
    sort(Leaves0, Leaves).

conditions_met([], _, []).
conditions_met([adversary(Xs)|Cs], X, [adversary(Xs)|Ns]) :- !,
    ( X == none -> true ; memberchk(X, Xs) ),
    conditions_met(Cs, X, Ns).
conditions_met([C|Cs], X, [assumed(C)|Ns]) :-
    conditions_met(Cs, X, Ns).

%! factors(+Defender, +Ally, +Attacker, +Date, -Factors) is det.
%
%  Factors is a list of factor(Kind, Weight, Detail, Leaves), one per
%  kind and subject (evidence for the same factor is merged, so one
%  claim reported twice does not count twice).
factors(S, A, X, D, Factors) :-
    findall(Key-(Detail-Leaf), raw_factor(S, A, X, D, Key, Detail, Leaf), Raw),
    keysort(Raw, Sorted),
    group_pairs_by_key(Sorted, Groups),
    maplist(make_factor, Groups, Factors0),
    exclude(zero_weight, Factors0, Factors).

make_factor(Key-DLs, factor(Kind, W, Detail, Leaves)) :-
    Key = f(Kind, _Subject, Scale),
    DLs = [Detail-_|_],
    pairs_values(DLs, Leaves0),
    append(Leaves0, Leaves1),
    sort(Leaves1, Leaves),
    weight(Kind, W0),
    W is W0 * Scale.

zero_weight(factor(_, W, _, _)) :- W =:= 0.

name_of(Id, Name) :- state(Id, Name, _), !.
name_of(Id, Name) :- organisation(Id, Name), !.
name_of(Id, Name) :- issue(Id, Name), !.
name_of(Id, Name) :- declaration(Id, Name, _), !.
name_of(Id, Name) :- event(Id, Name, _, _, _), !.
name_of(Id, Name) :- threat(Id, Name, _), !.
name_of(Id, Id).

group_name(G, Name) :-
    atom_codes(G, [C|Cs]), code_type(U, to_lower(C)), atom_codes(Name, [U|Cs]).

%  raw_factor(+S, +A, +X, +D, -Key, -Detail, -Leaves)
%  Key = f(Kind, Subject, Scale).
raw_factor(S, _, X, D, f(kinship_with_attacker, G, 1), Detail, [L1, L2]) :-
    X \== none, S \== X,
    holds(ethnicity(S, G), D, L1), holds(ethnicity(X, G), D, L2),
    group_name(G, GN), name_of(X, XN),
    format(string(Detail), "~w kinship with ~w", [GN, XN]).
raw_factor(S, A, _, D, f(kinship_with_ally, G, 1), Detail, [L1, L2]) :-
    S \== A,
    holds(ethnicity(S, G), D, L1), holds(ethnicity(A, G), D, L2),
    group_name(G, GN), name_of(A, AN),
    format(string(Detail), "~w kinship with ~w", [GN, AN]).
raw_factor(S, A, X, D, f(Kind, I, 1), Detail, [L]) :-
    X \== none,
    holds(backs(S, X, I), D, L),
    (   holds(conflict(A, X, I), D, _) -> Kind = backs_attacker_claim ; Kind = backs_attacker ),
    name_of(X, XN), name_of(I, IN),
    format(string(Detail), "backs ~w on ~w", [XN, IN]).
raw_factor(S, A, X, D, f(Kind, I, 1), Detail, [L]) :-
    holds(backs(S, A, I), D, L),
    (   X \== none, holds(conflict(A, X, I), D, _) -> Kind = backs_ally_claim ; Kind = backs_ally ),
    name_of(A, AN), name_of(I, IN),
    format(string(Detail), "backs ~w on ~w", [AN, IN]).
raw_factor(S, _, X, D, f(signed_declaration_for_attacker, Dec, 1), Detail, [L1, L2]) :-
    X \== none,
    holds(signed(S, Dec), D, L1), holds(supports(Dec, X, I), D, L2),
    name_of(Dec, DN), name_of(X, XN), name_of(I, IN),
    format(string(Detail), "signed the ~w, upholding ~w on ~w", [DN, XN, IN]).
raw_factor(S, A, _, D, f(signed_declaration_for_ally, Dec, 1), Detail, [L1, L2]) :-
    holds(signed(S, Dec), D, L1), holds(supports(Dec, A, I), D, L2),
    name_of(Dec, DN), name_of(A, AN), name_of(I, IN),
    format(string(Detail), "signed the ~w, upholding ~w on ~w", [DN, AN, IN]).
raw_factor(S, _, X, D, f(shared_bloc_with_attacker, O, 1), Detail, [L1, L2]) :-
    X \== none, S \== X,
    holds(member(S, O), D, L1), holds(member(X, O), D, L2),
    name_of(X, XN),
    format(string(Detail), "shares the ~w with ~w", [O, XN]).
raw_factor(S, A, _, D, f(shared_bloc_with_ally, O, 1), Detail, [L1, L2]) :-
    S \== A,
    holds(member(S, O), D, L1), holds(member(A, O), D, L2),
    \+ ( treaty(T, _, O, _, _), clause(T, _, _, defence, _, _) ),
    name_of(A, AN),
    format(string(Detail), "shares the ~w with ~w", [O, AN]).
raw_factor(S, _, X, D, f(shared_stance_with_attacker, I, 1), Detail, [L1, L2]) :-
    X \== none, S \== X,
    holds(stance(S, I, P), D, L1), holds(stance(X, I, P), D, L2),
    name_of(X, XN), name_of(I, IN),
    format(string(Detail), "sides with ~w on ~w (~w)", [XN, IN, P]).
raw_factor(S, A, _, D, f(shared_stance_with_ally, I, 1), Detail, [L1, L2]) :-
    S \== A,
    holds(stance(S, I, P), D, L1), holds(stance(A, I, P), D, L2),
    name_of(A, AN), name_of(I, IN),
    format(string(Detail), "sides with ~w on ~w (~w)", [AN, IN, P]).
raw_factor(S, _, X, D, f(tie_with_attacker(K), K, 1), Detail, [L]) :-
    X \== none,
    holds(tie(S, X, K), D, L),
    name_of(X, XN),
    format(string(Detail), "~w ties with ~w", [K, XN]).
raw_factor(S, A, _, D, f(tie_with_ally(K), K, 1), Detail, [L]) :-
    holds(tie(S, A, K), D, L),
    name_of(A, AN),
    format(string(Detail), "~w ties with ~w", [K, AN]).
raw_factor(S, A, X, D, f(competing_priority, T, 1), Detail, [L|Ex]) :-
    holds(priority(S, T), D, L),
    threat(T, TN, Origin), Origin \== X, Origin \== A,
    findall(E, holds(exercise(S, _, T), D, E), Ex),
    format(string(Detail), "preoccupied with ~w", [TN]).
raw_factor(S, A, X, D, f(past_reaction(R), E, Scale), Detail, [L]) :-
    holds(reaction(S, E, R), D, L),
    event(E, EN, ED, Ea, Ev), ED =< D,
    (   Ev == A, Ea == X -> Scale = 1
    ;   ( Ev == A ; Ea == X ) -> Scale = 0.5
    ),
    reaction_phrase(R, RP), date_text(ED, DT),
    format(string(Detail), "~w after ~w (~w)", [RP, EN, DT]).
raw_factor(S, _, X, D, f(rivalry_with_attacker, X, 1), Detail, [L]) :-
    X \== none, holds(rivalry(S, X), D, L),
    name_of(X, XN), format(string(Detail), "rivalry with ~w", [XN]).
raw_factor(S, _, X, D, f(conflict_with_attacker, I, 1), Detail, [L]) :-
    X \== none, holds(conflict(S, X, I), D, L),
    name_of(X, XN), name_of(I, IN),
    format(string(Detail), "in conflict with ~w over ~w", [XN, IN]).
raw_factor(S, A, _, D, f(rivalry_with_ally, A, 1), Detail, [L]) :-
    holds(rivalry(S, A), D, L),
    name_of(A, AN), format(string(Detail), "rivalry with ~w", [AN]).
raw_factor(S, A, _, D, f(conflict_with_ally, I, 1), Detail, [L]) :-
    holds(conflict(S, A, I), D, L),
    name_of(A, AN), name_of(I, IN),
    format(string(Detail), "in conflict with ~w over ~w", [AN, IN]).
raw_factor(S, A, X, D, f(ally_complaint, O, 1), Detail, [L1, L2]) :-
    X \== none, S \== A,
    holds(complaint(A, O, I), D, L1),
    holds(conflict(A, X, I), D, _),
    holds(member(S, O), D, L2),
    name_of(A, AN), name_of(I, IN),
    format(string(Detail), "~w complains its ~w partners fail it over ~w", [AN, O, IN]).

reaction_phrase(support, "stood with the victim").
reaction_phrase(tepid, "offered only tepid support").
reaction_phrase(restraint, "called for restraint").
reaction_phrase(silence, "said nothing").
reaction_phrase(condemnation, "condemned the victim").

date_text(D, T) :-
    Y is D // 10000, M is D // 100 mod 100, Dd is D mod 100,
    format(string(T), "~d-~|~`0t~d~2+-~|~`0t~d~2+", [Y, M, Dd]).

%! verdict(+Score, -Verdict) is det.
verdict(Score, likely)   :- verdict_threshold(likely, L), Score >= L, !.
verdict(Score, unlikely) :- verdict_threshold(unlikely, U), Score < U, !.
verdict(_, uncertain).

%! assess(+Defender, +Ally, +Attacker, +Date, -Bases, -Assessment) is det.
%
%  Assessment = assessment(Defender, Obligated, Bases, Verdict, Score,
%  Factors).
assess(S, A, X, D, Bases, assessment(S, Obligated, Bases, Verdict, Score, Factors)) :-
    (   Bases == [] -> Obligated = false, W0 = 0 ; Obligated = true, weight(obligation, W0) ),
    factors(S, A, X, D, Factors),
    foldl([factor(_, W, _, _), S0, S1]>>(S1 is S0 + W), Factors, W0, Score0),
    Score is round(Score0 * 100) / 100,
    verdict(Score, Verdict).

%! defenders(+Ally, +Attacker, +Date, -Assessments) is det.
%
%  Every state obligated to defend Ally against Attacker on Date, and
%  every other state whose factors give it a positive score: obligated
%  first, then by descending score, then by id.
defenders(A, X, D, Sorted) :-
    findall(S, candidate(S, A, X, D), Ss0),
    sort(Ss0, Ss),
    findall(Asm,
            ( member(S, Ss),
              findall(B, obligated(S, A, X, D, B), Bs),
              assess(S, A, X, D, Bs, Asm),
              keep(Asm) ),
            Asms),
    predsort(by_rank, Asms, Sorted).

candidate(S, A, X, D) :- obligated(S, A, X, D, _).
candidate(S, A, X, _) :- state(S, _, _), S \== A, S \== X.

keep(assessment(_, true, _, _, _, _)) :- !.
keep(assessment(_, false, _, _, Score, Factors)) :-
    Score > 0,
    memberchk(factor(_, W, _, _), Factors), W > 0, !.

by_rank(O, assessment(S1, Ob1, _, _, Sc1, _), assessment(S2, Ob2, _, _, Sc2, _)) :-
    rank_key(Ob1, Sc1, S1, K1), rank_key(Ob2, Sc2, S2, K2),
    compare(O0, K1, K2),
    ( O0 == (=) -> O = (<) ; O = O0 ).

rank_key(true,  Sc, S, k(0, NSc, S)) :- NSc is -Sc.
rank_key(false, Sc, S, k(1, NSc, S)) :- NSc is -Sc.
