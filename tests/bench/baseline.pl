/** <module> The benchmarks' baseline: the kb predicates called directly

Run as
    swipl --signals=false baseline.pl questions KB_DIR PAIRS DATE [DIGEST]
      (PAIRS: a line "ALLY ATTACKER" per question, or "ALLY ATTACKER YYYYMMDD"
      for a question on its own date instead of DATE)
    swipl --signals=false baseline.pl assertz N
Prints one JSON line, as casus_bench does, for bench.py to compare.
*/
:- initialization(main, main).
:- use_module(library(readutil)).

main :-
    current_prolog_flag(argv, Argv),
    (   Argv = [questions, Kb, Pairs, Date|Rest]
    ->  questions(Kb, Pairs, Date, Rest)
    ;   Argv = [assertz, N]
    ->  atom_number(N, Count), assertz_bench(Count)
    ;   format(user_error, "usage: baseline.pl questions KB PAIRS DATE [DIGEST] | assertz N~n", []), halt(2)
    ).

questions(Kb, PairsFile, DateA, Rest) :-
    atomic_list_concat([Kb, '/casus.pl'], File),
    load_files(File, [silent(true)]),
    atom_number(DateA, Date),
    read_file_to_string(PairsFile, Text, []),
    split_string(Text, "\n", " ", Lines0), exclude(==(""), Lines0, Lines),
    maplist(question(Date), Lines, Pairs),
    Pairs = [A0-X0-D0|_], api:api_defenders(A0, X0, D0, _),         % warm-up: just-in-time indexes
    ( Rest = [DigestFile|_] -> true ; DigestFile = '/dev/null' ),
    setup_call_cleanup(open(DigestFile, write, Out),
        ( get_time(T0),
          foldl([A-X-D, N0, N]>>( api:api_defenders(A, X, D, Answers),
                                  length(Answers, Len), N is N0 + Len,
                                  digest(Out, A, X, Answers) ), Pairs, 0, Total),
          get_time(T1) ),
        close(Out)),
    length(Pairs, Q), S is max(0.000001, T1 - T0), PerS is Q / S,
    format("{\"mode\":\"baseline_questions\",\"n\":~d,\"seconds\":~4f,\"per_second\":~2f,\"answers\":~d}~n", [Q, S, PerS, Total]).

%  question(+Date, +Line, -Question): a line "ALLY ATTACKER" asks on Date,
%  "ALLY ATTACKER YYYYMMDD" on its own date.
question(Date, Line, A-X-D) :-
    split_string(Line, " ", "", [As, Xs|Ds]),
    atom_string(A, As), atom_string(X, Xs),
    ( Ds = [DS] -> number_string(D, DS) ; D = Date ).

digest(Out, A, X, Answers) :-
    format(Out, "~w ~w: ", [A, X]),
    forall(member(answer(S, _, _, _, _, V, Sc, _, _), Answers), format(Out, "~w:~w:~2f ", [S, V, Sc])),
    nl(Out).

assertz_bench(N) :-
    States = a(armenia, azerbaijan, belarus, kazakhstan, kyrgyzstan, russia, tajikistan, turkey),
    get_time(T0),
    forall(between(1, N, I),
           ( J is I mod 8 + 1, arg(J, States, S), atom_concat(bench_threat_, I, T),
             % the store's keys (store.pl pair_key/3, kind_key/3), made as an add makes them
             term_hash(p(S, T), P),
             term_hash(k(priority, S), K1),
             term_hash(k(priority, T), K2),
             assertz(span_(P, K1, K2, priority(S, T), 20260101, 99991231, source('added by the user', ''), added(I, '2026-11-28T00:00:00Z'))) )),
    get_time(T1),
    S is max(0.000001, T1 - T0), PerS is N / S,
    format("{\"mode\":\"baseline_assertz\",\"n\":~d,\"seconds\":~4f,\"per_second\":~0f}~n", [N, S, PerS]).

:- dynamic span_/8.   % the store's own shape (kb/store.pl)
