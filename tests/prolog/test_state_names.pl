/*  The names states bore over time (kb/state_names.pl): the table has no
    gaps or overlaps inside a state's spells, covers every day of the
    state's COW spells, gives every spell a source, and names the states
    of issue 18's list as they were called on a date.
*/
:- use_module(library(plunit)).
:- prolog_load_context(directory, Dir),
   atom_concat(Dir, '/../../kb/casus.pl', KB),
   load_files(KB, [silent(true)]).

%  next_day(+Date, -Next): the day after Date (YYYYMMDD); fails for a Date
%  that is no day of the calendar.
next_day(D, N) :-
    real_day(D),
    Y is D // 10000, M is D // 100 mod 100, Dd is D mod 100,
    date_time_stamp(date(Y, M, Dd, 12, 0, 0, 0, -, -), S),
    S1 is S + 86400,
    stamp_date_time(S1, date(Y1, M1, D1, _, _, _, _, _, _), 0),
    N is Y1 * 10000 + M1 * 100 + D1.

real_day(99991231) :- !.
real_day(D) :-
    integer(D), Y is D // 10000, M is D // 100 mod 100, Dd is D mod 100,
    between(1, 12, M), Dd >= 1,
    date_time_stamp(date(Y, M, Dd, 12, 0, 0, 0, -, -), S),
    stamp_date_time(S, date(Y, M, Dd, _, _, _, _, _, _), 0).

spells_of(S, Spells) :-
    findall(F-T-N, state_names:name_spell(S, N, F, T, _), Spells0),
    msort(Spells0, Spells).

named_states(States) :-
    findall(S, state_names:name_spell(S, _, _, _, _), S0), sort(S0, States).

%  named(+State, +Text): Text is a string with something in it.
named(_, T) :- string(T), T \== "".

%  named_on(+State, +Date): a name spell of State holds on Date.
named_on(S, D) :- state_names:name_spell(S, _, F, T, _), F =< D, D =< T, !.

%  contiguous(+Spells): each spell ends the day before the next begins.
contiguous([_]).
contiguous([_-T-_, F2-T2-N2|Rest]) :-
    next_day(T, F2),
    contiguous([F2-T2-N2|Rest]).

:- begin_tests(state_names).

test(known_states) :-
    named_states(Ss),
    forall(member(S, Ss), assertion(entities:state(S, _, _))).
test(real_days) :-
    forall(state_names:name_spell(_, _, F, T, _),
           ( assertion(real_day(F)), assertion(real_day(T)), assertion(F =< T) )).
test(from_1816_to_open_end) :-
    named_states(Ss),
    forall(member(S, Ss),
           ( spells_of(S, [F-_-_|_]), last(Rest, _-T-_), spells_of(S, Rest),
             assertion(S-F == S-18160101), assertion(S-T == S-99991231) )).
test(no_gaps_or_overlaps) :-
    named_states(Ss),
    forall(member(S, Ss), ( spells_of(S, Spells), assertion(contiguous(Spells)) )).
test(sources_and_names_not_empty) :-
    forall(state_names:name_spell(S, N, _, _, Src),
           ( assertion(named(S, N)), assertion(named(S, Src)) )).
test(cow_spells_covered) :-
    named_states(Ss),
    forall(( member(S, Ss), entities:state(S, _, Cow), state_system:cow_spell(Cow, From, To) ),
           ( assertion(named_on(S, From)), assertion(named_on(S, To)) )).
test(on_dates, [forall(member(S-D-Want,
        [ yugoslavia-20261201-"Serbia", yugoslavia-19800101-"Yugoslavia", yugoslavia-19000101-"Serbia",
          yugoslavia-20040101-"Serbia and Montenegro", russia-19700101-"Soviet Union", russia-19000101-"Russia",
          russia-20261201-"Russia", turkey-19000101-"Ottoman Empire", turkey-19500101-"Turkey",
          germany-18500101-"Prussia", germany-19000101-"Germany", austria_hungary-18500101-"Austrian Empire",
          austria_hungary-19000101-"Austria-Hungary", myanmar-19700101-"Burma", myanmar-19890618-"Myanmar",
          thailand-19000101-"Siam", thailand-19470101-"Siam", thailand-19400101-"Thailand", thailand-20000101-"Thailand",
          china-19300101-"Republic of China", china-19700101-"China", vietnam-19700101-"North Vietnam",
          vietnam-19800101-"Vietnam", iran-19000101-"Persia", sri_lanka-19600101-"Ceylon",
          democratic_republic_of_the_congo-19800101-"Zaire", north_macedonia-20000101-"Macedonia",
          north_macedonia-20261201-"North Macedonia" ]))]) :-
    state_names:state_name_on(S, D, Got),
    assertion(Got == Want).
test(unnamed_state_keeps_its_name) :-
    state_names:state_name_on(kazakhstan, 19990101, N),
    assertion(N == "Kazakhstan").
test(unknown_id_is_itself) :-
    state_names:state_name_on(no_such_state, 19990101, N),
    assertion(N == "no_such_state").

:- end_tests(state_names).
