:- module(api,
          [ api_defenders/4,     % +Ally, +Attacker, +Date, -Answers
            api_matrix/2,        % +Date, -Tables
            api_export_states/1, % -States
            api_export_treaties/1, % -Treaties
            api_would/5,         % +Defender, +Ally, +Attacker, +Date, -Answer
            api_obligations/4,   % +Ally, +AttackerOrNone, +Date, -Answers
            api_ties/4,          % +State1, +State2, +Date, -Items
            api_treaties/3,      % +State, +Date, -Items
            api_members/3,       % +Organisation, +Date, -Items
            api_backers/3,       % +State, +Date, -Items
            api_list/2,          % +What, -Items
            api_states_on/2,     % +Date, -Items
            api_state_spells/1,  % -Spells
            api_dated_names/1,   % -Names
            api_state_names/1,   % -Spells
            api_write_added_as_kb/2, % +File, +Origin
            api_facts_about/3,   % +Id, +Date, -Items
            api_history/2,       % +Id, -Items
            api_names/1,         % -Names
            api_schema/1,        % -Kinds
            api_types/1,         % -Types
            api_check/1,         % +Fact
            api_add/5,           % +Id, +Fact, +From, +SourceText, +Recorded
            api_unread_note/2,   % +Fact, -Note
            api_note_kinds/1,    % -Kinds
            api_entity_note_kinds/1, % -Kinds
            api_end/4,           % +Fact, +Date, +SourceText, +Recorded
            api_withdraw/2,      % +Fact, -Count
            api_suppose/2,       % +Statements, +Query
            api_define/2,        % +Entity, -Status
            api_define_new/1,    % +Entity
            api_names_of/2,      % +Id, -Names
            api_at_place/2,      % +Place, +Query
            api_regions/1,       % -Regions
            api_entity_kinds/1,  % -Kinds
            api_add_batch/2,     % +Adds, -Rejected
            api_replay/2,        % +Records, -Skipped
            api_undo_add/2,      % +Id, +Fact
            api_undo_define/1,   % +Entity
            api_add_spell/7,     % +Id, +Fact, +From, +To, +SourceText, +Recorded, -Status
            api_atop_links/1,
            api_atop_names/1,    % -Links
            api_coverage/1,      % -Sources
            api_coverage_key/1,  % -Key
            api_store_info/2,    % -MaxAddedId, -SnapshotGeneration
            api_dump_term/1,     % -Term
            api_snapshot_term/2, % +Generation, -Term
            api_load_snapshot_chunk/2, % +Terms, -Status
            api_load_legacy_snapshot/1 % +File
          ]).

/** <module> The only predicates the engine calls

The query language compiles every question and statement to exactly one
call of a predicate exported here, with ground arguments the engine
built itself (no user text is ever read as Prolog).  Results are plain
terms the engine converts to typed C++ values:

  - answer(State, Name, Cow, Obligated, Bases, Verdict, Score, Factors,
    Probability): Score is the log-odds that State fights (verdict_model.pl)
  - basis(Treaty, TreatyName, Clause, ClauseTitle, Notes, Leaves)
  - factor(Kind, Weight, Detail, Leaves)
  - leaf(FactText, SourceRef, Quote, Date)
  - item(Kind, Id, Text, SourceRef, Quote, From, To)
*/

:- use_module(entities).
:- use_module(state_names, [state_name_on/3, state_name_spells/1]).
:- use_module(state_system, [cow_data_end/1]).
:- use_module(schema).
:- use_module(store).
:- use_module(snapshot).
:- use_module(rules).
:- use_module(matrix).
:- use_module(export_dyads).
:- use_module(kb_export).
:- use_module(crises, [unread_note/2, note_kind/1, entity_note_kind/1]).   % what add says of a fact no rule reads
:- use_module(user_entities).
:- use_module(areas).
:- use_module(memo, [memo/3]).
:- use_module(casus_errors, [casus_message/2, casus_error_kind/2]).
:- use_module(library(lists)).
:- use_module(library(apply)).
:- use_module(library(pairs)).
:- use_module(library(aggregate), [aggregate_all/3]).
:- use_module(library(sort), [predsort/3]).
:- use_module(library(error), [must_be/2, domain_error/2]).

%! api_defenders(+Ally, +Attacker, +Date, -Answers) is det.
%
%  The answer is kept while the store stands (kb/memo.pl), under the
%  pair, the date and the attack's place (areas:attack_place/1): asked
%  again, it is copied from the tables.  Not with a user's rules loaded:
%  they may read anything, the store's generation does not cover them.
api_defenders(A, X, D, Answers) :-
    (   user_rules_loaded
    ->  defenders_answer(A, X, D, Answers)
    ;   attack_place(P),
        memo(defenders(A, X, D, P), Answers, defenders_answer(A, X, D, Answers))
    ).

defenders_answer(A, X, D, Answers) :-
    defenders(A, X, D, Asms),
    maplist(answer_term(A, X, D), Asms, Answers).

%! api_matrix(+Date, -Tables) is det.
%
%  The parts of every defender's score for every ordered pair of states
%  on Date (matrix:matrix_tables/2); the engine combines them.
api_matrix(D, Tables) :-
    matrix_tables(D, Tables).

%! api_export_states(-States) is det.
%! api_export_treaties(-Treaties) is det.
%
%  What `export dyads` reads once for every year it writes: the states
%  with their COW spells and the treaties with their obligation spans
%  (export_dyads:export_states/1, export_treaties/1).
api_export_states(States) :-
    export_states(States).
api_export_treaties(Treaties) :-
    export_treaties(Treaties).

%! api_would(+Defender, +Ally, +Attacker, +Date, -Answer) is det.
api_would(S, A, X, D, Answer) :-
    bases(S, A, X, D, Bs),
    assess(S, A, X, D, Bs, Asm),
    answer_term(A, X, D, Asm, Answer).

%! api_obligations(+Ally, +AttackerOrNone, +Date, -Answers) is det.
api_obligations(A, X, D, Answers) :-
    obligations(A, X, D, Asms),
    maplist(answer_term(A, X, D), Asms, Answers).

answer_term(_A, _X, D, assessment(S, Ob, Bs, V, Sc, Fs),
            answer(S, Name, Cow, Ob, Bases, V, Sc, Factors, P)) :-
    state(S, _, Cow),
    state_name_on(S, D, Name),             % the name S bore on D (state_names.pl)
    verdict_model:probability(Sc, P),      % Sc: the log-odds that S fights
    maplist(basis_term(D), Bs, Bases),
    maplist(factor_term, Fs, Factors).

basis_term(D, basis(T, C, Notes, Leaves), basis(T, TN, C, CT, NoteTexts, LeafTerms)) :-
    treaty(T, TN, _, _, _),
    clause(T, C, CT, _, _, _),
    maplist(note_text(D), Notes, NoteTexts),
    maplist(leaf_term, Leaves, LeafTerms).

note_text(_, fellow_member, "the attacker is bound by the same treaty") :- !.
note_text(_, assumed(location(L)), T) :- !, text_after("assumes the attack falls within the treaty area: ", L, T).
note_text(_, assumed(C), T) :- !, format(string(T), "assumes the condition ~w is met", [C]).
note_text(D, adversary(Xs), T) :- is_list(Xs), !,
    maplist(adversary_name(D), Xs, Ns),
    atomic_list_concat(Ns, ', ', List),
    string_concat("only against ", List, T).
note_text(_, adversary(X), T) :- text_after("only against ", X, T).
note_text(D, covered(P), T) :- place_name(P, D, N), text_after("the treaty area covers an attack in ", N, T).

%  text_after(+Prefix, +Value, -Text): Text is format("Prefix~w", [Value]);
%  an atom or a string is joined without format/3 (which reads its format
%  string on every call; the notes were 4.7% of a first-asked question,
%  finding 29): ~w writes an atom's or a string's characters as they are.
text_after(Prefix, V, T) :- ( atom(V) ; string(V) ), !, string_concat(Prefix, V, T).
text_after(Prefix, V, T) :- format(string(T), "~s~w", [Prefix, V]).

adversary_name(D, X, N) :- place_name(X, D, N).

place_name(P, D, N) :- state(P, _, _), !, state_name_on(P, D, N).
place_name(P, _, N) :- ( territory(P, N0, _, _) ; issue(P, N0) ), !, N = N0.
place_name(P, _, P).

%  A factor shows its newest pieces of evidence (at most evidence_shown/1)
%  and how many there are in all: on a large world one shared-stance
%  factor can rest on hundreds of facts.
factor_term(factor(K, W, Detail, Leaves), factor(KT, W, Detail, LeafTerms, Total)) :-
    kind_text(K, KT),
    length(Leaves, Total),
    map_list_to_pairs(leaf_from, Leaves, Keyed),
    keysort(Keyed, Ascending), reverse(Ascending, Descending),
    pairs_values(Descending, Newest0),
    evidence_shown(Max),
    ( length(Newest, Max), append(Newest, _, Newest0) -> true ; Newest = Newest0 ),
    maplist(leaf_term, Newest, LeafTerms0),
    newest_first(LeafTerms0, LeafTerms).

leaf_from(leaf(_, _, From), From).

evidence_shown(10).

kind_text(K, T) :- K =.. [N, A], !, format(atom(T), "~w:~w", [N, A]).
kind_text(K, K).

%  newest_first(+Leaves, -Sorted): by date, text, reference and quote,
%  the greatest first, equal ones kept (they are the same term, so their
%  order does not show).  sort/4 on k(Date, Text, Ref, Quote) keys, which
%  compare as Date-Text-Ref-Quote does, instead of predsort/3 and a
%  Prolog comparison per step (4% of a first-asked question, finding 29).
newest_first(Leaves, Sorted) :-
    maplist(newest_key, Leaves, Keyed),
    sort(1, @>=, Keyed, Descending),
    pairs_values(Descending, Sorted).

newest_key(L, k(D, F, R, Q)-L) :- L = leaf(F, R, Q, D).

%  leaf_term(+Leaf, -Term): a piece of evidence as the engine reads it.
%  Made once per leaf while the store stands (kb/memo.pl): the same leaves
%  come back in question after question (2,000 distinct questions over 40
%  dates show 118,796 leaves, 863 of them distinct; finding 29).
leaf_term(Leaf, Term) :-
    memo(leaf_term(Leaf), Term, leaf_term_(Leaf, Term)).

leaf_term_(leaf(F, source(Ref, Quote), From), leaf(FT, Ref, Quote, From)) :- !,
    fact_text(F, FT).
leaf_term_(leaf(F, Src, From), leaf(FT, Ref, "", From)) :-
    fact_text(F, FT),
    text_after("", Src, Ref).

%  term_string/2 writes as ~q does (quoted, the same text for every spell
%  of the default kb) in two thirds of the time: one call per piece of
%  evidence, ~70 a question over the article's states.
fact_text(F, T) :- term_string(F, T).

%! api_ties(+S1, +S2, +Date, -Items) is det.
%
%  Everything that links S1 and S2 on Date: ties, kinship, rivalries,
%  conflicts, backings either way, shared blocs and shared stances.
api_ties(S1, S2, D, Items) :-
    findall(Item, tie_item(S1, S2, D, Item), Items0),
    sort(Items0, Items).

%  tie_item(+A, +B, +Date, -Item): the pair's own facts (ties, rivalries,
%  conflicts, backings) come from one lookup each way round
%  (store:pair_holds/7), not one a kind and direction; what the two share
%  from a lookup of A's facts of the kind and one of B's for each.  A
%  symmetric fact stored as B to A is shown as A to B, as holds/3 gives
%  it, with its own spell's end.
tie_item(A, B, D, I) :-
    pair_holds(A, B, D, F, Src, From, To),
    pair_kind(F, Kind),
    item(Kind, F, Src, From, To, I).
tie_item(A, B, D, I) :-
    pair_holds(B, A, D, F, Src, From, To),
    pair_kind(F, Kind),
    asked_way(F, G),
    item(Kind, G, Src, From, To, I).
tie_item(A, B, D, I) :- holds(ethnicity(A, G), D, L, To), holds(ethnicity(B, G), D, _), item(kinship(G), L, To, I).
tie_item(A, B, D, I) :- holds(member(A, O), D, L, To), holds(member(B, O), D, _), item(shared_bloc(O), L, To, I).
tie_item(A, B, D, I) :- holds(stance(A, Is, P), D, L, To), holds(stance(B, Is, P), D, _), item(shared_stance(Is), L, To, I).
tie_item(A, B, D, I) :- holds(signed(A, Dec), D, L, To), holds(signed(B, Dec), D, _), item(co_signed(Dec), L, To, I).
tie_item(A, B, D, I) :-
    % B's treaties once, then A's: not B's looked up again for each of
    % A's (a state of the ATOP release is bound by dozens).
    findall(T-L, bound(B, T, D, [_, L]), BTs),
    BTs \== [],
    bound(A, T, D, _),
    member(T-L, BTs),
    clause(T, _, _, Ob, _, _), Ob \== none,
    L = leaf(F, Src, From),
    ( spell(F, From, To, Src, _) -> true ; To = 99991231 ),
    item(treaty(T), L, To, I).

%  pair_kind(+Fact, -Kind): the kinds of a pair's own facts that link
%  the two states (not an exercise of one with the other, say).
pair_kind(tie(_, _, K), tie(K)).
pair_kind(rivalry(_, _), rivalry).
pair_kind(conflict(_, _, _), conflict).
pair_kind(backs(_, _, _), backs).

%  asked_way(+Stored, -Asked): a fact of the pair B, A as the question
%  A to B shows it: a symmetric one mirrored (store:swap/2, as
%  store:holds/3 gives it), a backing as it is.
asked_way(F, G) :- ( swap(F, G0) -> G = G0 ; G = F ).

item(Kind, leaf(F, Src, From), To, I) :- item(Kind, F, Src, From, To, I).

item(Kind, F, Src, From, To, item(KT, Id, Text, Ref, Quote, From, To)) :-
    kind_text(Kind, KT),
    fact_text(F, Text),
    ( arg(1, F, Id) -> true ; Id = '' ),
    source_parts(Src, Ref, Quote).

source_parts(source(R, Q), R, Q) :- !.
source_parts(S, R, "") :- format(string(R), "~w", [S]).

%! api_treaties(+State, +Date, -Items) is det.
api_treaties(S, D, Items) :-
    findall(treaty(T, TN, Clauses, Ref, Quote, From),
            ( bound(S, T, D, [_, leaf(_, Src, From)]),
              treaty(T, TN, _, _, _),
              findall(clause(C, CT, Ob), clause(T, C, CT, Ob, _, _), Clauses),
              source_parts(Src, Ref, Quote) ),
            Items0),
    sort(Items0, Items).

%! api_members(+Organisation, +Date, -Items) is det.
api_members(O, D, Items) :-
    findall(member(S, Name, Cow, From, To, Ref),
            ( holds(member(S, O), D, leaf(F, Src, From)),
              spell(F, From, To, Src, _),
              state(S, _, Cow), state_name_on(S, D, Name),
              source_parts(Src, Ref, _) ),
            Items0),
    sort(Items0, Items).

%! api_backers(+State, +Date, -Items) is det.
%
%  States that backed State's positions or territorial integrity, by
%  their own backing or by signing a declaration upholding it.
api_backers(S, D, Items) :-
    findall(backer(B, Name, Issue, How, Ref, Quote, From),
            ( backing(S, D, B, Issue, How, Src, From),
              B \== S,
              state(B, _, _), state_name_on(B, D, Name),
              source_parts(Src, Ref, Quote) ),
            Items0),
    sort(Items0, Items).

%  backing(+State, +Date, -Backer, -Issue, -How, -Source, -From): each
%  lookup by State's own key: the backings of State (store:holds/3 by
%  kind and second argument), the declarations upholding State and
%  then their signatories (not every signature first).
backing(S, D, B, Issue, "backs", Src, From) :-
    holds(backs(B, S, Issue), D, leaf(_, Src, From)).
backing(S, D, B, Issue, How, Src, From) :-
    holds(supports(Dec, S, Issue), D, leaf(_, Src, From)),
    holds(signed(B, Dec), D, _),
    declaration(Dec, DN, _),
    format(string(How), "signed the ~w", [DN]).

%! api_list(+What, -Items) is det.
%
%  What is one of states, organisations, treaties, declarations.
api_list(states, Items) :-
    findall(entry(Id, Name, Cow), state(Id, Name, Cow), Items0), sort(Items0, Items).
api_list(organisations, Items) :-
    findall(entry(Id, Name, ''), organisation(Id, Name), Items0), sort(Items0, Items).
api_list(treaties, Items) :-
    findall(entry(Id, Name, Signed), treaty(Id, Name, _, Signed, _), Items0), sort(Items0, Items).
api_list(declarations, Items) :-
    findall(entry(Id, Name, Date), declaration(Id, Name, Date), Items0), sort(Items0, Items).
api_list(issues, Items) :-
    findall(entry(Id, Name, ''), issue(Id, Name), Items0), sort(Items0, Items).
api_list(events, Items) :-
    findall(entry(Id, Name, Date), event(Id, Name, Date, _, _), Kb),
    findall(entry(Id, Name, Date), ( event_title(Id, Name), \+ event(Id, _, _, _, _), event_start(Id, Date) ), Titled),
    append(Kb, Titled, Items0), sort(Items0, Items).
api_list(territories, Items) :-
    findall(entry(Id, Name, Holder), territory(Id, Name, Holder, _), Items0), sort(Items0, Items).

%  event_start(+E, -Date): when the crisis E began: its attack's start,
%  else the first day a request for aid or an answer names it; fails for
%  a crisis no fact names.
event_start(E, Date) :-
    aggregate_all(min(From), spell(attack(E, _, _, _), From, _, _, _), Date), integer(Date), !.
event_start(E, Date) :-
    aggregate_all(min(From), ( spell(F, From, _, _, _), crisis_fact(F, E) ), Date),
    integer(Date).

crisis_fact(request(_, _, E, _, _), E).
crisis_fact(reaction(_, E, _), E).
crisis_fact(response(_, E, _), E).
crisis_fact(solidarity(_, _, E), E).

%! api_states_on(+Date, -Items) is det.
%
%  The states in the state system on Date (entities:in_system/2), as
%  api_list(states, Items) gives them, each by the name it bore on Date.
api_states_on(D, Items) :-
    findall(entry(Id, Name, Cow), ( state(Id, _, Cow), in_system(Id, D), state_name_on(Id, D, Name) ), Items0),
    sort(Items0, Items).

%! api_state_spells(-Spells) is det.
%
%  Spells = [spells(Id, [From-To, ...]), ...] for every state with a COW
%  spell: the engine says when a state existed when a question names it
%  on a date it did not.
api_state_spells(Spells) :-
    findall(spells(Id, Ss), ( state(Id, _, _), state_spells(Id, Ss), Ss \== [] ), Spells).

%! api_dated_names(-Names) is det.
%
%  Names = [dated(Text, State, FromYear, ToYear), ...]: the names people
%  write for states (entities:dated_name/4), each with the years it named
%  that state.
api_dated_names(Names) :-
    findall(dated(T, S, F, To), dated_name(T, S, F, To), Names).

%! api_state_names(-Spells) is det.
%
%  Spells = [spell(State, From, To, Name), ...]: the names states bore
%  over time (state_names:name_spell/5); the engine shows a state by the
%  name of the answer's date.
api_state_names(Spells) :-
    state_name_spells(Spells).

%! api_write_added_as_kb(+File, +Origin) is det.
%
%  Writes what imports added as a kb module (kb_export:write_added_as_kb/2):
%  the build's step that puts the shipped ATOP release in the default kb.
api_write_added_as_kb(File, Origin) :-
    kb_export:write_added_as_kb(File, Origin).

%! api_facts_about(+Id, +Date, -Items) is det.
%
%  Every fact that mentions Id and holds on Date.
api_facts_about(Id, D, Items) :-
    findall(item(K, Id, Text, Ref, Quote, From, To),
            ( spell(F, From, To, Src, _),
              From =< D, D < To,
              mentions(F, Id),
              functor(F, K, _),
              fact_text(F, Text),
              source_parts(Src, Ref, Quote) ),
            Items0),
    sort(Items0, Items).

mentions(F, Id) :- F =.. [_|Args], memberchk(Id, Args).

%! api_history(+Id, -Items) is det.
%
%  Every spell about Id, curated and added, in order of its valid-from
%  date; Recorded is `kb` for curated facts, else when it was recorded.
api_history(Id, Items) :-
    findall(history(From, To, Text, Origin, Ref),
            ( spell_mentioning(Id, F, From, To, Src, O),
              fact_text(F, Text),
              origin_text(O, Origin0),
              (   ended(F, From, To, Rec)
              ->  format(string(Origin), "~w; end recorded ~w", [Origin0, Rec])
              ;   Origin = Origin0
              ),
              source_parts(Src, Ref, _) ),
            Items0),
    msort(Items0, Items).

origin_text(kb, "kb").
origin_text(added(_, R), R).

%! api_dump_term(-Term) is nondet.
%
%  What `.dump` writes back as statements (repl/dump.cpp): entity(E) for
%  each definition, in the order made; spell(F, From, To, Src) for each
%  added spell; ended(F, From, To) for each curated spell a dated retract
%  ended.  An end whose spell was withdrawn since (an undated retract)
%  is not one: nothing holds it.
api_dump_term(entity(E)) :- defined_(E).
api_dump_term(spell(F, From, To, Src)) :- spell(F, From, To, Src, added(_, _)).
api_dump_term(ended(F, From, To)) :- ended(F, From, To, _), spell(F, From, To, _, kb).

%! api_names(-Names) is det.
%
%  Names = list of name(Text, Id, Type): every id, display name and
%  alias the engine may resolve.
api_names(Names) :-
    findall(name(T, Id, Type), name_entry(T, Id, Type), Names).

%! api_names_of(+Id, -Names) is det.
%
%  The names of one entity, as api_names/1 gives them: the engine adds
%  those of an entity a define statement created, instead of reading
%  every name again.
api_names_of(Id, Names) :-
    findall(name(T, Id, Type), name_entry(T, Id, Type), Names).

name_entry(T, Id, state) :- state(Id, N, _), ( atom_string(Id, T) ; T = N ).
name_entry(T, Id, Type) :- alias(T, Id), alias_type(Id, Type), \+ place_type(Type).
name_entry(T, Id, organisation) :- organisation(Id, N), ( atom_string(Id, T) ; T = N ).
name_entry(T, Id, treaty) :- treaty(Id, N, _, _, _), ( atom_string(Id, T) ; T = N ).
name_entry(T, Id, declaration) :- declaration(Id, _, _), atom_string(Id, T).
name_entry(T, Id, event) :- event(Id, _, _, _, _), atom_string(Id, T).
name_entry(T, Id, issue) :- issue(Id, N), ( atom_string(Id, T) ; T = N ).
name_entry(T, Id, threat) :- threat(Id, _, _), atom_string(Id, T).
name_entry(T, Id, territory) :- territory(Id, N, _, _), ( atom_string(Id, T) ; T = N ).
% Aliases of places after their own names: an answer shows a place by its
% name (the engine displays the first name it has of an id).
name_entry(T, Id, Type) :- alias(T, Id), alias_type(Id, Type), place_type(Type).

place_type(issue).
place_type(territory).

alias_type(Id, state) :- state(Id, _, _), !.
alias_type(Id, territory) :- territory(Id, _, _, _), !.
alias_type(Id, issue) :- issue(Id, _), !.
alias_type(_, organisation).

%! api_schema(-Kinds) is det.
%
%  Kinds = list of kind(Name, ArgTypes, Doc).
api_schema(Kinds) :-
    findall(kind(N, Ts, Doc), fact_kind(N, Ts, Doc), Kinds).

%! api_types(-Types) is det.
%
%  Types = list of type(Name, Class): how the engine checks each argument
%  type of a fact (schema:type_class/2).
api_types(Types) :-
    findall(type(T, C), type_class(T, C), Types).

%! api_check(+Fact) is det.
api_check(F) :- check_fact(F).

%! api_unread_note(+Fact, -Note) is semidet.
%
%  Fact, just added, is read by no rule as the kb stands, and Note says
%  why and what would make it count (crises:unread_note/2); fails when a
%  rule reads it.
api_unread_note(F, Note) :- unread_note(F, Note).

%! api_note_kinds(-Kinds) is det.
%
%  The fact kinds an add may be told no rule reads (crises:note_kind/1):
%  the engine asks api_unread_note/2 for these only.
api_note_kinds(Kinds) :- findall(K, note_kind(K), Kinds).

%! api_entity_note_kinds(-Kinds) is det.
%
%  Of those, the kinds whose note reads the entities alone
%  (crises:entity_note_kind/1): the adds the engine has queued for the
%  store cannot change it.
api_entity_note_kinds(Kinds) :- findall(K, entity_note_kind(K), Kinds).

%! api_add(+Id, +Fact, +From, +SourceText, +Recorded) is det.
api_add(Id, F, From, SrcText, Recorded) :-
    stored_text(SrcText, Src), stored_text(Recorded, Rec),
    add_fact(Id, F, From, source(Src, ''), Rec).

%! api_add_batch(+Adds, -Rejected) is det.
%
%  Adds = list of add(Id, Fact, From, SourceText, Recorded), applied in
%  order exactly as api_add/5 one by one would (a later fact is checked
%  against the earlier ones of the batch).  An item valid(Id, Fact, From,
%  SourceText, Recorded) is a fact the engine has already checked against
%  the schema's type table (api_types/1): only its overlap is tested.  Rejected = list of
%  rejected(Index, Message), Index 1-based, for the facts that failed
%  validation: nothing of them was stored.  Any other error (a limit, an
%  interrupt) is raised after the batch's adds are taken back out.
%  One call per batch: a script of 100,000 adds pays the C++ to Prolog
%  crossing once per batch, not once per fact.
api_add_batch(Adds, Rejected) :-
    catch(add_batch(Adds, 1, Rejected), E,
          ( forall(( member(Add, Adds), batch_item(Add, Id, F, _, _, _, _) ), undo_add(Id, F)), throw(E) )).

add_batch([], _, []).
add_batch([valid(Id, F, From, Src, Rec)|Adds], I, Rejected) :-
    add_valid(Id, F, From, source(Src, ''), Rec), !,   % the common case, in one step
    I1 is I + 1,
    add_batch(Adds, I1, Rejected).
add_batch([Add|Adds], I, Rejected) :-
    batch_item(Add, Id, F, From, Src, Rec, Valid),
    (   Valid == false,
        addable(F, From)                 % no exception frame for a fact that is fine
    ->  add_checked(Id, F, From, source(Src, ''), Rec),
        Rejected = Rejected1
    ;   (   catch(api_add(Id, F, From, Src, Rec), E, true)
        ->  true
        ;   E = casus_add_failed(F)      % api_add/5 is det: a failure is a kb bug
        ),
        (   var(E)
        ->  Rejected = Rejected1
        ;   casus_error_kind(E, validation)
        ->  casus_message(E, Message),
            Rejected = [rejected(I, Message)|Rejected1]
        ;   throw(E)
        )
    ),
    I1 is I + 1,
    add_batch(Adds, I1, Rejected1).

%! api_replay(+Records, -Skipped) is det.
%
%  Records = journal records replayed at start, in order: add(Id, Fact,
%  From, SourceText, Recorded), end(Fact, Date, SourceText, Recorded) or
%  withdraw(Fact), each applied as api_add/5, api_end/4 or api_withdraw/2
%  would.  Skipped = list of skipped(Index, Message), Index 1-based, for
%  the records the kb no longer takes (a kb change); nothing of them is
%  applied.  An interrupt is raised.  One call per 4,096 records: a
%  journal of 160,000 paid the C++ to Prolog crossing once per record.
api_replay(Records, Skipped) :-
    replay_records(Records, 1, Skipped).

replay_records([], _, []).
replay_records([R|Rs], I, Skipped) :-
    (   catch(replay_record(R), E, true)
    ->  true
    ;   E = casus_replay_failed(R)       % each is det: a failure is a kb bug
    ),
    (   var(E)
    ->  Skipped = Skipped1
    ;   casus_error_kind(E, interrupted)
    ->  throw(E)
    ;   casus_message(E, Message),
        Skipped = [skipped(I, Message)|Skipped1]
    ),
    I1 is I + 1,
    replay_records(Rs, I1, Skipped1).

replay_record(add(Id, F, From, Src, Rec)) :- api_add(Id, F, From, Src, Rec).
replay_record(end(F, D, Src, Rec)) :- api_end(F, D, Src, Rec).
replay_record(withdraw(F)) :- api_withdraw(F, _).

%  batch_item(+Item, -Id, -Fact, -From, -Src, -Rec, -Valid): valid(...)
%  is an add the engine has checked against the schema (type_class/2).
batch_item(add(Id, F, From, Src, Rec), Id, F, From, Src, Rec, false).
batch_item(valid(Id, F, From, Src, Rec), Id, F, From, Src, Rec, true).

%  Sources and recording times of added facts are kept as atoms: a
%  million facts share a handful of them, so a snapshot stays small and
%  loads fast (strings are copied into every clause).
stored_text(Text, Atom) :- ( atom(Text) -> Atom = Text ; atom_string(Atom, Text) ).

%! api_end(+Fact, +Date, +SourceText, +Recorded) is det.
api_end(F, D, SrcText, Recorded) :-
    end_fact(F, D, source(SrcText, ""), Recorded).

%! api_withdraw(+Fact, -Count) is det.
api_withdraw(F, N) :- withdraw_fact(F, N).

%! api_define(+Entity, -Status) is det.
%
%  An import defines a state, alias, organisation, treaty, clause or
%  entity source (store:entity_kind/2 lists them and their types).
api_define(E, Status) :- define_entity(E, Status).

%! api_define_new(+Entity) is det.
%
%  A user's define statement: Entity is checked as a new entity (its id
%  free, what it names known: user_entities:define_user_entity/1) and
%  stored; a refusal is a validation error and stores nothing.
api_define_new(E) :- define_user_entity(E).

%! api_regions(-Regions) is det.
%
%  Regions = [region(Id, Description), ...]: what an area condition may
%  name besides own_territory (areas:region/2).
api_regions(Regions) :- findall(region(R, D), region(R, D), Regions).

%! api_at_place(+Place, +Query) is semidet.
%
%  Runs Query (a question, or api_suppose/2 of one) about an attack that
%  falls in Place: a state, territory or issue id (areas:with_place/2).
api_at_place(Place, Query) :-
    (   Query = api_suppose(_, Q) -> question_goal(Q) ; question_goal(Query) ),
    with_place(Place, Query).

%! api_entity_kinds(-Kinds) is det.
%
%  Kinds = list of kind(Name, ArgTypes), for the engine to build terms.
api_entity_kinds(Kinds) :- findall(kind(K, Ts), entity_kind(K, Ts), Kinds).

%! api_add_spell(+Id, +Fact, +From, +To, +SourceText, +Recorded, -Status) is det.
api_add_spell(Id, F, From, To, SrcText, Recorded, Status) :-
    stored_text(SrcText, Src), stored_text(Recorded, Rec),
    add_spell(Id, F, From, To, source(Src, ''), Rec, Status).

%! api_atop_links(-Links) is det.
%
%  Links = list of link(AtopId, Treaty): curated treaties that are an
%  ATOP alliance, so an import adds its members to the curated treaty.
api_atop_links(Links) :- findall(link(A, T), atop_alliance(T, A), Links).

%! api_atop_names(-Names) is det.
%
%  Names = [name(AtopId, Name), ...]: the common names the ATOP importer
%  gives the alliances it creates (entities:atop_name/3).
api_atop_names(Names) :- findall(name(A, N), atop_name(A, N, _), Names).

%! api_coverage(-Sources) is det.
%
%  Sources = [source(Id, Name, End), ...]: the sources every answer about
%  a date draws on, and the last day each covers (End = none: it goes
%  on).  The COW state list (who is a state on the date), ATOP when the
%  kb holds it (which alliances bind), the curated kb; the user's own
%  facts are the engine's to add, since it knows whether any were added.
api_coverage(Sources) :-
    findall(S, coverage_source(S), Sources).

coverage_source(source(atop, "ATOP 4.01", End)) :- atop_in_kb, atop_data_end(End).
coverage_source(source(cow, "the COW state list v2016", End)) :- cow_data_end(End).
coverage_source(source(curated, "the curated kb", none)).

%! api_coverage_key(-Key) is det.
%
%  Key is another number whenever api_coverage/1's answer may be another:
%  of what it reads only treaty/5 can change (atop_in_kb/0; an import or
%  a define adds treaties), and Key is the database generation of
%  treaty/5's last change.  Unlike store:generation/1 it does not move
%  with every stored fact, and reading it marks nothing: the engine keeps
%  the sources while it stands (a call of api_coverage/1 costs ~34,000
%  instructions, this one a few hundred).
api_coverage_key(Key) :-
    predicate_property(entities:treaty(_, _, _, _, _), last_modified_generation(Key)).

%! api_undo_add(+Id, +Fact) is det.
%
%  Takes the fact added under Id out again (its batch never reached the
%  disk).  The fact is given so the lookup is indexed, not a scan.
api_undo_add(Id, F) :- undo_add(Id, F).

%! api_undo_define(+Entity) is det.
%
%  Takes out an entity api_define/2 added: an import that failed leaves
%  nothing behind.
api_undo_define(E) :- undo_define(E).

%! api_store_info(-MaxAddedId, -SnapshotGeneration) is det.
%
%  Asked once the snapshot is loaded: spells of an older store format
%  (a snapshot upgraded from .qlf, a world generated for an older casus)
%  are stored anew with today's keys first (store:upgrade_legacy_spells/0).
api_store_info(Max, G) :- upgrade_legacy_spells, max_added_id(Max), snapshot_generation(G).

%! api_snapshot_term(+Generation, -Term) is multi.
%
%  The terms a snapshot of Generation holds, one by one, for the engine
%  to write (kb/snapshot.pl).
api_snapshot_term(G, T) :- snapshot_term(G, T).

%! api_load_snapshot_chunk(+Terms, -Status) is det.
%
%  Stores terms read back from a snapshot the engine has verified;
%  Status is ok or bad(N), the first term of no shape a snapshot holds.
api_load_snapshot_chunk(Terms, Status) :- load_snapshot_chunk(Terms, Status).

%! api_load_legacy_snapshot(+File) is det.
%
%  Loads a snapshot.qlf of an older casus, which the user vouches for.
api_load_legacy_snapshot(File) :- load_legacy_snapshot(File).

%! api_suppose(+Statements, +Query) is semidet.
%
%  Run Query (a call of one of the api_* question predicates) in a
%  world where Statements (add(Fact, From) or end(Fact, Date)) hold.
%  snapshot/1 discards every change afterwards: the kb is untouched.
api_suppose(Stmts, Query) :-
    must_be(list, Stmts),
    question_goal(Query),
    snapshot(( maplist(suppose_statement, Stmts), call(Query) )).

suppose_statement(add(F, From)) :- add_fact(supposed, F, From, source("supposed", ""), "supposed").
suppose_statement(end(F, D)) :- end_fact(F, D, source("supposed", ""), "supposed").

question_goal(Q) :-
    compound(Q),
    compound_name_arity(Q, N, Ar),
    memberchk(N/Ar, [api_defenders/4, api_matrix/2, api_would/5, api_obligations/4, api_ties/4,
                     api_treaties/3, api_members/3, api_backers/3, api_facts_about/3]),
    !.
question_goal(Q) :- domain_error(casus_question, Q).
