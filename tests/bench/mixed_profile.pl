/** <module> The mixed script's questions asked of the kb predicates (mixed_profile.py)

Run as
    swipl --signals=false mixed_profile.pl KB_DIR TERMS time|profile REPEAT [ANSWERS]
TERMS holds a(Fact, From, Source), e(Fact, Date), w(Fact) and q(Question)
terms, one a statement of the script, in order.  The changes go through
the api predicates the engine calls for them; each question is timed
(CPU) while the store grows.  Then the questions are asked again REPEAT
times on the final store, under the profiler with `profile`.  Prints one
JSON line.  With ANSWERS, every answer of the first pass is written there,
one a line, to compare two kbs' answers.
*/
:- initialization(main, main).

% The date mixed_bench.py gives casus (CASUS_TODAY=2026-12-01): every
% question of the script is asked on it.
today(20261201).

main :-
    current_prolog_flag(argv, [Kb, Terms, Mode, RepeatA|Answers]),
    (   Answers = [File0] -> open(File0, write, Out) ; open_null_stream(Out) ),
    nb_setval(answers, Out),
    atom_number(RepeatA, Repeat),
    atomic_list_concat([Kb, '/casus.pl'], File),
    load_files(File, [silent(true)]),
    read_terms(Terms, Statements),
    include([S]>>(S = q(_)), Statements, Questions),
    nb_setval(id, 0),
    statistics(cputime, C0),
    foldl(run, Statements, 0-0, QSeconds-Items),
    statistics(cputime, C1),
    length(Questions, NQ),
    Total is C1 - C0,
    format("{\"mode\":\"mixed_profile\",\"statements_seconds\":~4f,\"questions\":~d,\"question_seconds\":~4f,\"items\":~d",
           [Total, NQ, QSeconds, Items]),
    final(Mode, Repeat, Questions),
    format("}~n"),
    nb_getval(answers, Out), close(Out).

read_terms(File, Terms) :-
    setup_call_cleanup(open(File, read, In), read_all(In, Terms), close(In)).
read_all(In, Terms) :-
    read_term(In, T, []),
    (   T == end_of_file -> Terms = [] ; Terms = [T|Ts], read_all(In, Ts) ).

run(a(F, From, Src), Q, Q) :-
    nb_getval(id, I0), I is I0 + 1, nb_setval(id, I),
    api:api_add(I, F, From, Src, "2026-12-01T00:00:00Z").
run(e(F, D), Q, Q) :- api:api_end(F, D, "added by the user", "2026-12-01T00:00:00Z").
run(w(F), Q, Q) :- api:api_withdraw(F, _).
run(q(Question), S0-N0, S-N) :-
    statistics(cputime, C0),
    ask(Question, Items),
    statistics(cputime, C1),
    nb_getval(answers, Out), format(Out, "~q~n", [Question-Items]),
    length(Items, L),
    S is S0 + C1 - C0, N is N0 + L.

ask(ties(A, B), Items) :- today(D), api:api_ties(A, B, D, Items).
ask(backers(A), Items) :- today(D), api:api_backers(A, D, Items).
ask(treaties(A), Items) :- today(D), api:api_treaties(A, D, Items).

%  final(+Mode, +Repeat, +Questions): the questions again on the final
%  store, each kind timed apart (CPU seconds, items), or profiled.
final(profile, Repeat, Questions) :-
    profile(forall(between(1, Repeat, _), forall(member(q(Q), Questions), ask(Q, _)))),
    show_profile([top(40), cumulative(true)]).
final(time, Repeat, Questions) :-
    forall(member(Kind, [ties, backers, treaties]),
           ( include([q(Q)]>>functor(Q, Kind, _), Questions, Qs),
             length(Qs, N),
             statistics(cputime, C0),
             forall(between(1, Repeat, _), forall(member(q(Q), Qs), ask(Q, _))),
             statistics(cputime, C1),
             aggregate_all(sum(L), (member(q(Q), Qs), ask(Q, Is), length(Is, L)), Items),
             Us is (C1 - C0) / max(1, N * Repeat) * 1.0e6,
             format(",\"final_~w\":{\"n\":~d,\"us_per_question\":~1f,\"items\":~d}", [Kind, N, Us, Items]) )).
