/*  The rules: obligations, factors and verdicts for pairs inside and
    outside the article.
*/
:- use_module(library(plunit)).
:- use_module(library(yall)).
:- use_module(library(apply)).
:- prolog_load_context(directory, Dir),
   atom_concat(Dir, '/../../kb/casus.pl', KB),
   load_files(KB, [silent(true)]).

verdict_of(S, A, X, D, V) :-
    rules:defenders(A, X, D, As),
    memberchk(assessment(S, _, _, V, _, _), As).

:- begin_tests(rules).

test(csto_obligated_article_time) :-
    findall(S, rules:obligated(S, armenia, azerbaijan, 20151231, _), Ss0), sort(Ss0, Ss),
    assertion(Ss == [belarus, kazakhstan, kyrgyzstan, russia, tajikistan]).
test(attacker_never_defends) :-
    \+ rules:obligated(azerbaijan, armenia, azerbaijan, 19950601, _).
test(fellow_member_flagged_1995) :-
    rules:obligated(russia, armenia, azerbaijan, 19950601, basis(_, _, Notes, _)),
    memberchk(fellow_member, Notes).
test(central_asians_unlikely) :-
    forall(member(S, [kazakhstan, kyrgyzstan, tajikistan]),
           verdict_of(S, armenia, azerbaijan, 20151231, unlikely)).
test(armenia_stands_with_russia) :-
    verdict_of(armenia, russia, turkey, 20151231, likely).
test(nato_27_for_turkey) :-
    findall(S, rules:obligated(S, turkey, none, 20151124, _), Ss0), sort(Ss0, Ss),
    length(Ss, 27).
test(membership_dates) :-
    \+ store:holds(member(sweden, nato), 20240306, _),
    store:holds(member(sweden, nato), 20240307, _),
    store:holds(member(uzbekistan, csto), 20100101, _),
    \+ store:holds(member(uzbekistan, csto), 20130101, _).
test(pair_the_article_never_discusses) :-
    % Azerbaijan attacked by Armenia: Turkey is bound by the Shusha
    % Declaration today, not in 2015.
    rules:obligated(turkey, azerbaijan, armenia, 20260101, _),
    \+ rules:obligated(turkey, azerbaijan, armenia, 20151231, _),
    verdict_of(turkey, azerbaijan, armenia, 20260101, likely).
test(symmetric_ties) :-
    store:holds(tie(azerbaijan, kazakhstan, military), 20151231, _).
test(weights_all_defined) :-
    forall(rules:factors(kazakhstan, armenia, azerbaijan, 20151231, Fs),
           forall(member(factor(_, W, _, _), Fs), number(W))).

% holds/3 finds a symmetric fact from either side even when the other
% state is unbound (a `\=` test once hid the mirrored direction).
test(symmetric_lookup_with_unbound_state) :-
    findall(S, store:holds(conflict(S, armenia, _), 20151231, _), Ss),
    assertion(memberchk(azerbaijan, Ss)).

% The engine checks the facts it adds in bulk with schema:type_class/2
% and the store then trusts them: every argument type needs a class, and
% a class must accept exactly what type_value/2 accepts.
test(every_argument_type_has_a_class) :-
    forall(( schema:fact_kind(_, Ts, _), member(T, Ts) ),
           assertion(schema:type_class(T, _))).
test(type_classes_agree_with_the_schema_check) :-
    forall(schema:type_class(T, one_of(Vs)),
           ( forall(member(V, Vs), assertion(schema:is_of_type(V, T))),
             assertion(\+ schema:is_of_type(not_a_value, T)) )),
    forall(schema:type_class(T, open),
           ( assertion(schema:is_of_type(brand_new_id_2026, T)),
             assertion(\+ schema:is_of_type('Not Snake', T)) )),
    forall(schema:type_class(T, entity),
           assertion(\+ schema:is_of_type(brand_new_id_2026, T))).

% The defence matrix's tables hold a known pair's obligation and its
% pair-specific correction (tests/cli/matrix.py proves the combined
% matrix equal to defenders/4 for every pair).
test(matrix_tables_hold_the_obligations) :-
    matrix:matrix_tables(20151231, tables(_, States, _, _, Obs, _, Cs)),
    assertion(memberchk(armenia, States)),
    assertion(memberchk(ob(armenia, russia, any, true), Obs)),     % the bilateral 1997 treaty
    assertion(memberchk(ob(armenia, kazakhstan, any, false), Obs)),
    assertion(memberchk(c(armenia, azerbaijan, kazakhstan, -0.75), Cs)).

% The verdict model (kb/verdict_model.pl): the score is the sum of the
% factors' effects, the model's own terms among them; the probability is
% its logistic and the verdict its band.
test(model_terms_follow_the_date_and_the_treaty) :-
    rules:defenders(russia, turkey, 20151231, As),
    memberchk(assessment(armenia, true, _, _, Score, Fs), As),
    assertion(memberchk(factor(base_rate_after_1945, _, _, _), Fs)),
    assertion(memberchk(factor(bilateral_alliance, _, _, _), Fs)),
    foldl([factor(_, W, _, _), S0, S1]>>(S1 is S0 + W), Fs, 0, Sum),
    assertion(abs(Sum - Score) < 0.006),
    rules:defenders(armenia, azerbaijan, 19950601, As95),
    memberchk(assessment(kazakhstan, true, _, _, _, Fs95), As95),
    assertion(\+ memberchk(factor(bilateral_alliance, _, _, _), Fs95)),
    verdict_model:model_terms(x, armenia, azerbaijan, 19000101, [], Fs1900),
    assertion(memberchk(factor(base_rate_before_1914, _, _, _), Fs1900)),
    assertion(memberchk(factor(no_obligation, _, _, _), Fs1900)).
test(verdict_is_the_band_of_the_probability) :-
    forall(( member(L, [-5, -2.2, -2.19, -0.01, 0, 0.01, 3]),
             verdict_model:probability(L, P), rules:verdict(L, V) ),
           ( verdict_model:band(V, From, Below), assertion((P >= From, P < Below)) )).

:- end_tests(rules).

/*  defenders/4 reads every defender's raw factors in one pass and the
    obligations once per treaty (docs/performance.md, finding 21).  These
    tests hold it to the definition it replaced: every candidate assessed
    one at a time (side_factors/3 for each), its bases from obligated/5,
    on every ordered pair of the article's states and on dates before,
    during and after its crises.
*/
article_state(S) :-
    member(S, [armenia, azerbaijan, belarus, china, iran, kazakhstan, kyrgyzstan, russia,
               tajikistan, turkey, turkmenistan, ukraine, uzbekistan]).

one_by_one(A, X, D, Sorted) :-
    rules:sides(A, X, D, Sides),
    findall(S-(T-C-basis(T, C, N, L)),
            ( rules:obligated(S, A, X, D, basis(T, C, N, L)), entities:in_system(S, D) ), Found),
    keysort(Found, ByState), group_pairs_by_key(ByState, Groups),
    findall(S-Bs, ( member(S-F1, Groups), keysort(F1, F2), rules:merge_bases(F2, Bs) ), Pairs),
    list_to_assoc(Pairs, Obligations),
    rules:candidates(Sides, Obligations, Candidates),
    findall(Asm, ( member(S, Candidates),
                   ( get_assoc(S, Obligations, Bs) -> true ; Bs = [] ),
                   rules:assess_with(Sides, S, Bs, Asm), rules:keep(Asm) ), Asms),
    predsort(rules:by_rank, Asms, Sorted).

:- begin_tests(rules_one_pass).

test(defenders_as_one_by_one) :-
    forall(( member(D, [19950601, 20151231, 20200927, 20221001, 20261128]),
             article_state(A), article_state(X), A \== X ),
           ( rules:defenders(A, X, D, New), one_by_one(A, X, D, Old),
             assertion(New =@= Old) )).
test(obligations_per_treaty_as_per_party) :-
    forall(( member(D, [19950601, 20151231, 20261128]), article_state(A), member(X, [none, azerbaijan, turkey]), A \== X ),
           ( findall(S-B, ( rules:obligated_any(S, A, X, D, B) ), New0), msort(New0, New),
             findall(S-B, rules:obligated(S, A, X, D, B), Old0), msort(Old0, Old),
             assertion(New == Old) )).

:- end_tests(rules_one_pass).

/*  The answer's terms (api.pl): the faster ways of making a factor's
    evidence order and the notes' texts give what the former code gave
    (finding 29).
*/
:- begin_tests(answer_terms).

%  The comparison the former predsort/3 used.
former_newest_first(O, leaf(F1, R1, Q1, D1), leaf(F2, R2, Q2, D2)) :-
    compare(O0, D2-F2-R2-Q2, D1-F1-R1-Q1),
    ( O0 == (=) -> O = (<) ; O = O0 ).

random_leaf(leaf(F, R, Q, D)) :-
    random_member(F, ["member(a,t1)", "member(b,t1)", "entry(t1)", "tie(a,b,military)"]),
    random_member(R, ["ATOP 4.01", "curated", ""]),
    random_member(Q, ["", "a quote"]),
    random_member(D, [19450101, 19500601, 19500601, 20151231]).

test(newest_first_as_predsort) :-
    set_random(seed(29)),
    forall(between(1, 500, _),
           ( random_between(0, 14, N), length(L, N), maplist(random_leaf, L),
             api:newest_first(L, New),
             predsort(former_newest_first, L, Old),
             assertion(New == Old) )).

test(text_after_as_format) :-
    forall(member(V, [csto, 'Nagorno-Karabakh', "a string", 'it''s', 42, -7, location(x), 'ö']),
           ( api:text_after("only against ", V, New),
             format(string(Old), "only against ~w", [V]),
             assertion(New == Old) )).

:- end_tests(answer_terms).
