/*  What the crisis factors and the 2016-2026 chronology cost a question:
    400 defenders questions (8 pairs, 50 rounds, as of 2026-11-28) asked of
    a kb, in CPU seconds.  Run it on this kb and on a baseline kb (one
    without kb/crises.pl, e.g. main before issue 20) in the same session:

        git archive 7dba171 kb | tar -x -C /tmp/base
        swipl tests/bench/crises_cost.pl /tmp/base/kb/casus     # no .pl: swipl would load it as a script
        swipl tests/bench/crises_cost.pl kb/casus
*/
:- initialization(main, main).

pairs([armenia-azerbaijan, russia-turkey, kyrgyzstan-tajikistan, turkey-russia,
       kazakhstan-none, georgia-russia, estonia-russia, azerbaijan-armenia]).

run(N) :-
    pairs(Ps),
    forall(between(1, N, _), forall(member(A-X, Ps), rules:defenders(A, X, 20261128, _))).

main :-
    current_prolog_flag(argv, [KB|_]),
    load_files(KB, [silent(true)]),
    run(2),                                   % indexes built, as in a session
    statistics(cputime, T0), run(50), statistics(cputime, T1),
    T is T1 - T0,
    format("~w: 400 questions in ~3f s~n", [KB, T]).
