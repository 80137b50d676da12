/*  Areas (where an attack falls) and entities defined by a user
    (kb/areas.pl, kb/user_entities.pl), on the curated kb.
*/
:- use_module(library(plunit)).
:- prolog_load_context(directory, Dir),
   atom_concat(Dir, '/../../kb/casus.pl', KB),
   load_files(KB, [silent(true)]).

obligated_at(Place, S, A, X, D, T) :-
    findall(S0-T0, ( areas:with_place(Place, findall(S1-T1, rules:obligated(S1, A, X, D, basis(T1, _, _, _)), L)),
                     member(S0-T0, L) ), Pairs),
    member(S-T, Pairs).

treaty_defenders(Place, A, X, D, T, Ss) :-
    findall(S, obligated_at(Place, S, A, X, D, T), Ss0), sort(Ss0, Ss).

:- begin_tests(areas).

test(csto_covers_armenia) :-
    treaty_defenders(armenia, armenia, azerbaijan, 20201015, collective_security_treaty, Ss),
    assertion(Ss == [belarus, kazakhstan, kyrgyzstan, russia, tajikistan]).
test(csto_not_in_karabakh) :-
    treaty_defenders(nagorno_karabakh, armenia, azerbaijan, 20201015, collective_security_treaty, Ss),
    assertion(Ss == []).
test(no_place_is_own_territory) :-
    treaty_defenders(none, armenia, azerbaijan, 20201015, collective_security_treaty, Ss),
    assertion(Ss == [belarus, kazakhstan, kyrgyzstan, russia, tajikistan]).
test(russia_1997_not_in_karabakh) :-
    treaty_defenders(nagorno_karabakh, armenia, azerbaijan, 20201015, russia_armenia_1997, Ss),
    assertion(Ss == []).
test(nato_area_article_6) :-
    treaty_defenders(bermuda, united_kingdom, none, 20200101, north_atlantic_treaty, In),
    treaty_defenders(falkland_islands, united_kingdom, none, 20200101, north_atlantic_treaty, Out),
    length(In, N), assertion(N > 20), assertion(Out == []).
test(place_restored) :-
    areas:with_place(nagorno_karabakh, true),
    areas:attack_place(P),
    assertion(P == none).
test(place_restored_after_error, [throws(boom)]) :-
    catch(areas:with_place(nagorno_karabakh, throw(boom)), E, ( areas:attack_place(P), assertion(P == none), throw(E) )).
test(covered_note) :-
    areas:with_place(armenia, rules:obligated(russia, armenia, azerbaijan, 20201015,
                                              basis(collective_security_treaty, _, Notes, _))),
    assertion(memberchk(covered(armenia), Notes)).

% The German Confederation's area (kb/treaty_areas.pl): the members' own
% territory, where it lies in the federal territory.
federal(Covered) :-
    once(entities:clause(german_confederation, article_11, _, defence, Conds, _)),
    memberchk(area(Covered), Conds).
test(federal_area_excludes_lombardy_venetia) :-
    federal(C),
    assertion(\+ areas:area_condition(C, austria_hungary, lombardy_venetia, _)).
test(own_territory_covers_a_province) :-
    % Lombardy-Venetia was an Austrian crown land: a treaty limited to the
    % ally's own territory, without within/1, covers it.
    assertion(areas:area_condition([own_territory], austria_hungary, lombardy_venetia, covered(lombardy_venetia))).
test(province_of_another_state_not_covered) :-
    assertion(\+ areas:area_condition([own_territory], italy, lombardy_venetia, _)).
test(federal_area_covers_the_member_itself) :-
    federal(C),
    assertion(areas:area_condition(C, saxony, saxony, covered(saxony))),
    assertion(areas:area_condition(C, austria_hungary, none, none)).
test(federal_area_covers_a_territory_within) :-
    % Saxe-Weimar-Eisenach lay in the federal territory (territory_region/2).
    assertion(areas:area_condition([german_confederation], hanover, saxe_weimar_eisenach, covered(saxe_weimar_eisenach))),
    assertion(\+ areas:area_condition([german_confederation], hanover, lombardy_venetia, _)).
test(leased_territory_not_own_territory) :-
    % Port Arthur was leased from China: Russia's, but not its territory proper.
    assertion(\+ areas:area_condition([own_territory], russia, kwantung_leased_territory, _)),
    assertion(areas:area_condition([own_territory, asia], russia, kwantung_leased_territory, _)).
test(disputed_land_not_covered) :-
    assertion(\+ areas:area_condition([own_territory, asia], russia, lake_khasan, _)).

:- end_tests(areas).

defined(E) :- user_entities:define_user_entity(E).
refused(E, Msg) :-
    catch(( defined(E), fail ), error(casus_definition(M), _), true),
    nonvar(M), sub_string(M, _, _, _, Msg).

:- begin_tests(user_entities, [cleanup(undo_all)]).

undo_all :-
    store:withdraw_fact(member(france, tx_eu), _),
    store:withdraw_fact(member(germany, tx_eu), _),
    forall(member(E, [clause(tx_teu, art42_7, "Article 42(7)", defence, [area([own_territory])], "s"),
                      treaty(tx_teu, "Treaty on European Union", tx_eu, 20071213, 20091201),
                      organisation(tx_eu, "European Union")]),
           store:undo_define(E)).

test(organisation_treaty_clause_oblige_members) :-
    defined(organisation(tx_eu, "European Union")),
    defined(treaty(tx_teu, "Treaty on European Union", tx_eu, 20071213, 20091201)),
    defined(clause(tx_teu, art42_7, "Article 42(7)", defence, [area([own_territory])], "s")),
    store:add_fact(910001, member(france, tx_eu), 19931101, source("s", ""), "r"),
    store:add_fact(910002, member(germany, tx_eu), 19931101, source("s", ""), "r"),
    findall(S, rules:obligated(S, france, none, 20250101, basis(tx_teu, _, _, _)), Ss),
    assertion(Ss == [germany]).
test(taken_id_any_kind) :-
    assertion(refused(issue(csto, "x"), "the id csto is taken")),
    assertion(refused(organisation(armenia, "x"), "it is the state")).
test(unknown_treaty_of_clause) :-
    assertion(refused(clause(no_such_treaty, a, "A", defence, [], "s"), "not known")).
test(bad_obligation) :-
    assertion(refused(clause(russia_armenia_1997, a9, "A", help, [], "s"), "no obligation")).
test(bad_region) :-
    assertion(refused(clause(russia_armenia_1997, a9, "A", defence, [area([mars])], "s"), "no region")).
test(dates_in_order) :-
    assertion(refused(treaty(tx_t2, "T", none, 20200101, 20190101), "before it was signed")).
test(refused_stores_nothing) :-
    \+ entities:treaty(tx_t2, _, _, _, _),
    \+ store:defined_(treaty(tx_t2, _, _, _, _)).

:- end_tests(user_entities).
