:- module(casus_errors,
          [ load_kb/2,           % +File, -Problems
            run/3,               % +Module, +Goal, +Mode
            casus_message/2,     % +Exception, -Message
            casus_error_kind/2   % +Exception, -Kind
          ]).

/** <module> How the engine calls Prolog and hears about its errors

The engine loads this module first.  load_kb/2 loads the kb collecting
every error Prolog reports (syntax errors name file:line), run/3 is the
single entry point for questions (bounded by a time limit), and
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
    retractall(problem(_)),
    setup_call_cleanup(assertz(loading),
                       catch(load_files(File, [silent(true)]), E,
                             ( message_to_text(E, T), assertz(problem(T)) )),
                       retractall(loading)),
    findall(P, problem(P), Ps),
    atomic_list_concat(Ps, '\n', A),
    atom_string(A, Problems).

%! load_user_rules(+File, +TimeoutSeconds, -Problems) is det.
%
%  Load a user's rule file into module casus_user (where rules.pl looks
%  for casus_user:factor/6), collecting the errors as load_kb/2 does.
%  The engine bounds the load with the statement's limits (limits.cpp).
%  A clause for a predicate of casus's own modules, a module
%  declaration, or a directive that changes their database is refused
%  (user_term/2); a file with any problem is unloaded again, so nothing
%  of it stays.  TimeoutSeconds is kept for the callers' sake.
load_user_rules(File, _T, Problems) :-
    retractall(problem(_)),
    protect_kb_modules,
    setup_call_cleanup(( assertz(loading), assertz(loading_rules(File)) ),
                       catch(casus_user:load_files(File, [silent(true)]), E,
                             ( message_to_text(E, Text), assertz(problem(Text)) )),
                       ( retractall(loading_rules(_)), retractall(loading) )),
    findall(P, problem(P), Ps),
    (   Ps == []
    ->  Problems = ""
    ;   catch(unload_file(File), _, true),
        atomic_list_concat(Ps, '\n', A),
        atom_string(A, Problems)
    ).

:- dynamic loading_rules/1, protected_module/1.

%! protect_kb_modules is det.
%
%  Record casus's own modules: every module of class user that exists
%  before the first rule file loads (user, casus_errors, api, store,
%  rules, entities, ...), casus_user excepted.  A rule file may define
%  and change predicates of casus_user only (and of modules it creates
%  itself); libraries (class library or system) are SWI-Prolog's.
protect_kb_modules :-
    protected_module(_), !.
protect_kb_modules :-
    forall(( current_module(M), M \== casus_user, module_property(M, class(user)) ),
           assertz(protected_module(M))).

%  Every term read while a rule file loads passes here last (system
%  expansion runs after casus_user's and user's, so an expansion of the
%  user's own cannot hide a clause from it).
:- multifile system:term_expansion/2.
:- dynamic system:term_expansion/2.
:- asserta((system:term_expansion(T, X) :- casus_errors:loading_rules(_), casus_errors:user_term(T, X))).

%  user_term(+Term, -Expanded): a clause for casus_user (or a module of
%  the user's own) as it is; a refused term becomes nothing, its problem
%  recorded with file:line; a directive runs in a transaction that must
%  leave casus's modules as they were (user_directive/1).
user_term(Term, Expanded) :-
    \+ library_source,
    prolog_load_context(module, M0),
    user_term(Term, M0, Expanded).

user_term((:- D), M0, Expanded) :- !,
    directive(D, M0, Expanded).
user_term((?- D), M0, Expanded) :- !,
    directive(D, M0, Expanded).
user_term(Clause, M0, Expanded) :-
    clause_head(Clause, M0, M, PI),
    protected_module(M), !,
    refuse("defines ~q, a predicate of casus's own module ~q: a rule file may define predicates of casus_user only (factor/6 and its helpers)",
           [M:PI, M]),
    Expanded = [].

clause_head((H :- _), M0, M, PI) :- !, head_pi(M0:H, 0, M, PI).
clause_head((H --> _), M0, M, PI) :- !, head_pi(M0:H, 2, M, PI).
clause_head(H, M0, M, PI) :- head_pi(M0:H, 0, M, PI).

head_pi(QH, Extra, M, N/A) :-
    strip_module(QH, M, H),
    callable(H),
    functor(H, N, A0),
    A is A0 + Extra.

directive(module(Name, _), _, []) :- !,
    refuse("declares module ~q: a rule file is loaded into module casus_user and has no module declaration", [Name]).
directive(module(Name, _, _), _, []) :- !,
    refuse("declares module ~q: a rule file is loaded into module casus_user and has no module declaration", [Name]).
directive(initialization(_, main), _, []) :- !,
    refuse("asks to run as a program (initialization(_, main)), which would end casus", []).
directive(initialization(G), M0, (:- initialization(casus_errors:user_directive(M0:G)))) :- !.
directive(initialization(G, When), M0, (:- initialization(casus_errors:user_directive(M0:G), When))) :- !.
directive(D, _, (:- D)) :-
    loads_or_declares(D), !.
directive(D, M0, (:- casus_errors:user_directive(M0:D))).

%  Directives the loader itself handles (include/1 is one only as a
%  directive), and declarations: not changes of anyone's database.
loads_or_declares(D) :-
    compound(D),
    compound_name_arity(D, N, _),
    memberchk(N, [include, use_module, ensure_loaded, consult, load_files, reexport, autoload,
                  dynamic, discontiguous, multifile, table, meta_predicate, module_transparent,
                  public, det, set_prolog_flag, op, style_check, encoding]).

%! user_directive(:Goal) is det.
%
%  Run a rule file's directive in a transaction that is rolled back
%  with a permission error if it changed a predicate of casus's own
%  modules (store:spell_/9, a date forged past validation and the
%  journal).  A directive that fails or raises is reported as Prolog
%  reports it.
:- meta_predicate user_directive(0).
user_directive(Goal) :-
    catch(transaction(Goal, casus_errors:kb_untouched, casus_rules), E, true),
    !,
    (   var(E)
    ->  true
    ;   E = error(permission_error(modify, casus_module_predicate, M:PI), _)
    ->  refuse("has a directive that changes ~q, a predicate of casus's own module ~q (undone): a rule file may change casus_user only",
               [M:PI, M])
    ;   throw(E)
    ).
user_directive(Goal) :-
    strip_module(Goal, _, Plain),
    print_message(warning, goal_failed(directive, Plain)).

%! kb_untouched is det.
%
%  Raise a permission error naming the predicate if the running
%  transaction changed a clause of casus's own modules.
kb_untouched :-
    transaction_updates(Updates),
    (   member(U, Updates),
        arg(1, U, Ref),
        catch(clause_property(Ref, predicate(M:PI)), _, fail),
        protected_module(M)
    ->  throw(error(permission_error(modify, casus_module_predicate, M:PI), context(rule, _)))
    ;   true
    ).

%  Terms of SWI-Prolog's own library files, loaded on a rule file's
%  behalf, are not the user's.
library_source :-
    prolog_load_context(file, F),
    current_prolog_flag(home, Home),
    sub_atom(F, 0, _, _, Home), !.

refuse(Format, Args) :-
    format(string(What), Format, Args),
    (   source_location(File, Line)
    ->  format(string(P), "~w:~d: the rule file ~s", [File, Line, What])
    ;   format(string(P), "the rule file ~s", [What])
    ),
    assertz(problem(P)).

%  A blocking sleep/1 is not interrupted by a Prolog signal under
%  --signals=false (NOTES-swipl.md).  User rules see a sleep/1 that
%  sleeps in slices of 50 ms, so the time limit and Ctrl-C get a chance
%  between slices.
:- casus_user:redefine_system_predicate(sleep(_)).
casus_user:sleep(T) :- number(T), T > 0.05, !, system:sleep(0.05), T1 is T - 0.05, casus_user:sleep(T1).
casus_user:sleep(T) :- system:sleep(T).

%  A rule cannot end casus: casus_user's halt/0,1 and abolish/1,2 are
%  casus's.  A halt through another module (system:halt(1)) is
%  cancelled by the at_halt/1 hook below while casus is inside a call;
%  either way the call ends with an error (refuse_halt/1, prolog.cpp).
:- casus_user:redefine_system_predicate(halt).
:- casus_user:redefine_system_predicate(halt(_)).
casus_user:halt :- casus_user:halt(0).
casus_user:halt(S) :- ignore(casus_errors:refuse_halt(S)), throw(casus_halt(S)).
:- casus_user:redefine_system_predicate(abolish(_)).
:- casus_user:redefine_system_predicate(abolish(_, _)).
casus_user:abolish(PI) :- casus_errors:may_abolish(PI), system:abolish(casus_user:PI).
casus_user:abolish(N, A) :- casus_user:abolish(N/A).

may_abolish(PI) :-
    strip_module(casus_user:PI, M, _),
    (   protected_module(M)
    ->  throw(error(permission_error(modify, casus_module_predicate, PI), context(abolish/1, _)))
    ;   true
    ).

:- at_halt(casus_errors:halt_hook).
halt_hook :-
    current_predicate(refuse_system_halt/0),
    refuse_system_halt, !,
    cancel_halt('a rule called halt inside a casus call').
halt_hook.

%  A halt written in a rule file, whatever its module (system:halt(1)),
%  is casus_user's (so is an abolish); only a halt built at run time reaches the system's,
%  and the hook above cancels it (SWI-Prolog cancels at most 9 halts a
%  process; user_factor/6 stops the question at the first).
:- multifile system:goal_expansion/2.
:- dynamic system:goal_expansion/2.
:- asserta((system:goal_expansion(G, casus_errors:rule_halt(S)) :-
                casus_errors:loading_rules(_), casus_errors:halt_goal(G, S), \+ casus_errors:library_source)).
halt_goal(halt, 0).
halt_goal(halt(S), S).
rule_halt(S) :- casus_user:halt(S).

%  The same for abolish/1,2 (not undone by a transaction).
:- asserta((system:goal_expansion(G, casus_errors:rule_abolish(PI)) :-
                casus_errors:loading_rules(_), casus_errors:abolish_goal(G, PI), \+ casus_errors:library_source)).
abolish_goal(abolish(PI), PI).
abolish_goal(abolish(N, A), N/A).
rule_abolish(PI) :- casus_user:abolish(PI).

%! user_factor(?Defender, ?Ally, ?Attacker, +Date, -Weight, -Detail) is nondet.
%
%  casus_user:factor/6, the user's rules, as rules.pl calls them: a halt
%  the hook cancelled (halt/1 then fails) stops the question rather than
%  letting the rule carry on as if nothing happened.
user_factor(S, A, X, D, W, Detail) :-
    (   casus_user:factor(S, A, X, D, W, Detail),
        after_user_code
    ;   after_user_code,
        fail
    ).

after_user_code :-
    (   halt_pending
    ->  throw(casus_halt(-1))
    ;   true
    ).

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
    snapshot(( call(M:Goal), !, kb_untouched )).
run(M, Goal, _) :-
    call(M:Goal),
    !.

%! interrupted(+Signal) is det.
%
%  The handler of the synthetic signal the casus program raises on
%  Ctrl-C (Prolog runs with --signals=false, so SIGINT never reaches it
%  directly): the running question stops with casus_interrupted.
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
validation_error(casus_arity(_, _, _)).
validation_error(casus_arg_type(_, _, _, _)).
validation_error(casus_not_held(_, _)).
validation_error(casus_curated(_)).
validation_error(casus_not_added(_)).
validation_error(existence_error(fact_kind, _)).
validation_error(casus_entity_clash(_)).
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
