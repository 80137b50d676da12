:- module(schema,
          [ fact_kind/3,        % ?Kind, ?ArgTypes, ?Doc
            fact_kind_of/2,     % +Fact, -Kind
            check_fact/1,       % +Fact
            valid_fact/1,       % +Fact
            entity_type/2,      % ?Type, ?Doc
            is_of_type/2,       % +Value, +Type
            symmetric_kind/1,   % ?Kind
            type_class/2,       % ?Type, ?Class
            occurrence_kind/1   % ?Kind
          ]).

/** <module> The typed schema of casus facts

Every fact that holds over a span of time (memberships, ties, backings,
reactions, ...) is a term whose functor is one of the fact kinds below
and whose arguments have the listed entity types.  The schema is data,
so the engine can validate a fact a user adds and print the schema
(`.schema` in the REPL) without any code of its own.

Example:
==
?- fact_kind(tie, Types, _).
Types = [state, state, tie_kind].
?- check_fact(tie(kazakhstan, armenia, military)).
true.
==
*/

:- use_module(entities).
:- use_module(library(error), [must_be/2, domain_error/2, existence_error/2]).

%! fact_kind(?Kind, ?ArgTypes, ?Doc) is nondet.
%
%  Kind is a fact functor whose arguments have the types ArgTypes.
fact_kind(member,    [state, organisation],          "State is a member of Organisation (and party to its treaties).").
fact_kind(party,     [state, treaty],                "State is party to Treaty directly (bilateral treaties, imported alliances).").
fact_kind(exempt,    [state, treaty, obligation],    "State is party to Treaty but its own commitment has no Obligation (ATOP codes its member row 0): it is not a defender under that treaty.").
fact_kind(tie,       [state, state, tie_kind],       "Two states have a tie of a kind: ethnic, cultural, strategic, military, economic, political.").
fact_kind(ethnicity, [state, group],                 "The state's titular people belongs to Group (turkic, slavic, ...): kinship between states of one group.").
fact_kind(backs,     [state, state, issue],          "The first state backs the second's position or territorial integrity on Issue.").
fact_kind(signed,    [state, declaration],           "State signed or supported Declaration.").
fact_kind(supports,  [declaration, state, issue],    "Declaration upholds State's position or territorial integrity on Issue.").
fact_kind(reaction,  [state, event, reaction_kind],  "State reacted to Event in this way: support, tepid, restraint, silence, condemnation.").
fact_kind(rivalry,   [state, state],                 "A longstanding rivalry or hostility between two states.").
fact_kind(conflict,  [state, state, issue],          "An open conflict between two states over Issue.").
fact_kind(stance,    [state, issue, position],       "State holds Position on Issue (states with the same position are aligned).").
fact_kind(priority,  [state, threat],                "A competing security priority: Threat ties the state's forces down.").
fact_kind(exercise,  [state, actor, threat],         "State held a military exercise with a partner (state or organisation) against Threat.").
fact_kind(complaint, [state, organisation, issue],   "State complained that its partners in Organisation fail to back it on Issue.").
fact_kind(appeal,    [state, organisation, issue],   "State appealed to its partners in Organisation to treat an attack over Issue as an attack on all.").
fact_kind(solidarity, [organisation, state, event],  "Organisation declared solidarity with State after Event.").
fact_kind(attack,    [event, state, state, territory], "Event is an attack or war by the first state on the second, on Territory (own_territory: the victim's own; or a disputed or occupied territory such as nagorno_karabakh); from its start, ended (retract ... on END) when it ends.").
fact_kind(request,   [state, actor, event, treaty, clause], "State asked Actor (a state or an organisation) for aid after Event, under Clause of Treaty.").
fact_kind(response,  [actor, event, response_kind],  "Actor answered Event (or a request made after it): troops, arms, mission (monitoring or fact-finding), concern (a statement), mediation, refusal, sided_with_attacker.").
fact_kind(suspended, [state, organisation],          "State froze (suspended) its participation in Organisation: its membership and the obligation stay on paper, it does not take part; ended (retract ... on D) when it resumes.").

%! occurrence_kind(?Kind) is nondet.
%
%  Facts of Kind are dated occurrences, not relationships that hold over
%  a span: they happen on a day, any number of times (two complaints by
%  the same state on different dates are two facts), never "overlap",
%  and are evidence from their date on.  The store keeps each with its
%  own date (store:add_fact/5); only the very same fact on the very same
%  day is refused, as a repeat.  Every other kind holds over a span
%  [From, To) and a second spell may not overlap the first.
occurrence_kind(reaction).
occurrence_kind(complaint).
occurrence_kind(appeal).
occurrence_kind(exercise).
occurrence_kind(solidarity).
occurrence_kind(request).
occurrence_kind(response).

%! symmetric_kind(?Kind) is nondet.
%
%  Facts of Kind hold in both directions of their two state arguments.
symmetric_kind(tie).
symmetric_kind(rivalry).
symmetric_kind(conflict).

%! entity_type(?Type, ?Doc) is nondet.
entity_type(state,         "a state id, name or alias (armenia, \"North Macedonia\", Astana)").
entity_type(organisation,  "an organisation id or alias (csto, nato, cctss, eeu)").
entity_type(treaty,        "a treaty id (collective_security_treaty, north_atlantic_treaty, ...)").
entity_type(declaration,   "a declaration id (cctss_astana_2015, ...) or a new snake_case id").
entity_type(event,         "an event id (su24_shootdown, ...) or a new snake_case id").
entity_type(issue,         "an issue id (nagorno_karabakh, caspian_legal_status, ...) or a new snake_case id").
entity_type(threat,        "a threat id (afghan_border, ...) or a new snake_case id").
entity_type(actor,         "a state or an organisation").
entity_type(group,         "a kinship group (turkic, slavic, iranic, ...)").
entity_type(position,      "a position on an issue, snake_case (oppose_condominium, ...)").
entity_type(tie_kind,      "one of ethnic, cultural, strategic, military, economic, political").
entity_type(reaction_kind, "one of support, tepid, restraint, silence, condemnation").
entity_type(obligation,    "one of defence, offence, neutrality, non_aggression, consultation").
entity_type(territory,     "where an attack falls: own_territory (the victim's own) or a disputed or occupied territory id (nagorno_karabakh, ...)").
entity_type(clause,        "a clause id of the treaty (article_4, ...)").
entity_type(response_kind, "one of troops, arms, mission, concern, mediation, refusal, sided_with_attacker").

%! type_class(?Type, ?Class) is nondet.
%
%  How a value of Type is checked: `entity`, a known id of that type (an
%  actor is a known state or organisation); `open`, a known id or any new
%  snake_case atom; one_of(Values).  The engine reads this table
%  (api:api_types/1) to check the facts it adds in bulk exactly as
%  type_value/2 below does.
type_class(state,         entity).
type_class(organisation,  entity).
type_class(treaty,        entity).
type_class(actor,         entity).
type_class(declaration,   open).
type_class(event,         open).
type_class(issue,         open).
type_class(threat,        open).
type_class(group,         open).
type_class(position,      open).
type_class(tie_kind,      one_of([ethnic, cultural, strategic, military, economic, political])).
type_class(reaction_kind, one_of([support, tepid, restraint, silence, condemnation])).
type_class(obligation,    one_of([defence, offence, neutrality, non_aggression, consultation])).
type_class(territory,     open).
type_class(clause,        open).
type_class(response_kind, one_of([troops, arms, mission, concern, mediation, refusal, sided_with_attacker])).

tie_kind(K) :- type_class(tie_kind, one_of(Ks)), memberchk(K, Ks).
reaction_kind(K) :- type_class(reaction_kind, one_of(Ks)), memberchk(K, Ks).
obligation_kind(K) :- type_class(obligation, one_of(Ks)), memberchk(K, Ks).
response_kind(K) :- type_class(response_kind, one_of(Ks)), memberchk(K, Ks).

%! is_of_type(+Value, +Type) is semidet.
%
%  Value (an atom) is a valid value of entity type Type.  Open types
%  (issue, event, declaration, threat, group, position) accept any
%  snake_case atom so analysts can name new things as events occur.
is_of_type(V, T) :- type_value(T, V).

%  type_value(+Type, +Value): first-argument indexing on Type picks the
%  one clause that applies, so a check leaves no choice point (journal
%  replay and imports run it a million times).
type_value(state, V)         :- state(V, _, _), !.
type_value(organisation, V)  :- organisation(V, _), !.
type_value(treaty, V)        :- treaty(V, _, _, _, _), !.
type_value(actor, V)         :- ( state(V, _, _) -> true ; organisation(V, _) ).
type_value(tie_kind, V)      :- tie_kind(V).
type_value(reaction_kind, V) :- reaction_kind(V).
type_value(obligation, V)    :- obligation_kind(V).
type_value(response_kind, V) :- response_kind(V).
type_value(territory, V)     :- snake_case(V).
type_value(clause, V)        :- snake_case(V).
type_value(declaration, V)   :- snake_case(V).
type_value(event, V)         :- snake_case(V).
type_value(issue, V)         :- snake_case(V).
type_value(threat, V)        :- snake_case(V).
type_value(group, V)         :- snake_case(V).
type_value(position, V)      :- snake_case(V).

%  ASCII snake_case, as the engine's own check (engine.cpp is_snake_case).
%  split_string/4 strips every allowed character as padding, one builtin
%  call: a loop over the codes with arithmetic was 3.8 us an atom, most of
%  a journal replay's time.
snake_case(V) :-
    atom(V),
    sub_atom(V, 0, 1, _, First),
    lower_letter(First),
    split_string(V, "", "abcdefghijklmnopqrstuvwxyz0123456789_", [""]).

:- discontiguous term_expansion/2.   % each table generated next to its use

term_expansion(lower_letters, Letters) :-
    findall(lower_letter(C), ( between(0'a, 0'z, X), char_code(C, X) ), Letters).
lower_letters.

%! fact_kind_of(+Fact, -Kind) is semidet.
fact_kind_of(Fact, Kind) :-
    compound(Fact),
    compound_name_arity(Fact, Kind, Arity),
    fact_kind(Kind, Types, _),
    length(Types, Arity).

%! check_fact(+Fact) is det.
%
%  Succeeds if Fact is a ground term of a known kind with arguments of
%  the right types; raises a domain_error or type_error otherwise.
check_fact(Fact) :-
    (   ground(Fact) -> true ; must_be(ground, Fact) ),
    (   compound(Fact), compound_name_arity(Fact, Kind, Arity)
    ->  true
    ;   domain_error(fact, Fact)
    ),
    (   kind_types(Kind, Expected, Types)
    ->  true
    ;   existence_error(fact_kind, Kind)
    ),
    (   Arity == Expected
    ->  true
    ;   throw(error(casus_arity(Kind, Expected, Arity), _))
    ),
    check_args(Types, 1, Fact, Kind).

%! valid_fact(+Fact) is semidet.
%
%  check_fact/1 would accept Fact; fails instead of raising.
valid_fact(Fact) :-
    compound(Fact),
    compound_name_arity(Fact, Kind, Arity),
    kind_types(Kind, Arity, Types),
    ground(Fact),
    valid_args(Types, 1, Fact).

valid_args([], _, _).
valid_args([T|Ts], N, Fact) :-
    arg(N, Fact, A),
    type_value(T, A),
    N1 is N + 1,
    valid_args(Ts, N1, Fact).

%  kind_types(?Kind, ?Arity, ?Types): fact_kind/3 without its text, with
%  the arity computed once (replay and imports check a million facts).
term_expansion(kind_types, Clauses) :-
    findall(kind_types(K, N, Ts), ( fact_kind(K, Ts, _), length(Ts, N) ), Clauses).
kind_types.

check_args([], _, _, _).
check_args([T|Ts], N, Fact, Kind) :-
    arg(N, Fact, A),
    (   type_value(T, A)
    ->  true
    ;   throw(error(casus_arg_type(Kind, N, T, A), _))
    ),
    N1 is N + 1,
    check_args(Ts, N1, Fact, Kind).
