:- module(store,
          [ holds/3,            % ?Fact, +Date, -Leaf
            holds_as_stored/2,  % ?Fact, +Date
            spell/5,            % ?Fact, ?From, ?To, ?Source, ?Origin
            spell_mentioning/6, % +Id, -Fact, -From, -To, -Source, -Origin
            materialize_curated/0,
            upgrade_pair_keys/0,
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
            generation/1        % -Generation
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

%  spell_(Pair, Kind, Arg1, Arg2, Fact, From, To, Source, Origin):
%  one validity span.  Origin is `kb` or added(Id, Recorded).  The fact's
%  kind and first two arguments are stored apart (key/4), and the pair
%  once more as one atom (pair_key/3), so that SWI-Prolog's just-in-time indexes find
%  the facts of one pair, one state or one kind without a scan.
%
%  Every lookup binds one set of these arguments and no other lookup
%  binds that set or a part of it (stored/8): a pair binds the first
%  argument alone (an atom for both states: see pair_key/3), a
%  state's facts of a kind Kind and Arg1, facts by second argument Arg2
%  alone, a kind the fact's functor alone.  SWI-Prolog picks an index
%  from those already built when it can, so lookups that shared arguments
%  made the indexes depend on which question came first: a pair index was
%  never built after a (kind, state) one, and a question on the large
%  synthetic world took 21 s instead of 0.3 s (docs/performance.md,
%  finding 12).
:- dynamic spell_/9.
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
%  changed: store/8 (every spell made: an add, an end, a snapshot's load,
%  a replay), withdraw_fact/2, undo_add/2, materialize_curated/0,
%  define_entity/2 and undo_define/1.  A spell erased only to be stored
%  again closed (end_fact/4) changes with its store/8.
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
    ;   retractall(spell_(_, _, _, _, _, _, _, _, kb)),
        changed,
        forall(facts:kb_fact(F, From, To, Src), store(F, From, To, Src, kb))
    ).

%  store(+Fact, +From, +To, +Source, +Origin): the one way a spell is made;
%  store/8 with the fact's key already computed.
store(F, From, To, Src, Origin) :-
    key(F, K, A1, A2),
    store(K, A1, A2, F, From, To, Src, Origin).

store(K, A1, A2, F, From, To, Src, Origin) :-
    pair_key(A1, A2, P),
    assertz(spell_(P, K, A1, A2, F, From, To, Src, Origin)),
    changed.

%  pair_key(+Arg1, +Arg2, -Key): the first argument of spell_/9, one atom
%  for the pair.  It was the term Arg1-Arg2, which SWI-Prolog indexes
%  deep, on one of the two: the one that looked more selective when the
%  store was small (Arg2), and it never looks again.  A pair lookup then
%  read every spell about Arg2, a cost that grew with the store: a
%  200,000-statement script took 1,047 s (issue 16).  An atom is
%  indexed by itself, whole.  Every lookup compares the stored fact after
%  it, so two pairs that made one atom would still answer rightly.
pair_key(A1, A2, P) :- atomic_list_concat([A1, '\x1\', A2], P).

%! upgrade_pair_keys is det.
%
%  Gives the spells of a snapshot written before pair_key/3 (their pair
%  a term Arg1-Arg2) the pair's atom.  A snapshot is written whole by one
%  casus, so its first added spell tells (found without binding an
%  argument: a lookup by the key's functor would build the pair index
%  over the whole store at every start), and all are upgraded at once.
upgrade_pair_keys :-
    (   once(( spell_(P, _, _, _, _, _, _, _, O), O = added(_, _) )),
        compound(P)
    ->  forall(retract(spell_(_-_, K, A1, A2, F, From, To, Src, Origin)),
               store(K, A1, A2, F, From, To, Src, Origin))
    ;   true
    ).

%  stored(?Kind, ?Arg1, ?Arg2, ?Fact, ?From, ?To, ?Source, ?Origin): a
%  spell, found by the most specific lookup the bound keys allow, each
%  binding its own arguments of spell_/9 (see there).  Kind is known
%  whenever Fact is partly known (key/4).
stored(K, A1, A2, F, From, To, Src, Origin) :-
    (   nonvar(A1), nonvar(A2)
    ->  pair_key(A1, A2, P),
        spell_(P, _, _, _, G, F0, T0, S0, O0)
    ;   nonvar(A1)
    ->  spell_(_, K, A1, _, G, F0, T0, S0, O0)
    ;   nonvar(A2)
    ->  spell_(_, _, _, A2, G, F0, T0, S0, O0)
    ;   nonvar(K)
    ->  functor(F, K, N), functor(G, K, N),
        spell_(_, _, _, _, G, F0, T0, S0, O0)
    ;   spell_(_, _, _, _, G, F0, T0, S0, O0)
    ),
    unify_spell(G-F0-T0-S0-O0, F-From-To-Src-Origin).

%  unify_spell(+Stored, ?Asked): a spell's parts are compared after the
%  lookup, never bound in it.  A bound Origin (added(_, _) or kb) or
%  Source in the call makes SWI-Prolog weigh those arguments for an
%  index; they are the same for most spells, so the lookup became a
%  scan: an undated retract of one fact read the whole store.
unify_spell(S, S).

%  stored_spell(+Fact, ?From, ?To, ?Source, ?Origin, -Ref): a spell of
%  the ground Fact and its clause reference, found by the pair's atom
%  alone (the first-argument index), its other parts compared after the
%  lookup: clause/3 asked with more of them bound, or with the former
%  Arg1-Arg2 pair, scanned the store for every undated retract, 94.5% of
%  a journal replay's time (issue 16).
stored_spell(F, From, To, Src, Origin, Ref) :-
    key(F, _, A1, A2),
    pair_key(A1, A2, P),
    clause(spell_(P, _, _, _, G, F0, T0, S0, O0), true, Ref),
    G = F,
    unify_spell(F0-T0-S0-O0, From-To-Src-Origin).

%! spell(?Fact, ?From, ?To, ?Source, ?Origin) is nondet.
spell(F, From, To, Src, Origin) :-
    (   nonvar(F) -> key(F, K, A1, A2) ; true ),
    stored(K, A1, A2, F, From, To, Src, Origin).

%! spell_mentioning(+Id, -Fact, -From, -To, -Source, -Origin) is nondet.
%
%  Every spell whose fact has Id as an argument (history of Id).  One
%  pass over the store that compares the stored first two arguments
%  before it looks into the fact: no index holds a third argument, and
%  an id (an issue, say) may be any argument.
spell_mentioning(Id, F, From, To, Src, Origin) :-
    spell_(_, _, A1, A2, F, From, To, Src, Origin),
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
holds(F, D, leaf(F, Src, From)) :-
    key(F, K, A1, A2),
    (   symmetric_kind(K)
    ->  (   stored(K, A1, A2, F, From, To, Src, _)
        ;   swap(F, G), G \== F, key(G, K, B1, B2), stored(K, B1, B2, G, From, To, Src, _)   % \== : F may be partly unbound
        )
    ;   stored(K, A1, A2, F, From, To, Src, _)
    ),
    From =< D, D < To.

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
    (   held_after(F, From, G, F0, T0)
    ->  (   functor(F, K, _), occurrence_kind(K)
        ->  throw(error(casus_repeat(G, F0), _))
        ;   throw(error(casus_overlap(G, F0, T0), _))
        )
    ;   true
    ),
    add_checked(Id, F, From, Src, Recorded).

%  held_after(+Fact, +From, -G, -F0, -T0): a spell [F0, T0) of Fact (or of
%  G, its mirror for a symmetric kind) is still open after From, so Fact
%  cannot start again on From.
held_after(F, From, G, F0, T0) :-
    key(F, K, A1, A2),
    held_after(K, A1, A2, F, From, G, F0, T0).

%  held_after(+K, +A1, +A2, +Fact, +From, -G, -F0, -T0): held_after/5 with
%  the fact's key already computed (add_valid/5 needs it again to store).
%  The fact is ground, so both lookups are by pair (see stored/8), written
%  out (a million adds run this a million times), the stored fact
%  compared after the lookup as stored/8 does.
held_after(K, A1, A2, F, From, G, F0, T0) :-
    occurrence_kind(K), !,
    % An occurrence (schema:occurrence_kind/1) happens on a day and may
    % happen again: only the very same fact on the very same day is held
    % already (a repeat); none is symmetric.
    pair_key(A1, A2, P), spell_(P, _, _, _, G, F0, T0, _, _), G = F, F0 =:= From, !.
held_after(K, A1, A2, F, From, G, F0, T0) :-
    (   pair_key(A1, A2, P), spell_(P, _, _, _, G, F0, T0, _, _), G = F, From < T0
    ;   symmetric_kind(K), swap(F, M),
        pair_key(A2, A1, Q), spell_(Q, _, _, _, G, F0, T0, _, _), G = M, From < T0
    ).

%! addable(+Fact, +From) is semidet.
%
%  add_fact/5 would accept Fact from From: it is valid (schema:valid_fact/1)
%  and no spell of it is open after From.  Fails where add_fact/5 raises,
%  so a batch pays for an exception frame only on the facts it refuses.
addable(F, From) :-
    valid_fact(F),
    \+ held_after(F, From, _, _, _).

%! add_valid(+Id, +Fact, +From, +Source, +Recorded) is semidet.
%
%  add_checked/5 for a fact already checked against the schema (the
%  engine checks what it adds in bulk with the schema's own type table,
%  schema:type_class/2), unless a spell of it or of its mirror is open
%  after From: then it fails and stores nothing (add_fact/5 says why).
%  One step, as a batch of a million adds runs it a million times.
add_valid(Id, F, From, Src, Recorded) :-
    key(F, K, A1, A2),
    \+ held_after(K, A1, A2, F, From, _, _, _),
    store(K, A1, A2, F, From, 99991231, Src, added(Id, Recorded)).

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
