/*  Every predicate the kb's modules call is defined when the kb is
    consulted from its source files (--kb DIR, the plunit suites), not
    only in the build's saved state.  The state gives each kb module the
    modules it imports from as import modules (kb/tools/casus_state.pl,
    docs/performance.md finding 27), so there a call to a predicate a
    module never imported still finds one of the same name; from source
    it is an existence error.  Such a call passes every test of the
    binary, so it is looked for here, in the code, by SWI-Prolog's own
    code walker.
*/
:- use_module(library(plunit)).
:- use_module(library(prolog_codewalk)).
:- prolog_load_context(directory, Dir),
   atom_concat(Dir, '/../../kb/casus.pl', KB),
   load_files(KB, [silent(true)]).

:- begin_tests(kb_calls).

%  defined_elsewhere(?Predicate): called by the kb, defined outside it:
%  the engine's foreign predicates (engine/src/prolog.cpp registers them
%  in casus_errors at start) and a user's rule file's factor/6, which
%  rules:user_rules_loaded/0 asks for before calling it.
defined_elsewhere(casus_errors:limit_reached/0).
defined_elsewhere(casus_errors:interrupt_wanted/0).
defined_elsewhere(casus_errors:halt_pending/0).
defined_elsewhere(casus_errors:refuse_halt/1).
defined_elsewhere(casus_errors:refuse_system_halt/0).
defined_elsewhere(casus_user:factor/6).

:- dynamic undefined_call/1.

note_undefined(Callee, _Caller, _Location) :-
    ( Callee = M:Head -> true ; M = user, Head = Callee ),
    functor(Head, Name, Arity),
    (   undefined_call(M:Name/Arity) -> true ; assertz(undefined_call(M:Name/Arity)) ).

test(every_call_resolves, Undefined == []) :-
    retractall(undefined_call(_)),
    prolog_walk_code([undefined(trace), on_trace(note_undefined)]),
    findall(P, ( undefined_call(P), \+ defined_elsewhere(P) ), Undefined0),
    sort(Undefined0, Undefined).

:- end_tests(kb_calls).
