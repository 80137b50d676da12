/*  The store's keys (kb/store.pl span_/8): every lookup by a pair, by a
    kind and its first argument, or by a kind and its second argument
    finds exactly the spells a scan of the whole store finds, in the same
    order; pair_holds/7 the pair's facts; a spell of a former table shape
    is moved into the store's.
*/
:- use_module(library(plunit)).
:- use_module(library(lists)).
:- use_module(library(apply)).
:- prolog_load_context(directory, Dir),
   atom_concat(Dir, '/../../kb/casus.pl', KB),
   load_files(KB, [silent(true)]).

%  Adds facts in a transaction that is rolled back, so tests do not see
%  each other's facts.
with_facts(Facts, Goal) :-
    snapshot(( forall(nth1(I, Facts, F-From), store:add_fact(I, F, From, "test", "2026-01-01T00:00:00Z")),
               once(Goal) )).

added_facts([ backs(kazakhstan, armenia, nagorno_karabakh)-20200101,
              backs(russia, armenia, nagorno_karabakh)-20200101,
              tie(kazakhstan, armenia, military)-20200101,
              tie(armenia, georgia, economic)-20210101,
              priority(armenia, threat_test)-20200101,
              stance(armenia, nagorno_karabakh, self_determination)-20200101 ]).

%  scanned(+Pattern, -Spells): the spells of facts Pattern subsumes, by a
%  walk over the whole store with nothing bound (no key, no index).
scanned(Pattern, Spells) :-
    findall(F-From-To, ( store:spell(F, From, To, _, _), subsumes_term(Pattern, F) ), Spells).

%  looked_up(+Pattern, -Spells): the same through the store's lookup for
%  the arguments Pattern binds.
looked_up(Pattern, Spells) :-
    findall(F-From-To, ( F = Pattern, store:spell(F, From, To, _, _) ), Spells).

same_by_key_and_scan(Pattern) :-
    scanned(Pattern, S), looked_up(Pattern, L),
    (   S == L -> true
    ;   format(user_error, "~q: scan ~q, lookup ~q~n", [Pattern, S, L]), fail
    ).

:- begin_tests(store_keys).

test(kind_and_first_argument) :-
    added_facts(Fs),
    with_facts(Fs, forall(member(P, [backs(kazakhstan, _, _), tie(armenia, _, _), member(armenia, _),
                                     party(armenia, _), priority(armenia, _), stance(armenia, _, _)]),
                          same_by_key_and_scan(P))).

test(kind_and_second_argument) :-
    added_facts(Fs),
    with_facts(Fs, forall(member(P, [backs(_, armenia, _), tie(_, armenia, _), member(_, csto),
                                     party(_, csto_treaty), supports(_, azerbaijan, _)]),
                          same_by_key_and_scan(P))).

test(pair_and_kind) :-
    added_facts(Fs),
    with_facts(Fs, forall(member(P, [backs(kazakhstan, armenia, _), tie(kazakhstan, armenia, _),
                                     member(armenia, csto), tie(armenia, kazakhstan, _), backs(_, _, _)]),
                          same_by_key_and_scan(P))).

test(pair_holds, [true(Got == [backs(kazakhstan, armenia, nagorno_karabakh), tie(kazakhstan, armenia, military)])]) :-
    added_facts(Fs),
    with_facts(Fs, findall(F, store:pair_holds(kazakhstan, armenia, 20250101, F, _, _, _), Got0)),
    msort(Got0, Got).

test(pair_holds_not_the_mirror, [true(Got == [])]) :-
    added_facts(Fs),
    with_facts(Fs, findall(F, store:pair_holds(armenia, kazakhstan, 20250101, F, _, _, _), Got)).

test(a_term_as_an_argument_matches_nothing, [true(Got == [])]) :-
    findall(F, ( member(F, [member(f(x), _), tie(_, f(x), _), backs(f(x), g(y), _)]), store:holds(F, 20250101, _) ), Got).

test(mirrored_symmetric_fact_has_its_own_end, [true(To == 20300101)]) :-
    with_facts([tie(georgia, armenia, military)-20200101],
               ( store:end_fact(tie(georgia, armenia, military), 20300101, "test", "2026-01-01T00:00:00Z"),
                 store:holds(tie(armenia, georgia, military), 20250101, _, To) )).

%  The keys are numbers (store.pl pair_key/3, kind_key/3): an add and the
%  lookups of every kind make no atom, so the saved state holds no atom per
%  curated spell and a million adds do not grow the atom table.  Measured
%  on a second pair (a first call may load what it needs), with atom
%  garbage collection off so that no atom is taken away in between.
test(keys_make_no_atoms, [true(New == 0)]) :-
    current_prolog_flag(agc_margin, Margin),
    setup_call_cleanup(set_prolog_flag(agc_margin, 0),
                       ( add_and_look_up(georgia, belarus),
                         statistics(atoms, A0), add_and_look_up(iceland, mongolia), statistics(atoms, A1) ),
                       set_prolog_flag(agc_margin, Margin)),
    New is A1 - A0.

add_and_look_up(A, B) :-
    with_facts([tie(A, B, cultural)-20200101],
               forall(member(F, [tie(A, B, _), tie(_, B, _), backs(A, _, _)]), ignore(store:holds(F, 20250101, _)))).

:- end_tests(store_keys).

:- begin_tests(store_legacy_shapes).

% A spell of each former table shape, as a legacy snapshot (.qlf) or an
% old generated world loads it, is moved into span_/8 and answered.
test(upgraded, [true(Got == [member(georgia, csto), party(georgia, test_treaty_b), party(georgia, test_treaty_c)])]) :-
    snapshot(( assertz(store:spell_(member, georgia, csto, member(georgia, csto), 20200101, 99991231, source(s, ''), added(1, r))),
               assertz(store:spell_('georgia\x1\test_treaty_b', party, georgia, test_treaty_b, party(georgia, test_treaty_b),
                                    20200101, 99991231, source(s, ''), added(2, r))),
               assertz(store:spell_(georgia-test_treaty_c, party, georgia, test_treaty_c, party(georgia, test_treaty_c),
                                    20200101, 99991231, source(s, ''), added(3, r))),
               store:upgrade_legacy_spells,
               \+ store:spell_(_, _, _, _, _, _, _, _),
               \+ store:spell_(_, _, _, _, _, _, _, _, _),
               findall(F, ( member(F, [member(georgia, csto), party(georgia, test_treaty_b), party(georgia, test_treaty_c)]),
                            store:spell(F, 20200101, 99991231, _, added(_, _)) ), Got) )).

:- end_tests(store_legacy_shapes).
