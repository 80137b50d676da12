/*  Occurrences, crises, requests and the answers to them (kb/crises.pl),
    and the 2016-2026 chronology (kb/chronology_2016_2026.pl).
*/
:- use_module(library(plunit)).
:- use_module(library(lists)).
:- prolog_load_context(directory, Dir),
   atom_concat(Dir, '/../../kb/casus.pl', KB),
   load_files(KB, [silent(true)]).
:- prolog_load_context(directory, Dir), asserta(test_dir(Dir)).

factor_of(S, A, X, D, Kind, W) :-
    rules:factors(S, A, X, D, Fs),
    member(factor(Kind, W, _, _), Fs).

factor_detail(S, A, X, D, Kind, Detail) :-
    rules:factors(S, A, X, D, Fs),
    member(factor(Kind, _, Detail, _), Fs).

score_of(S, A, X, D, Score) :-
    rules:bases(S, A, X, D, Bs),
    rules:assess(S, A, X, D, Bs, assessment(_, _, _, _, Score, _)).

%  Adds facts in a transaction that is rolled back, so tests do not see
%  each other's facts.
with_facts(Facts, Goal) :-
    snapshot(( forall(member(F-From, Facts), store:add_fact(t, F, From, "test", "2026-01-01T00:00:00Z")),
               once(Goal) )).

:- begin_tests(occurrences).

test(two_complaints_both_kept) :-
    with_facts([complaint(armenia, csto, nagorno_karabakh)-20270101,
                complaint(armenia, csto, nagorno_karabakh)-20270201],
               ( findall(F, store:spell(complaint(armenia, csto, nagorno_karabakh), F, _, _, added(_, _)), Fs),
                 assertion(msort(Fs, [20270101, 20270201])) )).
test(same_complaint_same_day_is_a_repeat, [throws(error(casus_repeat(_, 20270101), _))]) :-
    with_facts([complaint(armenia, csto, nagorno_karabakh)-20270101,
                complaint(armenia, csto, nagorno_karabakh)-20270101], true).
test(spells_still_do_not_overlap, [throws(error(casus_overlap(_, _, _), _))]) :-
    with_facts([tie(kazakhstan, armenia, military)-20260101,
                tie(kazakhstan, armenia, military)-20260201], true).
test(occurrence_is_evidence_from_its_date_on) :-
    with_facts([reaction(belarus, september_2022_strikes, silence)-20220920],
               ( \+ store:holds(reaction(belarus, september_2022_strikes, silence), 20220919, _),
                 store:holds(reaction(belarus, september_2022_strikes, silence), 20261128, _) )).
test(every_kind_has_a_reader) :-
    forall(schema:fact_kind(K, _, _), assertion(crises:kind_reader(K, _))).
test(every_occurrence_kind_is_a_kind) :-
    forall(schema:occurrence_kind(K), assertion(schema:fact_kind(K, _, _))).

:- end_tests(occurrences).

:- begin_tests(crises).

% A crisis added by facts (an attack, a request, a refusal) turns the
% asked defender's record against it.
test(refusal_lowers_the_score) :-
    D = 20270601,
    score_of(kazakhstan, georgia, russia, D, Before),
    with_facts([attack(test_war_2027, russia, georgia, own_territory)-20270101,
                request(georgia, kazakhstan, test_war_2027, collective_security_treaty, article_4)-20270102,
                response(kazakhstan, test_war_2027, refusal)-20270103],
               ( score_of(kazakhstan, georgia, russia, D, After),
                 factor_of(kazakhstan, georgia, russia, D, record_with_ally(refused), W) )),
    assertion(W =:= -1.0),
    assertion(After =:= Before - 1.0).
test(unanswered_request) :-
    with_facts([attack(test_war_2027, russia, georgia, own_territory)-20270101,
                request(georgia, kazakhstan, test_war_2027, collective_security_treaty, article_4)-20270102],
               factor_of(kazakhstan, georgia, russia, 20270601, record_with_ally(unanswered), W)),
    assertion(W =:= -1.0).
test(help_outweighs_statements) :-
    with_facts([attack(test_war_2027, russia, georgia, own_territory)-20270101,
                request(georgia, kazakhstan, test_war_2027, collective_security_treaty, article_4)-20270102,
                response(kazakhstan, test_war_2027, concern)-20270103,
                response(kazakhstan, test_war_2027, troops)-20270110],
               factor_of(kazakhstan, georgia, russia, 20270601, record_with_ally(helped), W)),
    assertion(W =:= 1.0).
test(reported_answer_weighs_half) :-
    with_facts([attack(test_war_2027, russia, georgia, own_territory)-20270101,
                request(georgia, kazakhstan, test_war_2027, collective_security_treaty, article_4)-20270102],
               ( store:add_fact(t, response(kazakhstan, test_war_2027, refusal), 20270103,
                                source("reported: an anonymous official", ""), "2026-01-01T00:00:00Z"),
                 factor_of(kazakhstan, georgia, russia, 20270601, record_with_ally(refused), W) )),
    assertion(W =:= -0.5).
% Today's kb: Armenia's requests of 2021 and 2022 were refused, each crisis named by its title (entities:event_title/2).
test(armenia_record_today) :-
    D = 20261128,
    findall(Dt, factor_detail(russia, armenia, azerbaijan, D, record_with_ally(refused), Dt), Ds),
    atomic_list_concat(Ds, ' | ', All),
    assertion(sub_atom(All, _, _, _, 'the 2021 Azerbaijani incursion into Syunik')),
    assertion(sub_atom(All, _, _, _, 'the September 2022 Azerbaijani strikes on Armenia')).
test(record_absent_before_the_requests) :-
    \+ factor_of(russia, armenia, azerbaijan, 20200101, record_with_ally(refused), _),
    \+ ( factor_detail(russia, armenia, azerbaijan, 20210512, record_with_ally(_), Dt),
         sub_string(Dt, _, _, _, "syunik") ).
test(kazakhstan_2022_helped_under_the_treaty, [nondet]) :-
    factor_of(russia, armenia, azerbaijan, 20261128, record_under_treaty(helped), W),
    assertion(W > 0).
test(frozen_participation_2024, [nondet]) :-
    factor_of(russia, armenia, azerbaijan, 20240301, ally_suspended, W),
    assertion(W < 0),
    \+ factor_of(russia, armenia, azerbaijan, 20240221, ally_suspended, _),
    factor_of(armenia, kazakhstan, none, 20240301, defender_suspended, _).
test(freeze_leaves_the_obligation, [nondet]) :-
    rules:obligated(russia, armenia, azerbaijan, 20240301, basis(collective_security_treaty, _, _, _)).
test(north_korea_must_defend_russia_2025) :-
    rules:obligated(north_korea, russia, none, 20250101, basis(russia_dprk_partnership_2024, article_4, _, _)),
    \+ rules:obligated(north_korea, russia, none, 20241203, _).
test(belarus_guarantees_2025) :-
    rules:obligated(belarus, russia, none, 20250313, basis(russia_belarus_guarantees_2024, _, _, _)),
    \+ rules:obligated(belarus, russia, none, 20250312, basis(russia_belarus_guarantees_2024, _, _, _)).
test(us_armenia_charter_no_obligation) :-
    \+ rules:obligated(united_states, armenia, none, 20260101, basis(us_armenia_charter_2025, _, _, _)).
test(unread_reaction_to_unknown_event) :-
    crises:unread_note(reaction(russia, karabakh_war_2099, restraint), Note),
    assertion(sub_string(Note, _, _, _, "no known event")),
    \+ crises:unread_note(reaction(russia, karabakh_war_2020, restraint), _).
test(unread_complaint_without_conflict) :-
    crises:unread_note(complaint(tajikistan, csto, no_such_dispute), _),
    \+ crises:unread_note(complaint(armenia, csto, nagorno_karabakh), _).
% The matrix scores the crisis factors as the questions do.
test(matrix_links_mirror_factors) :-
    D = 20261128,
    findall(W, ( crises:crisis_link(D, l(russia, armenia, Rel, _, W, 0)), \+ sub_atom(Rel, 0, _, _, past_response) ), Ws),
    sum_list(Ws, Links),
    findall(W, ( factor_of(russia, armenia, azerbaijan, D, K, W),
                 memberchk(K, [record_with_ally(_), record_under_treaty(_), ally_suspended, defender_suspended, org_solidarity]) ), Fs),
    sum_list(Fs, Factors),
    assertion(abs(Links - Factors) < 1e-9).

:- end_tests(crises).

:- begin_tests(chronology).

test(every_encoded_row_exists) :-
    forall(chronology_2016_2026:row(Line, _, _), assertion(chronology_rows:chronology_row(Line, _, _, _, _))).
test(every_encoded_fact_is_valid) :-
    forall(chronology_2016_2026:chronology_fact(F, _, _), assertion(schema:valid_fact(F))).
test(spans_are_ordered) :-
    forall(chronology_2016_2026:chronology_fact(_, From-To, _), assertion(From < To)).
test(weak_rows_are_marked) :-
    % NBC's anonymous report (line 103) is kept, marked reported.
    chronology_2016_2026:chronology_fact(reaction(kazakhstan, ukraine_invasion_2022, restraint), 20220225-_, source(Src, _)),
    assertion(sub_string(Src, 0, _, _, "reported: chronology line 103")).
test(sources_and_quotes_are_the_rows, [nondet]) :-
    chronology_2016_2026:chronology_fact(suspended(armenia, csto), 20240222-99991231, source(_, Quote)),
    once(chronology_rows:chronology_row(165, _, _, _, Quote)).
test(every_row_encoded_or_listed) :-
    % kb/README-chronology.md lists each row left out with its reason.
    test_dir(Dir),
    atom_concat(Dir, '/../../kb/README-chronology.md', File),
    read_file_to_string(File, Text, []),
    forall(( chronology_rows:chronology_row(Line, _, _, _, _), \+ once(chronology_2016_2026:row(Line, _, _)) ),
           ( format(string(Tag), "| ~d |", [Line]), assertion(sub_string(Text, _, _, _, Tag)) )).

:- end_tests(chronology).
