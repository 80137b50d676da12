:- module(casus_errors,
          [ load_kb/2,           % +File, -Problems
            collecting_problems/2, % :Goal, -Problems
            add_problem/1,       % +Text
            run/3,               % +Module, +Goal, +Mode
            casus_message/2,     % +Exception, -Message
            casus_error_kind/2   % +Exception, -Kind
          ]).

/** <module> How the engine calls Prolog and hears about its errors

The engine loads this module first.  load_kb/2 loads the kb collecting
every error Prolog reports (syntax errors name file:line), run/3 is the
single entry point for every call (a question's in a snapshot; the
engine's watchdog bounds it through time_limit_signal/1), and
casus_message/2 and casus_error_kind/2 turn exceptions into the text
and the class of the C++ exception the engine throws.
*/

:- use_module(library(lists)).

:- dynamic loading/0, problem/1.
:- multifile user:message_hook/3.
:- dynamic user:message_hook/3.

%  The hook below cancels a rule's halt; the error is the engine's, so
%  SWI-Prolog's own note of it is not printed.
user:message_hook(cancel_halt(_), _, _).
user:message_hook(Term, error, Lines) :-
    loading,
    (   catch(lines_text(Lines, Text), _, fail)
    ->  true
    ;   format(string(Text), "~q", [Term])
    ),
    assertz(problem(Text)).

%  lines_text(+Lines, -Text): message lines as Prolog would print them,
%  without the "ERROR: " prefix.
lines_text(Lines, Text) :-
    with_output_to(string(Text), print_message_lines(current_output, '', Lines)).

%! load_kb(+File, -Problems) is det.
%
%  Load File; Problems is "" or the errors reported while loading.
load_kb(File, Problems) :-
    collecting_problems(load_files(File, [silent(true)]), Ps),
    atomic_list_concat(Ps, '\n', A),
    atom_string(A, Problems).

%! collecting_problems(:Goal, -Problems:list(string)) is det.
%
%  Run Goal once (a load), collecting as text every error Prolog reports
%  meanwhile, its exception included; add_problem/1 adds one.
:- meta_predicate collecting_problems(0, -).
collecting_problems(Goal, Problems) :-
    retractall(problem(_)),
    setup_call_cleanup(assertz(loading),
                       (   catch(Goal, E, ( message_to_text(E, T), assertz(problem(T)) ))
                       ->  true
                       ;   true
                       ),
                       retractall(loading)),
    findall(P, problem(P), Problems).

%! add_problem(+Text) is det.
add_problem(Text) :-
    assertz(problem(Text)).

%! time_limit_signal(+Signal) is det.
%
%  The handler of the synthetic signal the watchdog raises: throws
%  casus_limit if the running statement passed its deadline or its
%  memory cap (limit_reached/0, defined by the engine); a signal that
%  arrives after its statement ended is ignored.
time_limit_signal(_) :-
    current_predicate(limit_reached/0),
    limit_reached, !,
    throw(casus_limit).
time_limit_signal(_).

message_to_text(E, T) :-
    catch(( '$messages':translate_message(E, Lines, []), lines_text(Lines, T) ), _, fail), !.
message_to_text(E, T) :- format(string(T), "~q", [E]).

%! run(+Module, +Goal, +Mode) is semidet.
%
%  Call Module:Goal once.  Mode question runs it in a snapshot: what a
%  rule asserts or retracts is taken back when the question ends, and a
%  change to casus's own modules is a permission error.  The time limit
%  and the memory cap are the engine's (limits.cpp), raised as a signal.
run(M, Goal, question) :- !,
    snapshot(( call(M:Goal), !, rule_guard:kb_untouched )).
run(M, Goal, _) :-
    call(M:Goal),
    !.

%! interrupted(+Signal) is det.
%
%  The handler of the synthetic signal the casus program raises on
%  Ctrl-C (Prolog runs with --signals=false, so SIGINT never reaches it
%  directly): the running question stops with casus_interrupted. A
%  signal whose interrupt was dropped when a new statement began
%  (interrupt_wanted/0, defined by the engine, fails) is ignored: it
%  belonged to the statement before.
interrupted(_) :-
    current_predicate(interrupt_wanted/0),
    \+ interrupt_wanted, !.
interrupted(_) :- throw(casus_interrupted).

%! casus_error_kind(+Exception, -Kind) is det.
%
%  Kind is validation (the user's fact is wrong), limit (time or
%  stack) or prolog (anything else).
casus_error_kind(casus_interrupted, interrupted) :- !.
casus_error_kind(casus_limit, limit) :- !.
casus_error_kind(time_limit_exceeded, limit) :- !.
casus_error_kind(time_limit_exceeded(_), limit) :- !.
casus_error_kind(error(resource_error(_), _), limit) :- !.
casus_error_kind(error(E, _), validation) :- validation_error(E), !.
casus_error_kind(_, prolog).

validation_error(casus_overlap(_, _, _)).
validation_error(casus_repeat(_, _)).
validation_error(casus_arity(_, _, _)).
validation_error(casus_arg_type(_, _, _, _)).
validation_error(casus_not_held(_, _)).
validation_error(casus_curated(_)).
validation_error(casus_not_added(_)).
validation_error(existence_error(fact_kind, _)).
validation_error(casus_entity_clash(_)).
validation_error(casus_definition(_)).
validation_error(domain_error(fact, _)).

%! casus_message(+Exception, -Message) is det.
casus_message(casus_interrupted, "interrupted: the question was cancelled (Ctrl-C); the kb is unchanged") :- !.
casus_message(casus_limit, "a limit of the statement (--timeout, memory) was reached") :- !.
casus_message(error(permission_error(modify, casus_module_predicate, PI), _), M) :- !,
    format(string(M), "a rule tried to change ~q, a predicate of casus's own modules: a rule may change casus_user only; nothing of it was kept", [PI]).
casus_message(time_limit_exceeded, "timeout: the question took longer than the time limit") :- !.
casus_message(time_limit_exceeded(_), "timeout: the question took longer than the time limit") :- !.
casus_message(error(resource_error(R), _), M) :- !,
    current_prolog_flag(stack_limit, L), MB is L // (1024 * 1024),
    format(string(M), "stack limit exceeded (~w, limit ~d MB): the question needs more memory than the limit allows; the kb is unchanged", [R, MB]).
casus_message(error(E, _), M) :- custom(E, M), !.
casus_message(E, M) :- message_to_text(E, M0), split_string(M0, "", "\n ", [M]).

custom(casus_overlap(F, From, To), M) :-
    span_text(From, To, S),
    format(string(M), "~q contradicts a fact already held: it holds ~w", [F, S]).
custom(casus_repeat(F, From), M) :-
    iso_date(From, D),
    format(string(M), "~q is already recorded on ~w: an occurrence happens once a day (give another date for another one)", [F, D]).
custom(casus_arity(K, Want, Got), M) :-
    format(string(M), "~w takes ~d arguments, not ~d", [K, Want, Got]).
custom(casus_arg_type(K, N, T, V), M) :-
    format(string(M), "argument ~d of ~w must be a ~w, not '~w'", [N, K, T, V]).
custom(casus_not_held(F, D), M) :-
    iso_date(D, T),
    format(string(M), "~q does not hold on ~w, so it cannot end then", [F, T]).
custom(casus_curated(F), M) :-
    format(string(M), "~q is in the curated kb: end it with a date (retract ... on YYYY-MM-DD)", [F]).
custom(casus_not_added(F), M) :-
    format(string(M), "~q was never added, so there is nothing to withdraw", [F]).
custom(casus_entity_clash(E), M) :-
    format(string(M), "~q clashes with an entity the kb already has under that id or code", [E]).
custom(casus_definition(M), M).   % user_entities.pl wrote the message
custom(existence_error(fact_kind, K), M) :-
    format(string(M), "unknown fact kind '~w' (see .schema)", [K]).

span_text(From, To, S) :-
    iso_date(From, F),
    (   To >= 99991231
    ->  format(string(S), "from ~w", [F])
    ;   iso_date(To, T), format(string(S), "from ~w to ~w", [F, T])
    ).

%  iso_date(+YYYYMMDD, -Text): 20250101 -> "2025-01-01".
iso_date(D, T) :-
    integer(D), D > 0, !,
    Y is D // 10000, M is D // 100 mod 100, Dd is D mod 100,
    format(string(T), "~d-~|~`0t~d~2+-~|~`0t~d~2+", [Y, M, Dd]).
iso_date(D, T) :- format(string(T), "~w", [D]).

%  What a user's rule file may do: its own module.
:- use_module(rule_guard, []).
