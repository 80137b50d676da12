:- module(store,
          [ holds/3,            % ?Fact, +Date, -Leaf
            holds/4,            % ?Fact, +Date, -Leaf, -To
            pair_holds/7,       % +Arg1, +Arg2, +Date, -Fact, -Source, -From, -To
            holds_as_stored/2,  % ?Fact, +Date
            spell/5,            % ?Fact, ?From, ?To, ?Source, ?Origin
            spell_mentioning/6, % +Id, -Fact, -From, -To, -Source, -Origin
            materialize_curated/0,
            upgrade_legacy_spells/0,
            add_fact/5,         % +Id, +Fact, +From, +Source, +Recorded
            addable/2,          % +Fact, +From
            add_valid/5,        % +Id, +Fact, +From, +Source, +Recorded
            add_checked/5,      % +Id, +Fact, +From, +Source, +Recorded
            end_fact/4,         % +Fact, +Date, +Source, +Recorded
            withdraw_fact/2,    % +Fact, -Count
            undo_add/2,         % +Id, +Fact
            add_spell/7,        % +Id, +Fact, +From, +To, +Source, +Recorded, -Status
            define_entity/2,    % +Entity, -Status
            undo_define/1,      % +Entity
            entity_kind/2,      % ?Kind, ?ArgTypes
            defined_/1,         % ?Entity
            ended/4,            % ?Fact, ?From, ?To, ?Recorded
            generation/1,       % -Generation
            swap/2              % ?Fact, ?Mirror
          ]).

/** <module> Facts over time: the curated kb and what analysts add

Every fact has a validity span [From, To) of YYYYMMDD integers
(99991231 = open).  Curated facts come from the kb files
(facts:kb_fact/4); added facts come from the journal the engine replays
at start and appends to as analysts `add` and `retract`.  Nothing is
overwritten: a dated retract closes a span, it does not delete it.

holds/3 is the one way the rules read facts; it honours symmetric kinds
(tie/3, rivalry/2, conflict/3 hold in both directions).
*/

:- use_module(schema).
:- use_module(entities).
:- use_module(library(lists)).
:- use_module(library(apply)).
:- use_module(library(yall)).   % lambdas expanded when compiled, not copied per call
:- use_module(library(error), [must_be/2, domain_error/2]).

:- multifile facts:kb_fact/4.
:- dynamic facts:kb_fact/4.

%  span_(Pair, KindArg1, KindArg2, Fact, From, To, Source, Origin): one
%  validity span (a spell).  Origin is `kb` or added(Id, Recorded).  The
%  first three arguments are keys, each one small integer: Pair the fact's
%  first two arguments (pair_key/3), KindArg1 its kind and first argument,
%  KindArg2 its kind and second argument (kind_key/3).
%
%  Every lookup binds exactly one argument and no other lookup binds it
%  (stored/8): a pair Pair, a state's facts of a kind as the first
%  argument KindArg1, as the second KindArg2, a kind the fact's functor
%  alone.  An index on one key is exact, whatever was asked first and
%  however many facts other states or other kinds hold: lookups that
%  shared arguments made the indexes depend on which question came first
%  (a question on the large synthetic world took 21 s instead of 0.3 s,
%  docs/performance.md, finding 12), and lookups by one state and a kind
%  read the facts of the state's other kinds (finding 22).  The fact
%  itself is compared after the lookup, never bound in it.
%
%  The former shapes, spell_/8 (Kind, Arg1, Arg2, Fact, ...) and spell_/9
%  (Pair, Kind, Arg1, Arg2, Fact, ...), are kept only as places a legacy
%  snapshot (a compiled .qlf) or an old generated world loads into:
%  upgrade_legacy_spells/0 moves them into span_/8.
:- dynamic span_/8.
:- dynamic spell_/8, spell_/9.
% The snapshot (kb/snapshot.pl) saves and restores these.
:- dynamic defined_/1, ended_/4.

%! generation(-Generation) is det.
%
%  A number that is another one after every change to the store or the
%  entities (changed/0), and never the number of an earlier state:
%  kb/memo.pl keeps its tables for one generation.  Reading it marks it
%  read; a change to a generation nobody read, outside a transaction, keeps
%  the number (nothing can have been kept for it), so a million adds
%  between two questions cost no more than one.  The current number is a
%  clause, taken back with a transaction or snapshot/1 (a `suppose`, a
%  question) as the facts it stands for are; the numbers handed out are
%  counted in a flag, which is not, so a generation is never handed out
%  twice.
:- dynamic generation_/1.
generation_(0).

generation(G) :-
    generation_(G),
    (   nb_current(casus_generation_read, G) -> true ; nb_setval(casus_generation_read, G) ).

%  changed: every write path calls it once the store or the entities
%  changed: store/9 (every spell made: an add, an end, a snapshot's load,
%  a replay), withdraw_fact/2, undo_add/2, materialize_curated/0,
%  define_entity/2 and undo_define/1.  A spell erased only to be stored
%  again closed (end_fact/4) changes with its store/9.
changed :-
    (   generation_(G), \+ nb_current(casus_generation_read, G), \+ current_transaction(_)
    ->  true
    ;   retract(generation_(G0)),
        flag(casus_generations, N0, N0),
        G is max(G0, N0) + 1,
        flag(casus_generations, _, G),
        assertz(generation_(G))
    ).

%! materialize_curated is det.
%
%  Copy the curated facts into the indexed spell table.  Called after the
%  kb is loaded, and again by SWI-Prolog whenever a saved state of the kb
%  starts: the build's state (kb/tools/casus_state.pl) holds the store
%  already and no kb_fact/4 definitions (thousands of clauses with the
%  ATOP release, paid for at every start), so there it does nothing.
materialize_curated :-
    (   \+ catch(facts:kb_fact(_, _, _, _), _, fail)
    ->  true
    ;   retractall(span_(_, _, _, _, _, _, _, kb)),
        changed,
        forall(facts:kb_fact(F, From, To, Src), store(F, From, To, Src, kb))
    ).

%  store(+Fact, +From, +To, +Source, +Origin): the one way a spell is made;
%  store/9 with the fact's key and pair key already made.
store(F, From, To, Src, Origin) :-
    key(F, K, A1, A2),
    pair_key(A1, A2, P),
    store(P, K, A1, A2, F, From, To, Src, Origin).

%  store(+Pair, +Kind, +Arg1, +Arg2, +Fact, +From, +To, +Source, +Origin):
%  store/5 once the fact's key (key/4) and pair key are known: an add has
%  made them for its overlap check, and makes each once.
store(P, K, A1, A2, F, From, To, Src, Origin) :-
    kind_key(K, A1, K1),
    kind_key(K, A2, K2),
    assertz(span_(P, K1, K2, F, From, To, Src, Origin)),
    changed.

%  pair_key(+Arg1, +Arg2, -Key): the first argument of span_/8, one small
%  integer for the pair: term_hash/2 of p(Arg1, Arg2), the same in every
%  process of one SWI-Prolog (a hash of the atoms' texts), so the saved
%  state's keys are those a lookup makes.  It was the term Arg1-Arg2, which
%  SWI-Prolog indexes deep, on one of the two: the one that looked more
%  selective when the store was small (Arg2), and it never looks again.  A
%  pair lookup then read every spell about Arg2, a cost that grew with the
%  store: a 200,000-statement script took 1,047 s (issue 16).  It was then
%  an atom of both texts: an integer is indexed by itself, whole, as the
%  atom was, but it is no new atom for every pair (the saved state's 2,546
%  curated spells held 3,587 key atoms, 3.9M instructions of every start
%  to read them, docs/performance.md finding 27).  Two pairs may hash to
%  one key (2^24 values): every lookup compares the stored fact after it.
pair_key(A1, A2, P) :- term_hash(p(A1, A2), P).

%  kind_key(+Kind, +Arg, -Key): the second and third arguments of
%  span_/8, one small integer for a kind and one of its fact's arguments,
%  made as pair_key/3 makes the pair's (and, like it, compared after the
%  lookup).  Kind+Arg1 and Arg2 alone used to be separate arguments:
%  SWI-Prolog's index over two arguments, or over Arg2 alone, read the
%  facts of other kinds too (`who backs A` read every tie of A).
kind_key(K, A, Key) :- term_hash(k(K, A), Key).

%! upgrade_legacy_spells is det.
%
%  Moves spells of a former shape into span_/8: spell_/8 clauses (a
%  snapshot.qlf written before the pair key) and spell_/9 clauses (one
%  written before the kind keys, with the pair an atom or the term
%  Arg1-Arg2).  Each is stored anew as store/5 stores it.  Checked at
%  every start; costs nothing when neither table has a clause.
upgrade_legacy_spells :-
    forall(retract(spell_(_, _, _, F, From, To, Src, Origin)), store(F, From, To, Src, Origin)),
    forall(retract(spell_(_, _, _, _, F, From, To, Src, Origin)), store(F, From, To, Src, Origin)).

%  stored(?Kind, ?Arg1, ?Arg2, ?Fact, ?From, ?To, ?Source, ?Origin): a
%  spell, found by the most specific lookup the bound keys allow, each
%  binding one argument of span_/8 (see there).  Kind is known
%  whenever Fact is partly known (key/4).  The spell's parts are compared
%  after the lookup, never bound in it: a bound Origin (added(_, _) or kb)
%  or Source in the call makes SWI-Prolog weigh those arguments for an
%  index; they are the same for most spells, so the lookup became a scan
%  (an undated retract of one fact read the whole store, finding 17).
stored(K, A1, A2, F, From, To, Src, Origin) :-
    (   nonvar(A1), nonvar(A2)
    ->  atomic(A1), atomic(A2),   % every stored argument is an id: a term matches none
        pair_key(A1, A2, P),
        span_(P, _, _, G, F0, T0, S0, O0)
    ;   nonvar(A1)
    ->  atomic(A1),
        kind_key(K, A1, K1),
        span_(_, K1, _, G, F0, T0, S0, O0)
    ;   nonvar(A2)
    ->  atomic(A2),
        kind_key(K, A2, K2),
        span_(_, _, K2, G, F0, T0, S0, O0)
    ;   nonvar(K)
    ->  functor(F, K, N), functor(G, K, N),
        span_(_, _, _, G, F0, T0, S0, O0)
    ;   span_(_, _, _, G, F0, T0, S0, O0)
    ),
    G = F, F0 = From, T0 = To, S0 = Src, O0 = Origin.

%  stored_spell(+Fact, ?From, ?To, ?Source, ?Origin, -Ref): a spell of
%  the ground Fact and its clause reference, found by the pair's atom
%  alone (the first-argument index), its other parts compared after the
%  lookup: clause/3 asked with more of them bound, or with the former
%  Arg1-Arg2 pair, scanned the store for every undated retract, 94.5% of
%  a journal replay's time (issue 16).
stored_spell(F, From, To, Src, Origin, Ref) :-
    key(F, _, A1, A2),
    pair_key(A1, A2, P),
    clause(span_(P, _, _, G, F0, T0, S0, O0), true, Ref),
    G = F, F0 = From, T0 = To, S0 = Src, O0 = Origin.

%! spell(?Fact, ?From, ?To, ?Source, ?Origin) is nondet.
spell(F, From, To, Src, Origin) :-
    (   nonvar(F) -> key(F, K, A1, A2) ; true ),
    stored(K, A1, A2, F, From, To, Src, Origin).

%! spell_mentioning(+Id, -Fact, -From, -To, -Source, -Origin) is nondet.
%
%  Every spell whose fact has Id as an argument (history of Id).  One
%  pass over the store: no index holds a third argument, and an id (an
%  issue, say) may be any argument.
spell_mentioning(Id, F, From, To, Src, Origin) :-
    span_(_, _, _, F, From, To, Src, Origin),
    arg(1, F, A1), arg(2, F, A2),   % every kind has two arguments or more (schema.pl)
    (   A1 == Id -> true
    ;   A2 == Id -> true
    ;   compound_name_arity(F, _, N), N >= 3, later_arg(3, N, F, Id)
    ).

later_arg(I, N, F, Id) :-
    I =< N,
    (   arg(I, F, Id0), Id0 == Id -> true
    ;   I1 is I + 1, later_arg(I1, N, F, Id)
    ).

%! holds(?Fact, +Date, -Leaf) is nondet.
%
%  Fact holds on Date; Leaf = leaf(Fact, Source, From) is the evidence.
holds(F, D, Leaf) :- holds(F, D, Leaf, _).

%! holds(?Fact, +Date, -Leaf, -To) is nondet.
%
%  holds/3, and To the end of the spell that holds (99991231: open).  A
%  symmetric fact asked one way round and stored the other has its own
%  spell's end: looked up again by the fact as asked, it has none.
holds(F, D, leaf(F, Src, From), To) :-
    key(F, K, A1, A2),
    (   symmetric_kind(K)
    ->  (   stored(K, A1, A2, F, From, To, Src, _)
        ;   swap(F, G), G \== F, key(G, K, B1, B2), stored(K, B1, B2, G, From, To, Src, _)   % \== : F may be partly unbound
        )
    ;   stored(K, A1, A2, F, From, To, Src, _)
    ),
    From =< D, D < To.

%! pair_holds(+Arg1, +Arg2, +Date, -Fact, -Source, -From, -To) is nondet.
%
%  Every fact whose first two arguments are Arg1 and Arg2, as stored (a
%  symmetric fact stored the other way round is not mirrored: ask
%  pair_holds(Arg2, Arg1, ...) for it), holding on Date over the spell
%  [From, To).  One lookup by the pair's atom for every kind at once, where
%  holds/3 asked kind by kind makes one each (`what ties A to B` asks
%  eight).
pair_holds(A1, A2, D, F, Src, From, To) :-
    pair_key(A1, A2, P),
    span_(P, _, _, G, F0, T0, S0, _),
    F0 =< D, D < T0,
    arg(1, G, X1), X1 == A1, arg(2, G, X2), X2 == A2,   % two pairs may make one key (pair_key/3)
    F = G, From = F0, To = T0, Src = S0.

%! holds_as_stored(?Fact, +Date) is nondet.
%
%  Fact holds on Date in the direction it was recorded: a symmetric fact
%  (tie/3, rivalry/2, conflict/3) comes once, not mirrored, for callers
%  that walk every fact of a kind and mirror it themselves
%  (matrix:matrix_tables/2 reads half a million ties this way).
holds_as_stored(F, D) :-
    key(F, K, A1, A2),
    stored(K, A1, A2, F, From, To, _, _),
    From =< D, D < To.

%  key(+Fact, -Kind, -Arg1, -Arg2): the indexed parts of a fact (Arg2 is
%  [] for a fact of one argument).
key(F, K, A1, A2) :-
    functor(F, K, N),
    arg(1, F, A1),
    (   N >= 2 -> arg(2, F, A2) ; A2 = [] ).

%! swap(?Fact, ?Mirror) is semidet.
%
%  Mirror is the symmetric Fact (schema:symmetric_kind/1) with its two
%  states the other way round: one fact, which holds both ways.
swap(tie(A, B, K), tie(B, A, K)).
swap(rivalry(A, B), rivalry(B, A)).
swap(conflict(A, B, I), conflict(B, A, I)).

same_fact(F, F).
same_fact(F, G) :- swap(F, G).

%! add_fact(+Id, +Fact, +From, +Source, +Recorded) is det.
%
%  Record Fact as valid from From.  Raises casus_overlap if the same
%  fact already holds over an overlapping span (e.g. a second
%  membership spell overlapping the first).  An occurrence
%  (schema:occurrence_kind/1: a reaction, complaint, request, ...) is
%  kept with its own date however often it happens; only the same fact on
%  the same day raises casus_repeat.  It is stored as an open spell from
%  its date, as before occurrences were told apart, so journals and
%  snapshots written then load unchanged.
add_fact(Id, F, From, Src, Recorded) :-
    check_fact(F),
    key(F, K, A1, A2),
    pair_key(A1, A2, P),
    (   held_after(K, A1, A2, P, F, From, G, F0, T0)
    ->  (   occurrence_kind(K)
        ->  throw(error(casus_repeat(G, F0), _))
        ;   throw(error(casus_overlap(G, F0, T0), _))
        )
    ;   store(P, K, A1, A2, F, From, 99991231, Src, added(Id, Recorded))
    ).

%  held_after(+K, +A1, +A2, +Pair, +Fact, +From, -G, -F0, -T0): a spell
%  [F0, T0) of Fact (or of G, its mirror for a symmetric kind) is still
%  open after From, so Fact cannot start again on From.  The fact's key
%  and pair key come made (the add stores with them).  The fact is
%  ground, so both lookups are by pair (see stored/8), written out (a
%  million adds run this a million times), the stored fact compared
%  after the lookup as stored/8 does.
held_after(K, _, _, P, F, From, G, F0, T0) :-
    occurrence_kind(K), !,
    % An occurrence (schema:occurrence_kind/1) happens on a day and may
    % happen again: only the very same fact on the very same day is held
    % already (a repeat); none is symmetric.
    span_(P, _, _, G, F0, T0, _, _), G = F, F0 =:= From, !.
held_after(K, A1, A2, P, F, From, G, F0, T0) :-
    (   span_(P, _, _, G, F0, T0, _, _), G = F, From < T0
    ;   symmetric_kind(K), swap(F, M),
        pair_key(A2, A1, Q), span_(Q, _, _, G, F0, T0, _, _), G = M, From < T0
    ).

%! addable(+Fact, +From) is semidet.
%
%  add_fact/5 would accept Fact from From: it is valid (schema:valid_fact/1)
%  and no spell of it is open after From.  Fails where add_fact/5 raises,
%  so a batch pays for an exception frame only on the facts it refuses.
addable(F, From) :-
    valid_fact(F),
    key(F, K, A1, A2),
    pair_key(A1, A2, P),
    \+ held_after(K, A1, A2, P, F, From, _, _, _).

%! add_valid(+Id, +Fact, +From, +Source, +Recorded) is semidet.
%
%  add_checked/5 for a fact already checked against the schema (the
%  engine checks what it adds in bulk with the schema's own type table,
%  schema:type_class/2), unless a spell of it or of its mirror is open
%  after From: then it fails and stores nothing (add_fact/5 says why).
%  One step, as a batch of a million adds runs it a million times.
add_valid(Id, F, From, Src, Recorded) :-
    key(F, K, A1, A2),
    pair_key(A1, A2, P),
    \+ held_after(K, A1, A2, P, F, From, _, _, _),
    store(P, K, A1, A2, F, From, 99991231, Src, added(Id, Recorded)).

%! add_checked(+Id, +Fact, +From, +Source, +Recorded) is det.
%
%  Stores a fact add_fact/5 or addable/2 has checked.
add_checked(Id, F, From, Src, Recorded) :-
    store(F, From, 99991231, Src, added(Id, Recorded)).

%! end_fact(+Fact, +Date, +Source, +Recorded) is det.
%
%  Fact stops holding from Date: the spell that holds on the day before
%  is closed at Date.  Raises casus_not_held if no spell holds then.
%  The closed spell keeps its own source and origin; when the retract
%  was recorded is kept in the engine's journal.
end_fact(F, Date, _Src, Recorded) :-
    check_fact(F),
    (   same_fact(F, G),
        stored_spell(G, From, To, S0, O, Ref),
        From < Date, Date < To
    ->  erase(Ref),
        store(G, From, Date, S0, O),
        atom_string(Rec, Recorded),
        assertz(ended_(G, From, Date, Rec))
    ;   throw(error(casus_not_held(F, Date), _))
    ).

%! ended(?Fact, ?From, ?To, ?Recorded) is nondet.
%
%  The spell of Fact from From was ended on To by a dated retract
%  recorded at Recorded (history shows when an end was recorded, not only
%  when the fact was).
ended(F, From, To, Rec) :- ended_(F, From, To, Rec).

%! withdraw_fact(+Fact, -Count) is det.
%
%  Withdraw every added spell of Fact (an undated retract: the fact was
%  entered by mistake).  Curated facts are never withdrawn; raises
%  casus_not_added when there is nothing added to withdraw.
withdraw_fact(F, N) :-
    check_fact(F),
    findall(Ref, ( same_fact(F, G),
                   stored_spell(G, _, _, _, added(_, _), Ref) ), Refs),
    length(Refs, N),
    (   N =:= 0
    ->  (   spell(F, _, _, _, kb)
        ->  throw(error(casus_curated(F), _))
        ;   throw(error(casus_not_added(F), _))
        )
    ;   maplist(erase, Refs),
        changed
    ).

%! add_spell(+Id, +Fact, +From, +To, +Source, +Recorded, -Status) is det.
%
%  Adds a closed spell [From, To) at once (an imported membership phase).
%  Status is `added`, `present` when the very same spell is held already
%  (importing twice adds nothing), or overlap(From0, To0) when another
%  spell of the fact overlaps it (nothing is added).
add_spell(Id, F, From, To, Src, Recorded, Status) :-
    check_fact(F),
    (   From >= To
    ->  domain_error(spell_dates(From, To), F)
    ;   same_fact(F, G), spell(G, From, To, _, _)
    ->  Status = present
    ;   same_fact(F, G), spell(G, F0, T0, _, _), From < T0, F0 < To
    ->  Status = overlap(F0, T0)
    ;   store(F, From, To, Src, added(Id, Recorded)),
        Status = added
    ).

%! undo_add(+Id, +Fact) is det.
%
%  Removes the spell of Fact added under Id: the engine undoes the adds
%  of a batch whose commit failed, so memory never holds what the disk
%  lost.  Looked up by the fact's key (indexed), never by scanning.
undo_add(Id, F) :-
    forall(stored_spell(F, _, _, _, added(Id, _), Ref), erase(Ref)),
    changed.

%! entity_kind(?Kind, ?ArgTypes) is nondet.
%
%  The entities an import or a `define` statement (user_entities.pl) may
%  define, with the type of each argument: atom (an id), string (display
%  text), integer (a date or a code), conditions (a list of clause
%  conditions) or source (source(Text, Quote)).
entity_kind(state,         [atom, string, integer]).
entity_kind(alias,         [string, atom]).
entity_kind(organisation,  [atom, string]).
entity_kind(treaty,        [atom, string, atom, integer, integer]).
entity_kind(clause,        [atom, atom, string, atom, conditions, string]).
entity_kind(issue,         [atom, string]).
entity_kind(event,         [atom, string, integer, atom, atom]).
entity_kind(declaration,   [atom, string, integer]).
entity_kind(territory,     [atom, string, atom, atom]).
entity_kind(entity_source, [atom, source]).

%! define_entity(+Entity, -Status) is det.
%
%  Adds Entity (a state/3, alias/2, treaty/5, ... term) to the kb's
%  entities (Status = added) unless an identical one is there (Status =
%  present: importing twice adds nothing); a state or treaty id already
%  used for something else is an error.
define_entity(E, Status) :-
    must_be(ground, E),
    functor(E, K, N),
    (   entity_kind(K, Types), length(Types, N) -> true ; domain_error(entity, E) ),
    E =.. [_|Args],
    maplist(entity_arg, Types, Args),
    (   call(entities:E)
    ->  Status = present
    ;   clash(E)
    ->  throw(error(casus_entity_clash(E), _))
    ;   assertz(entities:E),
        assertz(defined_(E)),
        changed,
        Status = added
    ).

%! undo_define(+Entity) is det.
%
%  Takes out an entity that define_entity/2 added (Status = added): the
%  engine undoes an import that failed, so memory never holds what the
%  journal does not.
undo_define(E) :-
    must_be(ground, E),
    retractall(entities:E),
    retractall(defined_(E)),
    changed.

entity_arg(atom, A) :- must_be(atom, A).
entity_arg(string, S) :- must_be(string, S).
entity_arg(integer, I) :- must_be(integer, I).
entity_arg(conditions, L) :- must_be(list, L).
entity_arg(source, source(S, Q)) :- !, must_be(string, S), must_be(string, Q).
entity_arg(source, X) :- type_error(source, X).

clash(state(Id, _, _)) :- entities:state(Id, _, _).
clash(state(_, _, Cow)) :- Cow =\= 0, entities:state(_, _, Cow).   % 0: no COW code (a state defined by a user)
clash(treaty(Id, _, _, _, _)) :- entities:treaty(Id, _, _, _, _).
clash(organisation(Id, _)) :- entities:organisation(Id, _).
