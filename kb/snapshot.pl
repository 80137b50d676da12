:- module(snapshot,
          [ save_snapshot/2,       % +File, +Generation
            upgrade_snapshot/0,
            max_added_id/1,        % -Id
            snapshot_generation/1  % -Generation
          ]).

/** <module> The snapshot: every added fact and imported entity in one file

A compaction (the engine's `.compact`) saves the store's added spells,
ended spells and defined entities here, so a start loads one file
instead of replaying a long journal.  The store's tables are
store:spell_/9, store:ended_/4 and store:defined_/1; this module reads
and writes them through their module-qualified names.
*/

:- use_module(store).
:- use_module(entities).
:- use_module(library(lists)).
:- use_module(library(apply)).
:- use_module(library(yall)).

% A snapshot (save_snapshot/2) is a compiled file of spell_/9 and
% defined_/1 clauses: multifile, so loading it adds to these.
:- multifile store:spell_/9, store:defined_/1, store:snapshot_generation_/1, store:snapshot_max_id_/1, store:ended_/4.
:- dynamic store:snapshot_generation_/1, store:snapshot_max_id_/1.
% Snapshots written before the pair argument hold spell_/8 clauses:
% upgrade_snapshot/0 moves them into spell_/9 after a load.
:- multifile store:spell_/8.
:- dynamic store:spell_/8.

%! upgrade_snapshot is det.
%
%  Moves the spells of a snapshot written before spell_/9 (spell_/8
%  clauses) into the store; the next compaction writes them anew.
upgrade_snapshot :-
    forall(retract(store:spell_(_, _, _, F, From, To, Src, Origin)),
           store:store(F, From, To, Src, Origin)).

%! max_added_id(-Id) is det.
%
%  The largest id in the snapshot (recorded when it was written, so a
%  start with a million added facts does not scan them); the journal's
%  adds replay after it with larger ids.
max_added_id(Max) :-
    (   store:snapshot_max_id_(Max0) -> Max = Max0 ; Max = 0 ).

%! snapshot_generation(-Generation) is det.
snapshot_generation(G) :- ( store:snapshot_generation_(G0) -> G = G0 ; G = 0 ).

%! save_snapshot(+File, +Generation) is det.
%
%  Writes every added spell and defined entity to File (Prolog source)
%  and compiles it to File's .qlf, the form that loads fast.  Compiling
%  loads the file, so the spells and entities are taken out of memory
%  first and come back from it; if compiling fails they are put back.
save_snapshot(File, G) :-
    findall(spell_(P, K, A1, A2, F, Fr, To, S, added(I, R)), store:spell_(P, K, A1, A2, F, Fr, To, S, added(I, R)), Spells),
    foldl([spell_(_, _, _, _, _, _, _, _, added(I, _)), M0, M]>>(M is max(M0, I)), Spells, 0, MaxId),
    findall(ended_(F, Fr, To, R), store:ended_(F, Fr, To, R), Ends),
    append(Spells, Ends, Facts),                % store facts, written and restored alike
    findall(E, store:defined_(E), Entities),
    setup_call_cleanup(open(File, write, Out, [encoding(utf8)]),
                       write_snapshot(Out, G, MaxId, Facts, Entities),
                       close(Out)),
    forget_added,
    catch(user:qcompile(File),   % from user: qualified heads stay qualified in the .qlf
          Error,
          ( forget_added, restore(Facts, Entities), throw(Error) )).

write_snapshot(Out, G, MaxId, Facts, Entities) :-
    format(Out, "% casus snapshot, generation ~d: added facts and imported entities.~n", [G]),
    % Declared again here: without it qcompile/1 leaves these clauses out of the .qlf.
    forall(member(P, [store:spell_/9, store:defined_/1, store:snapshot_generation_/1, store:snapshot_max_id_/1,
                      store:ended_/4]),
           format(Out, ":- multifile(~q).~n:- dynamic(~q).~n", [P, P])),
    format(Out, "~q.~n", [store:snapshot_generation_(G)]),
    format(Out, "~q.~n", [store:snapshot_max_id_(MaxId)]),
    forall(member(S, Facts), format(Out, "~q.~n", [store:S])),
    forall(member(E, Entities), format(Out, "~q.~n~q.~n", [entities:E, store:defined_(E)])).

forget_added :-
    retractall(store:spell_(_, _, _, _, _, _, _, _, added(_, _))),
    retractall(store:ended_(_, _, _, _)),
    forall(retract(store:defined_(E)), retract(entities:E)),
    retractall(store:snapshot_generation_(_)),
    retractall(store:snapshot_max_id_(_)).

restore(Facts, Entities) :-
    forall(member(S, Facts), assertz(store:S)),
    forall(member(E, Entities), ( assertz(entities:E), assertz(store:defined_(E)) )).
