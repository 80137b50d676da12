/** <module> Build step: the kb as one SWI-Prolog saved state

    swipl --signals=false --no-packs -f none -F none \
          -g "casus_state('KB_DIR', 'STATE')" -t halt kb/tools/casus_state.pl

Loads the kb from KB_DIR (its .qlf files, compiled just before) and saves
it with SWI-Prolog's own system code as STATE, which casus starts from
(`-x STATE`) instead of booting SWI-Prolog and then loading eleven files
and the libraries they use: one file read, no module resolution, no
autoloading, the curated facts already materialized.

The options this process was started with (no signal handling, no init
files) are saved in the state and become casus's; casus sets the stack
limit itself after it starts. The state is deflated: the build then
stores its entries uncompressed (kb/tools/store_uncompressed.py), since
inflating it took a tenth of the start-up.

Called with -g rather than through library(main), and using no library
helper: whatever this script loads is saved in the state too.
*/

%! casus_state(+KbDir, +State) is det.
casus_state(KbDir, State) :-
    atomic_list_concat([KbDir, '/casus_errors'], Errors),
    atomic_list_concat([KbDir, '/casus'], Kb),
    use_module(Errors),
    consult(Kb),
    % The curated facts are in the store now (store:materialize_curated/0);
    % their definitions are needed by nothing else, and every clause in the
    % state is read at every start (the ATOP release made them thousands).
    retractall(facts:kb_fact(_, _, _, _)),
    forall(only_for_curated_facts(PI), volatile(PI)),
    import_loaded_autoloads,
    use_module(library(qsave)),
    forall(only_for_saving(PI), volatile(PI)),
    imports_as_import_modules,   % after qsave is loaded: its modules' imports too
    qsave_program(State, [ stand_alone(false), autoload(false), class(runtime), packs(false),
                           goal(true), toplevel(prolog) ]).

%! only_for_curated_facts(-PI) is nondet.
%
%  A static predicate read by nothing but the definitions of the curated
%  facts: with those in the store and their definitions dropped, its
%  clauses would be read at every start for nothing.  It is declared
%  volatile here, which keeps its clauses out of the state (qsave_program
%  saves no clause of a volatile predicate); the kb's files keep them.
%  The chronology's 244 verbatim rows (sources and quotes) were 95 KB of
%  the 1.2 MB state; their texts are in the store's spells.
only_for_curated_facts(chronology_rows:chronology_row/5).

%! only_for_saving(-PI) is nondet.
%
%  A predicate of the libraries that save the state (qsave_program/2
%  loads library(qsave) and library(zip)): casus never saves a state, so
%  their clauses are declared volatile and stay out of it, like the
%  chronology's rows above.  They were 5.3M of the 108M instructions a
%  start from the state costs (callgrind of `swipl -x STATE -g halt`).
%  Reading the state needs neither (SWI-Prolog reads its archive in C)
%  but for the two predicates the state's own directives call as it is
%  restored (qsave:restore_import/3, qsave:restore_prolog_flag/3).
only_for_saving(M:Name/Arity) :-
    member(M, [qsave, zip]),
    current_predicate(M:Name/Arity),
    \+ memberchk(M:Name/Arity, [qsave:restore_import/3, qsave:restore_prolog_flag/3]),
    functor(Head, Name, Arity),
    \+ predicate_property(M:Head, imported_from(_)).

%! import_loaded_autoloads is det.
%
%  SWI-Prolog's own libraries declare some imports lazily (`lists` takes
%  must_be/2 from `error` on its first call): in a started state each
%  such first call would read the library index and load the library
%  (~5 ms). Every lazy import whose library the state holds already is
%  made now; the others stay lazy (the state would double in size).
import_loaded_autoloads :-
    forall(( current_predicate(M:'$autoload'/3),
             M:'$autoload'(Spec, _, import(Preds)),
             absolute_file_name(Spec, File, [file_type(prolog), access(read), file_errors(fail)]),
             source_file(File) ),
           M:use_module(File, Preds)).

%! imports_as_import_modules is det.
%
%  qsave_program/2 saves every import relation as a directive that the
%  state runs as it starts (1,551 relations, 8.2M of the 103.6M
%  instructions a start from the state cost: docs/performance.md, finding
%  27).  It saves
%  none that a module's import modules give it (qsave's default_import/3),
%  and the module's clauses need no relation: their calls name the
%  definitions themselves.  Only a call made by name at run time (a
%  meta-call) resolves through the import modules, once, as an undefined
%  predicate is.  So each module that imports from a module I gets I as
%  an import module (after its own, so user and system come first, as for
%  any predicate it did not import), unless then one of the predicates it
%  imports from I would resolve to another definition: then the relations
%  stay directives.  Dynamic predicates keep theirs (qsave saves those
%  always: an assert must reach the imported predicate).  The one
%  difference: a name M never imported from I, called by name in M, finds
%  I's predicate of that name where it was an existence error (a bug the
%  files would show, cli.state_imports compares what the files import).
imports_as_import_modules :-
    findall(M-I, ( current_module(M), M \== user, M \== system,
                   predicate_property(M:H, imported_from(I)), I \== user, I \== system,
                   \+ predicate_property(M:H, dynamic) ), Pairs0),
    sort(Pairs0, Pairs),
    forall(member(M-I, Pairs), import_module_if_same(M, I)).

import_module_if_same(M, I) :-
    (   import_module(M, I)
    ->  true
    ;   add_import_module(M, I, end),
        (   forall(predicate_property(M:H, imported_from(I)), resolves_to(M, H, I))
        ->  true
        ;   delete_import_module(M, I)
        )
    ).

%  resolves_to(+M, +Head, +I): the first of M's import modules, depth
%  first in order, whose own table holds Head (defined there or imported)
%  gives I's definition.
resolves_to(M, H, I) :-
    once(( super_module(M, X), current_predicate(_, X:H) )),
    (   predicate_property(X:H, imported_from(D)) -> true ; D = X ),
    D == I.

super_module(M, X) :-
    import_module(M, Y),
    (   X = Y ; super_module(Y, X) ).
