:- module(user_entities,
          [ define_user_entity/1,   % +Entity
            user_definable/1,       % ?Kind
            obligation_kind/1       % ?Obligation
          ]).

/** <module> Entities a user creates with `define` statements

`define organisation eu "European Union"`, `define treaty ...`, `define
clause ...` and the like (the README's language section) create states,
organisations, treaties and their clauses, issues, events, declarations
and territories.  The engine resolves the statement's names, then calls
define_user_entity/1 for each entity it makes, in order.  This module is
the kb's own check of a definition; the entity itself is stored by
store:define_entity/2, the same way an ATOP import stores its treaties:
asserted into the entities module's dynamic tables (so every lookup of
entities.pl sees it at once, and every question), recorded in
store:defined_/1 (so a snapshot keeps it), and journaled by the engine
as a `define` record (so a restart replays it).  Nothing here is a second
table: there is one place an entity lives.

A definition is refused, and nothing of it stored, when its id is taken
(by an entity of any kind: a new id must name one thing), when what it
refers to is unknown (a treaty's organisation, a clause's treaty, an
event's states, a territory's holder), or when a value is out of its
range (an obligation, a region, dates in the wrong order).

Example:
==
?- define_user_entity(organisation(eu, "European Union")).
true.
?- define_user_entity(organisation(eu, "European Union")).
ERROR: the id eu is taken: it is the organisation "European Union"; choose another id
==
*/

:- use_module(entities).
:- use_module(areas, [region/2]).
:- use_module(store, [define_entity/2]).
:- use_module(library(lists)).
:- use_module(library(apply)).

%! user_definable(?Kind) is nondet.
%
%  The entity kinds a define statement creates.
user_definable(state).
user_definable(organisation).
user_definable(treaty).
user_definable(clause).
user_definable(issue).
user_definable(event).
user_definable(declaration).
user_definable(territory).
user_definable(entity_source).

%! obligation_kind(?Obligation) is nondet.
%
%  The obligations a clause creates, as ATOP codes them, and `none` for a
%  clause that obliges no security action.
obligation_kind(defence).
obligation_kind(offence).
obligation_kind(neutrality).
obligation_kind(non_aggression).
obligation_kind(consultation).
obligation_kind(none).

%! define_user_entity(+Entity) is det.
%
%  Checks Entity as a user's definition and stores it; throws
%  error(casus_definition(Message), _) and stores nothing when it is
%  refused.
define_user_entity(E) :-
    must_be(ground, E),
    functor(E, K, _),
    (   user_definable(K) -> true ; refuse("~w is not an entity a define statement creates", [K]) ),
    check(E),
    define_entity(E, Status),
    (   Status == added -> true ; refuse("~q is in the kb already", [E]) ).

check(state(Id, _, _)) :- free(Id).
check(organisation(Id, _)) :- free(Id).
check(treaty(Id, _, Org, Signed, InForce)) :-
    free(Id),
    (   Org == none -> true ; organisation(Org, _) -> true
    ;   refuse("the treaty's organisation ~w is not known", [Org]) ),
    (   Signed =< InForce -> true
    ;   refuse("the treaty ~w would enter into force (~w) before it was signed (~w)", [Id, InForce, Signed]) ).
check(clause(T, C, _, Ob, Conds, _)) :-
    (   treaty(T, _, _, _, _) -> true ; refuse("the treaty ~w is not known", [T]) ),
    (   clause(T, C, Title, _, _, _)
    ->  refuse("the treaty ~w has a clause ~w already (~w); choose another id", [T, C, Title])
    ;   true ),
    (   obligation_kind(Ob) -> true ; refuse("~w is no obligation a clause creates", [Ob]) ),
    maplist(check_condition, Conds).
check(issue(Id, _)) :- free(Id).
check(declaration(Id, _, _)) :- free(Id).
check(event(Id, _, _, X, V)) :-
    free(Id), state_or_none(X), state_or_none(V).
check(territory(Id, _, Holder, Region)) :-
    free(Id), state_or_none(Holder), known_region(Region).
check(entity_source(Id, _)) :-
    (   taken(Id, _, _) -> true ; refuse("~w is no entity, so it cannot have a source", [Id]) ),
    (   entity_source(Id, _) -> refuse("~w has a source already", [Id]) ; true ).

check_condition(adversary(Xs)) :- !, must_be(list, Xs), maplist(state_or_none, Xs).
check_condition(area(Covered)) :- !,
    must_be(list, Covered),
    forall(member(P, Covered), ( P == own_territory -> true ; known_region(P) )).
check_condition(C) :-
    refuse("~q is no condition a define statement gives (adversary or area)", [C]).

state_or_none(none) :- !.
state_or_none(S) :- state(S, _, _), !.
state_or_none(S) :- refuse("~w is no known state", [S]).

known_region(R) :- region(R, _), !.
known_region(R) :-
    findall(X, region(X, _), Rs), atomic_list_concat(Rs, ', ', Text),
    refuse("~w is no region casus knows (~w)", [R, Text]).

%  free(+Id): no entity of any kind has the id.
free(Id) :-
    (   taken(Id, Kind, Name)
    ->  refuse("the id ~w is taken: it is the ~w \"~w\"; choose another id", [Id, Kind, Name])
    ;   true
    ).

taken(Id, state, N) :- state(Id, N, _), !.
taken(Id, organisation, N) :- organisation(Id, N), !.
taken(Id, treaty, N) :- treaty(Id, N, _, _, _), !.
taken(Id, issue, N) :- issue(Id, N), !.
taken(Id, event, N) :- event(Id, N, _, _, _), !.
taken(Id, declaration, N) :- declaration(Id, N, _), !.
taken(Id, threat, N) :- threat(Id, N, _), !.
taken(Id, territory, N) :- territory(Id, N, _, _), !.

refuse(Format, Args) :-
    format(string(M), Format, Args),
    throw(error(casus_definition(M), _)).
