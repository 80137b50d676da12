:- module(snapshot,
          [ snapshot_term/2,       % +Generation, -Term
            load_snapshot_chunk/2, % +Terms, -Status
            load_legacy_snapshot/1, % +File
            write_source_snapshot/1, % +File
            upgrade_snapshot/0,
            max_added_id/1,        % -Id
            snapshot_generation/1  % -Generation
          ]).

/** <module> The snapshot: every added fact and imported entity, as data

A compaction (the engine's `.compact`) saves the store's added spells,
ended spells and defined entities, so a start loads one file instead of
replaying a long journal.  The file is data, never code: the engine
(engine/src/snapshot.cpp) writes the terms snapshot_term/2 gives in a
binary term format of its own and, after checking the file's checksum,
hands them back in chunks to load_snapshot_chunk/2, which accepts only
the shapes below and stores them.  Nothing in a snapshot is ever called.

  - snapshot(Generation, MaxId)               first, once
  - entity(Entity)                            an imported state/3, treaty/5, ...
  - spell(Fact, From, To, Source, Id, Recorded)  an added spell
  - ended(Fact, From, To, Recorded)           when a dated retract ended one

The store's tables are store:span_/8, store:ended_/4 and
store:defined_/1; this module reads and writes them through their
module-qualified names.  The terms are the spells themselves, not the
table's rows: the store's keys (store.pl span_/8) are made again as
each spell is stored, so a change of keys leaves snapshots as they are.

Snapshots written before (snapshot.qlf, a compiled Prolog file) are
code: load_legacy_snapshot/1 loads one only when the user says it is
theirs (casus --upgrade-snapshot).
*/

:- use_module(store).
:- use_module(schema).
:- use_module(entities).
:- use_module(library(lists)).

% A legacy snapshot (load_legacy_snapshot/1) is a compiled file of these
% clauses: multifile, so loading it adds to them.  Its spells are in a
% former shape of the store's table, spell_/8 or spell_/9:
% upgrade_snapshot/0 moves them into store:span_/8 after a load.
:- multifile store:spell_/8, store:spell_/9, store:defined_/1, store:snapshot_generation_/1, store:snapshot_max_id_/1, store:ended_/4.
:- dynamic store:snapshot_generation_/1, store:snapshot_max_id_/1.

%! snapshot_term(+Generation, -Term) is multi.
%
%  The terms of a snapshot of Generation, in the order they are saved:
%  snapshot(Generation, MaxId) first, then the entities, the spells and
%  the ends.  Each comes straight from its table (no list of a million
%  facts is built), so saving is linear however often it is done.
snapshot_term(G, snapshot(G, MaxId)) :- largest_id(MaxId).
snapshot_term(_, entity(E)) :- store:defined_(E).
snapshot_term(_, spell(F, From, To, Src, Id, Rec)) :-
    store:span_(_, _, _, F, From, To, Src, added(Id, Rec)).
snapshot_term(_, ended(F, From, To, Rec)) :- store:ended_(F, From, To, Rec).

largest_id(Max) :-
    State = max(0),
    forall(store:span_(_, _, _, _, _, _, _, added(I, _)),
           ( arg(1, State, M0), I > M0 -> nb_setarg(1, State, I) ; true )),
    arg(1, State, Max).

%! load_snapshot_chunk(+Terms, -Status) is det.
%
%  Stores each of Terms (the shapes in the module header) in order.
%  Status is `ok`, or bad(N) when the N-th term is of no shape a
%  snapshot holds (or comes out of order): it and the rest are not
%  stored, and the engine refuses the snapshot.
load_snapshot_chunk(Terms, Status) :-
    (   store:snapshot_generation_(_)
    ->  load_terms(Terms, 1, Status)
    ;   Terms = [Header|Rest], load_header(Header)
    ->  load_terms(Rest, 2, Status)
    ;   Status = bad(1)
    ).

load_terms([], _, ok).
load_terms([T|Ts], N, Status) :-
    (   load_term(T)
    ->  N1 is N + 1,
        load_terms(Ts, N1, Status)
    ;   Status = bad(N)
    ).

%  The checks are written out, first argument first: a start with a
%  million added facts runs them a million times.
load_term(spell(F, From, To, Src, Id, Rec)) :-
    fact_shape(F, K, A1, A2), span(From, To),
    Src = source(S, Q), text(S), text(Q),
    integer(Id), text(Rec),
    store:pair_key(A1, A2, P),
    store:store(P, K, A1, A2, F, From, To, Src, added(Id, Rec)).
load_term(ended(F, From, To, Rec)) :-
    fact_shape(F, _, _, _), span(From, To), text(Rec),
    end_curated(F, From, To),
    assertz(store:ended_(F, From, To, Rec)).
load_term(entity(E)) :-
    catch(define_entity(E, _), error(_, _), fail).

%  end_curated(+Fact, +From, +To): a dated retract of a curated fact closed
%  the kb's spell, which the kb itself holds open: the snapshot keeps only
%  the end, so it is applied again here (else a .compact lost it).
end_curated(F, From, To) :-
    (   store:stored_spell(F, From, T0, Src, kb, Ref), T0 =\= To
    ->  erase(Ref),
        store:store(F, From, To, Src, kb)
    ;   true
    ).

load_header(snapshot(G, Max)) :-
    integer(G), G > 0, integer(Max), Max >= 0,
    assertz(store:snapshot_generation_(G)),
    assertz(store:snapshot_max_id_(Max)).

%  fact_shape(+Fact, -Kind, -Arg1, -Arg2): Fact is a fact of a kind of
%  the schema, with its arity and an atom (an id) for every argument;
%  Kind, Arg1 and Arg2 are its key as the store keeps it (store:key/4,
%  Arg2 = [] for one argument), so it is not computed twice.  Types are
%  not checked against the entities: a kb change may make a fact no
%  longer apply, which the rules then do not use; a snapshot only has
%  to be made of facts.
fact_shape(F, K, A1, A2) :-
    compound(F),
    compound_name_arity(F, K, N),
    kind_arity(K, N),
    atom_args(N, F, A1, A2).

atom_args(1, F, A, []) :- arg(1, F, A), atom(A).
atom_args(2, F, A, B) :- arg(1, F, A), atom(A), arg(2, F, B), atom(B).
atom_args(3, F, A, B) :- arg(1, F, A), atom(A), arg(2, F, B), atom(B), arg(3, F, C), atom(C).
atom_args(N, F, A, B) :- N > 3, forall(arg(_, F, X), atom(X)), arg(1, F, A), arg(2, F, B).

%  kind_arity(?Kind, ?Arity): the schema's fact kinds (schema:fact_kind/3)
%  as a table of their own, made when this module is compiled.
term_expansion(kind_arity_table, Clauses) :-
    findall(kind_arity(K, N), ( fact_kind(K, Types, _), length(Types, N) ), Clauses).
kind_arity_table.

span(From, To) :- integer(From), integer(To), From < To.

text(T) :- ( atom(T) -> true ; string(T) ).

%! load_legacy_snapshot(+File) is det.
%
%  Loads a snapshot.qlf written by a casus before snapshots were data.
%  Loading a .qlf runs every directive in it: only for a file the user
%  vouches for.
load_legacy_snapshot(File) :-
    load_files(File, [silent(true)]),
    upgrade_snapshot,
    store:changed.      % its clauses were asserted by loading, not by store/8

%! write_source_snapshot(+File) is det.
%
%  Writes the added spells, ends and defined entities as Prolog source,
%  for a plain swipl to consult after the kb (the benchmark's baseline,
%  tests/bench).  Never read by casus: a source file is code.
write_source_snapshot(File) :-
    setup_call_cleanup(open(File, write, Out, [encoding(utf8)]), write_source(Out), close(Out)).

write_source(Out) :-
    format(Out, "% casus: the added facts and imported entities of a data directory, as Prolog source.~n", []),
    forall(member(P, [store:span_/8, store:defined_/1, store:ended_/4]),
           format(Out, ":- multifile(~q).~n:- dynamic(~q).~n", [P, P])),
    forall(store:span_(P, K1, K2, F, Fr, To, S, added(I, R)),
           format(Out, "~q.~n", [store:span_(P, K1, K2, F, Fr, To, S, added(I, R))])),
    forall(store:ended_(F, Fr, To, R), format(Out, "~q.~n", [store:ended_(F, Fr, To, R)])),
    forall(store:defined_(E), format(Out, "~q.~n~q.~n", [entities:E, store:defined_(E)])).

%! upgrade_snapshot is det.
%
%  Moves the spells of a legacy snapshot (spell_/8 or spell_/9 clauses,
%  the store's former shapes) into the store; the next compaction writes
%  them anew.
upgrade_snapshot :- upgrade_legacy_spells.

%! max_added_id(-Id) is det.
%
%  The largest id in the snapshot (recorded when it was written, so a
%  start with a million added facts does not scan them); the journal's
%  adds replay after it with larger ids.
max_added_id(Max) :-
    (   store:snapshot_max_id_(Max0) -> Max = Max0 ; Max = 0 ).

%! snapshot_generation(-Generation) is det.
snapshot_generation(G) :- ( store:snapshot_generation_(G0) -> G = G0 ; G = 0 ).
