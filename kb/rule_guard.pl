:- module(rule_guard,
          [ load_user_rules/3,   % +File, +TimeoutSeconds, -Problems
            kb_untouched/0,
            user_factor/6        % ?Defender, ?Ally, ?Attacker, +Date, -Weight, -Detail
          ]).

/** <module> What a user's rule file may do

A rule file (`--rules FILE`, `.load FILE`) is loaded into module
casus_user.  It is trusted to compute (its factors count in every
answer) but not with casus's own modules:

  - load_user_rules/3 refuses, with file:line, a clause for a predicate
    of casus's modules (`rules:defenders/4`), a module declaration, and a
    directive that changes their database (run in a transaction); a file
    with any problem is unloaded again;
  - kb_untouched/0, asked at the end of every question (which runs in a
    snapshot, casus_errors:run/3), makes a change to casus's modules a
    permission error;
  - halt/0,1 and abolish/1,2 in a rule are casus_user's own: a halt ends
    the call with an error (the engine's refuse_halt/1), an abolish of
    casus's predicates is refused; a halt built at run time is cancelled
    by an at_halt/1 hook, and user_factor/6 stops the question at once.

The engine bounds every statement with a time limit and a memory cap
(engine/src/limits.cpp); sleep/1 in a rule sleeps in slices so that
they can strike.
*/

:- use_module(library(lists)).

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
    protect_kb_modules,
    setup_call_cleanup(assertz(loading_rules(File)),
                       casus_errors:collecting_problems(casus_user:load_files(File, [silent(true)]), Ps),
                       retractall(loading_rules(_))),
    (   Ps == []
    ->  Problems = ""
    ;   catch(unload_file(File), _, true),
        atomic_list_concat(Ps, '\n', A),
        atom_string(A, Problems)
    ).

:- dynamic loading_rules/1, protected_module/1, existing_module/1.

%! protect_kb_modules is det.
%
%  Record casus's own modules: every module of class user that exists
%  before the first rule file loads (user, casus_errors, api, store,
%  rules, entities, ...), casus_user excepted: their database is casus's.
%  And every module that exists as this file starts loading, libraries
%  included (lists:append/3 redefined would break the kb): no clause of
%  a rule file goes there.  A rule file defines predicates of casus_user
%  (and of modules it creates itself).
protect_kb_modules :-
    retractall(existing_module(_)),
    forall(( current_module(M), M \== casus_user ), assertz(existing_module(M))),
    (   protected_module(_)
    ->  true
    ;   forall(( existing_module(M), module_property(M, class(user)) ), assertz(protected_module(M)))
    ).

%  Every term read while a rule file loads passes here last (system
%  expansion runs after casus_user's and user's, so an expansion of the
%  user's own cannot hide a clause from it).
:- multifile system:term_expansion/2.
:- dynamic system:term_expansion/2.
:- asserta((system:term_expansion(T, X) :- rule_guard:loading_rules(_), rule_guard:user_term(T, X))).

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
    existing_module(M), !,
    refuse("defines ~q, a predicate of module ~q, which is casus's or SWI-Prolog's: a rule file may define predicates of casus_user only (factor/6 and its helpers)",
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

directive(D, _, []) :-
    module_declaration(D, Name),
    existing_module(Name), !,
    refuse("declares module ~q, which is casus's or SWI-Prolog's: a rule file defines predicates of casus_user (and of modules of its own)", [Name]).
directive(initialization(_, main), _, []) :- !,
    refuse("asks to run as a program (initialization(_, main)), which would end casus", []).
directive(initialization(G), M0, (:- initialization(rule_guard:user_directive(M0:G)))) :- !.
directive(initialization(G, When), M0, (:- initialization(rule_guard:user_directive(M0:G), When))) :- !.
directive(D, _, (:- D)) :-
    loads_or_declares(D), !.
directive(D, M0, (:- rule_guard:user_directive(M0:D))).

module_declaration(module(Name, _), Name).
module_declaration(module(Name, _, _), Name).

%  Directives the loader itself handles (include/1 is one only as a
%  directive), and declarations: not changes of anyone's database.
loads_or_declares(D) :-
    compound(D),
    compound_name_arity(D, N, _),
    memberchk(N, [include, use_module, ensure_loaded, consult, load_files, reexport, autoload,
                  dynamic, discontiguous, multifile, table, meta_predicate, module_transparent,
                  public, det, set_prolog_flag, op, style_check, encoding, module]).

%! user_directive(:Goal) is det.
%
%  Run a rule file's directive in a transaction that is rolled back
%  with a permission error if it changed a predicate of casus's own
%  modules (store:span_/8, a date forged past validation and the
%  journal).  A directive that fails or raises is reported as Prolog
%  reports it.
:- meta_predicate user_directive(0).
user_directive(Goal) :-
    catch(transaction(Goal, rule_guard:kb_untouched, casus_rules), E, true),
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
    casus_errors:add_problem(P).

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
casus_user:abolish(PI) :- rule_guard:may_abolish(PI), system:abolish(casus_user:PI).
casus_user:abolish(N, A) :- casus_user:abolish(N/A).

may_abolish(PI) :-
    strip_module(casus_user:PI, M, _),
    (   protected_module(M)
    ->  throw(error(permission_error(modify, casus_module_predicate, PI), context(abolish/1, _)))
    ;   true
    ).

:- at_halt(rule_guard:halt_hook).
halt_hook :-
    current_predicate(casus_errors:refuse_system_halt/0),
    casus_errors:refuse_system_halt, !,
    cancel_halt('a rule called halt inside a casus call').
halt_hook.

%  A halt written in a rule file, whatever its module (system:halt(1)),
%  is casus_user's (so is an abolish); only a halt built at run time reaches the system's,
%  and the hook above cancels it (SWI-Prolog cancels at most 9 halts a
%  process; user_factor/6 stops the question at the first).
:- multifile system:goal_expansion/2.
:- dynamic system:goal_expansion/2.
:- asserta((system:goal_expansion(G, rule_guard:rule_halt(S)) :-
                rule_guard:loading_rules(_), rule_guard:halt_goal(G, S), \+ rule_guard:library_source)).
halt_goal(halt, 0).
halt_goal(halt(S), S).
rule_halt(S) :- casus_user:halt(S).

%  The same for abolish/1,2 (not undone by a transaction).
:- asserta((system:goal_expansion(G, rule_guard:rule_abolish(PI)) :-
                rule_guard:loading_rules(_), rule_guard:abolish_goal(G, PI), \+ rule_guard:library_source)).
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
    (   casus_errors:halt_pending
    ->  throw(casus_halt(-1))
    ;   true
    ).
