:- module(rules,
          [ bound/4,            % ?State, ?Treaty, +Date, -Leaves
            obligated/5,        % ?Defender, +Ally, +Attacker, +Date, -Basis
            factors/5,          % +Defender, +Ally, +Attacker, +Date, -Factors
            assess/6,           % +Defender, +Ally, +Attacker, +Date, -Bases, -Assessment
            bases/5,            % +Defender, +Ally, +Attacker, +Date, -Bases
            defenders/4,        % +Ally, +Attacker, +Date, -Assessments
            obligations/4,      % +Ally, +Attacker, +Date, -Assessments
            verdict/2,          % +Score, -Verdict
            bloc_counts/2,      % +Side, +Organisation
            side_kind/3,        % +Prefix, +Side, -Kind
            user_rules_loaded/0
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
  - assess/6: the verdict model (verdict_model.pl): the log-odds that
    the defender fights = the model's own terms (the era's base rate,
    the obligation's design) + the factor weights; the probability and
    the verdict (a band of it) follow from the log-odds.

Example:
==
?- defenders(armenia, azerbaijan, 20151231, As).
==
*/

:- use_module(entities).
:- use_module(state_names, [state_name_on/3]).
:- use_module(areas).
:- use_module(store).
:- use_module(weights).
:- use_module(verdict_model, [model_terms/6, model_kind/1]).
:- use_module(crises, [crisis_event/5, crisis_factor/5, crisis_profile/3, crisis_factors/2]).
:- use_module(memo, [memo/3]).
:- use_module(library(lists)).
:- use_module(library(apply)).
:- use_module(library(pairs)).
:- use_module(library(assoc)).
:- use_module(library(sort), [predsort/3]).
:- use_module(library(yall)).   % lambdas expanded when compiled, not copied per call

%! bound(?State, ?Treaty, +Date, -Leaves) is nondet.
%
%  State is bound by Treaty on Date: the treaty is in force and State is
%  a member of its organisation or a party to it.
bound(S, T, D, [leaf(in_force(T), source(Name, "entered into force"), InForce), Leaf]) :-
    (   nonvar(T)
    ->  treaty(T, Name, Org, _, InForce),
        InForce =< D,
        (   Org \== none, holds(member(S, Org), D, Leaf)
        ;   holds(party(S, T), D, Leaf)
        )
    ;   % From the state's own memberships and parties: never a walk over
        % every treaty (an ATOP import has hundreds).
        (   holds(member(S, Org), D, Leaf), treaty(T, Name, Org, _, InForce)
        ;   holds(party(S, T), D, Leaf), treaty(T, Name, _, _, InForce)
        ),
        InForce =< D
    ).

%! obligated(?Defender, +Ally, +Attacker, +Date, -Basis) is nondet.
%
%  Basis = basis(Treaty, Clause, Notes, Leaves): Defender must defend
%  Ally against Attacker on Date under Clause of Treaty.  Attacker may be
%  `none` (who must defend the ally against anyone).  Notes lists the
%  conditions assumed met and `fellow_member` when the attacker is bound
%  by the same treaty.  A party exempt from the treaty's defence
%  obligation (exempt/3: ATOP codes its member row defense=0, as Japan's
%  under the 1960 treaty with the United States) is no defender under it,
%  though the others must defend it.
obligated(S, A, X, D, basis(T, C, Notes, Leaves)) :-
    bound(A, T, D, LeavesA),
    clause(T, C, _, defence, Conds, _),
    bound(S, T, D, LeavesS),
    S \== A, S \== X,
    \+ holds(exempt(S, T, defence), D, _),   % its own commitment has none (ATOP member level)
    conditions_met(Conds, A, X, CondNotes),
    (   X \== none, bound(X, T, D, _)
    ->  Notes = [fellow_member|CondNotes]
    ;   Notes = CondNotes
    ),
    append(LeavesA, LeavesS, Leaves0),
    sort(Leaves0, Leaves).

%  obligated_any(-Defender, +Ally, +Attacker, +Date, -Basis): obligated/5
%  with the defender unbound, each solution for a given defender in the
%  same order, but what depends on the treaty alone (its parties on the
%  date, whether the attacker is one) read once per treaty and a clause's
%  conditions tested once per clause, not once per party: the CIS and
%  ATOP's post-Soviet alliances bind a dozen states each.
%  What depends on the ally and the date alone (its treaties) and on the
%  treaty and the date alone (its defence clauses, its parties and which
%  of them are exempt) is read from tables kept across questions
%  (kb/memo.pl); the attacker and the place are the question's.
obligated_any(S, A, X, D, basis(T, C, Notes, Leaves)) :-
    bindings(A, D, Bindings),
    member(T-LeavesA, Bindings),
    defence_table(T, D, defence(Clauses, Parties)),
    Clauses \== [],
    (   X \== none, memberchk(p(X, _, _), Parties) -> Fellow = [fellow_member] ; Fellow = [] ),
    member(C-Conds, Clauses),
    conditions_met(Conds, A, X, CondNotes),
    append(Fellow, CondNotes, Notes),
    member(p(S, LeavesS, Exempt), Parties),
    S \== A, S \== X,
    Exempt == false,
    append(LeavesA, LeavesS, Leaves0),
    sort(Leaves0, Leaves).

%  bindings(+State, +Date, -Bindings): Treaty-Leaves for every treaty
%  bound/4 finds State bound by on Date, in its order.
bindings(A, D, Bindings) :-
    memo(bindings(A, D), Bindings, findall(T-L, bound(A, T, D, L), Bindings)).

%  defence_table(+Treaty, +Date, -Table): defence(Clauses, Parties), the
%  treaty's defence clauses (Clause-Conditions) and every state it binds
%  on Date, p(State, Leaves, Exempt) in bound/4's order, Exempt true when
%  the state's own commitment has no defence obligation (exempt/3).
defence_table(T, D, Table) :-
    memo(defence_table(T, D), Table,
         ( findall(C-Conds, clause(T, C, _, defence, Conds, _), Clauses),
           (   Clauses == []
           ->  Parties = []
           ;   findall(p(S, L, E), ( bound(S, T, D, L), ( holds(exempt(S, T, defence), D, _) -> E = true ; E = false ) ),
                       Parties)
           ),
           Table = defence(Clauses, Parties) )).

%! bases(+Defender, +Ally, +Attacker, +Date, -Bases) is det.
%
%  Every basis of Defender's obligation, one per treaty clause: when a
%  clause binds by two routes (curated membership of the organisation and
%  an imported ATOP party spell) their evidence is merged into one basis.
bases(S, A, X, D, Bases) :-
    findall(T-C-basis(T, C, Notes, Leaves), obligated(S, A, X, D, basis(T, C, Notes, Leaves)), Found),
    keysort(Found, Sorted),
    merge_bases(Sorted, Bases).

merge_bases([], []).
merge_bases([K-basis(T, C, N1, L1), K-basis(T, C, N2, L2)|Rest], Bases) :- !,
    union(N1, N2, N),
    append(L1, L2, L0), sort(L0, L),
    merge_bases([K-basis(T, C, N, L)|Rest], Bases).
merge_bases([_-B|Rest], [B|Bases]) :-
    merge_bases(Rest, Bases).

%! conditions_met(+Conditions, +Ally, +Attacker, -Notes) is semidet.
%
%  The clause's conditions hold for an attack by Attacker on Ally where
%  the question says it falls (areas:attack_place/1): an adversary
%  condition names the attacker, an area condition covers the place
%  (areas:area_condition/4).  Conditions no fact can test are assumed,
%  and Notes says so; ATOP's location condition is no longer assumed
%  when the question names a place and the clause has an area to check.
conditions_met(Conds, A, X, Notes) :-
    attack_place(P),
    conditions_met(Conds, Conds, A, X, P, Notes).

conditions_met([], _, _, _, _, []).
conditions_met([C|Cs], All, A, X, P, Notes) :-
    condition_met(C, All, A, X, P, Notes, Ns),
    conditions_met(Cs, All, A, X, P, Ns).

condition_met(adversary(Xs), _, _, X, _, [adversary(Xs)|Ns], Ns) :- !,
    ( X == none -> true ; memberchk(X, Xs) ).
condition_met(area(Covered), _, A, _, P, Notes, Ns) :- !,
    area_condition(Covered, A, P, Note),
    ( Note == none -> Notes = Ns ; Notes = [Note|Ns] ).
condition_met(location(_), All, _, _, P, Ns, Ns) :-
    P \== none, memberchk(area(_), All), !.
condition_met(C, _, _, _, _, [assumed(C)|Ns], Ns).

%! factors(+Defender, +Ally, +Attacker, +Date, -Factors) is det.
%
%  Factors is a list of factor(Kind, Weight, Detail, Leaves), one per
%  kind and subject (evidence for the same factor is merged, so one
%  claim reported twice does not count twice).
factors(S, A, X, D, Factors) :-
    sides(A, X, D, Sides),
    side_factors(Sides, S, Factors).

side_factors(Sides, S, Factors) :-
    findall(Key-(Detail-Leaf), raw_factor(Sides, S, Key, Detail, Leaf), Raw),
    raw_factors(Sides, Raw, Factors).

%  raw_factors(+Sides, +Raw, -Factors): one defender's raw factors,
%  Key-(Detail-Leaves) in the order raw_factor/5 gives them, merged into
%  factors.  keysort/2 is stable: the first detail of a key stays the one
%  shown.  A state in a detail is named as it was on the sides' date.
raw_factors(Sides, Raw, Factors) :-
    keysort(Raw, Sorted),
    group_pairs_by_key(Sorted, Groups),
    arg(3, Sides, D),
    maplist(make_factor(D), Groups, Factors0),
    exclude(zero_weight, Factors0, Factors).

%  every_raw_factor(+Sides, -ByState): the raw factors of every defender
%  at once, S-Raw by S, each Raw the solutions side_factors/3 collects for
%  S: for each key, the same solutions in the same order (each clause of
%  raw_factor/5 reads the defender's facts from the sides' keys, and a
%  lookup returns a state's facts in the store's order whether the state
%  is bound or not; keysort/2 on S is stable), so raw_factors/3 makes the
%  same factors of them.  One pass over the sides' facts instead of ~12
%  pair lookups per candidate, nearly all finding nothing (finding 21 of
%  docs/performance.md).  What depends on one side's state and the date
%  alone, or on the date, or on one event, is read from tables kept
%  across questions (pair_raw/2, finding 25).  Not for a user's rules,
%  which are asked about one defender at a time.
every_raw_factor(Sides, ByState) :-
    pair_raw(Sides, Parts),
    append(Parts, Raw0),
    keysort(Raw0, Raw),
    group_pairs_by_key(Raw, ByState).

%  pair_raw(+Sides, -Parts): the solutions S-(Key-(Detail-Leaves)) of
%  raw_factor/5 with S unbound, in parts: per clause, each part in the
%  clause's order (one key comes from one clause only, so that is the
%  order that counts).  A part that depends on the question's pair only
%  through a filter is kept whole in a table and filtered here.
pair_raw(Sides, [Backs, Priorities, Reactions, Complaints, Crises|SideParts]) :-
    Sides = sides(A, X, D, Profiles, _, Events),
    findall(Part, ( member(P, Profiles), side_part(P, D, Part) ), SideParts),
    findall(Part, ( side(Side, A, X, O), backs_part(Side, O, A, X, D, Part) ), BackParts),
    append(BackParts, Backs),
    memo(priorities(D), Ps, findall(Origin-R, priority_factor(D, Origin, R), Ps)),
    findall(R, ( member(Origin-R, Ps), Origin \== X, Origin \== A ), Priorities),
    findall(Part, ( member(Ev, Events), reaction_part(Ev, D, Part) ), ReactionParts),
    append(ReactionParts, Reactions),
    findall(S-(Key-(Detail-Leaf)), complaint_factor(Sides, S, Key, Detail, Leaf), Complaints),
    crisis_factors(Sides, Crises).

%  side_part(+Profile, +Date, -Part): side_factor/6 of one side's state
%  on Date; the crisis profile has none.
side_part(P, D, Part) :-
    P = side(Side, O, _, _, _, _),
    memo(side_factors(Side, O, D), Part,
         findall(S-(Key-(Detail-Leaf)), side_factor(P, D, S, Key, Detail, Leaf), Part)).

backs_part(Side, O, A, X, D, Part) :-
    memo(backers(O, D), Backers, findall(S-I-L, holds(backs(S, O, I), D, L), Backers)),
    findall(S-(f(Kind, I, 1)-(Detail-[L])),
            ( member(S-I-L, Backers), backs_factor(Side, O, A, X, D, I, Kind, Detail) ),
            Part).

reaction_part(ev(E, EN, ED, Scale), D, Part) :-
    memo(reactions(E, D), Rs, findall(S-R-L, holds(reaction(S, E, R), D, L), Rs)),
    findall(S-(Key-(Detail-[L])), ( member(S-R-L, Rs), reaction_factor(E, EN, ED, Scale, R, Key, Detail) ), Part).

%! sides(+Ally, +Attacker, +Date, -Sides) is det.
%
%  What the ally and the attacker bring to every defender's factors, read
%  once per question rather than once per defender: each side's
%  ethnicities, blocs, stances and the declarations upholding it, the
%  ally's complaints about the dispute, and the events with the ally as
%  victim or the attacker as attacker.  A defender's factors are then
%  lookups with both states known (an index on the pair), never a walk
%  over all of a state's facts of one kind: on the large synthetic world
%  a state has thousands, and SWI-Prolog's index on (kind, state) shares
%  its buckets between a state with a handful and one with thousands.
%
%  Each side's profile, the ally's crisis profile and the events with a
%  state as victim or as attacker are kept across questions (kb/memo.pl).
sides(A, X, D, sides(A, X, D, Profiles, Complaints, Events)) :-
    side_profile_of(ally, A, D, PA),
    (   X \== none -> side_profile_of(attacker, X, D, PX), Profiles0 = [PX, PA] ; Profiles0 = [PA] ),
    memo(crisis_profile(A, D), CP, crisis_profile(A, D, CP)),   % kb/crises.pl: the ally's requests, once
    Profiles = [CP|Profiles0],
    findall(c(O, I, L), ( X \== none, holds(complaint(A, O, I), D, L), holds(conflict(A, X, I), D, _) ), Complaints),
    memo(victim_events(A, D), Victim,
         findall(E-EN-ED-Ea, ( crisis_event(E, EN, ED, Ea, A), ED =< D ), Victim)),   % kb/crises.pl
    findall(ev(E, EN, ED, Scale), ( member(E-EN-ED-Ea, Victim), ( Ea == X -> Scale = 1 ; Scale = 0.5 ) ), Events1),
    (   X \== none
    ->  memo(attacker_events(X, D), Attacker,
             findall(E-EN-ED-Ev, ( crisis_event(E, EN, ED, X, Ev), ED =< D ), Attacker)),
        findall(ev(E, EN, ED, 0.5), ( member(E-EN-ED-Ev, Attacker), Ev \== A ), Events2)
    ;   Events2 = []
    ),
    append(Events1, Events2, Events).

side_profile_of(Side, O, D, P) :-
    memo(side_profile(Side, O, D), P, side_profile(Side, O, D, P)).

side_profile(Side, O, D, side(Side, O, Ethnicities, Blocs, Stances, Declarations)) :-
    findall(G-L, holds(ethnicity(O, G), D, L), Ethnicities),
    findall(Org-L, ( holds(member(O, Org), D, L), bloc_counts(Side, Org) ), Blocs),
    findall(I-P-L, holds(stance(O, I, P), D, L), Stances),
    findall(Dec-I-L, holds(supports(Dec, O, I), D, L), Declarations).

make_factor(On, Key-DLs, factor(Kind, W, Detail, Leaves)) :-
    Key = f(Kind, _Subject, Scale),
    DLs = [D-_|_],
    memo(detail(D, On), Detail, detail_text(D, On, Detail)),
    pairs_values(DLs, Leaves0),
    append(Leaves0, Leaves1),
    sort(Leaves1, Leaves),
    weight(Kind, W0),
    W is W0 * Scale.

zero_weight(factor(_, W, _, _)) :- W =:= 0.

%  detail_text(+Detail, +On, -Text): raw factors describe themselves as
%  d(Format, Args) with n(Id) for a name, g(Group) for a kinship group and
%  date(D) for a date; only the one detail kept per factor is formatted
%  (on a large world a defender has hundreds of pieces of evidence).  A
%  state is named as it was on the question's date On
%  (state_names:state_name_on/3).
detail_text(d(Fmt, Args0), On, Text) :- !,
    maplist(detail_arg(On), Args0, Args),
    format(string(Text), Fmt, Args).
detail_text(Text, _, Text).

detail_arg(On, n(Id), Name) :- !, name_of(Id, On, Name).
detail_arg(_, g(G), Name) :- !, group_name(G, Name).
detail_arg(_, date(D), Text) :- !, date_text(D, Text).
detail_arg(_, A, A).

name_of(Id, On, Name) :- state(Id, _, _), !, state_name_on(Id, On, Name).
name_of(Id, _, Name) :- name_of(Id, Name).

name_of(Id, Name) :- state(Id, Name, _), !.
name_of(Id, Name) :- organisation(Id, Name), !.
name_of(Id, Name) :- issue(Id, Name), !.
name_of(Id, Name) :- declaration(Id, Name, _), !.
name_of(Id, Name) :- event(Id, Name, _, _, _), !.
name_of(Id, Name) :- threat(Id, Name, _), !.
name_of(Id, Id).

group_name(G, Name) :-
    atom_codes(G, [C|Cs]), code_type(U, to_lower(C)), atom_codes(Name, [U|Cs]).

%  side(?Side, +Ally, +Attacker, -State): the state on each side of the
%  attack.  Most factors come in pairs, toward the attacker (Side =
%  attacker, Kind ..._attacker) and toward the ally (..._ally); a
%  question about defence against anyone has no attacker side.
side(attacker, _, X, X) :- X \== none.
side(ally, A, _, A).

%  side_kind(+Prefix, +Side, -Kind): kinship_with + attacker gives
%  kinship_with_attacker, the name weights.pl uses.
side_kind(Prefix, Side, Kind) :- atomic_list_concat([Prefix, Side], '_', Kind).

%  A bloc shared with the ally counts only if it is no defence alliance:
%  that one is the obligation itself.
bloc_counts(attacker, _).
bloc_counts(ally, O) :- \+ ( treaty(T, _, O, _, _), clause(T, _, _, defence, _, _) ).

%  raw_factor(+Sides, +S, -Key, -Detail, -Leaves): sides/4 holds the ally,
%  the attacker and the date.
%  Key = f(Kind, Subject, Scale).
%
%  matrix.pl mirrors every clause below to score all pairs at once: a
%  change here needs its counterpart there (tests/cli/matrix.py compares
%  the two for every pair of the curated kb).
raw_factor(sides(_, _, D, Profiles, _, _), S, Key, Detail, Leaves) :-
    member(P, Profiles), P = side(_, _, _, _, _, _),     % not the crisis profile
    side_factor(P, D, S, Key, Detail, Leaves).
raw_factor(sides(A, X, D, _, _, _), S, f(Kind, I, 1), Detail, [L]) :-
    side(Side, A, X, O),
    holds(backs(S, O, I), D, L),
    backs_factor(Side, O, A, X, D, I, Kind, Detail).
raw_factor(sides(A, X, D, _, _, _), S, Key, Detail, Leaves) :-
    % From the threats (few) to the defender's priority among them.
    priority_factor(D, Origin, S-(Key-(Detail-Leaves))),
    Origin \== X, Origin \== A.
raw_factor(sides(_, _, D, _, _, Events), S, Key, Detail, [L]) :-
    member(ev(E, EN, ED, Scale), Events),
    holds(reaction(S, E, R), D, L),
    reaction_factor(E, EN, ED, Scale, R, Key, Detail).
raw_factor(Sides, S, Key, Detail, Leaves) :-
    complaint_factor(Sides, S, Key, Detail, Leaves).

% Crises, requests for aid and the answers to them (kb/crises.pl).
raw_factor(Sides, S, Key, Detail, Leaves) :-
    crisis_factor(Sides, S, Key, Detail, Leaves).

%  A user's own rules (loaded with --rules FILE or .load FILE into module
%  casus_user) add factors: casus_user:factor(+Defender, +Ally, +Attacker,
%  +Date, -Weight, -Detail).  They run under the same time and stack
%  limits as every question.
raw_factor(sides(A, X, D, _, _, _), S, f(user_rule, Detail, W), Detail, [leaf(user_rule(S, A, X), source("user rule", Detail), 0)]) :-
    user_rules_loaded,
    rule_guard:user_factor(S, A, X, D, W0, Detail0),
    number(W0), W is W0, W =\= 0,
    format(string(Detail), "~w", [Detail0]).

%  side_factor(+Profile, +Date, ?S, -Key, -Detail, -Leaves): a raw factor
%  that depends on one side's state O and the date alone: kinship, a
%  declaration upholding O, a shared bloc or stance, a tie, a rivalry, a
%  conflict with O.
side_factor(side(Side, O, Ethnicities, _, _, _), D, S, f(Kind, G, 1), Detail, [L1, L2]) :-
    S \== O,
    member(G-L2, Ethnicities), holds(ethnicity(S, G), D, L1),
    side_kind(kinship_with, Side, Kind),
    Detail = d("~w kinship with ~w", [g(G), n(O)]).
side_factor(side(Side, O, _, _, _, Declarations), D, S, f(Kind, Dec, 1), Detail, [L1, L2]) :-
    member(Dec-I-L2, Declarations), holds(signed(S, Dec), D, L1),
    side_kind(signed_declaration_for, Side, Kind),
    Detail = d("signed the ~w, upholding ~w on ~w", [n(Dec), n(O), n(I)]).
side_factor(side(Side, O, _, Blocs, _, _), D, S, f(Kind, Org, 1), Detail, [L1, L2]) :-
    S \== O,
    member(Org-L2, Blocs), holds(member(S, Org), D, L1),
    side_kind(shared_bloc_with, Side, Kind),
    Detail = d("shares the ~w with ~w", [n(Org), n(O)]).
side_factor(side(Side, O, _, _, Stances, _), D, S, f(Kind, I, 1), Detail, [L1, L2]) :-
    S \== O,
    member(I-P-L2, Stances), holds(stance(S, I, P), D, L1),
    side_kind(shared_stance_with, Side, Kind),
    Detail = d("sides with ~w on ~w (~w)", [n(O), n(I), P]).
side_factor(side(Side, O, _, _, _, _), D, S, f(Kind, K, 1), Detail, [L]) :-
    holds(tie(S, O, K), D, L),
    side_kind(tie_with, Side, TieWith), Kind =.. [TieWith, K],
    Detail = d("~w ties with ~w", [K, n(O)]).
side_factor(side(Side, O, _, _, _, _), D, S, f(Kind, O, 1), Detail, [L]) :-
    holds(rivalry(S, O), D, L),
    side_kind(rivalry_with, Side, Kind),
    Detail = d("rivalry with ~w", [n(O)]).
side_factor(side(Side, O, _, _, _, _), D, S, f(Kind, I, 1), Detail, [L]) :-
    holds(conflict(S, O, I), D, L),
    side_kind(conflict_with, Side, Kind),
    Detail = d("in conflict with ~w over ~w", [n(O), n(I)]).

%  backs_factor(+Side, +O, +A, +X, +D, +Issue, -Kind, -Detail): a backing
%  of O on Issue, a backing of the claim when Issue is the very one in
%  dispute between the ally and the attacker.
backs_factor(Side, O, A, X, D, I, Kind, Detail) :-
    side_kind(backs, Side, Backs),
    (   X \== none, holds(conflict(A, X, I), D, _)
    ->  atom_concat(Backs, '_claim', Kind)      % the very issue in dispute
    ;   Kind = Backs
    ),
    Detail = d("backs ~w on ~w", [n(O), n(I)]).

%  priority_factor(+D, -Origin, -Raw): a state's priority on D among the
%  threats, Raw = S-(Key-(Detail-Leaves)); the threat's Origin is
%  neither side's (raw_factor/5 tests it).
priority_factor(D, Origin, S-(f(competing_priority, T, 1)-(Detail-[L|Ex]))) :-
    threat(T, TN, Origin),
    holds(priority(S, T), D, L),
    findall(E, holds(exercise(S, _, T), D, E), Ex),
    Detail = d("preoccupied with ~w", [TN]).

reaction_factor(E, EN, ED, Scale, R, f(past_reaction(R), E, Scale), d("~w after ~w (~w)", [RP, EN, date(ED)])) :-
    reaction_phrase(R, RP).

complaint_factor(sides(A, _, D, _, Complaints, _), S, f(ally_complaint, O, 1), Detail, [L1, L2]) :-
    S \== A,
    member(c(O, I, L1), Complaints),
    holds(member(S, O), D, L2),
    Detail = d("~w complains its ~w partners fail it over ~w", [n(A), n(O), n(I)]).

%! user_rules_loaded is semidet.
%
%  True when a user's rule file defined casus_user:factor/6. Asked before
%  calling it: calling an undefined predicate makes SWI-Prolog look for
%  it in its library index first (~3 ms on the first call, an exception
%  on every one).
user_rules_loaded :-
    current_predicate(casus_user:factor/6).

reaction_phrase(support, "stood with the victim").
reaction_phrase(tepid, "offered only tepid support").
reaction_phrase(restraint, "called for restraint").
reaction_phrase(silence, "said nothing").
reaction_phrase(condemnation, "condemned the victim").

date_text(D, T) :-
    Y is D // 10000, M is D // 100 mod 100, Dd is D mod 100,
    format(string(T), "~d-~|~`0t~d~2+-~|~`0t~d~2+", [Y, M, Dd]).

%! verdict(+Score, -Verdict) is det.
%
%  Score is the log-odds that the defender fights; the verdict is its
%  band (verdict_model:verdict/2).
verdict(Score, Verdict) :-
    verdict_model:verdict(Score, Verdict).

%! assess(+Defender, +Ally, +Attacker, +Date, -Bases, -Assessment) is det.
%
%  Assessment = assessment(Defender, Obligated, Bases, Verdict, Score,
%  Factors): Score is the log-odds that Defender fights (rounded to
%  cents), the sum of the effects of Factors, which lists the model's own
%  terms (verdict_model:model_terms/6) before the curated factors.
assess(S, A, X, D, Bases, Assessment) :-
    sides(A, X, D, Sides),
    assess_with(Sides, S, Bases, Assessment).

assess_with(Sides, S, Bases, Assessment) :-
    side_factors(Sides, S, Curated),
    assess_factors(Sides, S, Bases, Curated, Assessment).

%  assess_factors(+Sides, +S, +Bases, +Curated, -Assessment): assess_with/4
%  with the defender's curated factors already made.
assess_factors(Sides, S, Bases, Curated, assessment(S, Obligated, Bases, Verdict, Score, Factors)) :-
    Sides = sides(A, X, D, _, _, _),
    (   Bases == [] -> Obligated = false ; Obligated = true ),
    model_terms(S, A, X, D, Bases, Terms),
    append(Terms, Curated, Factors),
    foldl([factor(_, W, _, _), S0, S1]>>(S1 is S0 + W), Factors, 0, Score0),
    cents(Score0, Score),
    verdict(Score, Verdict).

%! cents(+Sum, -Cents) is det.
%
%  A sum of effects rounded to cents, half away from zero.  The sum is
%  first snapped to a millionth: the defence matrix (engine/src/matrix.cpp)
%  adds the same effects in another order, and a sum such as -3.735 comes
%  out a hair above or below it, which would round the two ways apart.
cents(Sum, Cents) :-
    Cents is round(round(Sum * 1000000) / 10000) / 100.

%! defenders(+Ally, +Attacker, +Date, -Assessments) is det.
%
%  Every state obligated to defend Ally against Attacker on Date, and
%  every other state whose factors give it a positive score: obligated
%  first, then by descending score, then by id.  The obligations are
%  found once, from the ally's treaties to their members and parties,
%  as the two sides' facts are (sides/4).
defenders(A, X, D, Sorted) :-
    sides(A, X, D, Sides),
    all_bases(A, X, D, Obligations),
    (   user_rules_loaded
    ->  candidates(Sides, Obligations, Candidates),
        findall(Asm,
                ( member(S, Candidates),
                  ( get_assoc(S, Obligations, Bs) -> true ; Bs = [] ),
                  assess_with(Sides, S, Bs, Asm),
                  keep(Asm) ),
                Asms)
    ;   every_raw_factor(Sides, ByState),
        list_to_assoc(ByState, RawOf),
        raw_candidates(Sides, Obligations, ByState, Candidates),
        findall(Asm,
                ( member(S, Candidates),
                  ( get_assoc(S, Obligations, Bs) -> true ; Bs = [] ),
                  ( get_assoc(S, RawOf, Raw) -> true ; Raw = [] ),
                  raw_factors(Sides, Raw, Curated),
                  assess_factors(Sides, S, Bs, Curated, Asm),
                  keep(Asm) ),
                Asms)
    ),
    predsort(by_rank, Asms, Sorted).

%! obligations(+Ally, +Attacker, +Date, -Assessments) is det.
%
%  Every state obligated to defend Ally against Attacker on Date, by id,
%  assessed as defenders/4 assesses them: the sides and the obligations
%  read once, not once per obligated state.
obligations(A, X, D, Asms) :-
    sides(A, X, D, Sides),
    all_bases(A, X, D, Obligations),
    assoc_to_list(Obligations, Pairs),
    findall(Asm, ( member(S-Bs, Pairs), assess_with(Sides, S, Bs, Asm) ), Asms).

%  all_bases(+Ally, +Attacker, +Date, -Obligations): an assoc from each
%  obligated defender to its bases, as bases/5 gives them (the same
%  solutions in the same order, grouped by defender).
all_bases(A, X, D, Obligations) :-
    findall(S-(T-C-basis(T, C, Notes, Leaves)),
            ( obligated_any(S, A, X, D, basis(T, C, Notes, Leaves)), in_system(S, D) ),
            Found),
    keysort(Found, ByState),
    group_pairs_by_key(ByState, Groups),
    findall(S-Bases, ( member(S-Found1, Groups), keysort(Found1, Sorted), merge_bases(Sorted, Bases) ), Pairs),
    list_to_assoc(Pairs, Obligations).

%  candidates(+Sides, +Obligations, -States): the states defenders/4
%  assesses: every obligated state, and every state in the state system
%  on the date (entities:in_system/2) with a factor of positive weight,
%  found from the two sides' facts (raw_factor/5 with the defender
%  unbound); never the two parties.  keep/1 keeps nothing else (an
%  answer is obligated, or has a factor that pushes toward acting), so
%  the answer is the one assessing every state would give, without
%  assessing the 200-odd states of the whole state system one by one.
%  A user's rules may give a factor to any state: then every state in
%  the system is a candidate.
candidates(Sides, Obligations, States) :-
    Sides = sides(A, X, D, _, _, _),
    assoc_to_keys(Obligations, Obliged),
    (   user_rules_loaded
    ->  findall(S, state(S, _, _), Others)
    ;   findall(S, ( raw_factor(Sides, S, f(Kind, _, Scale), _, _), weight(Kind, W0), W0 * Scale > 0 ), Others)
    ),
    append(Obliged, Others, All0),
    sort(All0, All),
    include(candidate(A, X, D), All, States).

candidate(A, X, D, S) :- S \== A, S \== X, in_system(S, D).

%  raw_candidates(+Sides, +Obligations, +ByState, -States): candidates/3
%  from every defender's raw factors (every_raw_factor/2) already found.
raw_candidates(Sides, Obligations, ByState, States) :-
    Sides = sides(A, X, D, _, _, _),
    assoc_to_keys(Obligations, Obliged),
    findall(S, ( member(S-Raw, ByState), pushes(Raw) ), Others),
    append(Obliged, Others, All0),
    sort(All0, All),
    include(candidate(A, X, D), All, States).

pushes(Raw) :-
    member(f(Kind, _, Scale)-_, Raw), weight(Kind, W0), W0 * Scale > 0, !.

%  A state no treaty obliges is in the answer when its curated factors
%  (not the model's base rate) add up to a push toward acting and one of
%  them pushes toward acting (memberchk/2 would test only the first
%  factor: a state whose first factor was negative was dropped).
keep(assessment(_, true, _, _, _, _)) :- !.
keep(assessment(_, false, _, _, _, Factors)) :-
    exclude([factor(K, _, _, _)]>>model_kind(K), Factors, Curated),
    foldl([factor(_, W, _, _), S0, S1]>>(S1 is S0 + W), Curated, 0, Push0),
    cents(Push0, Push),                     % as the score
    Push > 0,
    member(factor(_, W, _, _), Curated), W > 0, !.

by_rank(O, assessment(S1, Ob1, _, _, Sc1, _), assessment(S2, Ob2, _, _, Sc2, _)) :-
    rank_key(Ob1, Sc1, S1, K1), rank_key(Ob2, Sc2, S2, K2),
    compare(O0, K1, K2),
    ( O0 == (=) -> O = (<) ; O = O0 ).

rank_key(true,  Sc, S, k(0, NSc, S)) :- NSc is -Sc.
rank_key(false, Sc, S, k(1, NSc, S)) :- NSc is -Sc.
